"""Readers: what each shape of the grammar (:mod:`~hornbill.dates.grammar`) means, as a TimeML reading.

A reader gets the match of its shape on a whole expression and what it is read against (the
anchor, the tense of the verb it modifies) and returns a :class:`Reading`, or None when the
anchor is too coarse for the result or the match is no date after all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal

from hornbill.dates.calendar import (
    COARSENESS,
    Anchor,
    anchor_day,
    day_month_date,
    day_value,
    month_value,
    month_year,
    safe_date,
    shift_months,
    week_value,
    weekday_date,
)
from hornbill.dates.grammar import reading_shapes
from hornbill.dates.words import time_words
from hornbill.model import Precision, Tense

TimexKind = Literal["DATE", "DURATION", "SET", "TIME"]


@dataclass(frozen=True)
class Reading:
    """A normalised time expression (TimeML TIMEX3 value/type/mod), before it has a span."""

    value: str
    precision: Precision | None
    kind: TimexKind = "DATE"
    mod: str | None = None
    warning: str | None = None


@dataclass(frozen=True)
class Query:
    """What a rule sees: the anchor and the tense of the governing verb."""

    anchor: Anchor | None
    tense: Tense | None


Rule = Callable[["re.Match[str]", "Query"], Reading | None]


def _number(text: str) -> float | None:
    """The value of "9", "nine", "twenty-five", "1.5"; None for anything else."""
    text = text.strip().lower()
    try:
        return float(text)
    except ValueError:
        pass
    numbers = time_words().numbers
    words = re.split(r"[\s-]+", text)
    if any(w not in numbers for w in words):
        return None
    parts = [numbers[w] for w in words]
    if len(parts) == 1:
        return float(parts[0])
    if len(parts) == 2 and parts[0] >= 20 and parts[0] % 10 == 0 and parts[1] < 10:
        return float(sum(parts))  # "twenty-five"
    return None


def _unit(word: str) -> tuple[str, int]:
    """TimeML letter and multiplier of a unit word ("decades" -> ("Y", 10))."""
    word = word.lower()
    word = "century" if word == "centuries" else word.removesuffix("s")
    return time_words().units[word]


def _duration_value(count: float | None, unit_word: str) -> str:
    letter, multiplier = _unit(unit_word)
    clock = "T" if letter in ("H", "MIN") else ""  # TimeML: PT5H, PT10M
    letter = "M" if letter == "MIN" else letter
    if count is None:
        return f"P{clock}X{letter}"
    amount = count * multiplier
    text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"P{clock}{text}{letter}"


def _month_of(word: str) -> int:
    return time_words().months[word.lower().rstrip(".")]


def _weekday_of(word: str | None) -> int | None:
    return None if word is None else time_words().weekdays[word.lower()]


def _relative_direction(rel: str | None) -> str | None:
    """ "before" after a word that points back ("last Friday"), "after" after one that points
    ahead ("next May"), "present" after "this"; None without a relative word."""
    if rel is None:
        return None
    step = time_words().steps[rel]
    return "before" if step < 0 else "after" if step > 0 else "present"


def _weekday_direction(rel: str | None, tense: Tense | None) -> str:
    direction = _relative_direction(rel)
    if direction in ("before", "after"):
        return direction
    return {"future": "future", "present": "nearest"}.get(tense or "past", "past")


def _month_direction(rel: str | None, tense: Tense | None) -> str:
    direction = _relative_direction(rel)
    if direction is not None:
        return direction
    return {"future": "future", "present": "present"}.get(tense or "past", "past")


def _rule_iso_day(m: re.Match[str], q: Query) -> Reading | None:
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Reading(day_value(d), "day") if d else None


def _rule_iso_month(m: re.Match[str], q: Query) -> Reading | None:
    month = int(m["m"])
    return Reading(month_value(int(m["y"]), month), "month") if 1 <= month <= 12 else None


def _rule_numeric(m: re.Match[str], q: Query) -> Reading | None:
    """dd/mm/yyyy or mm/dd/yyyy, only when one reading is impossible; ambiguous gives None."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = {d for d in (safe_date(year, b, a), safe_date(year, a, b)) if d}
    return Reading(day_value(readings.pop()), "day") if len(readings) == 1 else None


def _checked_day(d: date | None, weekday: int | None) -> Reading | None:
    """A day reading, with a warning when the stated weekday disagrees with the date."""
    if d is None:
        return None
    warning = None
    if weekday is not None and d.weekday() != weekday:
        warning = f"{d.isoformat()} is a {d.strftime('%A')}, not a {_weekday_name(weekday)}"
    return Reading(day_value(d), "day", warning=warning)


def _weekday_name(weekday: int) -> str:
    return next(name.capitalize() for name, number in time_words().weekdays.items() if number == weekday)


def _rule_full_date(m: re.Match[str], q: Query) -> Reading | None:
    d = safe_date(int(m["y"]), _month_of(m["mon"]), int(re.sub(r"\D", "", m["d"])))
    return _checked_day(d, _weekday_of(m["wd"]))


def _rule_day_month(m: re.Match[str], q: Query) -> Reading | None:
    if q.anchor is None or q.anchor.rank > COARSENESS["year"]:
        return None
    weekday = _weekday_of(m["wd"])
    day = int(re.sub(r"\D", "", m["d"]))
    d = day_month_date(q.anchor.day, _month_of(m["mon"]), day, q.tense)
    return _checked_day(d, weekday)


def _rule_month_year(m: re.Match[str], q: Query) -> Reading | None:
    return Reading(month_value(int(m["y"]), _month_of(m["mon"])), "month")


def _rule_year(m: re.Match[str], q: Query) -> Reading | None:
    return Reading(f"{int(m['y']):04d}", "year")


def _rule_decade(m: re.Match[str], q: Query) -> Reading | None:
    return Reading(m["dec"], "decade")


def _rule_century(m: re.Match[str], q: Query) -> Reading | None:
    """ "the 20th century" is TimeML 19 (the hundreds of its years)."""
    ordinal = int(m["c"])
    return Reading(f"{ordinal - 1:02d}", "century") if 1 <= ordinal <= 99 else None


def _rule_quarter(m: re.Match[str], q: Query) -> Reading | None:
    """ "the third quarter (of 2022)", "fourth-quarter": TimeML 2022-Q3, with season precision
    (a quarter is three months, as a season is). Without a year: the latest such quarter not
    after the anchor's (business news reports results of quarters already begun)."""
    quarter = time_words().quarters[m["q"].lower()]
    if m["y"]:
        return Reading(f"{int(m['y']):04d}-Q{quarter}", "season")
    anchor = anchor_day(q.anchor, "month")
    if anchor is None:
        return None
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year if quarter <= current else anchor.year - 1
    return Reading(f"{year:04d}-Q{quarter}", "season")


def _rule_season(m: re.Match[str], q: Query) -> Reading | None:
    code = time_words().seasons[m["season"].lower()]
    if m["y"]:
        return Reading(f"{int(m['y']):04d}-{code}", "season")
    anchor = anchor_day(q.anchor, "season")
    if anchor is None:
        return None
    year = anchor.year + time_words().steps.get(m["rel"] or "this", 0)
    return Reading(f"{year:04d}-{code}", "season")


def _rule_weekday(m: re.Match[str], q: Query) -> Reading | None:
    anchor = anchor_day(q.anchor, "day")
    if anchor is None:
        return None
    direction = _weekday_direction(m["rel"], q.tense)
    return Reading(day_value(weekday_date(anchor, time_words().weekdays[m["wd"].lower()], direction)), "day")


def _rule_month(m: re.Match[str], q: Query) -> Reading | None:
    month = _month_of(m["mon"])
    anchor = anchor_day(q.anchor, "year" if m["yrel"] else "month")
    if anchor is None:
        return None
    if m["yrel"]:
        year = anchor.year + time_words().steps[m["yrel"].lower()]
    else:
        year = month_year(anchor, month, _month_direction(m["rel"], q.tense))
    return Reading(month_value(year, month), "month")


def _rule_day_word(m: re.Match[str], q: Query) -> Reading | None:
    anchor = anchor_day(q.anchor, "day")
    if anchor is None:
        return None
    offset = time_words().day_words[" ".join(m["word"].lower().split())]
    return Reading(day_value(anchor + timedelta(days=offset)), "day")


def _period_value(anchor: date, unit: str, step: int) -> tuple[str, Precision] | None:
    """The week/month/year/decade/century ``step`` periods from the anchor's own."""
    if unit in ("week", "weekend"):
        return week_value(anchor + timedelta(weeks=step)), "week"
    if unit == "month":
        return month_value(*shift_months(anchor, step)), "month"
    if unit == "year":
        return f"{anchor.year + step:04d}", "year"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}", "century"
    return None


def _rule_period(m: re.Match[str], q: Query) -> Reading | None:
    """ "last week", "this year", "earlier this month", "next year", "the year" (after "end of")."""
    unit = m["unit"].lower()
    precision = "week" if unit == "weekend" else unit
    anchor = anchor_day(q.anchor, precision)
    if anchor is None:
        return None
    step = time_words().steps[m["rel"].lower().split()[-1]]
    if unit == "weekend":
        return Reading(week_value(_weekend_saturday(anchor, step, q.tense)), "week")
    found = _period_value(anchor, unit, step)
    return Reading(found[0], found[1]) if found else None


def _weekend_saturday(anchor: date, step: int, tense: Tense | None) -> date:
    """The Saturday of "the weekend" (past: the latest one not after the anchor; future: the
    next one not before it), of "last weekend" (before the anchor's week) or "next weekend"."""
    saturday = 5
    if step < 0:
        return weekday_date(anchor - timedelta(days=anchor.weekday()), saturday, "before")
    if step > 0:
        return weekday_date(anchor + timedelta(days=6 - anchor.weekday()), saturday, "after")
    if anchor.weekday() >= saturday:  # on a Saturday or Sunday, "this weekend" is the current one
        return anchor - timedelta(days=anchor.weekday() - saturday)
    return weekday_date(anchor, saturday, "future" if tense in ("future", "present") else "past")


def _rule_ago(m: re.Match[str], q: Query) -> Reading | None:
    """ "two weeks ago" (a point at the unit's precision); vague "a few weeks ago" see module doc."""
    letter, multiplier = _unit(m["unit"])
    vague = m["n"] is None
    count = time_words().typical_vague if vague else _number(m["n"])
    if count is None or count != int(count):
        return None
    steps = int(count) * multiplier
    mod = "APPROX" if vague else None
    if letter in ("H", "MIN"):  # "three hours ago": today, as far as a date goes
        anchor = anchor_day(q.anchor, "day")
        return None if anchor is None else Reading(day_value(anchor), "day")
    if letter == "Y":
        anchor = anchor_day(q.anchor, "year")
        return None if anchor is None else Reading(f"{anchor.year - steps:04d}", "year", mod=mod)
    if letter == "M":
        anchor = anchor_day(q.anchor, "month")
        return None if anchor is None else Reading(month_value(*shift_months(anchor, -steps)), "month")
    anchor = anchor_day(q.anchor, "month" if vague else "day" if letter == "D" else "week")
    if anchor is None:
        return None
    target = anchor - timedelta(days=steps * (7 if letter == "W" else 1))
    if vague:
        return Reading(month_value(target.year, target.month), "month", mod=mod)
    if letter == "W":
        return Reading(week_value(target), "week")
    return Reading(day_value(target), "day")


def _rule_duration(m: re.Match[str], q: Query) -> Reading | None:
    """ "nine years", "a decade", "the past nine years", "decade-old"; "the past weeks" is PXW.
    Ages ("45-year-old") are not time expressions."""
    plural = m["unit"].lower().endswith("s")
    if m["num"] is None and m["article"] is None and m["pre"] is None and m["suf"] is None and not plural:
        return None
    if m["num"] is not None and m["suf"] is not None and _last_word(m["suf"]) in time_words().words("age_suffixes"):
        return None  # "45-year-old" is an age, not a time; "decade-old" stays a duration
    if m["n"] is not None:
        count = _number(m["n"])
        if count is None:
            return None
    elif m["num"] is not None or plural:
        count = None
    else:
        count = 1.0
    return Reading(_duration_value(count, m["unit"]), None, kind="DURATION")




def _last_word(text: str) -> str:
    return re.split(r"[\s-]+", text.strip(" -"))[-1]


#: The reader of each shape of :func:`~hornbill.dates.grammar.reading_shapes`.
READERS: dict[str, Rule] = {
    "iso_day": _rule_iso_day,
    "iso_month": _rule_iso_month,
    "numeric": _rule_numeric,
    "full_date": _rule_full_date,
    "day_month": _rule_day_month,
    "month_year": _rule_month_year,
    "year": _rule_year,
    "decade": _rule_decade,
    "century": _rule_century,
    "quarter": _rule_quarter,
    "season": _rule_season,
    "weekday": _rule_weekday,
    "month": _rule_month,
    "day_word": _rule_day_word,
    "period": _rule_period,
    "ago": _rule_ago,
    "duration": _rule_duration,
}


@cache
def rules() -> tuple[tuple[re.Pattern[str], Rule], ...]:
    """Each shape's pattern with its reader, in the order the reader tries them."""
    return tuple((re.compile(pattern, re.IGNORECASE), READERS[name]) for name, pattern in reading_shapes())
