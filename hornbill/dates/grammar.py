"""The English time grammar, written once for finding expressions and for reading them.

Each shape of expression ("20 May 2023", "last Friday", "two weeks ago") is one regular
expression with named groups, built from the word lists of ``data/timex.yaml``
(:mod:`~hornbill.dates.words`): no English word is spelt here. The reader
(:mod:`~hornbill.dates.timeml`) matches a whole expression against :func:`reading_shapes`,
in order, and the named groups tell it the parts. The finder (:mod:`~hornbill.dates.find`)
scans running text with :func:`finding_patterns`: the same shapes, without their group names,
joined with what only running text has: the preposition before an expression ("since",
"on"; kept out of the span, as TimeML does), a period modifier ("the end of"), a date in
brackets after a weekday ("Friday (20 May)"), and a few guards against numbers that are not
dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from hornbill.dates.words import TimeWords, alternation, time_words


def anonymous(pattern: str) -> str:
    """``pattern`` with its named groups made plain groups (the finder joins shapes that share names)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@dataclass(frozen=True)
class Pieces:
    """Regex pieces of the calendar's words, shared by every shape."""

    month: str
    weekday: str
    day: str
    year: str
    number: str
    vague: str
    unit: str
    season: str
    part: str


def _full_month_names() -> list[str]:
    """The longest name of each month ("september", not "sept")."""
    months = time_words().months
    return [max((w for w, m in months.items() if m == n), key=len) for n in dict.fromkeys(months.values())]


@cache
def pieces() -> Pieces:
    lex = time_words()
    number_word = alternation(list(lex.numbers))
    tens = alternation([w for w, n in lex.numbers.items() if n >= 20 and n % 10 == 0 and n < 100])
    units = alternation([w for w, n in lex.numbers.items() if n < 10 and w not in lex.words("a")])
    unit_words = [*lex.units, *lex.words("plural_units")]
    full_months = _full_month_names()
    short_months = [w for w in lex.months if w not in full_months]
    return Pieces(
        month=rf"(?:{alternation(full_months)}|{alternation(short_months)}\.?)",
        weekday=alternation(list(lex.weekdays)),
        day=r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        year=r"(?:1\d{3}|2\d{3})",
        number=rf"(?:\d{{1,3}}(?:\.\d+)?|{tens}[\s-]+{units}|{number_word})",
        vague=alternation(list(lex.vague)),
        unit=alternation(unit_words) + "s?",
        season=alternation(list(lex.seasons)),
        part=alternation(list(lex.parts_of_day)),
    )


class _Words:
    """``w.relatives`` is the alternation of the grammar's ``relatives`` words, and so on."""

    def __init__(self, lex: TimeWords) -> None:
        self._lex = lex

    def __getattr__(self, part: str) -> str:
        return alternation(self._lex.words(part))


@dataclass(frozen=True)
class _Parts:
    """The pieces of shapes that several shapes (or the reader and the finder) share."""

    weekday_lead: str  # "Friday, " before a date
    relative_lead: str  # "last ", "the next " before a weekday, month or season
    count: str  # "nine", "a few" before a unit
    day_of_month: str  # "20 May", "the 20th of May"
    month_then_day: str  # "May 20"
    year_after: str  # ", 2023" after a day and month
    year_number: str
    century: str  # "20th century"
    weekday: str  # "Friday morning"
    season: str
    season_year: str  # " of 2023" after a season
    year_relative: str  # " last year" after a month
    period_relative: str  # "last", "the coming", "this past" before a period
    period_tail: str  # " fiscal year" after a period's relative word
    ago: str


@cache
def _parts() -> _Parts:
    f, w = pieces(), _Words(time_words())
    return _Parts(
        weekday_lead=rf"(?:(?P<wd>{f.weekday})\s*,?\s+)?",
        relative_lead=rf"(?:(?:{w.the}\s+)?(?P<rel>{w.relatives})\s+)?",
        count=rf"(?P<num>(?P<n>{f.number})|{f.vague})",
        day_of_month=rf"(?:{w.the}\s+)?(?P<d>{f.day})(?:\s+{w.of})?\s+(?P<mon>{f.month})",
        month_then_day=rf"(?P<mon>{f.month})\s+(?:{w.the}\s+)?(?P<d>{f.day})",
        year_after=rf"\s*,?\s*(?P<y>{f.year})",
        year_number=rf"(?P<y>{f.year})",
        century=rf"(?P<c>\d{{1,2}}){w.ordinal_suffixes}[\s-]+{w.century}",
        weekday=rf"(?P<wd>{f.weekday})(?:\s+{f.part})?",
        season=rf"(?P<season>{f.season})",
        season_year=rf"(?:\s+(?:{w.of}\s+)?(?P<y>{f.year}))",
        year_relative=rf"(?:\s+(?P<yrel>{w.year_relatives})\s+{w.year})",
        period_relative=rf"(?:{w.the}\s+)?{w.period_relatives_after_the}|{w.period_relatives}",
        period_tail=rf"\s+(?:{w.fiscal}\s+)?(?P<unit>{w.period_units})",
        ago=rf"(?P<num>(?P<n>{f.number})|{f.vague})\s+(?P<unit>{f.unit})\s+{w.ago}",
    )


@cache
def reading_shapes() -> tuple[tuple[str, str], ...]:
    """(shape name, pattern) in the order the reader tries them; several shapes may share a name
    (a full date is day-month-year or month-day-year)."""
    f, w, p = pieces(), _Words(time_words()), _parts()
    return (
        ("iso_day", r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"),
        ("iso_month", r"(?P<y>\d{4})-(?P<m>\d\d)"),
        ("numeric", r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})"),
        ("full_date", p.weekday_lead + p.day_of_month + p.year_after),
        ("full_date", p.weekday_lead + p.month_then_day + p.year_after),
        ("day_month", p.weekday_lead + p.day_of_month),
        ("day_month", p.weekday_lead + p.month_then_day),
        ("month_year", rf"(?P<mon>{f.month})\s*,?\s*(?:{w.of}\s+)?(?P<y>{f.year})"),
        ("year", rf"(?:{w.the}\s+{w.year}\s+)?{p.year_number}"),
        ("decade", rf"(?:{w.the}\s+)?(?P<dec>\d{{3}})0'?s"),
        ("century", rf"(?:{w.the}\s+)?{p.century}"),
        ("quarter", _quarter(w, f)),
        ("season", rf"{p.relative_lead}(?:{w.the}\s+)?{p.season}{p.season_year}?"),
        ("weekday", p.relative_lead + p.weekday),
        ("month", rf"{p.relative_lead}(?P<mon>{f.month}){p.year_relative}?"),
        ("day_word", rf"(?P<word>{alternation(list(time_words().day_words))})"),
        ("period", rf"(?:{w.shifts}\s+)?(?P<rel>{p.period_relative}|{w.the}){p.period_tail}"),
        ("ago", p.ago),
        ("duration", _duration(w, f, p)),
    )


def _quarter(w: _Words, f: Pieces) -> str:
    """ "the third quarter of 2022", "fiscal fourth-quarter"."""
    quarters = alternation(list(time_words().quarters))
    return (rf"(?:{w.the}\s+)?(?:{w.fiscal}\s+)?(?P<q>{quarters})[\s-]+{w.quarter}"
            rf"(?:\s+(?:{w.of}\s+)?(?:{w.fiscal}\s+)?(?P<y>{f.year}))?")


def _duration(w: _Words, f: Pieces, p: _Parts) -> str:
    """ "nine years", "the past nine years", "a decade", "decade-old"."""
    return (rf"(?P<pre>(?:{w.the}\s+)?{w.duration_leads}\s+)?"
            rf"(?:(?P<article>{w.a})\s+|(?:{w.the}\s+)?{p.count}[\s-]+)?(?P<unit>{f.unit})"
            rf"(?P<suf>[\s-]+{w.size_suffixes})?")


@cache
def finding_patterns() -> tuple[tuple[re.Pattern[str], bool], ...]:
    """Patterns that find expressions in running text; the flag marks bare years (accepted only
    with temporal context). A ``sig`` group holds the preposition before the expression."""
    patterns = [*_finding_dates(), *_finding_names(), *_finding_periods()]
    return tuple((re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE), check) for p, check in patterns)


@dataclass(frozen=True)
class _Leads:
    """What may come before an expression in running text."""

    signal: str  # an optional preposition, kept out of the span
    period_modifier: str  # "the end of ", required
    relative: str  # "last ", required
    bracketed: str  # "(20 May)" after a weekday or day word, required


@cache
def _leads() -> _Leads:
    lex, w = time_words(), _Words(time_words())
    return _Leads(
        signal=rf"(?:(?P<sig>{alternation([s for s in lex.signals if s not in lex.words('weak_signals')])})\s+)?",
        period_modifier=rf"(?:{alternation(list(lex.period_modifiers))}[\s-]+)",
        relative=rf"(?:{w.found_relatives}\s+)",
        bracketed=r"(?:\s*\((?=[^()]*\d)[^()]{1,30}\))",
    )


def _finding_dates() -> list[tuple[str, bool]]:
    """Calendar dates: ISO, numeric, day and month (with a year, a weekday, a bracketed date),
    month and year, years, decades, centuries, quarters."""
    f, w, p, lead = pieces(), _Words(time_words()), _parts(), _leads()
    sig, modified = lead.signal, lead.signal + lead.period_modifier + "?"
    shape = dict(reading_shapes())
    day_month = rf"{p.weekday_lead}(?:{p.day_of_month}|{p.month_then_day}(?![\d:]))"
    signals = alternation(list(time_words().signals))
    return [
        (sig + anonymous(shape["iso_day"]), False),
        (sig + anonymous(shape["numeric"]), False),
        (sig + anonymous(rf"{day_month}(?:{p.year_after})?{lead.bracketed}?"), False),
        (sig + anonymous(f"(?:{f.weekday}){lead.bracketed}"), False),
        (sig + anonymous(shape["day_word"]) + lead.bracketed + "?", False),
        (modified + anonymous(shape["month_year"]), False),
        (modified + anonymous(p.year_number) + r"(?:'?s)?", True),
        (modified + anonymous(shape["decade"]), False),
        (rf"(?:(?P<sig>(?:{signals}\s+)?{w.the})\s+)?" + anonymous(p.century), False),
        (sig + anonymous(shape["quarter"]), False),
    ]


def _finding_names() -> list[tuple[str, bool]]:
    """Weekdays, months and seasons, alone or after a relative word."""
    lex, w, p, lead = time_words(), _Words(time_words()), _parts(), _leads()
    sig, modified = lead.signal, lead.signal + lead.period_modifier + "?"
    full_month = alternation([m for m in lex.months if len(m) > 3 or m in _full_month_names()])
    signals = alternation(list(lex.signals))
    season = anonymous(p.season)
    return [
        (sig + rf"(?:{lead.relative}|{w.the}\s+{w.found_after_the}\s+)?" + anonymous(p.weekday), False),
        (rf"(?:(?P<sig>{signals})\s+|{lead.relative}|{lead.period_modifier}){full_month}", False),
        (rf"{sig}{lead.relative}?{full_month}" + anonymous(p.year_relative), False),
        (rf"{modified}(?:{lead.relative}|{w.the}\s+){season}(?!\s+{w.of}\s+\D)" + anonymous(p.season_year) + "?",
         False),
        (modified + season + anonymous(p.season_year), False),
    ]


def _finding_periods() -> list[tuple[str, bool]]:
    """Relative periods ("earlier this month"), "... ago", durations and vague references."""
    lex, f, w, p, lead = time_words(), pieces(), _Words(time_words()), _parts(), _leads()
    sig, modified = lead.signal, lead.signal + lead.period_modifier + "?"
    count = rf"(?:{f.number}|{f.vague})"
    sized = rf"(?!{w.a}\s+{f.unit}-{w.size_suffixes}){count}[\s-]+{f.unit}(?:[\s-]+{w.found_length_suffixes})?"
    duration_modifier = rf"(?:{alternation(list(lex.duration_modifiers))}\s+)?"
    return [
        (rf"{modified}(?:{w.shifts}\s+)?(?:{p.period_relative})" + anonymous(p.period_tail), False),
        (rf"{sig}{lead.period_modifier}{w.the}\s+{w.found_the_units}", False),
        (anonymous(p.ago), False),
        (rf"(?P<sig>{w.found_duration_signals}\s+)?{duration_modifier}"
         rf"(?:(?:{w.the}\s+)?{w.found_duration_leads}\s+)?"
         rf"(?:{sized}|{w.a}\s+{f.unit}|{w.found_sized_units}[\s-]+{w.size_suffixes})", False),
        (rf"(?P<sig>{w.found_span_signals}\s+)?{w.the}\s+{w.found_span_leads}\s+{f.unit}", False),
        (sig + alternation(list(lex.references)), False),
    ]
