"""Direct quotations and their speakers, on news-style sentences written for these tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from hornbill.model import Quote
from hornbill.quotes import DATA_FILE, find_quote_spans

Annotate = Callable[..., Doc]


def quotes_of(annotate: Annotate, text: str) -> list[Quote]:
    quotes: list[Quote] = annotate(text)._.quotes
    return quotes


def speaker_name(quote: Quote) -> str:
    assert quote.speaker is not None, f"no speaker for {quote.text!r}"
    return quote.speaker.name


# --- pairing marks (pure) --------------------------------------------------------------------


def test_straight_and_curly_marks_are_paired() -> None:
    text = 'He said "we are ready" and she replied “not yet, not today”.'
    inner = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert inner == ["we are ready", "not yet, not today"]


def test_quote_reopened_after_a_paragraph_is_a_continuation() -> None:
    text = '"The first paragraph ends here. "The second one closes," she said.'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph ends here.",
        "The second one closes,",
    ]
    assert [s.continues for s in spans] == [False, True]


def test_stray_mark_does_not_swallow_the_article() -> None:
    text = 'The 6" pipe burst. ' + "Water flooded the street. " * 200 + '"It was a mess," a resident said.'
    inner = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert "It was a mess," in inner
    assert all(len(q) < 100 for q in inner)


# --- quotes with speakers --------------------------------------------------------------------


def test_quote_before_attribution(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"We will not accept any delay in the handover of power," Kenyan Foreign Minister '
        "Musalia Mudavadi told reporters in Nairobi on Monday.",
    )
    assert len(quotes) == 1
    assert quotes[0].text == "We will not accept any delay in the handover of power"
    assert "Mudavadi" in speaker_name(quotes[0])
    assert quotes[0].evidence.sentence.startswith('"We will not accept')


def test_quote_after_attribution_with_colon(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate, 'Brazilian President Luiz Inacio Lula da Silva said: "The Amazon is not for sale."'
    )
    assert [q.text for q in quotes] == ["The Amazon is not for sale."]
    assert "Lula" in speaker_name(quotes[0])


def test_inverted_attribution(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "“Talks will resume next week in Geneva,” said Jens Stoltenberg, the NATO secretary general.",
    )
    assert "Stoltenberg" in speaker_name(quotes[0])


def test_multi_sentence_quote_is_one_quote(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The harvest failed twice in three years. Families are selling their livestock to buy grain. '
        'We need help now," said Cindy McCain, the head of the World Food Programme.',
    )
    assert len(quotes) == 1
    assert quotes[0].text.startswith("The harvest failed") and quotes[0].text.endswith("We need help now")
    assert "McCain" in speaker_name(quotes[0])
    assert "Families are selling" in quotes[0].evidence.sentence


def test_interrupted_quote_keeps_its_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The ceasefire is holding," Qatari mediator Majed al-Ansari said on Tuesday. '
        '"Both sides have released the first group of hostages."',
    )
    assert [q.text for q in quotes] == [
        "The ceasefire is holding",
        "Both sides have released the first group of hostages.",
    ]
    assert all("Ansari" in speaker_name(q) for q in quotes)


def test_paragraph_broken_quote_joined_by_the_cleaner(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Workers gathered outside the plant in Turin. "
        '"The factory will close at the end of the year. "About 2,000 jobs will go," union leader '
        "Maurizio Landini said.",
    )
    assert [q.text for q in quotes] == [
        "The factory will close at the end of the year.",
        "About 2,000 jobs will go",
    ]
    assert all("Landini" in speaker_name(q) for q in quotes)


def test_quote_over_three_paragraphs_takes_the_speaker_named_at_its_end(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The drought has emptied the wells.\n\n"Cattle are dying by the thousand.\n\n'
        '"We cannot wait for the rains," said Abdi Farah, a village elder in Wajir.',
    )
    assert len(quotes) == 3
    assert all("Farah" in speaker_name(q) for q in quotes)


def test_partial_quote_inside_a_sentence(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate, 'Human Rights Watch said the crackdown had "helped silence dissent" across the country.'
    )
    assert [q.text for q in quotes] == ["helped silence dissent"]
    assert speaker_name(quotes[0]) == "Human Rights Watch"


def test_partial_quote_after_said_that(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Foreign Minister Penny Wong said on Tuesday that the talks in Beijing had been "
        '"constructive and frank".',
    )
    assert [q.text for q in quotes] == ["constructive and frank"]
    assert "Wong" in speaker_name(quotes[0])


def test_pronoun_speaker_is_the_person_named_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Finnish President Sauli Niinisto visited troops near the eastern border on Thursday. "
        '"Our security environment has changed fundamentally," he said.',
    )
    assert len(quotes) == 1
    assert "Niinisto" in speaker_name(quotes[0])


def test_according_to(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "According to Ukrainian Defence Minister Oleksii Reznikov, "
        "“the counteroffensive has only just begun”.",
    )
    assert [q.text for q in quotes] == ["the counteroffensive has only just begun"]
    assert "Reznikov" in speaker_name(quotes[0])


def test_said_in_a_statement(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The European Commission said in a statement that the tariffs were "
        '"proportionate and temporary" and would be reviewed in June.',
    )
    assert speaker_name(quotes[0]) == "European Commission"


@pytest.mark.parametrize(
    "text",
    [
        'The junta called the report "propaganda" and expelled the envoy.',
        'Militias loyal to the "Patriotic Front" control the main roads north of the capital.',
    ],
)
def test_scare_quotes_and_names_are_not_quotes(annotate: Annotate, text: str) -> None:
    assert quotes_of(annotate, text) == []


def test_person_in_apposition_beats_the_country_in_the_title(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The sanctions will stay in place," EU foreign affairs spokesman, Peter Stano, said in Brussels.',
    )
    assert "Stano" in speaker_name(quotes[0])


def test_possessive_does_not_become_the_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"There is no question of a truce," Vladimir Putin\'s spokesman, Dmitry Peskov, told reporters.',
    )
    assert "Peskov" in speaker_name(quotes[0])


def test_participle_attribution_takes_the_main_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Fiona Hill, a former White House adviser, says arms deliveries have doubled since March, "
        "adding “most of those weapons came through third countries”.",
    )
    assert [q.text for q in quotes] == ["most of those weapons came through third countries"]
    assert "Hill" in speaker_name(quotes[0])


def test_he_said_after_a_quote_continues_its_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        'Viktor Orban "played for time" on the aid package, EU Council President Charles Michel said. '
        '"We know that Budapest wanted concessions on frozen funds before any vote," he said.',
    )
    assert len(quotes) == 2
    assert all("Michel" in speaker_name(q) for q in quotes)


def test_speaker_is_not_taken_across_a_paragraph_break(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "At a press conference in Ankara, Foreign Minister Hakan Fidan said talks would go on\n\n"
        'Sergey Lavrov last week said the grain corridor was run on a "purely commercial basis," '
        "and that Moscow owed nothing to Kyiv.",
    )
    assert [q.text for q in quotes] == ["purely commercial basis"]
    assert "Lavrov" in speaker_name(quotes[0])


def test_quote_in_a_relative_clause_without_a_person_is_dropped(annotate: Annotate) -> None:
    text = 'Gunmen who pledged loyalty to the "Islamic Front" took control of the river port.'
    assert quotes_of(annotate, text) == []


def test_unknown_proper_noun_speaker_gets_a_name_key(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate, '"The dam will hold through the rainy season," Kofi Mensah-Boateng told reporters.'
    )
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.type == "PERSON"
    assert quotes[0].speaker.key.startswith("person:")


# --- the tests and word lists are written for the language, not for the corpora --------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def _corpus_folders() -> list[Path]:
    return [p for p in [CORPUS / "seeds", *sorted(CORPUS.glob("dev/*/*/articles"))] if p.is_dir()]


@pytest.mark.skipif(not _corpus_folders(), reason="no corpus beside the repository")
@pytest.mark.parametrize("own", [DATA_FILE, Path(__file__)], ids=lambda p: p.name)
def test_no_corpus_sentence_is_in_the_word_lists_or_these_tests(own: Path) -> None:
    """No run of six words of a seed or dev article appears in quotes.yaml or in this file. The
    message names the corpus folder only: the dev check half must not be read, even by a failure."""
    mine = _six_grams(own.read_text(encoding="utf-8"))
    for folder in _corpus_folders():
        shared = [p.name for p in sorted(folder.iterdir()) if mine & _six_grams(p.read_text(errors="replace"))]
        assert not shared, f"{own.name} repeats {len(shared)} article(s) of {folder.relative_to(CORPUS)}"
