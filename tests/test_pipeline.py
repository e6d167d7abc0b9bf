"""The per-document pipeline on whole articles written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from hornbill.process import process_text

ARTICLE_WITH_TAIL = """Chad expels French troops

N'DJAMENA, 30 January 2025 - The last French soldiers withdrew from Chad on Thursday, ending decades of
military presence, the army said. Chad's government ended its defence agreement with France in November.

Share this article

Related articles

Editor's choice
Protesters attacked police stations in Dhaka after the government imposed a curfew on the capital.
The European Union imposed sanctions on three shipping firms and accused them of breaking the embargo.
Rebels seized the airport of the northern town and kidnapped two aid workers.
"""


def test_the_unrelated_tail_of_a_page_yields_no_events(nlp: Language) -> None:
    result = process_text(ARTICLE_WITH_TAIL, nlp, source="chad.txt")
    tail_start = ARTICLE_WITH_TAIL.index("Related articles")
    assert result.events, "the article body itself reports events"
    assert all(e.evidence.end <= tail_start for e in result.events)
    assert all(q.evidence.end <= tail_start for q in result.quotes)
    assert "Dhaka" not in result.document.text


def test_evidence_sentences_sit_at_their_offsets_in_the_original(nlp: Language) -> None:
    result = process_text(ARTICLE_WITH_TAIL, nlp, source="chad.txt")
    original = result.document.original
    for event in result.events:
        located = original[event.evidence.start : event.evidence.end]
        assert " ".join(located.split()) == " ".join(event.evidence.sentence.split())


def test_the_document_is_dated_from_its_dateline(nlp: Language) -> None:
    result = process_text(ARTICLE_WITH_TAIL, nlp, source="chad.txt")
    assert result.document.published.value == "2025-01-30"
    assert result.document.published.precision == "day"


def test_a_dateline_is_a_sentence_of_its_own_and_no_doer(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "LIMA, May 4 (Reuters) - Peruvian police arrested twelve protesters.\n\nQUITO – Ecuador expelled two envoys."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert "Peruvian police arrested twelve protesters." in sentences
    assert "Ecuador expelled two envoys." in sentences
    assert {e.actor.name for e in doc._.events if e.actor} == {"Peruvian police", "Ecuador"}


def test_a_hyphenated_name_opening_a_paragraph_is_no_dateline(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Al-Qaeda fighters attacked a checkpoint near Gao.")
    assert len(list(doc.sents)) == 1


def test_a_dateline_closed_by_a_colon_dates_the_report_not_its_events(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "HARARE, May 9 (AFP): Zimbabwean police arrested an opposition lawmaker.\n\n"
        "NEW DELHI: India condemned the arrest.",
        published="2025-05-10",
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert "Zimbabwean police arrested an opposition lawmaker." in sentences
    assert "India condemned the arrest." in sentences
    assert {e.actor.name for e in doc._.events if e.actor} == {"Zimbabwean police", "India"}
    assert {(e.date.value, e.date.basis) for e in doc._.events} == {("2025-05-10", "reported")}


def test_verb_forms_the_lemmatizer_cuts_to_another_word_keep_their_verb(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Officers staged a raid at dawn. The guerrillas have waged war for a decade. Militiamen raped "
                   "two women. Police cordoned off the square.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert [lemmas[w] for w in ("staged", "waged", "raped", "cordoned")] == ["stage", "wage", "rape", "cordon"]
    sit_in = annotate("A sit-in was staged outside the ministry of labour on Tuesday.")
    assert "PROTEST" in {e.event_type for e in sit_in._.events}
    rape = annotate("Militiamen raped two women near the camp, witnesses said.")
    assert ("ASSAULT", "sexual") in {(e.event_type, e.mode) for e in rape._.events}
