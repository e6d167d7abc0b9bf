"""Cleaner: page furniture and tails dropped with reasons, offsets back to the original exact."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from hornbill.clean import clean, compile_markers, describe, load_markers
from hornbill.errors import ConfigError
from hornbill.model import Document, RawDocument

PAGE = """1. Skip to content
2. Skip to main navigation
World
Business
Floods force thousands from homes in southern Brazil

May 6, 2024

Heavy rain has driven more than 80,000 people from their homes, the state governor said on Sunday.

Rescuers in boats pulled families from rooftops in the state capital Porto Alegre
Volunteers carry supplies through a flooded street on SaturdayImage: Jane Roe/Example Agency

Share this article
Follow us on Facebook

The federal government promised emergency funds and sent soldiers to help with the evacuation.

What does the flooding mean for Brazil's harvest?
01:45
This browser does not support the video element.

Forecasters expect more rain later in the week, officials warned.

We use cookies to improve your experience. By continuing to browse you accept our cookie policy.
ab/cd (Reuters, AFP)

Related stories

Argentina's new president cuts ministries in half
The president signed a decree merging several ministries on his first day in office.
"""


def raw(text: str, **kwargs: Any) -> RawDocument:
    return RawDocument(source="page.txt", text=text, **kwargs)


def reasons_by_line(document: Document) -> dict[str, str | None]:
    return {text: reason for _status, text, reason in describe(document)}


def test_furniture_is_dropped_with_reasons() -> None:
    doc = clean(raw(PAGE))
    reasons = reasons_by_line(doc)
    assert reasons["1. Skip to content"] == "skip link"
    assert reasons["2. Skip to main navigation"] == "skip link"
    assert reasons["World"] == "menu"
    assert reasons["Business"] == "menu"
    assert reasons["May 6, 2024"] == "date"
    assert reasons["Share this article"] == "share"
    assert reasons["Follow us on Facebook"] == "share"
    assert reasons["01:45"] == "video"
    assert reasons["This browser does not support the video element."] == "video"
    assert reasons["What does the flooding mean for Brazil's harvest?"] == "video"
    assert reasons["ab/cd (Reuters, AFP)"] == "agency footer"
    assert reasons[
        "We use cookies to improve your experience. By continuing to browse you accept our cookie policy."
    ] == ("cookie notice")


def test_caption_glued_to_credit_and_its_first_line_are_captions() -> None:
    reasons = reasons_by_line(clean(raw(PAGE)))
    glued = "Volunteers carry supplies through a flooded street on SaturdayImage: Jane Roe/Example Agency"
    assert reasons[glued] == "caption"
    assert (
        reasons["Rescuers in boats pulled families from rooftops in the state capital Porto Alegre"]
        == "caption"
    )


def test_tail_after_marker_is_dropped_to_the_end() -> None:
    doc = clean(raw(PAGE))
    reasons = reasons_by_line(doc)
    assert reasons["Related stories"] == "tail"
    assert reasons["Argentina's new president cuts ministries in half"] == "tail"
    assert "Argentina" not in doc.text
    assert "ministries" not in doc.text


def test_article_text_is_kept_in_order() -> None:
    doc = clean(raw(PAGE))
    assert doc.text.split("\n\n") == [
        "Floods force thousands from homes in southern Brazil",
        "Heavy rain has driven more than 80,000 people from their homes, the state governor said on Sunday.",
        "The federal government promised emergency funds and sent soldiers to help with the evacuation.",
        "Forecasters expect more rain later in the week, officials warned.",
    ]
    assert doc.title == "Floods force thousands from homes in southern Brazil"
    assert doc.language == "en"
    assert doc.original == PAGE
    assert doc.doc_id == raw(PAGE).doc_id


def test_tail_marker_before_any_body_text_is_not_a_tail() -> None:
    text = (
        "Popular\nMost read\nCentral bank raises rates\n\n"
        "The central bank raised its main rate by a quarter point on Thursday, citing stubborn inflation.\n"
    )
    doc = clean(raw(text))
    assert "raised its main rate" in doc.text
    assert reasons_by_line(doc)["Popular"] == "menu"


def test_read_more_tail_drops_teasers() -> None:
    text = (
        "Talks between the two governments resumed in Geneva on Monday after a pause of three months.\n\n"
        "Read more\n\n"
        "Ceasefire collapses in border region\n\n"
        "Fighting broke out again overnight, residents said.\n"
    )
    doc = clean(raw(text))
    assert (
        doc.text
        == "Talks between the two governments resumed in Geneva on Monday after a pause of three months."
    )


def test_paragraph_broken_mid_sentence_is_joined_with_a_space() -> None:
    text = (
        "The finance minister said the budget would be presented\n\n"
        "in parliament next month, after talks with lenders.\n\n"
        "Opposition parties criticised the delay.\n"
    )
    doc = clean(raw(text))
    assert doc.text == (
        "The finance minister said the budget would be presented in parliament next month, after talks "
        "with lenders.\n\nOpposition parties criticised the delay."
    )


def test_sentence_ending_block_is_not_joined_to_a_lowercase_start() -> None:
    doc = clean(raw("Prices rose sharply.\n\nof the region The drought worsened over the summer months.\n"))
    assert "\n\n" in doc.text


def test_credit_and_photo_lines_are_dropped() -> None:
    text = (
        "Protesters marched through the capital on Saturday demanding early elections, organisers said.\n\n"
        "source: Example Wire with local media\n"
        "photo: Demonstrators outside parliament on 12 March 2024 (picture courtesy of the organisers)\n"
    )
    reasons = reasons_by_line(clean(raw(text)))
    assert reasons["source: Example Wire with local media"] == "credit"
    assert (
        reasons[
            "photo: Demonstrators outside parliament on 12 March 2024 (picture courtesy of the organisers)"
        ]
        == "caption"
    )


def test_real_sentences_that_look_like_markers_are_kept() -> None:
    text = (
        "Share prices fell sharply in Tokyo on Monday after the central bank surprised investors.\n\n"
        "By Monday evening, the main index had lost four percent.\n\n"
        "Photographers were barred from the courtroom, the court said.\n"
    )
    doc = clean(raw(text))
    assert all(status == "kept" for status, _text, _reason in describe(doc))


def test_sub_headings_are_kept_and_short_menus_dropped() -> None:
    text = (
        "Drought hits maize harvest\n\n"
        "Farmers in Zambia expect the smallest maize crop in a decade, the ministry said.\n\n"
        "Aid agencies appeal for funds\n\n"
        "The World Food Programme asked donors for 300 million dollars.\n\nSport\n"
    )
    doc = clean(raw(text))
    reasons = reasons_by_line(doc)
    assert reasons["Drought hits maize harvest"] == "headline"
    assert reasons["Aid agencies appeal for funds"] is None
    assert reasons["Sport"] == "menu"


def test_raw_title_wins_over_headline_and_metadata_is_carried() -> None:
    doc = clean(
        raw(
            PAGE, title="Brazil floods", url="https://example.org/a", outlet="Example", published="2024-05-06"
        )
    )
    assert doc.title == "Brazil floods"
    assert (doc.url, doc.outlet, doc.metadata_published) == ("https://example.org/a", "Example", "2024-05-06")
    assert doc.published.value is None


def test_duplicate_lines_are_dropped() -> None:
    text = (
        "Quake strikes off Japan coast\nQuake strikes off Japan coast\n\n"
        "A strong earthquake struck off the coast on Monday, the agency said.\n"
    )
    reasons = [reason for _s, _t, reason in describe(clean(raw(text)))]
    assert reasons == ["headline", "duplicate", None]


def test_language_is_detected() -> None:
    text = "Le gouvernement a annoncé mardi un nouveau plan pour soutenir les agriculteurs touchés."
    assert clean(raw(text)).language == "fr"


def test_everything_dropped_gives_empty_text_and_a_warning() -> None:
    doc = clean(raw("Skip to content\nShare\n02:12\n"))
    assert doc.text == ""
    assert doc.pieces == ()
    assert doc.language is None
    assert doc.warnings


def test_marker_file_mistakes_are_config_errors() -> None:
    data = yaml.safe_load(resources.files("hornbill").joinpath("data/boilerplate.yaml").read_text("utf-8"))
    data["furniture"][0]["prefix"] = ["typo for prefixes"]
    with pytest.raises(ConfigError, match="unknown key 'prefix'"):
        compile_markers(data)
    del data["furniture"][0]["prefix"]
    data["furniture"][0]["patterns"] = ["(unclosed"]
    with pytest.raises(ConfigError, match="error"):
        compile_markers(data)


def test_markers_file_loads() -> None:
    markers = load_markers()
    reasons = [c.reason for c in markers.categories]
    assert len(reasons) == len(set(reasons))
    assert "related articles" in markers.tail_lines


def check_offsets(doc: Document) -> None:
    for clean_start, orig_start, length in doc.pieces:
        assert doc.text[clean_start : clean_start + length] == doc.original[orig_start : orig_start + length]
        for i in range(clean_start, clean_start + length):
            assert doc.text[i] == doc.original[doc.to_original(i)]


def test_offsets_on_the_noisy_page() -> None:
    doc = clean(raw(PAGE))
    check_offsets(doc)
    assert doc.kept_chars == sum(len(p) for p in doc.text.split("\n\n"))


LINES = st.sampled_from(
    [
        "Skip to content",
        "World",
        "02:12",
        "Share this article",
        "Related articles",
        "The minister resigned on Friday after weeks of protests.",
        "the talks continue",
        "Officials said the border would reopen",
        "  Indented line with trailing spaces.  ",
        "Photo: AFP",
        "July 4, 2022",
        "",
        "\t",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=40)), max_size=25), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_every_kept_character_maps_back_to_the_original(lines: list[str], newline: str) -> None:
    doc = clean(raw(newline.join(lines)))
    check_offsets(doc)
    kept = [s for s in doc.segments if s.kept]
    assert len(kept) == len(doc.pieces)
    assert all(0 <= s.start <= s.end <= len(doc.original) for s in doc.segments)


def test_date_lines_inside_the_body_are_kept() -> None:
    text = (
        "Timeline of the crisis\n\n"
        "The dispute began two years ago and has escalated several times since then.\n\n"
        "Both sides blame each other for the violence, and mediators have made little progress.\n\n"
        "Here are the main events.\n\n"
        "January 2023\n\n"
        "Talks collapsed in the capital.\n\n"
        "March 2023\n\n"
        "The army seized the airport.\n"
    )
    reasons = reasons_by_line(clean(raw(text)))
    assert reasons["March 2023"] is None


def test_wire_page_furniture() -> None:
    text = (
        "Home > World > Asia\n"
        "Typhoon forces evacuations in the Philippines\n"
        "By Jane Doe and John Roe\n"
        "September 2, 2024 6:40 AM UTC Updated 3 hours ago\n\n"
        "MANILA, Sept 2 (Example Wire) - Authorities moved thousands of people to shelters on Monday.\n\n"
        "Residents wade through a flooded road in Manila, September 1, 2024. REUTERS/Jane Doe\n"
        "Purchase Licensing Rights\n\n"
        "Schools and government offices were closed in the capital.\n\n"
        "Reporting by Jane Doe; Editing by John Roe\n"
    )
    reasons = reasons_by_line(clean(raw(text)))
    assert reasons["Home > World > Asia"] == "menu"
    assert reasons["By Jane Doe and John Roe"] == "byline"
    assert reasons["September 2, 2024 6:40 AM UTC Updated 3 hours ago"] == "date"
    assert (
        reasons["Residents wade through a flooded road in Manila, September 1, 2024. REUTERS/Jane Doe"]
        == "caption"
    )
    assert reasons["Purchase Licensing Rights"] == "menu"
    assert reasons["Reporting by Jane Doe; Editing by John Roe"] == "agency footer"
    assert reasons["Schools and government offices were closed in the capital."] is None


def test_line_under_a_caption_label_is_a_caption() -> None:
    text = (
        "Chad holds presidential election\n"
        "Image caption,\n"
        "Voters queued from early morning in N'Djamena\n"
        "Voters in Chad went to the polls on Monday in an election the opposition called unfair.\n"
    )
    reasons = reasons_by_line(clean(raw(text)))
    assert reasons["Image caption,"] == "caption"
    assert reasons["Voters queued from early morning in N'Djamena"] == "caption"
