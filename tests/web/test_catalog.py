"""Pieces of the web layer that need no server: date periods, text marking and evidence context."""

from __future__ import annotations

from hornbill.web.catalog import period
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
