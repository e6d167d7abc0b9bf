"""The material PLOVER types (COOPERATE, AID, RETREAT, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT)
coded from the codebook's modes and the CAMEO verb classes, on sentences written for these tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from hornbill import events

Annotate = Callable[..., Doc]
Found = set[tuple[str, str | None, str | None, str]]


def found(doc: Doc) -> Found:
    """(type, actor, recipient, status) of every event in a Doc."""
    return {
        (e.event_type, e.actor.name if e.actor else None, e.recipient.name if e.recipient else None, e.status)
        for e in doc._.events
    }


def typed(doc: Doc, event_type: str) -> set[tuple[str | None, str | None, str | None]]:
    """(actor, recipient, mode) of the events of one type."""
    return {
        (e.actor.name if e.actor else None, e.recipient.name if e.recipient else None, e.mode)
        for e in doc._.events
        if e.event_type == event_type
    }


def candidate_types(doc: Doc) -> set[tuple[str, str | None]]:
    """(type, mode) of every candidate, doer or not: events whose doer only context can give."""
    return {(c.pattern.event_type, c.mode) for s in doc.sents for c in events.find_candidates(s)}


# --------------------------------------------------------------------------- frames of the grammar


def test_one_under_sanctions_or_house_arrest_is_the_one_sanctioned_or_held(annotate: Annotate) -> None:
    doc = annotate("Yevgeny Prigozhin, who is under EU sanctions, visited Minsk.")
    assert ("European Union", "Yevgeny Prigozhin", None) in typed(doc, "SANCTION")
    held = annotate("Nicolas Maduro has been held under house arrest by the Venezuelan army since July.")
    assert ("Venezuela", "Nicolas Maduro", "arrest") in typed(held, "COERCE")


def test_what_a_protest_is_against_is_its_cause_not_a_report(annotate: Annotate) -> None:
    doc = annotate("Thousands of Georgians rallied against the coup in Tbilisi.")
    assert {t for t, *_ in found(doc)} == {"PROTEST"}


def test_a_judged_act_without_its_doer_is_referred_to_with_its_doer_reported(annotate: Annotate) -> None:
    assert {t for t, *_ in found(annotate("ECOWAS condemned the coup on Sunday."))} == {"ACCUSE"}
    assert "ASSAULT" in {t for t, *_ in found(annotate("ECOWAS condemned Russia's attacks on the port."))}
    # the reaction's subject is still reported
    assert "COERCE" in {t for t, *_ in found(annotate("The coup in Gabon was condemned."))}


def test_refusing_to_condemn_an_act_does_not_undo_it(annotate: Annotate) -> None:
    doc = annotate("Aung San Suu Kyi refused to condemn the Burmese army's attacks on the Karen.")
    assert "Myanmar" in {a for a, _, _ in typed(doc, "ASSAULT")}


def test_supporters_of_an_operation_aid_its_doer(annotate: Annotate) -> None:
    doc = annotate("France conducted strikes on jihadist camps in Mali with support from Niger and Chad.")
    assert {(a, r) for a, r, _ in typed(doc, "AID")} == {("Niger", "France"), ("Chad", "France")}


def test_agentless_passives_keep_their_event_for_the_context_to_give_a_doer(annotate: Annotate) -> None:
    assert ("COERCE", "arrest") in candidate_types(annotate("The former president was arrested on Sunday."))
    assert ("COERCE", "arrest") in candidate_types(annotate("She has been kept under house arrest since 2021."))


def test_month_names_trigger_nothing(annotate: Annotate) -> None:
    assert annotate("The Chilean president signed the budget in March.")._.events == []


# --------------------------------------------------------------------------- no corpus text in rules or tests


SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def _corpus_files() -> list[Path]:
    """The seed articles and every article of the development corpus (tune and check)."""
    return sorted(SHARED_CORPUS.glob("seeds/*.txt")) + sorted(SHARED_CORPUS.glob("dev/*/*/articles/*"))


@pytest.mark.skipif(not _corpus_files(), reason="no shared corpus beside the repository")
def test_no_corpus_sentence_is_in_the_lexicon_or_these_tests() -> None:
    """Patterns and tests are written for the language, not for the articles we measure on: no run of
    six words of a seed or development article appears in the lexicon or in this file."""
    corpus_grams: set[tuple[str, ...]] = set()
    for path in _corpus_files():
        corpus_grams |= _six_grams(path.read_text(encoding="utf-8", errors="replace"))
    for own in (events.LEXICON_PATH, Path(__file__)):
        shared = corpus_grams & _six_grams(own.read_text(encoding="utf-8"))
        assert not shared, f"{own.name} repeats corpus text: {sorted(' '.join(g) for g in shared)[:5]}"
