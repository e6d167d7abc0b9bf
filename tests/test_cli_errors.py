"""Wrong input answers with one line a person understands and exit status 2, never a traceback or a
silent empty answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result

from hornbill.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "2023-06-30-sahel-wire-minusma-vote.txt"


def hornbill(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def error_of(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


def test_an_unknown_event_type_is_an_error_that_suggests_the_type(examples_kb: Path) -> None:
    message = error_of(hornbill("timeline", "--db", str(examples_kb), "--type", "RETREET"))
    assert "unknown event type 'RETREET'" in message and "did you mean RETREAT" in message
    assert "unknown event type 'BOGUS'" in error_of(hornbill("export", "events", "--db", str(examples_kb),
                                                             "--format", "csv", "--type", "BOGUS"))


def test_an_unknown_actor_is_an_error_that_suggests_actors(examples_kb: Path) -> None:
    message = error_of(hornbill("timeline", "--db", str(examples_kb), "--actor", "Wagnerrr Holdngs Ltd"))
    assert "no actor in the knowledge base matches 'Wagnerrr Holdngs Ltd'" in message
    assert "did you mean 'Wagner Group'" in message


def test_a_misspelt_actor_filter_is_read_and_said_so(examples_kb: Path) -> None:
    result = hornbill("timeline", "--db", str(examples_kb), "--actor", "Wagnr")
    assert result.exit_code == 0 and "Wagner Group" in result.stdout
    assert "'Wagnr' read as Wagner Group" in result.stderr


def test_actor_finds_a_misspelt_full_name(examples_kb: Path) -> None:
    result = hornbill("actor", "Emanuel Macron", "--db", str(examples_kb))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Emmanuel Macron")


@pytest.mark.parametrize("limit", ["0", "-1", "many"])
def test_limits_are_validated(examples_kb: Path, limit: str) -> None:
    for command in ("timeline", "actors"):
        message = error_of(hornbill(command, "--db", str(examples_kb), "--limit", limit))
        assert "Invalid value for '--limit'" in message


def test_an_unknown_actor_type_is_an_error(examples_kb: Path) -> None:
    message = error_of(hornbill("actors", "--db", str(examples_kb), "--type", "PERSN"))
    assert "unknown actor type 'PERSN'; did you mean PERSON?" in message


def test_a_bad_date_is_an_error(examples_kb: Path) -> None:
    assert "not a date: '2023-13'" in error_of(hornbill("timeline", "--db", str(examples_kb), "--since", "2023-13"))


@pytest.mark.parametrize(("text", "expected"), [
    ("actors:\n  - key: x\n   name: [unclosed\n", "not valid YAML: line 3, column 4"),
    ("actors:\n  - key: pmc:foo\n    name: Foo Group\n    type: WARLORD\n", "pmc:foo: type WARLORD not in"),
    ("actors:\n  - name: No Key\n", "entry without a key: {'name': 'No Key'}"),
])
def test_a_bad_actor_file_is_one_line_and_leaves_no_kb(tmp_path: Path, text: str, expected: str) -> None:
    actors = tmp_path / "my-actors.yaml"
    actors.write_text(text, encoding="utf-8")
    db = tmp_path / "new.duckdb"
    message = error_of(hornbill("build", str(ARTICLE), "-o", str(db), "--actors", str(actors)))
    assert message.count("\n") == 1 and message.startswith(f"hornbill: error: {actors}: ")
    assert expected in message
    assert not db.exists()


def test_a_bad_actor_file_leaves_an_existing_kb_untouched(examples_kb: Path, tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    shutil.copy(examples_kb, db)
    before = db.read_bytes()
    actors = tmp_path / "bad.yaml"
    actors.write_text("actors:\n  - name: No Key\n", encoding="utf-8")
    error_of(hornbill("add", str(ARTICLE), "--db", str(db), "--actors", str(actors)))
    assert db.read_bytes() == before


def test_a_database_that_is_not_a_kb_is_reported_as_such(tmp_path: Path) -> None:
    foreign = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE sales (region VARCHAR, amount INTEGER)")
    con.close()
    for args in (["stats"], ["timeline"], ["export", "events"]):
        message = error_of(hornbill(*args, "--db", str(foreign)))
        assert "a DuckDB database, but not a hornbill knowledge base" in message and "sales" in message
    assert "not a hornbill knowledge base" in error_of(hornbill("build", str(ARTICLE), "-o", str(foreign)))
    con = duckdb.connect(str(foreign), read_only=True)
    assert [t for (t,) in con.execute("SHOW TABLES").fetchall()] == ["sales"]
    con.close()
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database", encoding="utf-8")
    assert "not a DuckDB database" in error_of(hornbill("stats", "--db", str(text)))


def test_an_ambiguous_document_prefix_lists_the_documents(examples_kb: Path) -> None:
    message = error_of(hornbill("show", "d", "--db", str(examples_kb)))
    assert "'d' matches 16 documents" in message and "2023-06-30-sahel-wire-minusma-vote.txt" in message
    assert "no document matches 'zzz'" in error_of(hornbill("show", "zzz", "--db", str(examples_kb)))
    assert hornbill("show", "2023-06-30-sahel-wire-minusma-vote.txt", "--db", str(examples_kb)).exit_code == 0


def test_export_help_points_to_docs_that_exist() -> None:
    result = hornbill("export", "--help")
    assert result.exit_code == 0 and "docs/exports.md" in " ".join(result.output.split())
    assert (ROOT / "docs" / "exports.md").is_file()


def test_export_refuses_what_it_cannot_write(examples_kb: Path) -> None:
    assert "give one with -o FILE" in error_of(hornbill("export", "events", "--db", str(examples_kb),
                                                        "--format", "parquet"))
    assert "events only" in error_of(hornbill("export", "quotes", "--db", str(examples_kb), "--format", "plover"))
    assert "not documents" in error_of(hornbill("export", "documents", "--db", str(examples_kb), "--type", "AID"))
