"""`hornbill actors` and `hornbill actor NAME` on the knowledge base built from examples/ (read only)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hornbill.cli import main
from hornbill.store import open_kb
from hornbill.views import actors as actor_views


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_actors_lists_canonical_actors_with_type_country_mentions_and_aliases(examples_kb: Path) -> None:
    code, out, _ = invoke("actors", "--db", str(examples_kb))
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split()[:4] == ["mentions", "type", "country", "name"]
    mali = next(r for r in rows if " Mali " in f" {r} " and "COUNTRY" in r)
    assert "MLI" in mali and "Bamako" in mali
    counts = [int(r.split()[0]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_actors_filters_by_type_and_limits(examples_kb: Path) -> None:
    code, out, _ = invoke("actors", "--db", str(examples_kb), "--type", "person", "--limit", "3")
    assert code == 0
    rows = out.splitlines()[1:]
    assert len(rows) == 3 and all(r.split()[1] == "PERSON" for r in rows)


def test_actor_page_by_alias_shows_aliases_events_quotes_and_relations(examples_kb: Path) -> None:
    code, out, _ = invoke("actor", "Minusma", "--db", str(examples_kb))
    assert code == 0
    assert out.startswith("MINUSMA  [igo:minusma]")
    for section in ("aliases:", "events (", "quotes (", "relations ("):
        assert section in out
    assert "as recipient" in out


def test_actor_page_finds_a_misspelt_name_through_the_dictionary(examples_kb: Path) -> None:
    kb = open_kb(examples_kb, read_only=True)
    try:
        row, _ = actor_views.find_actor(kb, "Minusman")
        page = actor_views.actor_page(kb, "igo:minusma")
    finally:
        kb.close()
    assert row is not None and row["actor_key"] == "igo:minusma"
    assert page is not None and page.events
    for relation in page.relations:
        assert relation.total == relation.as_actor + relation.as_recipient == sum(relation.types.values())


def test_unknown_actor_is_an_error_on_stderr(examples_kb: Path) -> None:
    code, out, err = invoke("actor", "Nobody Anywhere", "--db", str(examples_kb))
    assert code == 2 and not out
    assert "no actor matches 'Nobody Anywhere'" in err


def test_commands_have_help_with_an_example() -> None:
    for command in ("actors", "actor"):
        code, out, _ = invoke(command, "--help")
        assert code == 0 and "Example: hornbill" in out
