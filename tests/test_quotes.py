"""Direct quotations and their speakers, on news-style sentences written for these tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from hornbill.model import Quote
from hornbill.quotes import find_quote_spans
from hornbill.schemas import DATA_DIR

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


# --- attribution forms of ordinary news copy -------------------------------------------------


def test_double_apostrophe_closes_a_quote() -> None:
    text = "“We will hold elections within eighteen months,’’ the colonel told state radio."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We will hold elections within eighteen months,"]
    assert spans[0].closed


def test_quote_left_open_at_the_end_of_a_cut_page_runs_to_its_paragraph_end() -> None:
    text = 'The police chief said officers had made "several arrests in connection with the blast'
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["several arrests in connection with the blast"]
    assert not spans[0].closed


def test_quote_left_open_at_the_end_of_a_cut_page_keeps_its_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate, 'Police spokesman Mark Ochieng said officers had made "several arrests in connection with'
    )
    assert [q.text for q in quotes] == ["several arrests in connection with"]
    assert "Ochieng" in speaker_name(quotes[0])


def test_unclosed_quote_ends_where_the_inverted_attribution_begins(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The border crossing at Torkham stayed shut for a third day. "
        '"Trucks will cross again next week, and traders will be paid for spoiled goods, Rahimi was '
        "quoted as saying by the state news agency. The ministry did not give a date.",
    )
    assert [q.text for q in quotes] == ["Trucks will cross again next week, and traders will be paid for spoiled goods"]
    assert speaker_name(quotes[0]) == "Rahimi"


def test_verb_first_attribution_to_a_role_named_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Foreign Minister Penny Wong arrived in Suva on Monday for talks on policing.\n\n"
        '"Our region must stay free of coercion," said the foreign minister on Tuesday.',
    )
    assert speaker_name(quotes[0]) == "Penny Wong"


def test_verb_first_attribution_to_a_role_nobody_named(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Floodwater covered the main road into Beledweyne on Sunday.\n\n"
        '"The river has burst its banks in three places," said the district commissioner, '
        "who toured the town by boat.",
    )
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "district commissioner"
    assert quotes[0].speaker.type == "PERSON"


def test_role_named_in_apposition_before_is_that_person(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Amina Okafor, the commission's deputy chair for oversight, said the audit had found gaps. "
        'The agency had been "slow to act on every warning it received," the deputy chair said.',
    )
    assert speaker_name(quotes[0]) == "Amina Okafor"


def test_the_official_is_the_official_described_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "A senior EU trade official told journalists in Brussels that the steel tariffs would stay.\n\n"
        '"Our list of products is final," the official said. "Talks may reopen in spring," another official said.',
    )
    assert [speaker_name(q) for q in quotes] == ["senior EU trade official", "official"]


def test_a_role_of_a_country_is_the_person_of_that_country_named_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Lithuanian President Gitanas Nauseda toured the new brigade's barracks near Rukla.\n\n"
        '"This base shows that our allies keep their word," the Lithuanian leader said.',
    )
    assert speaker_name(quotes[0]) == "Gitanas Nauseda"


def test_quoted_as_saying_names_the_speaker_not_the_reporter(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"Every school in the province will reopen before winter," the state agency\'s correspondent '
        "in Herat quoted Education Minister Hamid Rahimi as saying.",
    )
    assert speaker_name(quotes[0]) == "Hamid Rahimi"


def test_an_outlet_citing_its_source_passes_on_the_sources_words(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"All roads into the region have been reopened to aid convoys," the state news agency said, '
        "citing a senior military commander.",
    )
    assert speaker_name(quotes[0]) == "senior military commander"


def test_quote_continued_over_paragraphs_is_attributed_at_its_end(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Tshisekedi spoke after the ceasefire collapsed near Goma.\n\n"
        "“I am following the fighting hour by hour.\n\n"
        "“I call on every armed group to lay down its weapons,’’ the radio’s correspondent in Kinshasa "
        "quoted President Felix Tshisekedi as saying.",
    )
    assert len(quotes) == 2
    assert all("Tshisekedi" in speaker_name(q) for q in quotes)


def test_quote_paragraph_after_a_quote_paragraph_keeps_its_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The strikes hit radar sites and launch pads," Defence Secretary Grant Shapps said, adding '
        'that the navy would "keep the sea lanes open."\n\n'
        '"We will act again if we must."',
    )
    assert [q.text for q in quotes][-1] == "We will act again if we must."
    assert all(speaker_name(q) == "Grant Shapps" for q in quotes)


def test_quote_paragraph_after_a_plain_paragraph_gets_no_speaker_from_further_back(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The strikes hit radar sites," Defence Secretary Grant Shapps said.\n\n'
        "Shipping insurers raised their premiums for the route on Friday.\n\n"
        '"Nobody wants to send a tanker through there now."',
    )
    assert quotes[-1].text == "Nobody wants to send a tanker through there now."
    assert quotes[-1].speaker is None


def test_part_of_a_name_is_the_person_named_in_full(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Brazilian President Luiz Inacio Lula da Silva flew to Buenos Aires on Monday for a regional summit.\n\n"
        "Officials said the talks would focus on trade.\n\n"
        '"We will not let the bloc fall apart," Lula said.',
    )
    assert speaker_name(quotes[0]) == "Luiz Inacio Lula da Silva"


def test_he_said_is_the_person_described_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Drones struck a fuel depot in the Kherson region overnight, the regional governor said on Saturday.\n\n"
        '"Two workers were injured and the fire is now out," he said on Telegram.',
    )
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "regional governor"


def test_he_said_after_a_name_the_tagger_missed(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Pashinyan told parliament on Tuesday that Armenia had not been consulted. "
        '"We learned about the operation from the news," he said.',
    )
    assert speaker_name(quotes[0]) == "Pashinyan"


def test_a_persons_spokeswoman_is_not_that_person(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Armenian Prime Minister Nikol Pashinyan met villagers near the border on Monday.\n\n"
        '"Nobody will be forced to leave their homes," Pashinyan\'s spokeswoman told reporters.',
    )
    assert speaker_name(quotes[0]) == "Pashinyan's spokeswoman"


def test_she_added_prefers_the_subject_of_the_sentence_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Prime Minister Kaja Kallas welcomed Finnish President Alexander Stubb to Tallinn on Friday.\n\n"
        '"Our defence spending will reach three percent of output next year," she added.',
    )
    assert "Kallas" in speaker_name(quotes[0])


def test_it_said_is_the_organisation_named_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The International Committee of the Red Cross sent two convoys to Mekelle.\n\n"
        '"Medical supplies are running out in every hospital," it said.',
    )
    assert speaker_name(quotes[0]) == "International Committee of the Red Cross"


def test_it_said_after_a_statement_is_the_statements_author(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"We will open the border crossings at dawn," said a statement signed by General Omar Diallo. '
        "The statement said the curfew would stay in force.\n\n"
        '"Anyone found on the streets after dark will be arrested," it said.',
    )
    assert [speaker_name(q) for q in quotes] == ["Omar Diallo", "Omar Diallo"]


def test_they_said_is_the_group_of_the_sentence_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Rebel commanders met mediators in Addis Ababa on Friday.\n\n"
        '"We will not give up our weapons," they said.',
    )
    assert speaker_name(quotes[0]) == "rebel commanders"


def test_headline_name_and_colon(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate, 'Ruto: "Kenya will not abandon Haiti"\n\nKenyan President William Ruto spoke in Nairobi on Friday.'
    )
    assert speaker_name(quotes[0]) == "William Ruto"


def test_an_unnamed_official_is_not_the_person_named_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Prime Minister Abiy Ahmed flew to Nairobi on Monday.\n\n"
        '"The talks will resume once the roads are open," an official told reporters.',
    )
    assert speaker_name(quotes[0]) == "official"


def test_the_movement_is_the_movement_named_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The Movement for Democratic Change called a general strike for Monday.\n\n"
        '"No worker should open a shop until the detainees are freed," the movement said in a statement.',
    )
    assert speaker_name(quotes[0]) == "Movement for Democratic Change"


def test_the_group_is_the_group_named_before_not_its_country(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The Congolese rebel group M23 announced a unilateral truce around Goma on Monday.\n\n"
        '"Our fighters will hold their positions and let aid through," the group said.',
    )
    assert speaker_name(quotes[0]) == "M23"


def test_the_ministry_is_the_country_the_article_is_about(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Kenya sent a first contingent of four hundred police officers to Port-au-Prince on Tuesday. "
        "Kenya will lead the force for a year.\n\n"
        '"The officers are trained and ready for the mission," the interior ministry said.',
    )
    assert speaker_name(quotes[0]) == "Kenya"


def test_the_ministry_is_the_ministry_named_before_not_the_country_named_most(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "China sent coast guard ships near the disputed islands, and China's navy held drills nearby on "
        "Sunday. Japan's foreign ministry protested to Beijing.\n\n"
        '"These actions are unacceptable and dangerous," the ministry said.',
    )
    assert speaker_name(quotes[0]) == "Japan"


def test_the_statement_speaks_for_its_author(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "In a statement issued by the Southern African Development Community, leaders urged calm in Maputo.\n\n"
        '"The summit calls on all parties to refrain from violence and to respect the results," '
        "the statement said.",
    )
    assert speaker_name(quotes[0]) == "SADC"


def test_an_institution_named_by_acronym_speaks(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The Southern African Development Community (SADC) met in Harare.\n\n"
        '"We reject any change of government by force," SADC said.',
    )
    assert speaker_name(quotes[0]) == "SADC"


def test_reported_words_belong_to_the_one_reported_not_the_outlet(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The state news agency reported that General Abdourahamane Tiani justified the takeover by "
        '"the steady deterioration of the security situation", the agency reported.',
    )
    assert [q.text for q in quotes] == ["the steady deterioration of the security situation"]
    assert "Tiani" in speaker_name(quotes[0])


def test_reporting_outlet_speaks_when_it_reports_no_one(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        'Al Jazeera reported that the talks had "stalled over the question of funding" on Sunday.',
    )
    assert speaker_name(quotes[0]) == "Al Jazeera"


def test_the_leader_of_a_movement_is_a_person_not_the_movement(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Ahead of the vote, the leader of the National Farmers Union warned: "
        '"Every tractor in the country will be on the motorway if the tax passes."',
    )
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "leader of the National Farmers Union"
    assert quotes[0].speaker.type == "PERSON"


def test_attribution_in_the_sentence_before(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        'The African Union said in a statement on Friday. "We call on all parties to exercise '
        'maximum restraint and return to talks."',
    )
    assert speaker_name(quotes[0]) == "African Union"


def test_attribution_in_the_sentence_after(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Heavy fighting was reported near the airport.\n\n"
        '"We call on all parties to exercise maximum restraint." The African Union also urged both '
        "sides to return to talks.",
    )
    assert speaker_name(quotes[0]) == "African Union"


def test_no_attribution_is_taken_from_another_paragraph(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "The African Union said on Friday that it was alarmed by the fighting.\n\n"
        '"Hundreds of families have fled across the river since the weekend."',
    )
    assert quotes[0].speaker is None


def test_name_without_a_verb_after_a_quote(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Tuesday.\n\n"
        '"The talks are over for now," Peskov.',
    )
    assert speaker_name(quotes[0]) == "Dmitry Peskov"


def test_a_person_in_the_clause_after_a_slogan_is_not_its_speaker(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        'Crowds in the square chanted "free them all now", while others carried portraits of Alexei Navalny.',
    )
    assert all(q.speaker is None or "Navalny" not in q.speaker.name for q in quotes)


def test_common_noun_speakers_are_generic_actors_of_the_article(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        '"The shelling went on until dawn and nobody could reach the wounded," witnesses told reporters.',
    )
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "witnesses"
    assert quotes[0].speaker.key.startswith("generic:dtest:")


def test_placards_reading_a_slogan_are_their_carriers_words(annotate: Annotate) -> None:
    quotes = quotes_of(
        annotate,
        'The students carried placards reading "Stop the killing now" as they marched to the campus in Dhaka.',
    )
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "students"


# --- the tests and word lists are written for the language, not for the corpora --------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}


def _corpus_folders() -> list[Path]:
    return [p for p in [CORPUS / "seeds", *sorted(CORPUS.glob("dev/*/*/articles"))] if p.is_dir()]


@pytest.mark.skipif(not _corpus_folders(), reason="no corpus beside the repository")
@pytest.mark.parametrize("own", [DATA_DIR / "quotes.yaml", Path(__file__)], ids=lambda p: p.name)
def test_no_corpus_sentence_is_in_the_word_lists_or_these_tests(own: Path) -> None:
    """No run of six words of a seed or dev article appears in quotes.yaml or in this file. The
    message names the corpus folder only: the dev check half must not be read, even by a failure."""
    mine = _six_grams(own.read_text(encoding="utf-8"))
    for folder in _corpus_folders():
        shared = [p.name for p in sorted(folder.iterdir()) if mine & _six_grams(p.read_text(errors="replace"))]
        assert not shared, f"{own.name} repeats {len(shared)} article(s) of {folder.relative_to(CORPUS)}"
