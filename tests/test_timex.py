"""Time expressions: normalisation against the document date, detection in text, event dating."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Token

from hornbill import dates
from hornbill.dates import format_date, normalize, unresolved
from hornbill.model import DatePoint
from hornbill.timex import event_date, story_date
from hornbill.timex.tense import narrative_tense

TUESDAY = DatePoint("2024-03-12", "day", "metadata")  # 12 March 2024 was a Tuesday
SUMMER = DatePoint("2023-07-14", "day", "metadata")  # a Friday
UNKNOWN = DatePoint.unknown()


def value(text: str, anchor: DatePoint = SUMMER, tense: str | None = None) -> tuple[str, str | None] | None:
    reading = normalize(text, anchor, tense)  # type: ignore[arg-type]
    return None if reading is None else (reading.value, reading.precision)


# ---------------------------------------------------------------------------- absolute


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 February 2021", ("2021-02-03", "day")),
        ("February 3, 2021", ("2021-02-03", "day")),
        ("21st September, 2019", ("2019-09-21", "day")),
        ("the 4th of October 2018", ("2018-10-04", "day")),
        ("on 9 Jan. 2020", ("2020-01-09", "day")),
        ("2016-06-23", ("2016-06-23", "day")),
        ("October 2019", ("2019-10", "month")),
        ("in March 2022", ("2022-03", "month")),
        ("2008", ("2008", "year")),
        ("the 1980s", ("198", "decade")),
        ("winter 2021", ("2021-WI", "season")),
        ("the second quarter of 2019", ("2019-Q2", "season")),
        ("14/3/2024", ("2024-03-14", "day")),
    ],
)
def test_absolute_expressions_keep_their_own_precision(text: str, expected: tuple[str, str]) -> None:
    assert value(text) == expected


def test_absolute_expressions_never_borrow_parts_from_the_anchor() -> None:
    assert value("April 2015", UNKNOWN) == ("2015-04", "month")
    assert value("1999", UNKNOWN) == ("1999", "year")
    assert value("April 2015", TUESDAY) == ("2015-04", "month")


def test_impossible_dates_are_not_dates() -> None:
    assert normalize("31 February 2021", SUMMER) is None
    assert normalize("2021-13-01", SUMMER) is None


# ---------------------------------------------------------------------------- weekdays


def test_monday_in_a_tuesday_paper_is_the_day_before() -> None:
    assert value("Monday", TUESDAY) == ("2024-03-11", "day")
    assert value("on Monday", TUESDAY, "past") == ("2024-03-11", "day")


def test_weekday_direction_follows_the_tense() -> None:
    assert value("on Friday", TUESDAY, "past") == ("2024-03-08", "day")
    assert value("on Friday", TUESDAY, "future") == ("2024-03-15", "day")
    assert value("on Wednesday", TUESDAY, "present") == ("2024-03-13", "day")
    assert value("last Tuesday", TUESDAY) == ("2024-03-05", "day")
    assert value("next Tuesday", TUESDAY) == ("2024-03-19", "day")
    assert value("the previous Friday", TUESDAY) == ("2024-03-08", "day")
    assert value("Tuesday", TUESDAY, "past") == ("2024-03-12", "day")  # "said on Tuesday" in a Tuesday paper
    assert value("Tuesday", TUESDAY, "future") == ("2024-03-12", "day")  # "will vote on Tuesday": today
    assert value("next Tuesday", TUESDAY, "future") == ("2024-03-19", "day")


def test_an_explicit_date_beside_a_weekday_wins_and_a_mismatch_is_reported() -> None:
    anchor = DatePoint("2024-03-12", "day")
    agreeing = normalize("on Thursday (7 March)", anchor, "past")
    assert agreeing is not None and agreeing.value == "2024-03-07" and agreeing.warning is None
    clashing = normalize("on Thursday (8 March)", anchor, "past")
    assert clashing is not None and clashing.value == "2024-03-08"
    assert clashing.warning is not None and "Friday" in clashing.warning


def test_a_day_word_beside_a_date_is_checked_too() -> None:
    anchor = DatePoint("2024-03-12", "day")
    assert value("yesterday (11 March)", anchor) == ("2024-03-11", "day")
    reading = normalize("yesterday (10 March)", anchor)
    assert reading is not None and reading.value == "2024-03-10" and reading.warning


# ---------------------------------------------------------------------------- relative to the anchor


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", ("2023-07-13", "day")),
        ("today", ("2023-07-14", "day")),
        ("tomorrow", ("2023-07-15", "day")),
        ("last night", ("2023-07-13", "day")),
        ("last week", ("2023-W27", "week")),
        ("this week", ("2023-W28", "week")),
        ("two weeks ago", ("2023-W26", "week")),
        ("three days ago", ("2023-07-11", "day")),
        ("two months ago", ("2023-05", "month")),
        ("a year ago", ("2022", "year")),
        ("last month", ("2023-06", "month")),
        ("earlier this month", ("2023-07", "month")),
        ("last year", ("2022", "year")),
        ("this year", ("2023", "year")),
        ("earlier this year", ("2023", "year")),
        ("next year", ("2024", "year")),
        ("last August", ("2022-08", "month")),
        ("in November last year", ("2022-11", "month")),
        ("March next year", ("2024-03", "month")),
        ("last summer", ("2022-SU", "season")),
        ("the third quarter", ("2023-Q3", "season")),
        ("the fourth quarter", ("2022-Q4", "season")),
    ],
)
def test_relative_expressions_resolve_against_the_anchor(text: str, expected: tuple[str, str]) -> None:
    assert value(text) == expected


def test_a_month_without_year_is_the_most_recent_one_not_after_the_anchor() -> None:
    assert value("In August", DatePoint("2022-10-03", "day")) == ("2022-08", "month")
    assert value("In August", DatePoint("2022-08-25", "day")) == ("2022-08", "month")
    assert value("In August", DatePoint("2022-06-30", "day")) == ("2021-08", "month")
    assert value("in August", DatePoint("2022-06-30", "day"), "future") == ("2022-08", "month")
    assert value("in January", DatePoint("2022-06", "month"), "future") == ("2023-01", "month")


def test_a_few_weeks_ago_is_the_approximate_month() -> None:
    reading = normalize("a few weeks ago", SUMMER)
    assert reading is not None
    assert (reading.value, reading.precision, reading.mod) == ("2023-06", "month", "APPROX")


def test_the_end_of_the_year_is_a_december_deadline() -> None:
    reading = normalize("by the end of the year", SUMMER, "future")
    assert reading is not None
    assert (reading.value, reading.precision, reading.kind, reading.mod) == (
        "2023-12",
        "month",
        "DATE",
        "END",
    )
    assert value("the end of next year") == ("2024-12", "month")


def test_since_marks_the_start_and_ranges_read_as_their_start() -> None:
    since = normalize("since 2013", SUMMER)
    assert since is not None and (since.value, since.mod) == ("2013", "AFTER")
    assert value("between 2013 and 2023") == ("2013", "year")
    assert value("from May to July 2021") == ("2021-05", "month")


def test_relative_expressions_need_a_precise_enough_anchor() -> None:
    for text in ("Monday", "yesterday", "last week", "In August", "last year", "two weeks ago"):
        assert normalize(text, UNKNOWN) is None, text
    month_only = DatePoint("2023-07", "month")
    assert normalize("yesterday", month_only) is None
    assert value("last year", month_only) == ("2022", "year")
    assert value("last month", month_only) == ("2023-06", "month")


def test_a_day_and_month_without_year_stay_near_the_story() -> None:
    october = DatePoint("2024-10-20", "day")
    assert value("on 2 October", october, "past") == ("2024-10-02", "day")
    assert value("on 2 October", october, "future") == ("2025-10-02", "day")
    assert value("Dec. 15", october, "past") == ("2024-12-15", "day")  # a year back is too far
    assert value("25 October", october) == ("2024-10-25", "day")


def test_the_weekend_follows_the_tense() -> None:
    wednesday = DatePoint("2024-03-20", "day")
    assert value("over the weekend", wednesday, "past") == ("2024-W11", "week")
    assert value("this weekend", wednesday, "future") == ("2024-W12", "week")
    assert value("last weekend", wednesday) == ("2024-W11", "week")
    assert value("next weekend", wednesday) == ("2024-W13", "week")


def test_vague_references() -> None:
    assert value("recently") == ("PAST_REF", None)
    assert value("in recent weeks") == ("PAST_REF", None)
    assert value("currently") == ("PRESENT_REF", None)


# ---------------------------------------------------------------------------- durations


@pytest.mark.parametrize(
    ("text", "expected", "mod"),
    [
        ("a decade", "P10Y", None),
        ("nine years", "P9Y", None),
        ("for the past nine years", "P9Y", None),
        ("decade-old", "P10Y", None),
        ("three-month", "P3M", None),
        ("twenty-five years", "P25Y", None),
        ("the past few weeks", "PXW", None),
        ("more than a decade", "P10Y", "MORE_THAN"),
        ("nearly two weeks", "P2W", "LESS_THAN"),
        ("five hours", "PT5H", None),
        ("the six months", "P6M", None),
    ],
)
def test_durations_stay_durations(text: str, expected: str, mod: str | None) -> None:
    reading = normalize(text, SUMMER)
    assert reading is not None
    assert (reading.value, reading.kind, reading.precision, reading.mod) == (expected, "DURATION", None, mod)


@pytest.mark.parametrize("text", ["15-0", "02:12", "", "the", "may", "1,500", "seventeen apples"])
def test_things_that_are_not_times(text: str) -> None:
    assert normalize(text, SUMMER) is None


# ---------------------------------------------------------------------------- readable form


@pytest.mark.parametrize(
    ("date_value", "precision", "expected"),
    [
        ("2022-08", "month", "August 2022"),
        ("2022-11-14", "day", "14 November 2022"),
        ("2022", "year", "2022"),
        ("2022-W46", "week", "week 46 of 2022"),
        ("2021-WI", "season", "winter 2021"),
        ("2019-Q2", "season", "Q2 2019"),
        ("198", "decade", "the 1980s"),
        (None, None, "undated"),
    ],
)
def test_format_date(date_value: str | None, precision: str | None, expected: str) -> None:
    assert format_date(date_value, precision) == expected


# ---------------------------------------------------------------------------- property tests

ISO_BY_PRECISION = {
    "day": r"\d{4}-\d\d-\d\d",
    "week": r"\d{4}-W\d\d",
    "month": r"\d{4}-\d\d",
    "season": r"\d{4}-(?:SP|SU|FA|WI|Q[1-4])",
    "year": r"\d{4}",
    "decade": r"\d{3}",
    "century": r"\d{2}",
}
PHRASES = [
    "Monday", "on Sunday", "last Friday", "next Wednesday", "Thursday (5 June)", "yesterday", "today",
    "tomorrow", "last week", "this week", "next week", "last month", "earlier this month", "last year",
    "this year", "next year", "In August", "last March", "December next year", "a few weeks ago",
    "two weeks ago", "three days ago", "four months ago", "two years ago", "several days ago",
    "by the end of the year", "the end of the month", "early 2020", "mid-2019", "late last year",
    "12 October", "October 12", "since 2013", "between 2013 and 2023", "this summer", "last winter",
    "the 1990s", "29 February", "February 29, 2024", "the third quarter", "fourth-quarter",
    "the first quarter of 2021", "over the weekend", "next weekend", "3/14/2024",
]  # fmt: skip


def _parses_as_iso(reading_value: str, precision: str) -> bool:
    if not re.fullmatch(ISO_BY_PRECISION[precision], reading_value):
        return False
    if precision == "day":
        date.fromisoformat(reading_value)
    elif precision == "month":
        date.fromisoformat(reading_value + "-01")
    elif precision == "week":
        year, week = reading_value.split("-W")
        date.fromisocalendar(int(year), int(week), 1)
    return True


@settings(max_examples=300, deadline=None)
@given(
    phrase=st.sampled_from(PHRASES),
    anchor=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    precision=st.sampled_from(["day", "month", "year"]),
    tense=st.sampled_from([None, "past", "future", "present"]),
)
def test_every_date_value_parses_as_iso_for_its_precision(
    phrase: str, anchor: date, precision: str, tense: str | None
) -> None:
    anchor_value = {"day": anchor.isoformat(), "month": anchor.isoformat()[:7], "year": str(anchor.year)}[
        precision
    ]
    reading = normalize(phrase, DatePoint(anchor_value, precision), tense)  # type: ignore[arg-type]
    if reading is not None and reading.kind == "DATE" and reading.value[:1].isdigit():
        assert reading.precision is not None
        assert _parses_as_iso(reading.value, reading.precision), (phrase, anchor_value, reading)


@settings(max_examples=300, deadline=None)
@given(
    phrase=st.sampled_from(PHRASES),
    anchor=st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    precision=st.sampled_from(["month", "year", None]),
    offset=st.integers(min_value=0, max_value=365),
    tense=st.sampled_from([None, "past", "future"]),
)
def test_an_unresolved_value_states_only_what_every_possible_anchor_agrees_on(
    phrase: str, anchor: date, precision: str | None, offset: int, tense: str | None
) -> None:
    """Read against a coarse (or no) publication date, a relative date keeps an underspecified
    value whose every digit is the one it has for any day the publication could fall on."""
    if precision is None:
        point, day = UNKNOWN, anchor
    else:
        period_start = anchor.replace(day=1) if precision == "month" else anchor.replace(month=1, day=1)
        point = DatePoint(period_start.isoformat()[: 7 if precision == "month" else 4], precision)  # type: ignore[arg-type]
        day = period_start + timedelta(days=offset)
        if day.isoformat()[: len(point.value or "")] != point.value:
            day = period_start
    reading = unresolved(phrase, point, tense)  # type: ignore[arg-type]
    if reading is None:
        return
    assert "X" in reading.value and reading.precision is not None
    exact = normalize(phrase, DatePoint(day.isoformat(), "day"), tense)  # type: ignore[arg-type]
    case = (phrase, point, day, reading, exact)
    assert exact is not None and len(exact.value) == len(reading.value), case
    assert all(u == "X" or u == e for u, e in zip(reading.value, exact.value, strict=True)), case
    assert _parses_as_iso(_filled(reading.value), reading.precision)


def _filled(value: str) -> str:
    """An underspecified value with its X's filled by digits that make some valid date."""
    return re.sub(r"X", "1", re.sub(r"-XX\b", "-01", value))


def test_a_date_the_anchor_cannot_resolve_keeps_what_it_states() -> None:
    assert normalize("last August", UNKNOWN) is None
    assert _unresolved_value("last August", UNKNOWN) == ("XXXX-08", "month")
    assert _unresolved_value("20 May", UNKNOWN) == ("XXXX-05-20", "day")
    assert _unresolved_value("last week", DatePoint("2023-03", "month")) == ("2023-WXX", "week")
    assert _unresolved_value("yesterday", DatePoint("2023-03", "month")) == ("2023-XX-XX", "day")
    assert _unresolved_value("Monday", DatePoint("2023", "year")) == ("XXXX-XX-XX", "day")
    assert _unresolved_value("Monday", SUMMER) is None  # a day anchor resolves it
    assert _unresolved_value("June 2019", UNKNOWN) is None  # absolute: resolved as it stands
    assert _unresolved_value("seventeen apples", UNKNOWN) is None


def _unresolved_value(text: str, anchor: DatePoint) -> tuple[str, str | None] | None:
    reading = unresolved(text, anchor)
    return None if reading is None else (reading.value, reading.precision)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60), anchor=st.dates())
def test_no_exception_on_arbitrary_text(text: str, anchor: date) -> None:
    reading = normalize(text, DatePoint(anchor.isoformat(), "day"))
    assert reading is None or reading.value


@settings(max_examples=200, deadline=None)
@given(offset=st.integers(min_value=-3000, max_value=3000), weekday=st.integers(min_value=0, max_value=6))
def test_a_past_weekday_is_within_the_week_before_the_anchor(offset: int, weekday: int) -> None:
    anchor = date(2020, 1, 1) + timedelta(days=offset)
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday]
    reading = normalize(f"on {name}", DatePoint(anchor.isoformat(), "day"), "past")
    assert reading is not None
    resolved = date.fromisoformat(reading.value)
    assert resolved.weekday() == weekday and 0 <= (anchor - resolved).days < 7
    future = normalize(f"on {name}", DatePoint(anchor.isoformat(), "day"), "future")
    assert future is not None and 0 <= (date.fromisoformat(future.value) - anchor).days < 7


# ---------------------------------------------------------------------------- the spaCy component


def timex_values(doc: Doc) -> dict[str, str]:
    return {t.text: t.value for t in doc._.timexes}


def test_component_finds_and_normalises_expressions(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "Kenya's parliament approved the budget on Thursday. In March, the opposition staged rallies, "
        "and the treasury said it would cut spending by the end of the year.",
        published="2024-05-14",
    )
    assert timex_values(doc) == {
        "Thursday": "2024-05-09",
        "March": "2024-03",
        "the end of the year": "2024-12",
    }
    assert [t.start for t in doc._.timexes] == sorted(t.start for t in doc._.timexes)
    for t in doc._.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_component_reads_full_dates_that_ner_splits(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The accord was signed on 15th November, 2022 and ratified on May 20, 2023 in Nairobi.",
        published="2023-06-01",
    )
    assert timex_values(doc) == {"15th November, 2022": "2022-11-15", "May 20, 2023": "2023-05-20"}


def test_component_uses_the_verb_tense_for_direction(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The senate will vote on Friday. The house voted on Friday.", published="2024-03-12")
    assert [t.value for t in doc._.timexes] == ["2024-03-15", "2024-03-08"]


def test_component_skips_counts_scores_and_clock_readings(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The committee backed the plan by a 15-0 vote. Watch the video 02:12. The army sent 2000 soldiers. "
        "Ministers may resign. The 2021 coup still shapes politics.",
        published="2024-03-12",
    )
    assert timex_values(doc) == {"2021": "2021"}


def test_component_skips_ages_shares_and_falls(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The 45-year-old mayor said more than a quarter of voters stayed home after the fall of the city. "
        "The index closed at 2681 points.",
        published="2024-03-12",
    )
    assert doc._.timexes == []


def test_component_is_not_fooled_by_names_and_datelines(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "NAIROBI, March 4 (Reuters) - Theresa May met the president. Students joined a march "
        "on Wednesday, 28 February. The Sun said talks may resume over the weekend.",
        published="2024-03-04",
    )
    assert timex_values(doc) == {
        "March 4": "2024-03-04",
        "Wednesday, 28 February": "2024-02-28",
        "the weekend": "2024-W09",
    }


def test_component_reads_numeric_dates_and_the_past_decade(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "A strike was held on 14/3/2024. In the past decade, turnout fell.", published="2024-03-20"
    )
    kinds = {t.text: (t.value, t.kind) for t in doc._.timexes}
    assert kinds == {"14/3/2024": ("2024-03-14", "DATE"), "the past decade": ("P10Y", "DURATION")}


def test_component_keeps_durations_and_ranges(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The peacekeepers, deployed for the past nine years, ran a decade-old programme "
        "between 2014 and 2023 and have stayed since 2014.",
        published="2024-03-12",
    )
    kinds = {t.text: (t.value, t.kind, t.mod) for t in doc._.timexes}
    assert kinds["the past nine years"] == ("P9Y", "DURATION", None)
    assert kinds["decade-old"] == ("P10Y", "DURATION", None)
    assert [t.value for t in doc._.timexes if t.kind == "DATE"] == ["2014", "2023", "2014"]
    assert doc._.timexes[-1].mod == "AFTER"


def test_component_reads_centuries_fiscal_years_and_year_ranges(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "Two of the great expeditions of the 20th century, in 1957-58 and 2009-2010, ran over budget "
        "this fiscal year.",
        published="2024-03-12",
    )
    assert timex_values(doc) == {
        "20th century": "19", "1957": "1957", "58": "1958", "2009": "2009", "2010": "2010", "this fiscal year": "2024",
    }  # fmt: skip


def test_an_infinitive_after_due_reads_as_future(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The book is due to be published in May.", published="2024-07-12")
    assert timex_values(doc) == {"May": "2025-05"}


def test_component_records_a_weekday_mismatch_as_a_document_warning(annotate: Callable[..., Doc]) -> None:
    doc = annotate("On Thursday (8 March) the envoy met the rebels.", published="2024-03-12")
    assert timex_values(doc) == {"Thursday (8 March)": "2024-03-08"}
    assert any("Friday" in w for w in doc._.document.warnings)


def test_component_without_a_document_date_still_reads_absolute_dates(annotate: Callable[..., Doc]) -> None:
    doc = annotate("On Monday the court cited a ruling from June 2019.", published=None)
    assert timex_values(doc) == {"Monday": "XXXX-XX-XX", "June 2019": "2019-06"}  # Monday kept, unresolved


# ---------------------------------------------------------------------------- event dating


def token(doc: Doc, text: str, occurrence: int = 0) -> Token:
    return [t for t in doc if t.text == text][occurrence]


def test_event_takes_the_expression_of_its_own_clause(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The ministry said on Monday that the rebels had seized the port in January.",
        published="2024-03-12",
    )
    assert event_date(token(doc, "said")) == DatePoint("2024-03-11", "day", "explicit")
    assert event_date(token(doc, "seized")) == DatePoint("2024-01", "month", "explicit")


def test_event_in_a_nested_clause_without_date_takes_the_sentence_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("On Monday the ministry said that the rebels had withdrawn.", published="2024-03-12")
    assert event_date(token(doc, "withdrawn")) == DatePoint("2024-03-11", "day", "sentence")


def test_background_facts_keep_their_year(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The 2021 coup ousted the elected government.", published="2024-03-12")
    assert event_date(token(doc, "ousted")) == DatePoint("2021", "year", "explicit")


def test_week_and_deadline_dates(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "Last week the government announced that it will withdraw its troops by the end of the year.",
        published="2023-07-14",
    )
    assert event_date(token(doc, "announced")) == DatePoint("2023-W27", "week", "explicit")
    assert event_date(token(doc, "withdraw")) == DatePoint("2023-12", "month", "explicit")


def test_durations_do_not_date_events(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The rebels besieged the town for three weeks.", published="2024-03-12")
    assert event_date(token(doc, "besieged")) == DatePoint("2024-03-12", "day", "reported")


def test_a_paragraph_carries_its_date_to_the_next_sentence(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "Protesters gathered in the capital on Saturday. Police fired tear gas at the crowd.\n"
        "The interior minister has resigned.",
        published="2024-03-12",
    )
    assert event_date(token(doc, "fired")) == DatePoint("2024-03-09", "day", "context")
    assert event_date(token(doc, "resigned")) == DatePoint("2024-03-12", "day", "reported")


def test_the_start_of_a_state_is_no_episode_for_the_next_sentence(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The rebels have held the port since January. The navy shelled the harbour.",
                   published="2024-03-12")
    assert event_date(token(doc, "shelled")).value != "2024-01"


def test_undated_narrative_takes_the_day_of_the_story(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The council voted on Friday to close the mission.\n"
        "The envoy welcomed the decision.\n"
        "The government will appeal.\n"
        "The mission has cost billions.",
        published="2024-03-12",
    )
    friday = DatePoint("2024-03-08", "day", "context")
    assert event_date(token(doc, "welcomed")) == friday
    assert event_date(token(doc, "appeal")) == friday  # announced on the story's day
    assert event_date(token(doc, "cost")) == DatePoint("2024-03-12", "day", "reported")


def test_a_headline_tells_the_story_of_its_day(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "Chad expels French ambassador, Paris to recall envoys\n\n"
        "The government ordered the ambassador to leave on Tuesday, officials said.\n\n"
        "Relations have been tense for years. Chad expels journalists often.",
        published="2024-03-14",
    )
    tuesday = DatePoint("2024-03-12", "day", "context")
    assert event_date(token(doc, "expels")) == tuesday
    assert event_date(token(doc, "recall")) == tuesday
    assert event_date(token(doc, "expels", 1)).basis == "reported"  # a present-tense habit in the body


def test_a_day_the_publication_month_cannot_place_is_no_story_day(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Soldiers attacked the village last Monday.\nThe minister resigned.", published="2023-03")
    assert story_date(doc) is None
    # 2023, and told as past in a paper of March 2023: not after March
    assert event_date(token(doc, "attacked")) == DatePoint("2023", "year", "explicit", before="2023-03-31")


def test_a_story_day_refines_a_month_precise_publication_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("On Friday (8 March) the envoys met.\nThe minister accused the rebels.", published="2024-03")
    assert event_date(token(doc, "accused")) == DatePoint("2024-03-08", "day", "context")


def test_no_story_day_from_an_old_or_absolute_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The talks began on 2 March 2024.\nThe minister resigned.", published="2024-03-12")
    assert event_date(token(doc, "resigned")) == DatePoint("2024-03-12", "day", "reported")
    doc = annotate("The talks began last month on the 2nd.\nThe minister resigned.", published="2024-03-12")
    assert event_date(token(doc, "resigned")).basis == "reported"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The vote came two weeks after the minister demanded it.", "demanded", "2024-02-23"),
        ("The vote was held three days before the rebels attacked.", "attacked", "2024-03-11"),
        ("The vote came a month after the minister demanded it.", "demanded", "2024-02-08"),
    ],
)
def test_a_clause_placed_by_a_duration_is_dated_from_its_main_clause(
    annotate: Callable[..., Doc], text: str, trigger: str, expected: str
) -> None:
    doc = annotate(f"The council voted on Friday.\n{text}", published="2024-03-12")
    assert event_date(token(doc, trigger)) == DatePoint(expected, "day", "sentence")


def test_an_unresolved_date_of_its_own_clause_keeps_an_event_from_borrowing(
    annotate: Callable[..., Doc],
) -> None:
    doc = annotate(
        "After the soldiers left the base last August, the general, who took office in March 2019, "
        "has courted new allies.",
        published=None,
    )
    left = event_date(token(doc, "left"))
    assert (left.value, left.expression, left.tense) == (None, "last August", "past")
    assert event_date(token(doc, "courted")) == DatePoint.unknown()
    assert event_date(token(doc, "took")) == DatePoint("2019-03", "month", "explicit")


@pytest.mark.parametrize(
    ("text", "trigger", "published", "before"),
    [
        ("The president announced the withdrawal of the troops earlier this year.", "withdrawal", "2022-05-20",
         "2022-05-20"),
        ("The army left the northern bases earlier this year.", "left", "2022-05", "2022-05-31"),
        ("The army left the northern bases this month.", "left", "2022-05-20", "2022-05-20"),
        ("The army will leave the northern bases this year.", "leave", "2022-05-20", None),  # a plan: not bounded
        ("The army left the northern bases in March.", "left", "2022-05-20", None),  # March is over by then
    ],
)
def test_a_date_told_as_past_ends_with_the_publication_date(
    annotate: Callable[..., Doc], text: str, trigger: str, published: str, before: str | None
) -> None:
    assert event_date(token(annotate(text, published=published), trigger)).before == before


@pytest.mark.parametrize(
    ("expression", "tense", "year", "expected"),
    [
        ("In January", "past", 2023, ("2023-01", "month")),
        ("in November last year", "past", 2023, ("2022-11", "month")),
        ("last August", "past", 2023, ("2022-08", "month")),
        ("last year", "past", 2019, ("2018", "year")),
        ("next March", "future", 2020, ("2021-03", "month")),
        ("last week", "past", 2023, None),  # a year cannot pin a week down
        ("on Monday", "past", 2023, None),
        ("for nine years", "past", 2023, None),
    ],
)
def test_an_expression_left_unresolved_is_read_in_the_stories_year(
    expression: str, tense: str, year: int, expected: tuple[str, str] | None
) -> None:
    reading = dates.resolve_in_year(expression, tense, year)
    assert (None if reading is None else (reading.value, reading.precision)) == expected


def test_the_year_of_an_undated_article_is_the_one_its_expressions_and_other_articles_agree_on() -> None:
    # "in November last year" told of an event that others date 14 November 2022: written in 2023
    assert dates.story_year([("in November last year", "past", "2022-11-14", "day")], None) == 2023
    assert dates.story_year([("In March", "past", "2021-03", "month"), ("last year", "past", "2020", "year")],
                            None) == 2021
    # expressions that disagree on the year, or none that can be read: no year
    assert dates.story_year([("In March", "past", "2021-03", "month"), ("last year", "past", "2018", "year")],
                            None) is None
    assert dates.story_year([("last week", "past", "2021-03-02", "day")], None) is None
    assert dates.story_year([], None) is None
    # an event the article tells as past, dated 2024 by others, rules out any earlier year
    assert dates.story_year([("in November last year", "past", "2022-11-14", "day")], 2024) is None


def test_an_unresolved_date_gives_the_part_it_knows(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The rebels attacked the town yesterday.", published="2023-03")
    assert event_date(token(doc, "attacked")) == DatePoint("2023", "year", "explicit", before="2023-03-31")


def test_a_plan_of_another_predicate_lends_no_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "A military council took control of the country and announced its intention to hold elections in 2024.",
        published="2023-07-01",
    )
    document = DatePoint("2023-07-01", "day", "reported")
    assert event_date(token(doc, "took")) == document
    assert event_date(token(doc, "announced")) == document
    assert event_date(token(doc, "hold")) == DatePoint("2024", "year", "explicit")
    doc = annotate("The junta seized the capital and vowed to hold a referendum in 2025.", published="2023-07-01")
    assert event_date(token(doc, "seized")) == document
    assert event_date(token(doc, "vowed")) == document
    doc = annotate("The government collapsed and elections will be held in May.", published="2023-03-01")
    assert event_date(token(doc, "collapsed")) == DatePoint("2023-03-01", "day", "reported")
    assert event_date(token(doc, "held")) == DatePoint("2023-05", "month", "explicit")


def test_a_participle_describing_another_participant_lends_no_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Belarus pardoned a German citizen jailed since 2021.", published="2023-07-01")
    assert event_date(token(doc, "pardoned")) == DatePoint("2023-07-01", "day", "reported")


def test_what_a_call_asks_for_lends_no_date_to_the_call(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The opposition in Togo pressed for the vote to be held in October.", published="2023-07-01")
    assert event_date(token(doc, "pressed")) == DatePoint("2023-07-01", "day", "reported")
    assert event_date(token(doc, "held")) == DatePoint("2023-10", "month", "explicit")


def test_the_subject_of_a_plan_is_dated_by_it(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The withdrawal is due to be completed by December.", published="2023-07-01")
    assert event_date(token(doc, "withdrawal")) == DatePoint("2023-12", "month", "explicit")


def test_a_simple_adverbial_of_the_sentence_still_lends_its_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("In March the army retook the town and the rebels fled.", published="2023-07-01")
    assert event_date(token(doc, "fled")) == DatePoint("2023-03", "month", "sentence")


def test_a_relative_clause_about_another_participant_lends_no_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The envoy, who arrived in Bamako in May, met the president.", published="2023-07-01")
    assert event_date(token(doc, "arrived")) == DatePoint("2023-05", "month", "explicit")
    assert event_date(token(doc, "met")) == DatePoint("2023-07-01", "day", "reported")
    doc = annotate("The coup that took place in August ousted the president.", published="2023-09-01")
    assert event_date(token(doc, "coup")) == DatePoint("2023-08", "month", "sentence")  # about the event itself


def test_a_nominal_event_set_apart_by_given_keeps_off_the_clause_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "Given the army's recent offensive in the north, the minister cancelled his visit in April.",
        published="2023-07-01",
    )
    assert event_date(token(doc, "offensive")) == DatePoint("2023-07-01", "day", "reported")
    assert event_date(token(doc, "cancelled")) == DatePoint("2023-04", "month", "explicit")
    doc = annotate("In April the minister condemned the offensive.", published="2023-07-01")
    assert event_date(token(doc, "offensive")) == DatePoint("2023-04", "month", "explicit")


def test_an_event_after_which_the_clause_came_is_placed_by_it(annotate: Callable[..., Doc]) -> None:
    doc = annotate(
        "The rebel leader died in a crash in August 2023, two months after leading a mutiny against the army.",
        published="2025-06-07",
    )
    assert event_date(token(doc, "died")) == DatePoint("2023-08", "month", "explicit")
    assert event_date(token(doc, "leading")) == DatePoint("2023-06", "month", "sentence")
    assert event_date(token(doc, "mutiny")) == DatePoint("2023-06", "month", "sentence")
    doc = annotate("In March the army expelled the envoy after the coup.", published="2025-06-07")
    assert event_date(token(doc, "coup")) == DatePoint("2025-03", "month", "sentence")  # placed, not stated


def test_undated_document_gives_an_unknown_date(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Police fired tear gas at the crowd.", published=None)
    assert event_date(token(doc, "fired")) == DatePoint.unknown()


# ---------------------------------------------------------------------------- acceptance: precision on the timeline


def _timeline_event(date_value: str | None, precision: str | None) -> dict[str, object]:
    return {
        "event_type": "RETREAT", "mode": None, "actor": {"name": "Chad"}, "recipient": None, "status": "occurred",
        "date": date_value, "date_value": date_value, "date_precision": precision, "num_sources": 1, "mentions": [],
    }  # fmt: skip


def test_timeline_shows_real_precision_and_sorts_mixed_precisions() -> None:
    from hornbill.views.timeline import render_text, sort_key

    events = [
        _timeline_event("2022-08-14", "day"),
        _timeline_event(None, None),
        _timeline_event("2022-08", "month"),
        _timeline_event("2021-12-31", "day"),
        _timeline_event("2022", "year"),
        _timeline_event("2022-09", "month"),
    ]
    ordered = [e["date"] for e in sorted(events, key=sort_key)]
    assert ordered == ["2021-12-31", "2022", "2022-08", "2022-08-14", "2022-09", None]
    lines = render_text(sorted(events, key=sort_key)).splitlines()
    assert [line.split("  RETREAT")[0].strip() for line in lines] == [
        "31 December 2021", "2022", "August 2022", "14 August 2022", "September 2022", "undated",
    ]  # fmt: skip



def test_an_undated_recent_act_takes_the_day_of_its_report(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The foreign ministry condemned the raid on the embassy.", published="2024-05-20")
    assert event_date(token(doc, "condemned")) == DatePoint("2024-05-20", "day", "reported")


def test_background_stays_undated_before_the_report(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The general had seized the radio station before the talks began.", published="2024-05-20")
    assert event_date(token(doc, "seized")) == DatePoint(None, None, "none", before="2024-05-20")
    doc = annotate("The colonel, who ousted the president, addressed the nation.", published="2024-05-20")
    assert event_date(token(doc, "ousted")).value is None


def test_a_pluperfect_under_a_reporting_verb_is_the_speakers_past(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The ministry said the attack had been repelled by the guard.", published="2024-05-20")
    assert event_date(token(doc, "repelled")) == DatePoint("2024-05-20", "day", "reported")


def test_what_a_speaker_said_of_the_story_is_of_the_day_it_was_said(annotate: Callable[..., Doc]) -> None:
    doc = annotate("The envoy condemned the arrests on Monday.\nShe said the world should press the generals.",
                   published="2024-03-13")
    assert event_date(token(doc, "press")) == DatePoint("2024-03-11", "day", "context")
    doc = annotate("The envoy condemned the arrests on Monday.\nThe world should press the generals.",
                   published="2024-03-13")
    assert event_date(token(doc, "press")).basis == "reported"


def test_a_participle_clause_is_told_in_the_tense_of_the_clause_it_hangs_on(annotate: Callable[..., Doc]) -> None:
    doc = annotate("Teachers demanding higher pay blocked the main road, trapping hundreds of drivers. "
                   "Teachers demanding higher pay will march again.")
    first, second = doc.sents
    assert [narrative_tense(t) for t in first if t.tag_ == "VBG"] == ["past", "past"]
    assert [narrative_tense(t) for t in second if t.tag_ == "VBG"] == ["future"]
