"""Every data file under hornbill/data has a schema, fits it, and a file that does not fit is named with its entry."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml

from hornbill import schemas
from hornbill.errors import ConfigError
from hornbill.geo import SQLITE_DDL


def test_every_data_file_has_a_schema_and_fits_it() -> None:
    files = {path.relative_to(schemas.DATA_DIR).as_posix() for path in schemas.DATA_DIR.rglob("*") if path.is_file()}
    assert files == set(schemas.SCHEMAS) | set(schemas.SQLITE_SCHEMAS)
    for name, spec in schemas.SCHEMAS.items():
        if spec is not None:
            assert schemas.load_json_data(name) if name.endswith(".json") else schemas.load_data(name)
    for name in schemas.SQLITE_SCHEMAS:
        assert schemas.open_sqlite_data(name).execute("SELECT count(*) FROM entries").fetchone()[0] > 50_000


def test_the_gazetteer_tables_are_the_ones_its_schema_names() -> None:
    con = sqlite3.connect(":memory:")
    con.executescript(SQLITE_DDL)
    for table, columns in schemas.SQLITE_SCHEMAS["gazetteer.sqlite"].items():
        assert {row[1]: row[2] for row in con.execute(f"PRAGMA table_info({table})")} == columns


def test_a_sqlite_data_file_with_other_columns_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    con = sqlite3.connect(tmp_path / "gazetteer.sqlite")
    con.executescript("CREATE TABLE entries (id INTEGER, name TEXT) STRICT; CREATE TABLE meta (key TEXT, value TEXT);")
    con.close()
    monkeypatch.setattr(schemas, "DATA_DIR", tmp_path)
    with pytest.raises(ConfigError, match=r"gazetteer.sqlite: ") as caught:
        schemas.open_sqlite_data("gazetteer.sqlite")
    assert "meta: not a STRICT table" in str(caught.value) and "entries: expected columns" in str(caught.value)
    assert "names: expected columns" in str(caught.value)


def test_a_data_file_that_does_not_fit_names_the_file_and_the_entry(tmp_path: Path) -> None:
    data = yaml.safe_load((schemas.DATA_DIR / "timex.yaml").read_text(encoding="utf-8"))
    data["months"]["may"] = "five"
    data["signals"][True] = None  # a bare `on:` is a YAML boolean
    del data["steps"]
    with pytest.raises(ConfigError) as caught:
        schemas.check(data, schemas.TIMEX, "timex.yaml")
    message = str(caught.value)
    assert message.startswith("timex.yaml: ")
    assert "months.may: expected an integer, found 'five'" in message
    assert "signals: key True is not a string" in message and "steps: missing" in message


def test_a_bad_regular_expression_or_an_unknown_key_is_named() -> None:
    bad = {"furniture": [{"reason": "share", "patterns": ["(unclosed"], "colour": "red"}],
           "glued_credit_labels": [], "tail_markers": {}, "menu_max_words": 3, "verb_hints": []}
    with pytest.raises(ConfigError, match=r"furniture\[0\]\.patterns\[0\]: bad regular expression.*"
                                          r"furniture\[0\]\.colour: unknown key"):
        schemas.check(bad, schemas.BOILERPLATE, "boilerplate.yaml")
