"""When an undated article was written, from what other articles say: its day, from the dated
reports that share its actors (the build asks, before storing it), else its year, from the
dates other articles give its events (the store asks, as articles arrive), and its relative
dates read in that year."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from hornbill.dates.calendar import WIDTH
from hornbill.dates.readers import Reading
from hornbill.dates.timeml import normalize
from hornbill.model import DatePoint, Tense

#: The day of a year that stands for an undated article once its year is known: the middle, so
#: that "last August" or "in May" is read as most days of that year would read it.
_YEAR_STAND_IN = (7, 2)


#: How many named actors an undated article must share with a dated report of its story.
STORY_SHARED_ACTORS = 2

#: How many days apart the reports that share most of its actors may be published for the latest
#: of their days to stand for an undated article's: reports of one news cycle, not of a long story.
STORY_DAY_SPREAD = 7


class SharedReports(NamedTuple):
    """The stored reports dated by their own words that share an undated article's named actors:
    the most any of them shares, the latest day of those that share that many, and the first and
    last day of those that share nearly as many (one fewer)."""

    shared: int
    latest_of_most: str
    earliest: str
    latest: str


def needs_story_day(published: DatePoint) -> bool:
    """Whether an article's own date leaves its day open: none at all, or only a month or a year
    (a photo caption's "October 2022")."""
    return published.value is None or published.precision in ("month", "year")


def story_day(reports: SharedReports | None, published: DatePoint | None = None) -> DatePoint | None:
    """The day an undated article is taken to be published on (basis "story"): the latest day of
    the dated reports that share the most of its named actors, when they share at least
    :data:`STORY_SHARED_ACTORS` and every report sharing nearly as many was published within
    :data:`STORY_DAY_SPREAD` days. An article is mostly published on or just after the last
    report of the news it tells; when reports of other weeks share its actors about as well, it
    may tell other news of the same story, and no day is picked. An article whose own words give
    its month or year (``published``) takes only a day within it."""
    if reports is None or reports.shared < STORY_SHARED_ACTORS:
        return None
    own = published.value if published is not None else None
    if own is not None and not reports.latest_of_most.startswith(own):
        return None
    spread = date.fromisoformat(reports.latest) - date.fromisoformat(reports.earliest)
    if spread.days > STORY_DAY_SPREAD:
        return None
    return DatePoint(reports.latest_of_most, "day", "story")


#: How many years after the events it dates an expression can still point back to them
#: ("two years ago" told of a 2021 event by an article of 2023).
STORY_YEARS_AFTER = 3


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
    width = min(WIDTH[reading.precision or "year"], _width_of(precision))
    return reading.value[:width] == date[:width]


def _width_of(precision: str | None) -> int:
    """How much of another article's date a reading is compared with: its day, month or year; the
    whole value for a date of another precision (a week, a season, a decade: such a date names
    no calendar year and month of its own, and fits no year)."""
    return WIDTH[precision or "day"] if (precision or "day") in ("day", "month", "year") else 10

