"""The DuckDB knowledge base on hand-built records: storage, idempotence, linking, exports."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import duckdb
import pytest
from spacy.language import Language

from hornbill.errors import StoreError
from hornbill.model import (
    Actor,
    ActorMention,
    Claim,
    DatePoint,
    DocResult,
    Document,
    EventMention,
    Evidence,
    Quote,
    content_id,
)
from hornbill.process import process_text
from hornbill.store import open_kb
from hornbill.views import export

FRANCE = Actor("country:FRA", "France", "COUNTRY", "FRA", ("France",))
NIGER = Actor("country:NER", "Niger", "COUNTRY", "NER", ("Niger",))
CHAD = Actor("country:TCD", "Chad", "COUNTRY", "TCD", ("Chad",))


def document(text: str, outlet: str, source: str) -> Document:
    verbatim = Document.verbatim(text, content_id(text, prefix="d"), source, DatePoint("2023-12-23", "day", "metadata"))
    return dataclasses.replace(verbatim, outlet=outlet)


def withdrawal(doc: Document, date: DatePoint, recipient: Actor = NIGER, actor: Actor = FRANCE) -> EventMention:
    return EventMention(
        event_type="RETREAT", actor=actor, recipient=recipient, date=date, status="occurred",
        evidence=Evidence(doc.doc_id, doc.source, doc.text, 0, len(doc.text)), trigger="withdrew",
        mode="withdraw", confidence=0.8, summary=f"{actor.name} withdraws from {recipient.name}",
    )


def result(text: str, outlet: str, source: str, date: DatePoint, recipient: Actor = NIGER) -> DocResult:
    doc = document(text, outlet, source)
    return DocResult(
        document=doc,
        actors=(ActorMention(0, 6, "France", FRANCE, "ner"),),
        events=(withdrawal(doc, date, recipient),),
        quotes=(Quote(doc.doc_id, doc.source, FRANCE, "we leave with our heads high",
                      Evidence(doc.doc_id, doc.source, text, 0, len(text))),),
        claims=(Claim(doc.doc_id, doc.source, "French troops", 1500.0, "troops", "about",
                      Evidence(doc.doc_id, doc.source, text, 0, len(text))),),
    )


@pytest.fixture
def kb_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.duckdb"


def test_two_outlets_reporting_one_withdrawal_become_one_event_with_two_sources(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([
        result("France withdrew its last soldiers from Niger on Friday.", "Wire A", "a.txt",
               DatePoint("2023-12-22", "day", "explicit")),
        result("The last French troops left Niger in December.", "Paper B", "b.txt",
               DatePoint("2023-12", "month", "explicit")),
    ])
    events = list(export.events(kb))
    assert len(events) == 1
    assert events[0]["num_sources"] == 2
    assert events[0]["date"] == "2023-12-22"  # the more precise date speaks for the event
    assert len(events[0]["mentions"]) == 2
    assert "same actor country:FRA" in " ".join(m["link_reason"] or "" for m in events[0]["mentions"])


def test_different_recipient_or_incompatible_date_stays_separate(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([
        result("France withdrew from Niger in December 2023.", "Wire A", "a.txt",
               DatePoint("2023-12", "month", "explicit")),
        result("France withdrew from Chad in January 2025.", "Wire A", "c.txt",
               DatePoint("2025-01", "month", "explicit"), recipient=CHAD),
        result("France withdrew from Niger in 2019, a paper claims.", "Paper B", "d.txt",
               DatePoint("2019", "year", "explicit")),
    ])
    assert len(list(export.events(kb))) == 3


def test_adding_the_same_document_twice_changes_nothing(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    first = result("France withdrew from Niger on Friday.", "Wire A", "a.txt",
                   DatePoint("2023-12-22", "day", "explicit"))
    kb.add([first])
    before = kb.counts()
    ids_before = [e["id"] for e in export.events(kb)]
    summary = kb.add([first])
    assert summary.added == 0 and summary.already_stored == 1
    assert kb.counts() == before
    assert [e["id"] for e in export.events(kb)] == ids_before


def test_a_failing_batch_leaves_the_kb_as_it_was(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([result("France withdrew from Niger on Friday.", "Wire A", "a.txt",
                   DatePoint("2023-12-22", "day", "explicit"))])
    before = kb.counts()

    def exploding() -> object:
        yield result("France left Chad.", "Wire A", "c.txt", DatePoint("2025-01", "month", "explicit"), CHAD)
        raise RuntimeError("worker died")

    with pytest.raises(RuntimeError):
        kb.add(exploding())  # type: ignore[arg-type]
    assert kb.counts() == before


def test_exports_follow_the_contract(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([result("France withdrew its soldiers from Niger on Friday.", "Wire A", "a.txt",
                   DatePoint("2023-12-22", "day", "explicit"))])
    event = next(export.events(kb))
    assert {"id", "event_type", "mode", "quad_class", "actor", "recipient", "date", "date_precision", "status",
            "location", "summary", "mentions", "num_sources", "confidence"} <= set(event)
    assert event["quad_class"] == "material cooperation"
    assert event["actor"]["name"] == "France" and event["actor"]["country"] == "FRA"
    assert {"doc_id", "source", "sentence", "start", "end"} <= set(event["mentions"][0])
    doc = next(export.documents(kb))
    assert {"doc_id", "source", "title", "outlet", "published", "published_precision", "language", "chars",
            "kept_chars", "warnings"} <= set(doc)
    entity = next(export.entities(kb))
    assert {"id", "name", "type", "country", "aliases", "mentions"} <= set(entity)
    quote = next(export.quotes(kb))
    assert quote["speaker"]["name"] == "France" and quote["text"].startswith("we leave")
    claim = next(export.claims(kb))
    assert claim["value"] == 1500.0 and claim["qualifier"] == "about"
    json.dumps([event, doc, entity, quote, claim])  # everything serialises


def test_a_reopened_kb_keeps_its_contents(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([result("France withdrew from Niger on Friday.", "Wire A", "a.txt",
                   DatePoint("2023-12-22", "day", "explicit"))])
    counts = kb.counts()
    kb.close()
    reopened = open_kb(kb_path, read_only=True)
    assert reopened.counts() == counts


def test_the_kb_does_not_depend_on_the_order_documents_arrive_in(tmp_path: Path) -> None:
    results = [
        result("France withdrew its last soldiers from Niger on Friday.", "Wire A", "a.txt",
               DatePoint("2023-12-22", "day", "explicit")),
        result("France withdrew from Niger, a paper reports.", "Paper B", "b.txt",
               DatePoint("2023", "year", "explicit")),
        result("The last French troops left Niger in December.", "Paper C", "c.txt",
               DatePoint("2023-12", "month", "explicit")),
        result("France left Chad in January 2025.", "Wire A", "d.txt", DatePoint("2025-01", "month", "explicit"), CHAD),
    ]
    exports = []
    for name, order in (("forward", results), ("backward", results[::-1]), ("mixed", [results[2], results[0],
                                                                                         results[3], results[1]])):
        kb = open_kb(tmp_path / f"{name}.duckdb")
        for r in order:
            kb.add([r])  # one document at a time, as `hornbill add` does
        exports.append([list(export.records(kb, kind)) for kind in export.KINDS])
        kb.close()
    assert exports[0] == exports[1] == exports[2]
    events = exports[0][0]
    assert sorted(e["num_sources"] for e in events) == [1, 3]


WIRE_STORY = (
    "France withdrew its last soldiers from Niger on Friday, ending a deployment that began more than a decade "
    "ago, the defence ministry in Paris said. The final convoy crossed into Chad overnight under escort, and "
    "the remaining equipment will be flown home in the coming weeks. Niger's military rulers had demanded the "
    "departure after the July coup, and the two governments agreed on a timetable in October. Officials in "
    "Niamey said the base would be handed to the national army, which has asked other partners for training."
)


def test_a_syndicated_copy_counts_as_the_same_source(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    date = DatePoint("2023-12-22", "day", "explicit")
    kb.add([result(WIRE_STORY, "Wire A", "a.txt", date)])
    kb.add([result("Advertisement\n" + WIRE_STORY + "\nShare on social media", "Paper B", "b.txt", date)])
    documents = {d["source"]: d for d in export.documents(kb)}
    assert documents["b.txt"]["duplicate_of"] == documents["a.txt"]["doc_id"]
    events = list(export.events(kb))
    assert len(events) == 1 and len(events[0]["mentions"]) == 2
    assert events[0]["num_sources"] == 1


def test_one_trigger_with_two_recipients_stays_two_events(kb_path: Path) -> None:
    doc = document("Soldiers removed the president and the prime minister from office.", "Wire A", "a.txt")
    base = withdrawal(doc, DatePoint("2021-05-24", "day", "explicit"))
    first = dataclasses.replace(base, event_type="COERCE", recipient=NIGER)
    second = dataclasses.replace(base, event_type="COERCE", recipient=CHAD)
    kb = open_kb(kb_path)
    kb.add([DocResult(document=doc, events=(first, second))])
    assert sorted(e["recipient"]["name"] for e in export.events(kb)) == ["Chad", "Niger"]


def test_a_kb_written_with_another_schema_version_is_refused_with_a_hint(kb_path: Path) -> None:
    open_kb(kb_path).close()
    con = duckdb.connect(str(kb_path))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"schema version 1.*hornbill build"):
            open_kb(kb_path, read_only=read_only)


def test_one_batch_stores_and_links_as_adding_its_documents_one_by_one(tmp_path: Path) -> None:
    # A and B report dates five days apart, so they are two events until C's month-precise report
    # joins them; D is a syndicated copy of A in the same batch; A comes twice.
    a = result(WIRE_STORY, "Wire A", "a.txt", DatePoint("2023-12-22", "day", "explicit"))
    b = result("French soldiers left Niger on Wednesday, the army said.", "Paper B", "b.txt",
               DatePoint("2023-12-27", "day", "explicit"))
    c = result("France pulled out of Niger in December.", "Paper C", "c.txt", DatePoint("2023-12", "month", "explicit"))
    d = result("Advertisement\n" + WIRE_STORY + "\nShare on social media", "Paper D", "d.txt",
               DatePoint("2023-12-22", "day", "explicit"))
    batch = [a, b, c, d, a]
    one_by_one, together = open_kb(tmp_path / "single.duckdb"), open_kb(tmp_path / "batch.duckdb")
    singles = [one_by_one.add([r]) for r in batch]
    summary = together.add(batch)
    for field in ("added", "already_stored", "events", "merged"):
        assert getattr(summary, field) == sum(getattr(s, field) for s in singles), field
    assert (summary.added, summary.already_stored, summary.events, summary.merged) == (4, 1, 1, 2)  # C and D joined
    assert summary.doc_ids == [doc_id for s in singles for doc_id in s.doc_ids]
    assert [list(export.records(together, kind)) for kind in export.KINDS] == \
           [list(export.records(one_by_one, kind)) for kind in export.KINDS]
    assert together.actors() == one_by_one.actors()
    documents = {doc["source"]: doc for doc in export.documents(together)}
    assert documents["d.txt"]["duplicate_of"] == documents["a.txt"]["doc_id"]
    events = list(export.events(together))
    assert len(events) == 1 and events[0]["num_sources"] == 3  # A and its copy D count once


def test_a_batch_joins_stored_events_and_merges_them_through_a_new_report(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([result("France withdrew its last soldiers from Niger on Friday.", "Wire A", "a.txt",
                   DatePoint("2023-12-22", "day", "explicit"))])
    kb.add([result("French soldiers left Niger on Wednesday, the army said.", "Paper B", "b.txt",
                   DatePoint("2023-12-27", "day", "explicit"))])
    assert kb.counts()["events"] == 2
    summary = kb.add([
        result("France pulled out of Niger in December.", "Paper C", "c.txt",
               DatePoint("2023-12", "month", "explicit")),
        result("France left Chad in January 2025.", "Wire A", "d.txt", DatePoint("2025-01", "month", "explicit"), CHAD),
    ])
    assert (summary.events, summary.merged) == (0, 1)  # two stored events become one; Chad is new
    assert sorted(e["num_mentions"] for e in kb.events()) == [1, 3]


def test_an_event_reported_as_past_without_a_date_takes_its_first_report_day(kb_path: Path) -> None:
    kb = open_kb(kb_path)
    kb.add([
        result("France has withdrawn its troops from Niger, the paper says.", "Paper B", "b.txt",
               DatePoint("2023-12-23", "day", "reported")),
        result("France has pulled its soldiers out of Niger.", "Wire A", "a.txt",
               DatePoint("2024-01-09", "day", "reported")),
    ])
    events = list(export.events(kb))
    assert len(events) == 1
    assert (events[0]["date"], events[0]["date_basis"]) == ("2023-12-23", "reported")


# Two articles of my own: the first names its day; the second has no date anywhere, but it tells
# the first one's withdrawal as "in March last year", which places it in 2025.
DATED_REPORT = (
    "KAMPALA, 2 March 2024 - Uganda withdrew its engineers from UNMISS on Friday, the army said, after the "
    "unit finished rebuilding a bridge near Juba."
)
UNDATED_REPORT = (
    "Uganda pulled its engineers out of UNMISS in March last year.\n"
    "In January, Kenya sent 400 police officers to Haiti to lead the security mission there."
)


def test_an_undated_article_is_read_in_the_year_that_other_articles_place_it(tmp_path: Path, nlp: Language) -> None:
    results = [process_text(UNDATED_REPORT, nlp, source="undated.txt"),
               process_text(DATED_REPORT, nlp, source="dated.txt")]
    assert results[0].document.published.value is None
    exports = []
    for name, batches in (("batch", [results]), ("undated first", [[r] for r in results]),
                          ("dated first", [[r] for r in results[::-1]])):
        kb = open_kb(tmp_path / f"{name}.duckdb")
        for batch in batches:
            kb.add(batch)
        exports.append(list(export.events(kb)))
        kb.close()
    assert exports[0] == exports[1] == exports[2]
    dates = {(e["actor"]["id"], e["event_type"]): (e["date"], e["date_basis"]) for e in exports[0]}
    assert dates[("country:UGA", "RETREAT")][0].startswith("2024-03")
    # police sent to another country's mission are assistance (AID), dated "In January" of 2025
    assert dates[("country:KEN", "AID")] == ("2025-01", "story")


def test_an_undated_article_alone_stays_undated(tmp_path: Path, nlp: Language) -> None:
    kb = open_kb(tmp_path / "kb.duckdb")
    kb.add([process_text(UNDATED_REPORT, nlp, source="undated.txt")])
    assert all(e["date"] is None for e in export.events(kb))
    kb.close()
