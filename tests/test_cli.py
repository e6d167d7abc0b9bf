"""End to end through the command line: examples/ in, timeline and exports out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hornbill.cli import main
from hornbill.views import export

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

GOOD_ARTICLE = """Title: Niger junta orders French ambassador out

NIAMEY, 26 August 2023 — Niger's military rulers ordered the French ambassador to leave the country
within 48 hours, the foreign ministry said on Saturday.

The junta accused Paris of ignoring its invitation to a meeting. France rejected the demand and said
the coup leaders had no authority to expel its envoy.
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command, in a fresh process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "hornbill.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=600
    )


@pytest.fixture(scope="module")
def examples_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("kb") / "examples.duckdb"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(db)])
    assert result.exit_code == 0, result.output
    return db


def test_examples_build_into_a_timeline_of_dated_events(examples_kb: Path) -> None:
    result = CliRunner().invoke(main, ["timeline", "--db", str(examples_kb), "--format", "json"])
    assert result.exit_code == 0
    events = json.loads(result.stdout)
    assert len(events) >= 10
    assert sum(1 for e in events if e["date"]) >= 0.8 * len(events)
    assert any(e["num_sources"] >= 2 for e in events), "two outlets report the same vote"
    text = CliRunner().invoke(main, ["timeline", "--db", str(examples_kb)])
    assert "2023" in text.stdout and "source" in text.stdout


@pytest.mark.parametrize("kind", export.KINDS)
def test_every_export_kind_is_json_lines(examples_kb: Path, kind: str) -> None:
    result = CliRunner().invoke(main, ["export", kind, "--db", str(examples_kb)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows, f"no {kind} exported"
    if kind == "events":
        for row in rows:
            assert row["mentions"] and row["mentions"][0]["sentence"]
            assert row["status"] in ("occurred", "announced")


def test_evidence_offsets_point_at_the_sentence_in_the_original(examples_kb: Path) -> None:
    from hornbill.store import open_kb

    kb = open_kb(examples_kb, read_only=True)
    originals = {d["doc_id"]: kb.document(d["doc_id"])["original"] for d in kb.documents()}  # type: ignore[index]
    for event in export.events(kb):
        for m in event["mentions"]:
            # Furniture dropped from inside a sentence stays in the original, so compare the ends.
            stated = " ".join(originals[m["doc_id"]][m["start"] : m["end"]].split())
            sentence = " ".join(m["sentence"].split())
            assert stated[:25] == sentence[:25] and stated[-25:] == sentence[-25:]
    kb.close()


def test_building_the_same_folder_twice_changes_nothing(examples_kb: Path) -> None:
    before = [CliRunner().invoke(main, ["export", k, "--db", str(examples_kb)]).stdout for k in export.KINDS]
    again = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(examples_kb)])
    assert again.exit_code == 0
    assert " 0 new" in again.stderr
    after = [CliRunner().invoke(main, ["export", k, "--db", str(examples_kb)]).stdout for k in export.KINDS]
    assert after == before


def test_show_prints_kept_and_dropped_text(examples_kb: Path) -> None:
    name = sorted(p.name for p in EXAMPLES.glob("*.txt"))[0]
    result = CliRunner().invoke(main, ["show", name, "--db", str(examples_kb)])
    assert result.exit_code == 0
    assert "+ " in result.stdout and "doc_id:" in result.stdout


def test_bad_files_are_named_on_stderr_and_the_rest_still_builds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8" * 50 + b"\x00\x00\x81")
    # Invalid UTF-8 that is plainly Latin-1 text: read, with a warning naming the file.
    latin = GOOD_ARTICLE.replace("\u2014", "-").replace("junta", "junte r\u00e9gnante")
    (folder / "latin1.txt").write_bytes(latin.encode("latin-1"))
    db = tmp_path / "kb.duckdb"
    result = run("build", str(folder), "-o", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    for name in ("empty.txt", "picture.txt", "broken.txt"):
        assert sum(1 for line in lines if name in line) == 1, result.stderr
    assert sum(1 for line in lines if "latin1.txt" in line and "latin-1" in line) == 1, result.stderr
    assert "2 documents read" in result.stderr and "3 files skipped" in result.stderr
    events = run("export", "events", "--db", str(db))
    assert events.returncode == 0 and events.stdout.strip()


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "kb.duckdb"))
    assert result.returncode != 0
    assert "empty.txt" in result.stderr


def test_reading_commands_explain_a_missing_kb(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["timeline", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2
    assert "no such knowledge base" in result.stderr


TWO_REPORTS = {
    "wire.txt": """Title: Peacekeepers to leave Lebanon border area
Date: 2025-03-04
Outlet: Levant Wire

UNIFIL, which has about 10,000 troops in southern Lebanon, will hand its posts to the army, officials said.
""",
    "paper.txt": """Title: UN force to shrink
Date: 2025-03-05
Outlet: Cedar Daily

UNIFIL has more than 12,500 soldiers in the south, its spokesman said on Tuesday.
""",
}


def test_conflicts_lists_figures_that_disagree_with_their_sources(tmp_path: Path) -> None:
    for name, text in TWO_REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    assert CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(db)]).exit_code == 0
    result = CliRunner().invoke(main, ["conflicts", "--db", str(db)])
    assert result.exit_code == 0
    assert "about 10,000 troops" in result.stdout and "over 12,500 soldiers" in result.stdout
    assert "Levant Wire" in result.stdout and "Cedar Daily" in result.stdout


def test_adding_articles_later_equals_a_full_rebuild(examples_kb: Path, tmp_path: Path) -> None:
    files = sorted(EXAMPLES.iterdir())
    late = [files[1], files[-2]]
    db = tmp_path / "incremental.duckdb"
    early = [str(f) for f in files if f not in late]
    assert CliRunner().invoke(main, ["build", *early, "-o", str(db)]).exit_code == 0
    added = CliRunner().invoke(main, ["add", *(str(f) for f in late), "--db", str(db)])
    assert added.exit_code == 0, added.output
    for kind in export.KINDS:
        incremental = CliRunner().invoke(main, ["export", kind, "--db", str(db)]).stdout
        rebuilt = CliRunner().invoke(main, ["export", kind, "--db", str(examples_kb)]).stdout
        assert incremental == rebuilt, kind
