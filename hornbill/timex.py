"""Time expressions: find them, normalise them TimeML-style, and date events by them.

Three layers:

* :func:`normalize` — a pure function from one expression (``"last week"``,
  ``"on Friday (20 May)"``, ``"since 2013"``) plus the anchor (the document date)
  and, optionally, the tense of the verb it modifies, to a :class:`Reading`
  (value, precision, kind, mod, warning). Absolute expressions need no anchor;
  relative ones need an anchor at least as precise as their result, else ``None``.
* the spaCy component ``hornbill_timex`` — finds expressions (regexes built from
  ``data/timex.yaml`` plus spaCy's DATE entities), reads the tense of the verb each
  one hangs on, normalises it against ``doc._.document.published`` and stores
  sorted :class:`~hornbill.model.Timex` objects in ``doc._.timexes``. A relative
  expression the document date is too coarse (or missing) for is kept with a TimeML
  underspecified value ("XXXX-08" for "last August"), so that its clause is known to be
  dated even though the date is not known.
* :func:`event_date` — the date of an event from its trigger token: the
  expression governing its clause, else its main clause's date moved by a duration
  ("two weeks after Diop called"), else an expression elsewhere in its sentence,
  else one carried from an earlier sentence of the paragraph, else the story's own
  day (:func:`story_date`) for narrative clauses, else the document date. An expression
  inside another predicate's plan ("announced its intention to hold elections in 2024")
  or relative clause ("the junta, which seized power in 2021") dates no other event.

Choices (TimeML where it has an answer):

* Spans leave out the introducing preposition ("on", "in", "since"), as TimeML
  does; the preposition still shapes the value: "since 2013" is 2013 with mod
  ``AFTER``, "until May" has mod ``BEFORE``.
* "the end of the year" is a deadline: the anchor year's December, precision
  month, mod ``END`` ("the start of the year" is January, mod ``START``).
* Vague "a few weeks ago" steps back three units from the anchor and keeps month
  precision (year precision for years), mod ``APPROX``: an analyst would rather see
  "June 2023 (approx.)" than nothing. "recently" is ``PAST_REF``.
* Without tense, weekdays and bare month names read as past (news reports the
  past); a day and month without year ("20 May") stays within about half a year
  of the anchor, on the side the tense points to.
  Past and future both include the anchor day itself: same-day reports ("said on
  Friday", "will vote on Friday" in a Friday paper) are how the TempEval-3 annotators
  read them; "next Friday" is strictly after.
* A four-digit year range ("2009-2010", "1957-58") is two expressions; "the 20th
  century" is 19.
* A range ("between 2013 and 2023") reads as its start; the component tags both
  ends as separate expressions.
* Durations ("nine years", "decade-old", "for the past nine years") are kind
  ``DURATION`` with values such as ``P9Y``; they never date an event.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, Literal

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from hornbill.model import DateBasis, DatePoint, Precision, Tense, Timex

TimexKind = Literal["DATE", "DURATION", "SET", "TIME"]

#: How fine each precision is (smaller = finer); an anchor must be at least as fine as the result.
_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5, "century": 6}
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
#: Dependency labels that open a new clause: a time expression does not cross them.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass"})
_VERB_POS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Reading:
    """A normalised time expression (TimeML TIMEX3 value/type/mod), before it has a span."""

    value: str
    precision: Precision | None
    kind: TimexKind = "DATE"
    mod: str | None = None
    warning: str | None = None


# ---------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague: tuple[str, ...]
    typical_vague: int
    units: dict[str, tuple[str, int]]
    seasons: dict[str, str]
    parts_of_day: tuple[str, ...]
    day_words: dict[str, int]
    references: dict[str, str]
    signals: dict[str, str | None]
    period_modifiers: dict[str, str]
    duration_modifiers: dict[str, str]
    future_verbs: frozenset[str]
    quarters: dict[str, int]
    scheduling_verbs: frozenset[str]
    prospective_nouns: frozenset[str]
    sequence_prepositions: frozenset[str]
    background_prepositions: frozenset[str]
    past_pointing: tuple[str, ...]


@cache
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = yaml.safe_load(files("hornbill").joinpath("data/timex.yaml").read_text("utf-8"))
    return _Lexicon(
        months={str(k): int(v) for k, v in raw["months"].items()},
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        numbers={str(k): int(v) for k, v in raw["numbers"].items()},
        vague=tuple(raw["vague_numbers"]),
        typical_vague=int(raw["typical_vague_count"]),
        units={str(k): (str(v[0]), int(v[1])) for k, v in raw["units"].items()},
        seasons={str(k): str(v) for k, v in raw["seasons"].items()},
        parts_of_day=tuple(raw["parts_of_day"]),
        day_words={str(k): int(v) for k, v in raw["day_words"].items()},
        references={str(k): str(v) for k, v in raw["references"].items()},
        signals={str(k): v for k, v in raw["signals"].items()},
        period_modifiers={str(k): str(v) for k, v in raw["period_modifiers"].items()},
        duration_modifiers={str(k): str(v) for k, v in raw["duration_modifiers"].items()},
        future_verbs=frozenset(raw["future_verbs"]),
        scheduling_verbs=frozenset(raw["scheduling_verbs"]),
        quarters={str(k): int(v) for k, v in raw["quarters"].items()},
        prospective_nouns=frozenset(raw["prospective_nouns"]),
        sequence_prepositions=frozenset(raw["sequence_prepositions"]),
        background_prepositions=frozenset(raw["background_prepositions"]),
        past_pointing=tuple(raw["past_pointing"]),
    )


def _alt(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first (so "sept" beats "sep")."""
    return (
        "(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + ")"
    )


@dataclass(frozen=True)
class _Fragments:
    """Regex pieces shared by the normaliser's rules and the detector's patterns."""

    month: str
    weekday: str
    day: str
    year: str
    number: str
    vague: str
    unit: str
    season: str
    part: str


@cache
def _fragments() -> _Fragments:
    lex = _lexicon()
    number_word = _alt(list(lex.numbers))
    tens = _alt([w for w, n in lex.numbers.items() if n >= 20 and n % 10 == 0 and n < 100])
    units = _alt([w for w, n in lex.numbers.items() if n < 10 and w not in ("a", "an")])
    unit_words = [*lex.units, "centuries"]
    longest = {n: max((w for w, m in lex.months.items() if m == n), key=len) for n in lex.months.values()}
    full_months = list(longest.values())
    short_months = [w for w in lex.months if w not in full_months]
    return _Fragments(
        month=rf"(?:{_alt(full_months)}|{_alt(short_months)}\.?)",
        weekday=_alt(list(lex.weekdays)),
        day=r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        year=r"(?:1\d{3}|2\d{3})",
        number=rf"(?:\d{{1,3}}(?:\.\d+)?|{tens}[\s-]+{units}|{number_word})",
        vague=_alt(list(lex.vague)),
        unit=_alt(unit_words) + "s?",
        season=_alt(list(lex.seasons)),
        part=_alt(list(lex.parts_of_day)),
    )


# ---------------------------------------------------------------------------- anchors and calendar


@dataclass(frozen=True)
class _Anchor:
    day: date
    rank: int  # _RANK of the anchor's precision


def _anchor_of(point: DatePoint) -> _Anchor | None:
    """The anchor as a date (first day of its period) with its precision rank; None when unknown."""
    value = point.value
    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            return _Anchor(date.fromisocalendar(int(m[1]), int(m[2]), 1), _RANK["week"])
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            return _Anchor(date(parts[0], parts[1], parts[2]), _RANK["day"])
        if len(parts) == 2:
            return _Anchor(date(parts[0], parts[1], 1), _RANK["month"])
        return _Anchor(date(parts[0], 1, 1), _RANK["year"])
    except ValueError:
        return None


def _needs(anchor: _Anchor | None, precision: str) -> date | None:
    """The anchor date if it is precise enough to compute a result of ``precision``."""
    if anchor is None or anchor.rank > _RANK[precision]:
        return None
    return anchor.day


def _day_value(d: date) -> str:
    return d.isoformat()


def _week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def _weekday_date(anchor: date, weekday: int, direction: str) -> date:
    """The date of ``weekday`` seen from ``anchor``.

    ``past``: on or before the anchor ("said on Friday" in a Friday paper is that day);
    ``future``: on or after it ("will vote on Friday" in a Friday paper is that day too);
    ``before``/``after``: strictly before/after; ``nearest``: whichever is closer, the
    anchor day included.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "before":
        back = back or 7
    if direction == "after":
        ahead = ahead or 7
    if direction in ("past", "before"):
        return anchor - timedelta(days=back)
    if direction == "nearest" and back < ahead:
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


def _month_year(anchor: date, month: int, direction: str) -> int:
    """The year of a month named without one: ``past`` = not after the anchor month,
    ``before``/``after`` = strictly before/after it, ``future`` = not before it,
    ``present`` = the anchor's year."""
    if direction == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "before":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    if direction == "after":
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_month_date(anchor: date, month: int, day: int, tense: Tense | None) -> date | None:
    """The date of a day and month given without a year: future tense = the next on or
    after the anchor; past tense = the latest on or before it if within half a year (else
    the nearest: a yearless date in news is close to the story, and "payable Dec. 15" in
    an October paper hangs on a past verb); no tense = the nearest. A stated weekday is
    only checked, not used."""
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, month, day))
    ]
    half_year = timedelta(days=183)
    if tense == "past":
        candidates = [d for d in candidates if anchor - half_year <= d <= anchor] or candidates
    elif tense == "future":
        candidates = [d for d in candidates if d >= anchor] or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days))


# ---------------------------------------------------------------------------- normaliser


@dataclass(frozen=True)
class _Query:
    """What a rule sees: the anchor and the tense of the governing verb."""

    anchor: _Anchor | None
    tense: Tense | None


_Rule = Callable[["re.Match[str]", _Query], Reading | None]


def _number(text: str) -> float | None:
    """The value of "9", "nine", "twenty-five", "1.5"; None for anything else."""
    text = text.strip().lower()
    try:
        return float(text)
    except ValueError:
        pass
    numbers = _lexicon().numbers
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
    return _lexicon().units[word]


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
    return _lexicon().months[word.lower().rstrip(".")]


def _weekday_of(word: str | None) -> int | None:
    return None if word is None else _lexicon().weekdays[word.lower()]


def _weekday_direction(rel: str | None, tense: Tense | None) -> str:
    if rel in ("last", "past", "previous"):
        return "before"
    if rel in ("next", "coming", "following"):
        return "after"
    return {"future": "future", "present": "nearest"}.get(tense or "past", "past")


def _month_direction(rel: str | None, tense: Tense | None) -> str:
    if rel in ("last", "past", "previous"):
        return "before"
    if rel in ("next", "coming", "following"):
        return "after"
    if rel == "this":
        return "present"
    return {"future": "future", "present": "present"}.get(tense or "past", "past")


def _rule_iso_day(m: re.Match[str], q: _Query) -> Reading | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return Reading(_day_value(d), "day") if d else None


def _rule_iso_month(m: re.Match[str], q: _Query) -> Reading | None:
    month = int(m["m"])
    return Reading(_month_value(int(m["y"]), month), "month") if 1 <= month <= 12 else None


def _rule_numeric(m: re.Match[str], q: _Query) -> Reading | None:
    """dd/mm/yyyy or mm/dd/yyyy, only when one reading is impossible; ambiguous gives None."""
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = {d for d in (_safe_date(year, b, a), _safe_date(year, a, b)) if d}
    return Reading(_day_value(readings.pop()), "day") if len(readings) == 1 else None


def _checked_day(d: date | None, weekday: int | None) -> Reading | None:
    """A day reading, with a warning when the stated weekday disagrees with the date."""
    if d is None:
        return None
    warning = None
    if weekday is not None and d.weekday() != weekday:
        warning = f"{d.isoformat()} is a {d.strftime('%A')}, not a {_weekday_name(weekday)}"
    return Reading(_day_value(d), "day", warning=warning)


def _weekday_name(weekday: int) -> str:
    return next(name.capitalize() for name, number in _lexicon().weekdays.items() if number == weekday)


def _rule_full_date(m: re.Match[str], q: _Query) -> Reading | None:
    d = _safe_date(int(m["y"]), _month_of(m["mon"]), int(re.sub(r"\D", "", m["d"])))
    return _checked_day(d, _weekday_of(m["wd"]))


def _rule_day_month(m: re.Match[str], q: _Query) -> Reading | None:
    if q.anchor is None or q.anchor.rank > _RANK["year"]:
        return None
    weekday = _weekday_of(m["wd"])
    day = int(re.sub(r"\D", "", m["d"]))
    d = _day_month_date(q.anchor.day, _month_of(m["mon"]), day, q.tense)
    return _checked_day(d, weekday)


def _rule_month_year(m: re.Match[str], q: _Query) -> Reading | None:
    return Reading(_month_value(int(m["y"]), _month_of(m["mon"])), "month")


def _rule_year(m: re.Match[str], q: _Query) -> Reading | None:
    return Reading(f"{int(m['y']):04d}", "year")


def _rule_decade(m: re.Match[str], q: _Query) -> Reading | None:
    return Reading(m["dec"], "decade")


def _rule_century(m: re.Match[str], q: _Query) -> Reading | None:
    """ "the 20th century" is TimeML 19 (the hundreds of its years)."""
    ordinal = int(m["c"])
    return Reading(f"{ordinal - 1:02d}", "century") if 1 <= ordinal <= 99 else None


def _rule_quarter(m: re.Match[str], q: _Query) -> Reading | None:
    """ "the third quarter (of 2022)", "fourth-quarter": TimeML 2022-Q3, with season precision
    (a quarter is three months, as a season is). Without a year: the latest such quarter not
    after the anchor's (business news reports results of quarters already begun)."""
    quarter = _lexicon().quarters[m["q"].lower()]
    if m["y"]:
        return Reading(f"{int(m['y']):04d}-Q{quarter}", "season")
    anchor = _needs(q.anchor, "month")
    if anchor is None:
        return None
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year if quarter <= current else anchor.year - 1
    return Reading(f"{year:04d}-Q{quarter}", "season")


def _rule_season(m: re.Match[str], q: _Query) -> Reading | None:
    code = _lexicon().seasons[m["season"].lower()]
    if m["y"]:
        return Reading(f"{int(m['y']):04d}-{code}", "season")
    anchor = _needs(q.anchor, "season")
    if anchor is None:
        return None
    year = anchor.year + _PERIOD_STEP.get(m["rel"] or "this", 0)
    return Reading(f"{year:04d}-{code}", "season")


def _rule_weekday(m: re.Match[str], q: _Query) -> Reading | None:
    anchor = _needs(q.anchor, "day")
    if anchor is None:
        return None
    direction = _weekday_direction(m["rel"], q.tense)
    return Reading(_day_value(_weekday_date(anchor, _lexicon().weekdays[m["wd"].lower()], direction)), "day")


def _rule_month(m: re.Match[str], q: _Query) -> Reading | None:
    month = _month_of(m["mon"])
    anchor = _needs(q.anchor, "year" if m["yrel"] else "month")
    if anchor is None:
        return None
    if m["yrel"]:
        year = anchor.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    else:
        year = _month_year(anchor, month, _month_direction(m["rel"], q.tense))
    return Reading(_month_value(year, month), "month")


def _rule_day_word(m: re.Match[str], q: _Query) -> Reading | None:
    anchor = _needs(q.anchor, "day")
    if anchor is None:
        return None
    offset = _lexicon().day_words[" ".join(m["word"].lower().split())]
    return Reading(_day_value(anchor + timedelta(days=offset)), "day")


def _period_value(anchor: date, unit: str, step: int) -> tuple[str, Precision] | None:
    """The week/month/year/decade/century ``step`` periods from the anchor's own."""
    if unit in ("week", "weekend"):
        return _week_value(anchor + timedelta(weeks=step)), "week"
    if unit == "month":
        return _month_value(*_shift_months(anchor, step)), "month"
    if unit == "year":
        return f"{anchor.year + step:04d}", "year"
    if unit == "decade":
        return f"{anchor.year // 10 + step:03d}", "decade"
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}", "century"
    return None


_PERIOD_STEP = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "the": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}


def _rule_period(m: re.Match[str], q: _Query) -> Reading | None:
    """ "last week", "this year", "earlier this month", "next year", "the year" (after "end of")."""
    unit = m["unit"].lower()
    precision = "week" if unit == "weekend" else unit
    anchor = _needs(q.anchor, precision)
    if anchor is None:
        return None
    step = _PERIOD_STEP[m["rel"].lower().split()[-1]]
    if unit == "weekend":
        return Reading(_week_value(_weekend_saturday(anchor, step, q.tense)), "week")
    found = _period_value(anchor, unit, step)
    return Reading(found[0], found[1]) if found else None


def _weekend_saturday(anchor: date, step: int, tense: Tense | None) -> date:
    """The Saturday of "the weekend" (past: the latest one not after the anchor; future: the
    next one not before it), of "last weekend" (before the anchor's week) or "next weekend"."""
    saturday = 5
    if step < 0:
        return _weekday_date(anchor - timedelta(days=anchor.weekday()), saturday, "before")
    if step > 0:
        return _weekday_date(anchor + timedelta(days=6 - anchor.weekday()), saturday, "after")
    if anchor.weekday() >= saturday:  # on a Saturday or Sunday, "this weekend" is the current one
        return anchor - timedelta(days=anchor.weekday() - saturday)
    return _weekday_date(anchor, saturday, "future" if tense in ("future", "present") else "past")


def _rule_ago(m: re.Match[str], q: _Query) -> Reading | None:
    """ "two weeks ago" (a point at the unit's precision); vague "a few weeks ago" see module doc."""
    letter, multiplier = _unit(m["unit"])
    vague = m["n"] is None
    count = _lexicon().typical_vague if vague else _number(m["n"])
    if count is None or count != int(count):
        return None
    steps = int(count) * multiplier
    mod = "APPROX" if vague else None
    if letter in ("H", "MIN"):  # "three hours ago": today, as far as a date goes
        anchor = _needs(q.anchor, "day")
        return None if anchor is None else Reading(_day_value(anchor), "day")
    if letter == "Y":
        anchor = _needs(q.anchor, "year")
        return None if anchor is None else Reading(f"{anchor.year - steps:04d}", "year", mod=mod)
    if letter == "M":
        anchor = _needs(q.anchor, "month")
        return None if anchor is None else Reading(_month_value(*_shift_months(anchor, -steps)), "month")
    anchor = _needs(q.anchor, "month" if vague else "day" if letter == "D" else "week")
    if anchor is None:
        return None
    target = anchor - timedelta(days=steps * (7 if letter == "W" else 1))
    if vague:
        return Reading(_month_value(target.year, target.month), "month", mod=mod)
    if letter == "W":
        return Reading(_week_value(target), "week")
    return Reading(_day_value(target), "day")


def _rule_duration(m: re.Match[str], q: _Query) -> Reading | None:
    """ "nine years", "a decade", "the past nine years", "decade-old"; "the past weeks" is PXW.
    Ages ("45-year-old") are not time expressions."""
    plural = m["unit"].lower().endswith("s")
    if m["num"] is None and m["article"] is None and m["pre"] is None and m["suf"] is None and not plural:
        return None
    if m["num"] is not None and m["suf"] is not None and m["suf"].endswith("old"):
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


@cache
def _rules() -> tuple[tuple[re.Pattern[str], _Rule], ...]:
    f = _fragments()
    wd = rf"(?:(?P<wd>{f.weekday})\s*,?\s+)?"
    rel = r"(?:(?:the\s+)?(?P<rel>last|next|this|coming|past|previous|following)\s+)?"
    num = rf"(?P<num>(?P<n>{f.number})|{f.vague})"
    table: list[tuple[str, _Rule]] = [
        (r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", _rule_iso_day),
        (r"(?P<y>\d{4})-(?P<m>\d\d)", _rule_iso_month),
        (r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})", _rule_numeric),
        (
            rf"{wd}(?:the\s+)?(?P<d>{f.day})(?:\s+of)?\s+(?P<mon>{f.month})\s*,?\s*(?P<y>{f.year})",
            _rule_full_date,
        ),
        (rf"{wd}(?P<mon>{f.month})\s+(?:the\s+)?(?P<d>{f.day})\s*,?\s*(?P<y>{f.year})", _rule_full_date),
        (rf"{wd}(?:the\s+)?(?P<d>{f.day})(?:\s+of)?\s+(?P<mon>{f.month})", _rule_day_month),
        (rf"{wd}(?P<mon>{f.month})\s+(?:the\s+)?(?P<d>{f.day})", _rule_day_month),
        (rf"(?P<mon>{f.month})\s*,?\s*(?:of\s+)?(?P<y>{f.year})", _rule_month_year),
        (rf"(?:the\s+year\s+)?(?P<y>{f.year})", _rule_year),
        (r"(?:the\s+)?(?P<dec>\d{3})0'?s", _rule_decade),
        (r"(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century", _rule_century),
        (
            rf"(?:the\s+)?(?:fiscal\s+)?(?P<q>{_alt(list(_lexicon().quarters))})[\s-]+quarter"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{f.year}))?",
            _rule_quarter,
        ),
        (rf"{rel}(?:the\s+)?(?P<season>{f.season})(?:\s+(?:of\s+)?(?P<y>{f.year}))?", _rule_season),
        (rf"{rel}(?P<wd>{f.weekday})(?:\s+{f.part})?", _rule_weekday),
        (rf"{rel}(?P<mon>{f.month})(?:\s+(?P<yrel>last|this|next)\s+year)?", _rule_month),
        (rf"(?P<word>{_alt(list(_lexicon().day_words))})", _rule_day_word),
        (
            r"(?:(?:earlier|later)\s+)?(?P<rel>last|this|next|the\s+previous|the\s+coming|the\s+following|"
            r"the\s+current|the|previous|coming|following|current|this\s+past)\s+(?:fiscal\s+)?"
            r"(?P<unit>week|weekend|month|year|decade|century)",
            _rule_period,
        ),
        (rf"{num}\s+(?P<unit>{f.unit})\s+ago", _rule_ago),
        (
            rf"(?P<pre>(?:the\s+)?(?:past|last|next|coming|first|previous|following)\s+)?"
            rf"(?:(?P<article>an?)\s+|(?:the\s+)?{num}[\s-]+)?(?P<unit>{f.unit})(?P<suf>[\s-]+(?:old|long))?",
            _rule_duration,
        ),
    ]
    return tuple((re.compile(pattern, re.IGNORECASE), rule) for pattern, rule in table)


def _clean(text: str) -> str:
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = " ".join(text.split()).strip(" \t\"'.,;:!?")
    return text.lower()


def _strip_prefix(text: str, table: dict[str, Any]) -> tuple[str, str, Any] | None:
    """(prefix, rest, table value) when ``text`` starts with a key of ``table`` then a word break."""
    for key in sorted(table, key=len, reverse=True):
        if text.startswith(key) and len(text) > len(key) and text[len(key)] in " -":
            return key, text[len(key) + 1 :].lstrip(" -"), table[key]
    return None


def _read_core(text: str, query: _Query) -> Reading | None:
    if text in _lexicon().references:
        return Reading(_lexicon().references[text], None)
    for pattern, rule in _rules():
        if m := pattern.fullmatch(text):
            return rule(m, query)
    return None


def _with_mod(reading: Reading, mod: str | None, narrows: bool) -> Reading:
    """Apply a period modifier; "end/start of" a year narrows it to December/January."""
    if mod is None:
        return reading
    if narrows and reading.precision == "year" and mod in ("END", "START"):
        month = 12 if mod == "END" else 1
        return replace(reading, value=f"{reading.value}-{month:02d}", precision="month", mod=mod)
    return replace(reading, mod=mod)


def _read_modified(text: str, query: _Query) -> Reading | None:
    """Read ``text``, peeling period modifiers ("the end of", "early") and hedges ("more than")."""
    reading = _read_core(text, query)
    if reading is not None:
        return reading
    lex = _lexicon()
    if found := _strip_prefix(text, lex.period_modifiers):
        prefix, rest, mod = found
        inner = _read_modified(rest, query)
        if inner is not None and inner.kind == "DATE":
            return _with_mod(inner, mod, narrows=" of" in prefix)
    found = _strip_prefix(text, lex.duration_modifiers)
    if found and not found[1].startswith("the "):  # "over the past decade" is no hedge
        _, rest, mod = found
        inner = _read_modified(rest, query)
        if inner is not None and inner.kind == "DURATION":
            return replace(inner, mod=mod)
    return None


def _strip_signals(text: str) -> tuple[str, str | None]:
    """Remove leading prepositions; return the rest and the mod the outermost one gives."""
    mod: str | None = None
    seen = False
    while found := _strip_prefix(text, _lexicon().signals):
        _, text, signal_mod = found
        if not seen:
            mod, seen = signal_mod, True
    return text, mod


def _read_parenthesised(text: str, query: _Query) -> Reading | None:
    """ "Friday (20 May)", "yesterday (27 November)": the explicit date wins; a weekday or
    day word that disagrees with it is reported in ``warning``."""
    m = re.fullmatch(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)", text)
    if m is None:
        return None
    outer_text = m["outer"].strip()
    if outer_text.split()[-1] in _lexicon().weekdays:
        # "Friday (20 May)" reads as "Friday 20 May": the date rule checks the weekday itself.
        return _read_modified(f"{outer_text} {m['inner']}", query) or _read_modified(outer_text, query)
    outer = _read_modified(outer_text, query)
    inner = _read_modified(m["inner"].strip(), query)
    if inner is None:
        return outer
    if outer is not None and inner.precision == "day" and outer.value != inner.value:
        return replace(inner, warning=f"'{outer_text}' is {outer.value}, but the text says {inner.value}")
    return inner


def _read_range(text: str, query: _Query) -> Reading | None:
    """ "between 2013 and 2023", "from May to July": the start of the range."""
    m = re.fullmatch(r"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|-|until|till)\s+(?P<b>.+)", text)
    if m is None:
        return None
    first = m["a"]
    if not re.search(r"\d{4}", first) and (year := re.search(r"\b\d{4}$", m["b"])):
        first = f"{first} {year[0]}"  # "from May to July 2022": the year is written once
    start = _read_modified(first, query)
    return start if start is not None and start.kind == "DATE" else None


def normalize(text: str, anchor: DatePoint, tense: Tense | None = None) -> Reading | None:
    """The TimeML reading of one time expression, or None when it is not one.

    ``anchor`` is the document date; relative expressions need it at least as
    precise as their result ("Monday" needs a day, "last year" a year) and give
    None otherwise; absolute ones ignore it and never borrow missing parts from it.
    ``tense`` is that of the verb the expression modifies and decides the direction
    of bare weekdays, months and day-months (see the module docstring). Month and
    weekday names count only when capitalised ("may" is a verb).
    """
    query = _Query(_anchor_of(anchor), tense)
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 80 or not _well_cased(text):
        return None
    references = _lexicon().references
    if cleaned in references:
        return Reading(references[cleaned], None)
    hedged = _read_modified(cleaned, query)  # "over a decade": a hedge, not a preposition
    if hedged is not None:
        return hedged
    core, signal_mod = _strip_signals(cleaned)
    reading = _read_range(cleaned, query) or _read_parenthesised(core, query) or _read_modified(core, query)
    if reading is None:
        return None
    if (
        signal_mod is not None
        and reading.kind == "DATE"
        and reading.mod is None
        and reading.value[:1].isdigit()
    ):
        reading = replace(reading, mod=signal_mod)
    return reading


# ---------------------------------------------------------------------------- readable dates


def format_date(value: str | None, precision: str | None) -> str:
    """A date as a reader wants it: "August 2022", "14 November 2022", "week 46 of 2022"."""
    if not value:
        return "undated"
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            return f"week {int(m[2])} of {m[1]}"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            return f"Q{m[2]} {m[1]}"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            return f"{_SEASON_NAMES[m[2]]} {m[1]}"
        if precision == "decade" and re.fullmatch(r"\d{3}", value):
            return f"the {value}0s"
        if precision == "century" and re.fullmatch(r"\d{2}", value):
            return f"the {int(value) * 100}s"
        parts = value.split("-")
        if precision == "year" or len(parts) == 1:
            return parts[0]
        if precision == "month" or len(parts) == 2:
            return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2][:2])} {_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value


# ---------------------------------------------------------------------------- detection in a Doc


@dataclass(frozen=True)
class _Candidate:
    start: int  # span start (after any introducing preposition)
    end: int
    query_start: int  # where the text handed to the normaliser starts (with the preposition)
    needs_check: bool = False  # a bare year: accepted only with temporal context
    reads_as: str | None = None  # what the normaliser reads instead of the text ("58" in "1957-58": "1958")


@cache
def _detectors() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """Patterns that find expressions in running text; the flag marks bare years."""
    f = _fragments()
    lex = _lexicon()
    full_month = _alt([m for m in lex.months if len(m) > 3 or m == "may"])
    sig = rf"(?:(?P<sig>{_alt([s for s in lex.signals if s not in ('of', 'for')])})\s+)?"
    some_period_mod = rf"(?:{_alt(list(lex.period_modifiers))}[\s-]+)"
    period_mod = some_period_mod + "?"
    dur_mod = rf"(?:{_alt(list(lex.duration_modifiers))}\s+)?"
    wd = rf"(?:{f.weekday}\s*,?\s+)?"
    day_month = rf"{wd}(?:(?:the\s+)?{f.day}(?:\s+of)?\s+{f.month}|{f.month}\s+(?:the\s+)?{f.day}(?![\d:]))"
    rel = r"(?:(?:last|next|this|coming|past)\s+)"
    patterns: list[tuple[str, bool]] = [
        (rf"{sig}\d{{4}}-\d\d-\d\d", False),
        (rf"{sig}\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}}", False),
        (rf"{sig}{day_month}(?:\s*,?\s*{f.year})?(?:\s*\((?=[^()]*\d)[^()]{{1,30}}\))?", False),
        (rf"{sig}{f.weekday}\s*\((?=[^()]*\d)[^()]{{1,30}}\)", False),
        (rf"{sig}{_alt(list(lex.day_words))}(?:\s*\((?=[^()]*\d)[^()]{{1,30}}\))?", False),
        (rf"{sig}{period_mod}{f.month}\s*,?\s*(?:of\s+)?{f.year}", False),
        (rf"{sig}{period_mod}{f.year}(?:'?s)?", True),
        (rf"{sig}{period_mod}(?:the\s+)?\d{{3}}0'?s", False),
        (rf"(?:(?P<sig>(?:{_alt(list(lex.signals))}\s+)?the)\s+)?\d{{1,2}}(?:st|nd|rd|th)[\s-]+century", False),
        (
            rf"{sig}(?:the\s+)?(?:fiscal\s+)?{_alt(list(lex.quarters))}[\s-]+quarter"
            rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?{f.year})?",
            False,
        ),
        (rf"{sig}(?:{rel}|the\s+(?:previous|following)\s+)?{f.weekday}(?:\s+{f.part})?", False),
        (rf"(?:(?P<sig>{_alt(list(lex.signals))})\s+|{rel}|{some_period_mod}){full_month}", False),
        (rf"{sig}{rel}?{full_month}\s+(?:last|this|next)\s+year", False),
        (rf"{sig}{period_mod}(?:{rel}|the\s+){f.season}(?!\s+of\s+\D)(?:\s+(?:of\s+)?{f.year})?", False),
        (rf"{sig}{period_mod}{f.season}\s+(?:of\s+)?{f.year}", False),
        (
            rf"{sig}{period_mod}(?:(?:earlier|later)\s+)?(?:last|this|next|previous|coming|following|current|"
            rf"this\s+past|the\s+(?:previous|coming|following|current))\s+(?:fiscal\s+)?"
            rf"(?:week|weekend|month|year|decade|century)",
            False,
        ),
        (
            rf"{sig}{some_period_mod}the\s+(?:week|month|year)",
            False,
        ),
        (rf"(?:{f.number}|{f.vague})\s+{f.unit}\s+ago", False),
        (
            rf"(?P<sig>for\s+|over\s+|within\s+)?{dur_mod}(?:(?:the\s+)?(?:past|last|next|coming|first|previous)\s+)?"
            rf"(?:(?!an?\s+{f.unit}-(?:old|long))(?:{f.number}|{f.vague})[\s-]+{f.unit}(?:[\s-]+long)?|an?\s+{f.unit}"
            rf"|(?:year|decade|month|week|day|century)[\s-]+(?:old|long))",
            False,
        ),
        (
            rf"(?P<sig>for\s+|over\s+|within\s+|in\s+)?the\s+(?:past|last|next|coming|previous)\s+{f.unit}",
            False,
        ),
        (
            rf"{sig}{_alt(list(lex.references))}",
            False,
        ),
    ]
    return tuple((re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE), check) for p, check in patterns)


@cache
def _calendar_words() -> frozenset[str]:
    """Month and weekday names, which count only when written with a capital ("may" is a verb)."""
    lex = _lexicon()
    return frozenset(lex.months) | frozenset(lex.weekdays)


def _well_cased(text: str) -> bool:
    words = _calendar_words()
    return all(w[0].isupper() for w in re.findall(r"[A-Za-z]+", text) if w.lower() in words)


@cache
def _gate() -> re.Pattern[str]:
    """Words every time expression contains one of (a digit, a month, "week", "yesterday", ...)."""
    lex = _lexicon()
    words = {
        *lex.months,
        *lex.weekdays,
        *lex.units,
        *lex.seasons,
        "weekend",
        *(w for phrase in [*lex.day_words, *lex.references] for w in phrase.split()),
    } - {"the", "in", "at", "this", "last", "coming", "recent", "near"}
    return re.compile(rf"\d|(?<![\w-]){_alt(sorted(words))}s?\b", re.IGNORECASE)  # fmt: skip


def _windows(text: str, reach: int = 50) -> list[tuple[int, int]]:
    """Stretches of text around gate words, merged: the detectors only scan these."""
    windows: list[tuple[int, int]] = []
    for m in _gate().finditer(text):
        start, end = max(m.start() - reach, 0), min(m.end() + reach, len(text))
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _regex_candidates(text: str) -> Iterator[_Candidate]:
    windows = _windows(text)
    for pattern, needs_check in _detectors():
        for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            start = m.end("sig") if "sig" in pattern.groupindex and m["sig"] else m.start()
            while start < m.end() and text[start].isspace():
                start += 1
            if _well_cased(text[start : m.end()]):
                yield _Candidate(start, m.end(), m.start(), needs_check)
    yield from _year_range_candidates(text)


_YEAR_RANGE = re.compile(r"(?<![\w/.-])(?P<a>(?:1[89]|20)\d\d)[-\u2013/](?P<b>(?:1[89]|20)?\d\d)(?![\w/.-])")


def _year_range_candidates(text: str) -> Iterator[_Candidate]:
    """ "2009-2010", "1957-58", "2022/23": two years, each its own expression (as TimeML tags them)."""
    for m in _YEAR_RANGE.finditer(text):
        first, second = int(m["a"]), int(m["b"])
        if second < 100:
            second += first - first % 100
        if 0 < second - first <= 20:
            yield _Candidate(m.start("a"), m.end("a"), m.start("a"))
            yield _Candidate(m.start("b"), m.end("b"), m.start("b"), reads_as=str(second))


def _choose(candidates: Sequence[_Candidate]) -> list[_Candidate]:
    """Longest first, then leftmost; drop any candidate overlapping one already chosen."""
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.query_start), c.start)):
        if all(c.end <= o.query_start or c.query_start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


#: Words after which a bare four-digit number reads as a year.
_YEAR_CONTEXT = frozenset({"of", "between", "year", "the", "in", "since", "until", "by"})
_RANGE_WORDS = frozenset({"and", "to", "or"})
_AMOUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})  # not CARDINAL: NER gives it to "the 2021 coup"


def _year_in_context(doc: Doc, c: _Candidate) -> bool:
    """A bare four-digit number is a year when NER calls it a DATE, or when a preposition,
    modifier or "and"/"to" after another year introduces it -- unless NER calls it an amount,
    it lies outside 1800-2099, or it counts a plural noun ("2000 soldiers")."""
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    if any(t.ent_type_ == "DATE" for t in span):
        return True
    number = next((t for t in span if t.like_num), span[-1])
    if number.ent_type_ in _AMOUNT_LABELS or not 1800 <= _int_or_zero(number.text) <= 2099:
        return False
    if number.i + 1 < len(doc) and doc[number.i + 1].tag_ in ("NNS", "NNPS") and number.dep_ == "nummod":
        return False
    if c.query_start < c.start or len(span) > 1:
        return True
    before = doc[span[0].i - 1].lower_ if span[0].i > 0 else ""
    if before in _RANGE_WORDS:  # "2013 and 2023", "2013 to 2023"
        return span[0].i > 1 and re.fullmatch(r"\d{4}", doc[span[0].i - 2].text) is not None
    return before in _YEAR_CONTEXT


def _int_or_zero(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _ner_candidates(doc: Doc, taken: Sequence[_Candidate]) -> Iterator[_Candidate]:
    """spaCy DATE entities no pattern found, with a preceding preposition kept for the normaliser."""
    signals = _lexicon().signals
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if any(ent.start_char < o.end and ent.end_char > o.query_start for o in taken):
            continue
        before = doc[ent.start - 1] if ent.start > 0 else None
        query_start = before.idx if before is not None and before.lower_ in signals else ent.start_char
        yield _Candidate(ent.start_char, ent.end_char, query_start)


def _governing_verb(token: Token) -> Token:
    """The verb a token hangs on: itself or the nearest verb above it (else the sentence root)."""
    while token.pos_ not in _VERB_POS and token.head.i != token.i:
        token = token.head
    return token


def verb_tense(verb: Token, depth: int = 0) -> Tense | None:
    """Tense of a verb from its tag and auxiliaries; "will", "would", "plans to", "is to" are future."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() in ("will", "shall", "would") or a.lower_ == "'ll" for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i:  # "to run", "to be published"
        head = verb.head
        if head.lemma_.lower() in _lexicon().future_verbs or head.lemma_ == "be" or head.pos_ == "ADJ":
            return "future"  # "plans to", "is to", "due to be published", "likely to"
        return verb_tense(head, depth + 1) if depth < 3 else None
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if verb.lemma_.lower() in _lexicon().scheduling_verbs and tags & {"VBZ", "VBP"}:
        return "future"  # "the vote is scheduled for March"
    if "VBD" in tags or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def _tense_at(doc: Doc, start: int, end: int) -> Tense | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    return verb_tense(verb) if verb.pos_ in _VERB_POS else None


# Per-Doc values the stages share, kept in ``doc.user_data`` (plain strings, ints and tuples). They are
# first asked for by the hornbill stages, after the parse; nothing changes a Doc's tokens after that.


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc and kept in ``user_data``: spaCy re-joins every token
    on each access, and the stages read the text many times."""
    text: str | None = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "hornbill_text"


def token_ids(doc: Doc, attr: str) -> list[int]:
    """Every token's ``attr`` ("ORTH", "LOWER", "POS", "DEP", ...) as its string-store id, read
    from the Doc's array once per Doc: the stages sift whole documents by word, and building a
    ``Token`` object per word for that costs more than the test. Compare with :func:`string_ids`."""
    key = f"hornbill_ids_{attr}"
    found: list[int] | None = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = doc.to_array(attr).tolist()
    return found


def string_ids(doc: Doc, words: Iterable[str]) -> frozenset[int]:
    """The string-store ids of ``words``, as :func:`token_ids` gives them."""
    strings = doc.vocab.strings
    return frozenset(strings[word] for word in words)


def sentence_bounds(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Every sentence's token start and end and character start and end, once per Doc
    (``doc.sents`` builds a Span for every sentence on each pass)."""
    found: list[tuple[int, int, int, int]] | None = doc.user_data.get(_SENTENCE_BOUNDS_KEY)
    if found is None:
        found = [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
        doc.user_data[_SENTENCE_BOUNDS_KEY] = found
    return found


def sentence_starts(doc: Doc) -> list[int]:
    """For every token, the index of its sentence's first token (``token.sent.start``), once per Doc."""
    found: list[int] | None = doc.user_data.get(_SENTENCE_STARTS_KEY)
    if found is None:
        found = []
        for start, end, _, _ in sentence_bounds(doc):
            found += [start] * (end - start)
        doc.user_data[_SENTENCE_STARTS_KEY] = found
    return found


_SENTENCE_BOUNDS_KEY = "hornbill_sentence_bounds"
_SENTENCE_STARTS_KEY = "hornbill_sentence_starts"


#: Days standing in for an anchor that is missing ("last August" in an undated text): far apart in
#: year, month, week and day, so that only what the expression itself states agrees across them.
_PROBE_DAYS = (date(2001, 2, 3), date(2010, 11, 24), date(2016, 6, 15))


def _probe_days(anchor: _Anchor | None) -> tuple[date, ...]:
    """Days an expression is read against when ``anchor`` is too coarse for it: the first, middle and
    last day of the anchor's period, or :data:`_PROBE_DAYS` without an anchor."""
    if anchor is None:
        return _PROBE_DAYS
    end = _period_end(anchor)
    return anchor.day, anchor.day + (end - anchor.day) / 2, end


def _masked(values: Sequence[str]) -> str | None:
    """The TimeML underspecified value the readings share: each part ("2023", "08", "W46", "SU")
    they disagree on becomes X's ("XXXX-08", "2023-WXX", "XXXX-05-20"); None when the readings
    have different shapes, or agree entirely (nothing was left unresolved)."""
    split = [v.split("-") for v in values]
    if len({len(parts) for parts in split}) != 1:
        return None
    out: list[str] = []
    for column in zip(*split, strict=True):
        if len(set(column)) == 1:
            out.append(column[0])
        elif len({len(part) for part in column}) != 1:
            return None
        else:
            out.append(re.sub(r"\d", "X", column[0]))
    masked = "-".join(out)
    return masked if "X" in masked else None


def unresolved(text: str, anchor: DatePoint, tense: Tense | None = None) -> Reading | None:
    """The TimeML underspecified reading ("XXXX-08" for "last August") of a relative date that
    ``anchor`` is too coarse (or missing) to resolve; None for anything else.

    It keeps what the expression says by itself, so that an event in its clause is known to
    have a date of its own and does not borrow another clause's (:func:`event_date`). The
    value starts with a digit or X and always holds an X, so it never dates an event as
    such; the known leading part ("2023" of "2023-XX-XX") can."""
    known = _anchor_of(anchor)
    if known is not None and known.rank == _RANK["day"]:
        return None
    readings = [normalize(text, DatePoint(_day_value(day), "day"), tense) for day in _probe_days(known)]
    found = [r for r in readings if r is not None and r.kind == "DATE" and r.value[:1].isdigit()]
    if len(found) != len(readings) or len({r.precision for r in found}) != 1:
        return None
    value = _masked([r.value for r in found])
    return None if value is None else replace(found[0], value=value, warning=None)


#: The day of a year that stands for an undated article once its year is known: the middle, so
#: that "last August" or "in May" is read as most days of that year would read it.
_YEAR_STAND_IN = (7, 2)
#: How many years after the events it dates an expression can still point back to them
#: ("two years ago" told of a 2021 event by an article of 2023).
STORY_YEARS_AFTER = 3
#: Characters of an ISO date that a precision keeps.
_WIDTH = {"year": 4, "month": 7, "day": 10}


@lru_cache(maxsize=1 << 16)
def resolve_in_year(expression: str, tense: Tense | None, year: int) -> Reading | None:
    """The reading of an expression an undated article left unresolved ("In January", "last
    August", "in November last year"), once the article is known to date from ``year``: as read
    on the year's middle day, and only to month or year precision (a year cannot pin a week or a
    day down: "last week" stays unresolved). None when it still cannot be read.

    Cached (within bounds, for a long build): placing an article tries every candidate year for
    each of its expressions, and the articles of one story share their expressions."""
    month, day = _YEAR_STAND_IN
    reading = normalize(expression, DatePoint(f"{year:04d}-{month:02d}-{day:02d}", "day"), tense)
    if reading is None or reading.kind != "DATE" or not reading.value[:1].isdigit():
        return None
    return reading if reading.precision in ("month", "year") else None


def story_year(evidence: Iterable[tuple[str, Tense | None, str, str | None]], earliest: int | None) -> int | None:
    """The year an undated article was written in, from what other articles say: ``evidence``
    holds, for each event it reports with an unresolved expression ("in November last year"),
    (expression, tense, the event's date in other articles, its precision); the year is the one in
    which every expression that can be read agrees with those dates, at least one does, and no
    event the article tells as past (``earliest``: the latest year of those) comes after it.
    None when no year, or more than one, fits."""
    items = list(evidence)
    years = [int(date[:4]) for _, _, date, _ in items if date[:4].isdigit()]
    if not years:
        return None
    fits: dict[int, int] = {}
    for year in range(max(min(years), earliest or 0), max(years) + STORY_YEARS_AFTER + 1):
        verdicts = [_agrees(resolve_in_year(text, tense, year), date, precision)
                    for text, tense, date, precision in items]
        if False not in verdicts and True in verdicts:
            fits[year] = verdicts.count(True)
    best = sorted(fits, key=lambda y: -fits[y])
    if not best or (len(best) > 1 and fits[best[0]] == fits[best[1]]):
        return None
    return best[0]


def _agrees(reading: Reading | None, date: str, precision: str | None) -> bool | None:
    """Whether a reading names the same period as ``date`` at the coarser of the two precisions;
    None when there is no reading."""
    if reading is None:
        return None
    width = min(_WIDTH.get(reading.precision or "", 4), _WIDTH.get(precision or "day", 10))
    return reading.value[:width] == date[:width]


def find_timexes(doc: Doc, anchor: DatePoint) -> tuple[list[Timex], list[str]]:
    """Every time expression of ``doc`` normalised against ``anchor``, sorted by offset,
    and the warnings met (a weekday that disagrees with its date). A relative date the anchor
    cannot resolve is kept with an underspecified value (:func:`unresolved`)."""
    text = doc_text(doc)
    regex = [
        c for c in _choose(list(_regex_candidates(text))) if not c.needs_check or _year_in_context(doc, c)
    ]
    candidates = sorted([*regex, *_ner_candidates(doc, regex)], key=lambda c: c.start)
    timexes: list[Timex] = []
    warnings: list[str] = []
    for c in candidates:
        query = c.reads_as or text[c.query_start : c.end]
        tense = _tense_at(doc, c.start, c.end)
        reading = normalize(query, anchor, tense)
        pending = reading is None
        reading = reading or unresolved(query, anchor, tense)
        if reading is None:
            continue
        timexes.append(
            Timex(
                c.start,
                c.end,
                text[c.start : c.end],
                reading.value,
                reading.precision,
                reading.kind,
                reading.mod,
                query if pending else None,
                tense,
            )
        )
        if reading.warning:
            warnings.append(f"time expression '{text[c.start : c.end]}': {reading.warning}")
    return timexes, warnings


@Language.component("hornbill_timex", requires=["doc.ents", "token.dep"], assigns=["doc._.timexes"])
def timex_component(doc: Doc) -> Doc:
    """Store ``doc._.timexes``; weekday/date disagreements become document warnings."""
    document = doc._.document
    anchor = document.published if document is not None else DatePoint.unknown()
    timexes, warnings = find_timexes(doc, anchor)
    doc._.timexes = timexes
    if warnings and document is not None:
        doc._.document = replace(document, warnings=(*document.warnings, *warnings))
    return doc


# ---------------------------------------------------------------------------- event dating


def _is_datable(timex: Timex) -> bool:
    """A point on the calendar (durations, PAST_REF-style references and dates only partly
    resolved, "2023-XX-XX", do not date events on their own)."""
    return (timex.kind == "DATE" and timex.value[:1].isdigit() and not _is_unresolved(timex)
            and timex.precision is not None)


def _is_unresolved(timex: Timex) -> bool:
    """A calendar date the document date could not resolve ("XXXX-08"; see :func:`unresolved`)."""
    return timex.kind == "DATE" and "X" in timex.value and timex.value[:1] in "0123456789X"


def _timex_spans(doc: Doc, start: int, end: int, unresolved: bool = False) -> list[tuple[Timex, Span]]:
    """Datable expressions between two character offsets (also unresolved dates when asked),
    with their token spans."""
    found = []
    for timex in doc._.timexes or ():
        wanted = _is_datable(timex) or (unresolved and _is_unresolved(timex))
        if start <= timex.start and timex.end <= end and wanted:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is not None and len(span) > 0:
                found.append((timex, span))
    return found


def _ancestors(token: Token) -> list[Token]:
    """The token and its heads up to the root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _sides(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """The tree path between two tokens as two climbs, from each up to (not including) where they meet."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    b_indices = [t.i for t in up_b]
    meet = next((k for k, t in enumerate(up_a) if t.i in b_indices), len(up_a) - 1)
    side_a = up_a[:meet]
    side_b = up_b[: b_indices.index(up_a[meet].i)] if up_a[meet].i in b_indices else up_b
    return side_a, side_b


def _distance(a: Token, b: Token) -> int:
    """Tree distance between two tokens."""
    side_a, side_b = _sides(a, b)
    return len(side_a) + len(side_b)


def _is_plan(clause: Token) -> bool:
    """Whether a clause is the complement of a word of intention, plan, promise or deadline
    ("its intention to hold elections", "vowed to hold elections"), or is in the future tense:
    it tells what is still to come."""
    if clause.pos_ not in _VERB_POS:
        return False
    lex = _lexicon()
    head = clause.head.lemma_.lower()
    if clause.dep_ == "acl" and head in lex.prospective_nouns:
        return True
    if clause.dep_ in ("xcomp", "ccomp", "acl") and head in lex.future_verbs:
        return True
    return clause.dep_ in _CLAUSE_DEPS | {"xcomp"} and verb_tense(clause) == "future"


def _under_preposition(side: Sequence[Token], words: frozenset[str]) -> bool:
    """Whether a climb up the tree passes a preposition from ``words`` ("after the coup")."""
    return any(token.dep_ == "prep" and token.lower_ in words for token in side)


def _placement(timex_root: Token, trigger: Token, tense: Tense | None) -> tuple[int, bool] | None:
    """Where an expression stands from the trigger: the tree distance and whether it is outside
    the trigger's own clause; None when it may not date the event at all.

    Outside: across a nested clause, or with the trigger in the object of "after", "before",
    "following" ... (its event comes at another time than the clause, which only places it:
    "two months after leading a mutiny"). Not at all: when the expression lies in a plan or
    future clause of another predicate (unless the trigger's own clause is in the future
    too) or in a relative clause about another participant ("the junta, which seized power
    in 2021, ..."), or when the trigger is in the object of "given" or "despite" (a
    background: "given the Kremlin's recent invasion"). A simple adverbial of another clause
    of the sentence still lends its date. ``tense`` is the trigger's (:func:`_narrative_tense`).
    """
    lex = _lexicon()
    side_trigger, side_timex = _sides(trigger, timex_root)
    future = tense == "future"
    # "the pullout is (due) to be completed by December": the subject is what is planned
    planned = trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass")
    for token in side_timex:
        if token.dep_ == "relcl" and token.head.i != trigger.i:
            return None
        if not future and not (planned and token.dep_ == "xcomp") and _is_plan(token):
            return None
    if _under_preposition(side_trigger, lex.background_prepositions):
        return None
    nested = any(t.dep_ in _CLAUSE_DEPS and t.pos_ in _VERB_POS for t in (*side_trigger, *side_timex))
    nested = nested or _under_preposition(side_trigger, lex.sequence_prepositions)
    return len(side_trigger) + len(side_timex), nested


def _date_point(timex: Timex, basis: DateBasis) -> DatePoint:
    return DatePoint(timex.value, timex.precision, basis)


def _period_end(anchor: _Anchor) -> date:
    """The last day of the anchor's period (a month-precise anchor runs to the month's end)."""
    if anchor.rank <= _RANK["day"]:
        return anchor.day
    if anchor.rank == _RANK["week"]:
        return anchor.day + timedelta(days=6)
    if anchor.rank <= _RANK["month"]:
        year, month = _shift_months(anchor.day, 1)
        return date(year, month, 1) - timedelta(days=1)
    return date(anchor.day.year, 12, 31)


def _published(doc: Doc) -> DatePoint:
    document = doc._.document
    return document.published if document is not None else DatePoint.unknown()


def _after_publication(timex: Timex, doc: Doc) -> bool:
    """Whether the expression starts after the whole period of the publication date."""
    anchor, start = _anchor_of(_published(doc)), _anchor_of(DatePoint(timex.value, timex.precision))
    return anchor is not None and start is not None and start.day > _period_end(anchor)


def _has_perfect(verb: Token) -> bool:
    """ "has withdrawn", also for a verb coordinated with one ("has rallied ... and brought") or
    the infinitive it governs ("has begun to cooperate")."""
    while any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and verb.head.pos_ in _VERB_POS:
        if verb.head.i == verb.i:
            break
        verb = verb.head
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(c.lemma_ == "have" and c.dep_ == "aux" for v in verbs for c in v.children)


def _narrative_tense(trigger: Token) -> Tense | None:
    """The tense of the trigger's clause when it tells of one occasion: the simple past or the
    future; None for the present and the present perfect (states, background, habits)."""
    verb = _governing_verb(trigger)
    tense = verb_tense(verb)
    if tense == "past" and _has_perfect(verb):
        return None
    if tense in ("past", "future"):
        return tense
    # headlines tell in the present what happened, in "to" what will: "UN ends Mali mission",
    # "Germany to leave sooner"
    if tense == "present":
        return "past" if is_headline(trigger.sent) else None
    to_clause = tense is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return "future" if to_clause and is_headline(trigger.sent) else None


def is_headline(sent: Span) -> bool:
    """A headline or subheading: a short line of its own with no closing full stop."""
    text, line = doc_text(sent.doc), sent.text.rstrip()
    if len(sent) > _HEADLINE_MAX_TOKENS or line[-1:] in _CLOSING_MARKS:
        return False
    end = sent.start_char + len(line)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start : sent.start_char], text[end : None if line_end < 0 else line_end]
    return not before.strip(" \t") and not after.strip(" \t")


def _context_date(trigger: Token, tense: Tense | None) -> Timex | None:
    """The date of the paragraph's episode: the nearest earlier sentence of the same
    paragraph with a (past) date; only for a trigger in the simple past (``tense``, as
    :func:`_narrative_tense` gives it)."""
    if tense != "past":
        return None
    doc, sent = trigger.doc, trigger.sent
    paragraph_start = doc_text(doc).rfind("\n", 0, sent.start_char) + 1
    previous = [doc[start:end] for start, end, start_char, end_char in sentence_bounds(doc)
                if end_char <= sent.start_char and start_char >= paragraph_start]
    for earlier in reversed(previous):
        dated = _timex_spans(doc, earlier.start_char, earlier.end_char, unresolved=True)
        if dated:
            timex, _ = min(dated, key=lambda pair: _distance(pair[1].root, earlier.root))
            # an episode still to come is not continued in the past, nor one of unknown date
            return None if _is_unresolved(timex) or _after_publication(timex, doc) else timex
    return None


#: How many days before the publication date the story's own day may lie.
_STORY_REACH = 7
#: A headline or subheading is a line of its own at most this long, not closed like a sentence.
_HEADLINE_MAX_TOKENS = 20
_CLOSING_MARKS = frozenset(".!?\"”'’:;")


def story_date(doc: Doc) -> Timex | None:
    """The day the story is about (its news peg): the first relative day expression ("on
    Friday", "yesterday", "Friday (20 May)") that dates a past-tense clause within a week
    before the publication date. Undated clauses of the story's narrative happened then:
    "The vote was held on Friday. ... The US blamed Prigozhin." Cached on the Doc."""
    cache_key = "hornbill_story_date"
    if cache_key not in doc.user_data:
        doc.user_data[cache_key] = _find_story_date(doc)
    found: Timex | None = doc.user_data[cache_key]
    return found


def _find_story_date(doc: Doc) -> Timex | None:
    anchor = _anchor_of(_published(doc))
    if anchor is None or anchor.rank > _RANK["month"]:
        return None
    earliest = anchor.day - timedelta(days=_STORY_REACH)
    for timex, span in _timex_spans(doc, 0, len(doc_text(doc))):
        if timex.precision != "day" or re.search(r"\d{4}", timex.text):
            continue
        day = date.fromisoformat(timex.value)
        if earliest <= day <= _period_end(anchor) and _narrative_tense(span.root) == "past":
            return timex
    return None


# ---------------------------------------------------------------------------- relative to another event

_SHIFT_WORDS = {"after": -1, "before": 1}  # "X came two weeks after Y": Y = date(X) - 2 weeks


def _relative_clause(trigger: Token) -> tuple[Token, Timex, int] | None:
    """For a trigger in a clause like "(two weeks) after Diop called ...": the main clause's
    verb, the duration, and the sign that takes the main clause's date to this clause's."""
    found = _shift_mark(trigger)
    if found is None or found[0].i == 0:
        return None
    mark, main = found
    doc = trigger.doc
    for timex in doc._.timexes or ():
        if timex.kind == "DURATION" and timex.end <= mark.idx and not doc_text(doc)[timex.end : mark.idx].strip():
            return main, timex, _SHIFT_WORDS[mark.lower_]
    return None


def _shift_mark(trigger: Token) -> tuple[Token, Token] | None:
    """The "after"/"before" that places the trigger's clause ("after Diop called"), gerund ("after
    leading a mutiny") or noun ("after the mutiny") relative to another, and that other's head."""
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and trigger.head.lower_ in _SHIFT_WORDS:
        return trigger.head, trigger.head.head
    verb = _governing_verb(trigger)
    clause = verb.head if verb.dep_ == "conj" else verb
    if clause.dep_ == "pcomp" and clause.head.dep_ == "prep" and clause.head.lower_ in _SHIFT_WORDS:
        return clause.head, clause.head.head
    if clause.dep_ != "advcl":
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in _SHIFT_WORDS), None)
    return None if mark is None else (mark, clause.head)


def _shifted(point: DatePoint, duration: str, sign: int) -> DatePoint | None:
    """``point`` moved by a TimeML duration (P2W, P3D, P1M, P2Y); None for vague ones."""
    m = re.fullmatch(r"P(\d+)([DWMY])", duration)
    anchor = _anchor_of(point)
    if m is None or anchor is None or point.precision is None:
        return None
    count, unit = int(m[1]) * sign, m[2]
    if unit in ("D", "W"):
        day = anchor.day + timedelta(days=count * (7 if unit == "W" else 1))
        if point.precision == "day":
            return DatePoint(_day_value(day), "day", "sentence")
        return DatePoint(_month_value(day.year, day.month), "month", "sentence") if anchor.rank <= 2 else None
    months = count * (12 if unit == "Y" else 1)
    year, month = _shift_months(anchor.day, months)
    if point.precision == "day":
        shifted = _safe_date(year, month, min(anchor.day.day, 28))
        return None if shifted is None else DatePoint(_day_value(shifted), "day", "sentence")
    if point.precision == "month":
        return DatePoint(_month_value(year, month), "month", "sentence")
    return DatePoint(f"{year:04d}", "year", "sentence") if point.precision == "year" else None


# ---------------------------------------------------------------------------- the date of an event


def event_date(trigger: Token, _relative: bool = True) -> DatePoint:
    """The date of the event ``trigger`` names, with the basis it came from.

    In order: ``explicit``, an expression attached to the trigger's clause (no nested
    clause in between); ``sentence``, a clause placed by a duration relative to its main
    clause ("two weeks after Diop called ...": the main clause's date minus two weeks), else
    the nearest other expression of the sentence that may lend its date (:func:`_placement`:
    not one inside another predicate's plan or relative clause); ``context``, the date of an
    earlier sentence of the paragraph when this one continues it in the simple past, else the
    story's own day (:func:`story_date`) for a clause in the simple past or future;
    ``document``: the publication date.

    An expression the document date could not resolve ("last August" in an undated text)
    still counts where it stands: when it is the one chosen, the event keeps the part of its
    value that is known ("2023" of "2023-XX-XX"), or stays undated, rather than taking a
    date that belongs to another clause.
    """
    doc, sent = trigger.doc, trigger.sent
    tense = _narrative_tense(trigger)
    in_sentence = _timex_spans(doc, sent.start_char, sent.end_char, unresolved=True)
    scored = [
        (placement, abs(span.start - trigger.i), timex)
        for timex, span in in_sentence
        if (placement := _placement(span.root, trigger, tense)) is not None
    ]
    local = [(dist, gap, timex) for (dist, nested), gap, timex in scored if not nested]
    if local:
        chosen = min(local, key=lambda x: (x[0], x[1]))[2]
        return _bounded(_dated_by(chosen, "explicit"), chosen, doc)
    if _relative and (relative := _relative_clause(trigger)) is not None:
        main, duration, sign = relative
        shifted = _shifted(event_date(main, _relative=False), duration.value, sign)
        if shifted is not None:
            return shifted
    if scored:
        chosen = min(scored, key=lambda x: (x[0][0], x[1]))[2]
        return _bounded(_dated_by(chosen, "sentence"), chosen, doc)
    if (carried := _context_date(trigger, tense)) is not None:
        return _date_point(carried, "context")
    if tense is not None and (peg := story_date(doc)) is not None:
        return _date_point(peg, "context")
    published = _published(doc)
    if published.value is None:
        return DatePoint.unknown()
    return DatePoint(published.value, published.precision, "document")


def _bounded(point: DatePoint, timex: Timex, doc: Doc) -> DatePoint:
    """``point`` with the last day of the publication date as its own last possible day, when the
    expression that gives it is told as past and its period runs on past the publication date
    ("announced earlier this year" in May: not later than May); else ``point`` as it is."""
    published = _published(doc)
    anchor = _anchor_of(published)
    told_as_past = timex.tense == "past" or timex.text.casefold().startswith(_lexicon().past_pointing)
    if (not told_as_past or anchor is None or point.value is None or published.value is None
            or _RANK[point.precision or "day"] <= anchor.rank or not published.value.startswith(point.value)):
        return point
    return replace(point, before=_day_value(_period_end(anchor)))


def _dated_by(timex: Timex, basis: DateBasis) -> DatePoint:
    """The date an expression gives: its value, or for an unresolved one the leading parts it
    knows ("2023" of "2023-XX-XX", "2023-03" of "2023-03-XX"; nothing of "XXXX-08")."""
    if not _is_unresolved(timex):
        return _date_point(timex, basis)
    known = list(itertools.takewhile(lambda part: "X" not in part, timex.value.split("-")))
    if not known or not re.fullmatch(r"\d{4}", known[0]) or len(known) > 2:
        if basis != "explicit":
            return DatePoint.unknown()  # another clause's expression may not date this one later either
        return DatePoint(None, None, "none", timex.reads_as, timex.tense)
    return DatePoint("-".join(known), "year" if len(known) == 1 else "month", basis)
