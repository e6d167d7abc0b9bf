"""The calendar under every date: how fine each precision is, anchors, and day arithmetic.

The precision tables here are the only ones: the normaliser checks an anchor against them, the
story-year logic and the linker compare dates at the width they give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from hornbill.model import DatePoint, Tense

#: How coarse each precision is (0 = a day; larger = coarser): an anchor must be at least as fine
#: as a result computed from it.
COARSENESS: dict[str, int] = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5, "century": 6}
#: How many leading characters of an ISO value name its period at each precision ("2023-05" of a
#: month); weeks and seasons have no prefix of their own.
WIDTH: dict[str, int] = {"day": 10, "month": 7, "year": 4, "decade": 3, "century": 2}


def fineness(precision: str | None) -> int:
    """How fine a precision is, for sorting (a day highest, a century 0); -1 for none or an unknown one."""
    if precision not in COARSENESS:
        return -1
    return max(COARSENESS.values()) - COARSENESS[precision]


@dataclass(frozen=True)
class Anchor:
    """A date to read relative expressions against: the first day of its period, and how coarse it is."""

    day: date
    rank: int  # COARSENESS of the anchor's precision


def anchor_of(point: DatePoint) -> Anchor | None:
    """The anchor as a date (first day of its period) with its precision rank; None when unknown."""
    value = point.value
    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            return Anchor(date.fromisocalendar(int(m[1]), int(m[2]), 1), COARSENESS["week"])
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            return Anchor(date(parts[0], parts[1], parts[2]), COARSENESS["day"])
        if len(parts) == 2:
            return Anchor(date(parts[0], parts[1], 1), COARSENESS["month"])
        return Anchor(date(parts[0], 1, 1), COARSENESS["year"])
    except ValueError:
        return None


def anchor_day(anchor: Anchor | None, precision: str) -> date | None:
    """The anchor date if it is precise enough to compute a result of ``precision``."""
    if anchor is None or anchor.rank > COARSENESS[precision]:
        return None
    return anchor.day


def period_end(anchor: Anchor) -> date:
    """The last day of the anchor's period (a month-precise anchor runs to the month's end)."""
    if anchor.rank <= COARSENESS["day"]:
        return anchor.day
    if anchor.rank == COARSENESS["week"]:
        return anchor.day + timedelta(days=6)
    if anchor.rank <= COARSENESS["month"]:
        year, month = shift_months(anchor.day, 1)
        return date(year, month, 1) - timedelta(days=1)
    return date(anchor.day.year, 12, 31)


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_months(d: date, months: int) -> tuple[int, int]:
    """The (year, month) ``months`` months from ``d``'s month."""
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_date(anchor: date, weekday: int, direction: str) -> date:
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


def month_year(anchor: date, month: int, direction: str) -> int:
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


def day_month_date(anchor: date, month: int, day: int, tense: Tense | None) -> date | None:
    """The date of a day and month given without a year: future tense = the next on or
    after the anchor; past tense = the latest on or before it if within half a year (else
    the nearest: a yearless date in news is close to the story, and "payable Dec. 15" in
    an October paper hangs on a past verb); no tense = the nearest. A stated weekday is
    only checked, not used."""
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(y, month, day))
    ]
    half_year = timedelta(days=183)
    if tense == "past":
        candidates = [d for d in candidates if anchor - half_year <= d <= anchor] or candidates
    elif tense == "future":
        candidates = [d for d in candidates if d >= anchor] or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - anchor).days))
