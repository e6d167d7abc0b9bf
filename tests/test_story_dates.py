"""An article that prints no date is placed on a day by the dated reports of its story: the build
holds it back, asks the store which dated reports share its named actors, and parses it again as
published on the latest of their days (``published_basis: story``)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from hornbill.dates import SharedReports, story_day
from hornbill.model import DatePoint
from hornbill.pipeline import build
from hornbill.store import open_kb
from hornbill.views import export
from tests.web.conftest import free_port
from tests.web.test_server import start

# Three short reports of my own on one week of a border dispute; the third prints no date.
PACT = ("date: 2024-03-11\n\nKenya and Somalia signed a security pact in Nairobi on Monday, the two "
        "governments said. The African Union welcomed the deal.\n")
ROW = ("date: 2024-03-13\n\nSomalia accused Kenya on Wednesday of delaying the handover of border posts. "
       "The African Union urged both governments to keep talking.\n")
UNDATED = ("Kenyan officials met Somali ministers in Mogadishu on Tuesday to discuss the border posts. "
           "The African Union said it would send observers to the border.\n")
# A report of the same three actors from another month of the story.
LATER = ("date: 2024-05-29\n\nSomalia accused Kenya on Wednesday of moving troops to the border. The "
         "African Union called both governments to talks.\n")


def write(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def built(db: Path, *runs: list[Path]) -> tuple[dict[str, tuple[str | None, str | None]], list[dict[str, object]]]:
    """(each document's (published, basis) by file name, the exported events) of a KB built by
    one build (or add) per run of paths."""
    kb = open_kb(db)
    try:
        for paths in runs:
            build(paths, kb)
        documents = {Path(d["source"]).name: (d["published"], d["published_basis"]) for d in export.documents(kb)}
        return documents, list(export.events(kb))
    finally:
        kb.close()


def test_the_story_places_an_article_on_the_last_day_of_the_reports_sharing_its_actors() -> None:
    assert story_day(SharedReports(3, "2024-03-13", "2024-03-11", "2024-03-13")) == DatePoint(
        "2024-03-13", "day", "story")
    # the best report shares only one named actor: a country alone is no story
    assert story_day(SharedReports(1, "2024-03-13", "2024-03-13", "2024-03-13")) is None
    # reports sharing (nearly) as many actors come from weeks apart: which news this is, is unknown
    assert story_day(SharedReports(3, "2024-03-13", "2024-03-13", "2024-05-29")) is None
    assert story_day(None) is None
    # an article that gives its own month takes a day of that month only
    march = SharedReports(3, "2024-03-13", "2024-03-11", "2024-03-13")
    assert story_day(march, DatePoint("2024-03", "month", "caption")) == DatePoint("2024-03-13", "day", "story")
    assert story_day(march, DatePoint("2024-04", "month", "caption")) is None


def test_an_undated_article_is_dated_by_its_story_and_its_weekday_read_from_that_day(tmp_path: Path) -> None:
    # the undated file comes first: the build holds it back until the dated reports are stored
    folder = write(tmp_path / "in", {"a_undated.txt": UNDATED, "b_pact.txt": PACT, "c_row.txt": ROW})
    documents, events = built(tmp_path / "kb.duckdb", [folder])
    assert documents["a_undated.txt"] == ("2024-03-13", "story")
    assert documents["b_pact.txt"] == ("2024-03-11", "metadata")
    meeting = [e for e in events if e["event_type"] == "CONSULT"]
    assert [(e["date"], e["date_basis"]) for e in meeting] == [("2024-03-12", "explicit")]


def test_adding_an_undated_article_later_places_it_as_a_build_of_all_would(tmp_path: Path) -> None:
    dated = write(tmp_path / "dated", {"b_pact.txt": PACT, "c_row.txt": ROW})
    undated = write(tmp_path / "undated", {"a_undated.txt": UNDATED})
    at_once = built(tmp_path / "all.duckdb", [undated, dated])
    added = built(tmp_path / "added.duckdb", [dated], [undated])
    assert at_once == added
    assert at_once[0]["a_undated.txt"] == ("2024-03-13", "story")


@pytest.mark.parametrize("reports", [{"c_row.txt": ROW, "d_later.txt": LATER}, {}])
def test_an_article_the_story_cannot_place_stays_undated(tmp_path: Path, reports: dict[str, str]) -> None:
    folder = write(tmp_path / "in", {"a_undated.txt": UNDATED, **reports})
    documents, events = built(tmp_path / "kb.duckdb", [folder])
    assert documents["a_undated.txt"] == (None, "none")
    assert all(e["date"] is None for e in events if e["event_type"] == "CONSULT")


@pytest.mark.parametrize(("month", "placed"), [("2024-03", ("2024-03-13", "story")),
                                               ("2024-04", ("2024-04", "metadata"))])
def test_an_article_dated_to_its_month_takes_the_story_day_only_within_it(
        tmp_path: Path, month: str, placed: tuple[str, str]) -> None:
    articles = {"a_month.txt": f"date: {month}\n\n{UNDATED}", "b_pact.txt": PACT, "c_row.txt": ROW}
    folder = write(tmp_path / "in", articles)
    documents, _ = built(tmp_path / "kb.duckdb", [folder])
    assert documents["a_month.txt"] == placed


def test_the_document_page_says_a_story_date_was_not_printed(tmp_path: Path) -> None:
    folder = write(tmp_path / "in", {"a_undated.txt": UNDATED, "b_pact.txt": PACT, "c_row.txt": ROW})
    db = tmp_path / "kb.duckdb"
    kb = open_kb(db)
    build([folder], kb)
    undated = next(d["doc_id"] for d in export.documents(kb) if d["source"].endswith("a_undated.txt"))
    kb.close()
    port = free_port()
    server = start(db, port, 1, tmp_path)
    try:
        page = httpx.get(f"http://127.0.0.1:{port}/documents/{undated}", timeout=10).text
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert "2024-03-13" in page and "not printed: the latest day of the dated reports sharing its actors" in page


def test_an_undated_article_stored_before_its_story_is_reported_as_placeable_not_changed(tmp_path: Path) -> None:
    undated = write(tmp_path / "undated", {"a_undated.txt": UNDATED})
    dated = write(tmp_path / "dated", {"b_pact.txt": PACT, "c_row.txt": ROW})
    kb = open_kb(tmp_path / "kb.duckdb")
    try:
        assert build([undated], kb).placeable == 0
        later = build([dated], kb)
        documents = {Path(d["source"]).name: d["published"] for d in export.documents(kb)}
    finally:
        kb.close()
    assert later.placeable == 1
    assert documents["a_undated.txt"] is None  # stored articles are not parsed again: a rebuild dates it
