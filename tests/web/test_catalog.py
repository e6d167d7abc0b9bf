"""Pieces of the web layer that need no server: date periods, text marking and evidence context."""

from __future__ import annotations

import random
from typing import Any

import pytest

from hornbill.views.timeline import sort_key
from hornbill.web.catalog import (
    Catalog,
    EventFilter,
    as_positions,
    held_by,
    intersection,
    period,
    union,
    words,
)
from hornbill.web.pages import context_window, marked_parts


def test_period_of_contract_dates() -> None:
    assert period("2024") == ("2024-01-01", "2024-12-31")
    assert period("2024-02") == ("2024-02-01", "2024-02-29")
    assert period("2023-11-05") == ("2023-11-05", "2023-11-05")
    assert period(None) is None


def test_marked_parts_split_text_around_facts() -> None:
    text = "One. Two three. Four."
    facts = [{"start": 5, "end": 15, "kind": "event"}, {"start": 9, "end": 21, "kind": "claim"}]
    parts = marked_parts(text, 0, len(text), facts)
    assert "".join(p["text"] for p in parts) == text
    assert [(p["text"], p["fact"] is not None) for p in parts] == [("One. ", False), ("Two three.", True),
                                                                   (" Four.", False)]


def test_context_window_holds_the_paragraph_and_its_neighbours() -> None:
    text = "First para.\n\nSecond para with the fact.\n\nThird para.\n\nFourth."
    segments = [{"start": 0, "end": 11, "kept": True}, {"start": 13, "end": 39, "kept": True},
                {"start": 41, "end": 52, "kept": True}, {"start": 54, "end": 61, "kept": True}]
    start = text.index("Second")
    ctx = context_window(text, segments, start, start + 26)
    assert ctx["mark"] == "Second para with the fact."
    assert ctx["before"] == "First para.\n\n" and ctx["after"] == "\n\nThird para."
    assert not ctx["cut_before"] and ctx["cut_after"]


# -- the catalog's indexes, checked against plain scans of the same records ---------------------------------------

SENTENCES = [
    "Mali's junta ordered French troops to leave the country within six months.",
    "Russian instructors arrived in Bamako, the defence ministry said on Tuesday.",
    "ECOWAS leaders imposed sanctions on the military government after the delayed vote.",
    "The United Nations mission began withdrawing peacekeepers from its northern bases.",
    "Algeria offered to mediate between the government and the armed groups of the north.",
]
ACTORS = [("country:MLI", "Mali"), ("country:FRA", "France"), ("country:RUS", "Russia"), ("igo:ECOWAS", "ECOWAS")]
DATES = ["2021", "2021-06", "2021-06-01", "2021-06-15", "2021-06-30", "2021-07", "2021-12-31", "2022",
         "2022-01", "2022-01-01", "2022-02-28", "2023-03-03", None]


def who(i: int) -> dict[str, Any]:
    actor_id, name = ACTORS[i % len(ACTORS)]
    return {"id": actor_id, "name": name, "type": "COUNTRY", "country": None, "aliases": [name]}


def event_record(i: int) -> dict[str, Any]:
    """An export-shaped event: dates of every precision, actors and sentences in turn."""
    return {"id": f"e{i}", "event_type": ["RETREAT", "AID", "SANCTION"][i % 3], "mode": None,
            "quad_class": ["material conflict", "material cooperation", "verbal conflict"][i % 3],
            "actor": who(i), "recipient": who(i + 1) if i % 4 else None, "date": DATES[i % len(DATES)],
            "status": "occurred", "summary": None, "location": None, "num_sources": 1,
            "mentions": [{"doc_id": f"d{i % 5}", "sentence": SENTENCES[i % len(SENTENCES)], "start": 0, "end": 10}]}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    events = sorted((event_record(i) for i in range(200)), key=sort_key)
    actors = [who(i) | {"mentions": 1} for i in range(len(ACTORS))]
    documents = [{"doc_id": f"d{i}", "title": f"Report {i}", "outlet": "Sahel Wire", "source": f"d{i}.txt"}
                 for i in range(5)]
    built = Catalog(events=events, actors=actors, documents=documents, quotes=[], claims=[])
    built._build()
    return built


def overlaps(event: dict[str, Any], date_from: str | None, date_to: str | None) -> bool:
    span = period(event["date"])
    return span is not None and (date_from is None or span[1] >= date_from) and (date_to is None or span[0] <= date_to)


DAYS = [None, "2020-01-01", "2021-01-01", "2021-05-31", "2021-06-01", "2021-06-02", "2021-06-15", "2021-06-30",
        "2021-07-01", "2021-07-15", "2021-12-31", "2022-01-01", "2022-01-15", "2022-02-28", "2022-12-31", "2024-01-01"]


@pytest.mark.parametrize("date_from", DAYS)
def test_a_date_range_holds_exactly_the_periods_overlapping_it(catalog: Catalog, date_from: str | None) -> None:
    for date_to in DAYS:
        if date_from and date_to and date_to < date_from:
            continue
        found = catalog.filter_events(EventFilter(date_from=date_from, date_to=date_to)).tolist()
        expected = [i for i, e in enumerate(catalog.events) if overlaps(e, date_from, date_to)]
        if date_from is None and date_to is None:
            expected = list(range(len(catalog.events)))  # no range asked: undated events too
        assert found == expected, (date_from, date_to)


def test_filters_combine_like_a_scan_of_every_event(catalog: Catalog) -> None:
    cases = [EventFilter(actor={"country:MLI", "country:RUS"}), EventFilter(involving={"country:FRA"}, q="troops"),
             EventFilter(event_type="AID", date_from="2021-06-10", date_to="2022-01-31"),
             EventFilter(q="sanctions vote", recipient={"country:FRA", "igo:ECOWAS"}), EventFilter(q="nothing-like-it")]
    for f in cases:
        expected = [i for i, e in enumerate(catalog.events)
                    if (f.actor is None or e["actor"]["id"] in f.actor)
                    and (f.recipient is None or (e["recipient"] or {}).get("id") in f.recipient)
                    and (f.involving is None or {e["actor"]["id"], (e["recipient"] or {}).get("id")} & f.involving)
                    and (f.event_type is None or e["event_type"] == f.event_type)
                    and (f.q is None or words(f.q) <= words(e["mentions"][0]["sentence"] + " " + e["event_type"]
                                                            + " " + e["actor"]["name"] + " "
                                                            + (e["recipient"] or {}).get("name", "")))
                    and (f.date_from is None or overlaps(e, f.date_from, f.date_to))]
        assert catalog.filter_events(f).tolist() == expected, f


def test_set_operations_on_position_arrays() -> None:
    rng = random.Random(3)
    for _ in range(300):
        top = rng.randint(1, 400)
        a, b, c = (sorted(rng.sample(range(top), rng.randint(0, top))) for _ in range(3))
        arrays = [as_positions(x) for x in (a, b, c)]
        assert intersection(arrays).tolist() == sorted(set(a) & set(b) & set(c))
        assert union(arrays).tolist() == sorted(set(a) | set(b) | set(c))
        assert held_by(arrays[0], arrays[1]).tolist() == [x in set(a) for x in b]


def test_actor_names_match_whole_or_in_part(catalog: Catalog) -> None:
    assert catalog.resolve_actor("mali") == {"country:MLI"}
    assert catalog.resolve_actor("country:FRA") == {"country:FRA"}
    assert catalog.resolve_actor("r") == {"country:FRA", "country:RUS"}  # "France", "Russia"
    assert catalog.resolve_actor("nobody at all") == set()
