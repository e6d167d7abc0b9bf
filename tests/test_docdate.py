"""Document date: each basis in order of trust, warnings on disagreement, no guess from a body date
that nothing ties to the story's own days."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hornbill.clean import clean
from hornbill.docdate import date_document, find_dates, is_date_line, parse_date
from hornbill.model import DatePoint, RawDocument

BODY = (
    "Peru's congress voted to remove the president from office after a day of protests in the capital, "
    "lawmakers said.\n\nIn May 2021, a similar motion failed by a narrow margin.\n"
)


def date_of(text: str, **meta: Any) -> tuple[DatePoint, tuple[str, ...]]:
    raw = RawDocument(source="t.txt", text=text, **meta)
    point, warnings = date_document(clean(raw), raw)
    return point, warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-07-01", ("2023-07-01", "day")),
        ("2023-07-01T23:30:00-05:00", ("2023-07-01", "day")),
        ("2023-07-01T10:00:00Z", ("2023-07-01", "day")),
        ("July 1, 2023", ("2023-07-01", "day")),
        ("1st July 2023", ("2023-07-01", "day")),
        ("Sat, 01 Jul 2023 10:00:00 GMT", ("2023-07-01", "day")),
        ("15th November, 2022", ("2022-11-15", "day")),
        ("Sept. 9, 2021", ("2021-09-09", "day")),
        ("2023/07/01", ("2023-07-01", "day")),
        ("01.07.2023", ("2023-07-01", "day")),
        ("2023-07", ("2023-07", "month")),
        ("July 2023", ("2023-07", "month")),
        ("2023", ("2023", "year")),
        ("not a date", None),
        ("2023-02-30", None),
    ],
)
def test_parse_date(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(text) == expected


def test_ambiguous_numeric_dates_are_not_read_from_text() -> None:
    assert find_dates("on 03/04/2023 the talks ended") == []
    assert [f.value for f in find_dates("on 25/04/2023 the talks ended")] == ["2023-04-25"]


def test_is_date_line() -> None:
    assert is_date_line("Saturday, July 1, 2023 | 10:00 GMT")
    assert is_date_line("Published: 3 March 2024")
    assert not is_date_line("The vote was held on 3 March 2024.")


def test_metadata_comes_first() -> None:
    point, warnings = date_of(BODY, published="2023-07-01T10:00:00Z")
    assert point == DatePoint("2023-07-01", "day", "metadata")
    assert warnings == ()


def test_dateline_with_agency_in_brackets() -> None:
    text = "LIMA (Example News - 8th December, 2022) " + BODY
    assert date_of(text)[0] == DatePoint("2022-12-08", "day", "dateline")


def test_dateline_city_comma_date_agency() -> None:
    text = "QUITO, 14 June 2024 (Example Wire) - Ecuador's president dissolved the national assembly.\n"
    assert date_of(text)[0] == DatePoint("2024-06-14", "day", "dateline")


def test_title_case_dateline_with_comma() -> None:
    text = (
        "Dakar, March 3, 2024 - Senegal's constitutional council set a new election date, officials said.\n"
    )
    assert date_of(text)[0] == DatePoint("2024-03-03", "day", "dateline")


def test_a_place_with_its_date_in_brackets_is_a_dateline() -> None:
    text = "Senegal (4 March 2024)\n\nThe constitutional council set a new election date, officials said.\n"
    assert date_of(text)[0] == DatePoint("2024-03-04", "day", "dateline")


@pytest.mark.parametrize("opening", ["LUSAKA, Feb. 9 (Example Wire) - ", "Feb. 9 (EW) -- ", "LUSAKA, 9 February - "])
def test_a_dateline_without_a_year_takes_the_year_of_the_page(opening: str) -> None:
    text = (opening + "Zambia's parliament passed the budget after a long night of debate.\n\n"
            "The finance minister had presented it on 12 January 2021, the clerk said.\n")
    assert date_of(text)[0] == DatePoint("2021-02-09", "day", "dateline")


def test_a_dateline_without_a_year_on_a_page_with_no_date_dates_nothing() -> None:
    text = "LUSAKA, Feb. 9 (Example Wire) - Zambia's parliament passed the budget after a long debate.\n"
    assert date_of(text)[0].basis == "none"


def test_a_date_line_with_a_stray_comma_and_the_wire_name() -> None:
    assert is_date_line("Mar 04 , 2022. 2 hours ago – 09:15 EXAMPLE WIRE")


def test_the_date_under_the_headline_beats_a_banner_date_over_it() -> None:
    text = "Tuesday March 5, 2024\n\nPeru's congress removes president\n\nDecember 8, 2022\n\n" + BODY
    assert date_of(text)[0] == DatePoint("2022-12-08", "day", "explicit")


def test_a_date_written_with_its_weekday_dates_a_story_told_by_weekday() -> None:
    text = ("A file picture taken on Wednesday, 6 March 2024 shows the chamber.\n\n"
            "Lawmakers voted on Wednesday to remove the speaker, the assembly said.\n")
    assert date_of(text)[0] == DatePoint("2024-03-06", "day", "text")


def test_a_weekday_date_the_story_does_not_tell_by_weekday_dates_nothing() -> None:
    text = "The vote was set for Friday, 8 March 2024.\n\nLawmakers met to remove the speaker.\n"
    assert date_of(text)[0].basis == "none"
    wrong_weekday = "A picture taken on Thursday, 6 March 2024.\n\nLawmakers voted on Thursday to act.\n"
    assert date_of(wrong_weekday)[0].basis == "text"  # the body's latest date, but no weekday check passed


def test_date_in_a_sentence_opening_is_not_a_dateline() -> None:
    text = "On 3 March 2024, Senegal's constitutional council set a new election date, officials said.\n"
    assert date_of(text)[0].basis == "text"  # no dateline: only the body's latest date, the weakest signal


def test_explicit_date_under_the_headline() -> None:
    text = "Peru's congress removes president\n\nDecember 8, 2022\n\n" + BODY
    assert date_of(text)[0] == DatePoint("2022-12-08", "day", "explicit")


def test_caption_date_is_lowered_to_month() -> None:
    text = BODY + "\nphoto: Lawmakers in the chamber on 7 December 2022 (picture courtesy of the congress)\n"
    assert date_of(text)[0] == DatePoint("2022-12", "month", "caption")


def test_url_date() -> None:
    assert date_of(BODY, url="https://news.example.org/world/2022/12/08/peru-vote")[0] == DatePoint(
        "2022-12-08", "day", "url"
    )
    assert date_of(BODY, url="https://news.example.org/2022-12-08-peru-vote.html")[0].value == "2022-12-08"
    assert date_of(BODY, url="https://news.example.org/2022/12/peru-vote")[0] == DatePoint(
        "2022-12", "month", "url"
    )


def test_no_date_anywhere_says_so() -> None:
    point, warnings = date_of(BODY)
    assert point == DatePoint(None, None, "none")
    assert warnings == ()


def test_disagreement_keeps_the_stronger_and_warns() -> None:
    text = "LIMA (Example News - 8th December, 2022) " + BODY
    point, warnings = date_of(text, published="2022-12-10")
    assert point == DatePoint("2022-12-10", "day", "metadata")
    assert len(warnings) == 1 and "dateline" in warnings[0] and "2022-12-08" in warnings[0]


def test_a_more_precise_agreeing_signal_refines_the_metadata() -> None:
    text = "Peru's congress removes president\n\nDecember 8, 2022\n\n" + BODY
    point, warnings = date_of(text, published="2022-12")
    assert point == DatePoint("2022-12-08", "day", "explicit")
    assert warnings == ()


def test_unreadable_metadata_falls_back_with_a_warning() -> None:
    point, warnings = date_of(BODY, published="sometime soon", url="https://x.example/2021/05/04/a")
    assert point == DatePoint("2021-05-04", "day", "url")
    assert any("sometime soon" in w for w in warnings)


def assert_iso(point: DatePoint) -> None:
    if point.value is None:
        assert point.precision is None and point.basis == "none"
        return
    if point.precision == "day":
        date.fromisoformat(point.value)
    elif point.precision == "month":
        assert len(point.value) == 7
        date.fromisoformat(point.value + "-01")
    else:
        assert point.precision == "year" and len(point.value) == 4 and point.value.isdigit()


DATEISH = st.sampled_from(
    [
        "2023-07-01",
        "July 1, 2023",
        "31 February 2021",
        "2024-13-45",
        "15th November, 2022",
        "May 2021",
        "12/12/2012",
        "99/99/2099",
        "photo: ",
        "BAMAKO, ",
        " (Agency - ",
        "\n\n",
        "2023",
    ]
)
TEXTS = st.lists(st.one_of(DATEISH, st.text(max_size=30)), max_size=12).map("".join)


@settings(max_examples=120, deadline=None)
@given(text=TEXTS, published=st.one_of(st.none(), TEXTS), url=st.one_of(st.none(), TEXTS))
def test_any_input_gives_an_iso_value_or_none(text: str, published: str | None, url: str | None) -> None:
    meta = {k: v for k, v in (("published", published), ("url", url)) if v is not None}
    point, warnings = date_of(text, **meta)
    assert_iso(point)
    assert all(isinstance(w, str) for w in warnings)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_parse_date_returns_valid_iso(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        value, precision = parsed
        assert_iso(DatePoint(value, precision, "metadata"))


def test_dated_byline_and_updated_lines() -> None:
    text = (
        "Chad holds presidential election\n"
        "Updated 7 May 2024\n"
        "By Jane Doe | 6 May 2024\n\n"
        "Voters in Chad went to the polls on Monday in an election the opposition called unfair.\n"
    )
    assert date_of(text)[0] == DatePoint("2024-05-06", "day", "explicit")


def test_sentence_starting_with_an_acronym_is_not_a_dateline() -> None:
    text = "NATO said on 3 March 2024 (a Sunday) that its exercise would go ahead as planned.\n"
    assert date_of(text)[0].basis == "text"  # no dateline: only the body's latest date, the weakest signal
    text = "BAMAKO, Mali (Example Agency - 2nd April, 2024) The transition government extended its mandate.\n"
    assert date_of(text)[0] == DatePoint("2024-04-02", "day", "dateline")


def test_the_latest_past_date_of_the_body_dates_an_article_with_nothing_else() -> None:
    text = ("The parliament met on 2 April 2024 to debate the bill.\n\n"
            "It passed the law on 9 April 2024, after a week of talks, and the senate will vote on 30 April 2024.\n")
    assert date_of(text)[0] == DatePoint("2024-04-09", "day", "text")
    assert date_of(text, published="2024-04-10")[0].basis == "metadata"
