"""The publication date of a document: value, precision, and where it came from.

Signals, in order of trust (the first one found wins; the others are checked against it)::

    metadata   raw.published from the file ("2023-07-01", "2023-07-01T10:00:00Z", "July 1, 2023")
    dateline   "MOSCOW (Agency - 15th November, 2022) ..." / "BAMAKO, 3 March 2024 (Reuters) - ..." /
               "Chad (3 March 2024)"; with no year ("NAIROBI, March 3 (Reuters) -", "Oct. 12 (AFP) --")
               the year is the one the page's other dates and years place it in
    explicit   a date alone on a line near the top ("July 1, 2023", "Published 1 July 2023 | 10:00")
    caption    a dated photo caption or credit line, even one the cleaner dropped; lowered to
               MONTH precision: a caption dates the photo, the article is only from around then
    url        /2023/07/01/ or 2023-07-01 in the URL
    text       a date the body writes with its weekday ("on Thursday, Jan. 11, 2024"), when the
               article also tells of that weekday on its own ("on Thursday"): the story's day,
               and the earliest the article can be from; else the latest full date the body
               tells as past (:func:`find_text_date`)

Other dates of events in the body are never used: when none of the above is found the
result is ``DatePoint(None, None, "none")``.

:func:`date_document` returns a :class:`DocDate`: ``.date`` (the DatePoint) and
``.warnings`` (e.g. metadata and dateline disagree). It unpacks as a pair:
``point, warnings = date_document(document, raw)``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from hornbill.model import DatePoint, Document, Precision, RawDocument, Segment

#: The top of a page ends at this kept paragraph (a date line may sit under the standfirst) ...
TOP_BODY_PARAGRAPHS = 2
#: ... and after at most this many lines (menus included).
MAX_TOP_SEGMENTS = 60
#: Kept paragraphs searched for a dateline.
DATELINE_SEGMENTS = 3
#: Segment reasons (from the cleaner) that mark a caption or credit line.
CAPTION_REASONS = frozenset({"caption", "credit"})
#: Reasons of dropped lines at the top that may carry the publication date ("By Jane Doe | 6 May 2024").
META_REASONS = frozenset({"byline", "menu", "date"})

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<m>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_TIME = r"(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"

#: Date shapes found in text, most specific first; each gives the precision of its match.
_PATTERN_SOURCES: tuple[tuple[str, Precision], ...] = (
    (rf"(?<![\d-]){_YEAR}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d){_TIME}(?![\d])", "day"),
    (rf"(?<![\d/]){_YEAR}/(?P<mm>[01]?\d)/(?P<dd>[0-3]?\d)(?![\d/])", "day"),
    (rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}(?:\s*,\s*|\s+){_YEAR}\b", "day"),
    (rf"\b{_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b", "day"),
    (rf"(?<![\d.]){_DAY}\.(?P<mm>[01]?\d)\.{_YEAR}\b", "day"),
    (rf"(?<![\d/]){_DAY}/(?P<mm>[01]?\d)/{_YEAR}\b", "day"),
    (rf"\b{_MONTH},?\s+{_YEAR}\b", "month"),
    (rf"(?<![\d-]){_YEAR}-(?P<mm>[01]\d)(?![\d-])", "month"),
)
_PATTERNS = tuple((re.compile(source, re.IGNORECASE), precision) for source, precision in _PATTERN_SOURCES)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
#: What may stand beside the date on a date-only line ("Published: Saturday, 1 July 2023 | 10:00 GMT").
_DATE_LINE_FILLER = re.compile(
    rf"(?:\s|[,.|:·•/()–—-]|{_WEEKDAY}|published|posted|updated|last updated|first published|on|at|date|"
    r"\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|gmt|utc|[ecmp][sd]t|cet|cest|wat|eat|bst|hrs?|"
    r"\d+\s*(?:min|mins|minutes?|hours?|hrs?|days?)\s+ago)*",
    re.IGNORECASE,
)
_URL_PATTERNS: tuple[tuple[re.Pattern[str], Precision], ...] = (
    (re.compile(rf"(?<!\d){_YEAR}[/_-](?P<mm>[01]?\d)[/_-](?P<dd>[0-3]?\d)(?!\d)"), "day"),
    (re.compile(rf"/{_YEAR}(?P<mm>[01]\d)(?P<dd>[0-3]\d)/"), "day"),
    (re.compile(rf"/{_YEAR}/(?P<mm>[01]?\d)/"), "month"),
)
#: A word in capitals (a news agency's name beside a date: "KYODO NEWS", "AFP").
_AGENCY_WORD = re.compile(r"\b[A-Z][A-Z&]+\b")
#: A dateline without a year: "NAIROBI, March 3 (Reuters) -", "Oct. 12 (AFP) --", "PARIS, 12 October -".
_YEARLESS_DATELINES = tuple(
    re.compile(
        rf"\s*(?:(?P<city>[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){{0,3}}),?\s+)?(?:(?i:{_WEEKDAY}),?\s+)?"
        rf"{day_month}\s*(?P<agency>\([^()\n]{{2,40}}\))?\s*(?:[-–—]+|:)\s"
    )
    for day_month in (rf"(?i:{_MONTH})\s+{_DAY}", rf"{_DAY}\s+(?i:{_MONTH})")
)
#: A date written with its weekday: "Thursday, Jan. 11, 2024", "on Monday 3 March 2024".
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<w>{_WEEKDAY}),?\s*$", re.IGNORECASE)
_WEEKDAY_NUMBER: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
#: A weekday on its own, as news tells of the days around its publication ("on Thursday").
_BARE_WEEKDAY = re.compile(
    r"\b(?:on|since|late|early|last|this)\s+(?P<w>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b(?!,?\s*(?:\d|[A-Z][a-z]{2}))"
)
#: Words before a date that tell it as still to come: "will vote on", "by", "until", "due on".
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|to be|is to|are to|by|until|till|before|due|scheduled|set for|planned|expected|"
    r"deadline|from|next)\b[^.!?]*$",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"\s*,?\s*(?:\)|\(|[-–—:]|/)")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")
_HAS_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


class Found(NamedTuple):
    """A date found in a string: where, its ISO value and precision."""

    start: int
    end: int
    value: str
    precision: Precision


class DocDate(NamedTuple):
    """The document date and any warnings about conflicting signals."""

    date: DatePoint
    warnings: tuple[str, ...] = ()


def find_dates(text: str) -> list[Found]:
    """Calendar dates written in ``text`` (day or month precision), in order, not overlapping.

    Ambiguous numeric dates (``03/04/2023``: March or April?) are left out.
    """
    found: list[Found] = []
    for pattern, precision in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            value = _iso(match, precision)
            if value is not None:
                found.append(Found(match.start(), match.end(), value, precision))
    return sorted(found)


def _iso(match: re.Match[str], precision: Precision) -> str | None:
    """The ISO value of a date match, or None when it is not a real calendar date."""
    groups = match.groupdict()
    year = int(groups["y"])
    month = _MONTHS[groups["m"].lower()] if groups.get("m") else int(groups["mm"])
    if precision == "month":
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    day = int(groups["d"] if groups.get("d") else groups["dd"])
    if groups.get("d") and groups.get("mm") and "/" in match.group(0):
        if day <= 12 and month <= 12 and day != month:
            return None  # 03/04/2023: day-first and month-first both possible
        if month > 12:
            day, month = month, day
    return _valid_day(year, month, day)


def _valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> tuple[str, Precision] | None:
    """``(ISO value, precision)`` of a short date string such as a metadata field, else None.

    Handles ISO dates and timestamps (the date as written, time zone ignored), "July 1, 2023",
    "1st July 2023", "Sat, 01 Jul 2023 10:00:00 GMT", "2023-07", "July 2023", "2023"; anything
    else with a year in it goes to dateparser (English only).
    """
    text = text.strip()
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return text, "year"
    found = find_dates(text)
    if found:
        return found[0].value, found[0].precision
    if len(text) <= 60 and _HAS_YEAR.search(text):
        return _dateparser(text)
    return None


def _dateparser(text: str) -> tuple[str, Precision] | None:
    """dateparser on a short string that holds a year (so never a relative date like "yesterday")."""
    parser = _date_data_parser()
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser can fail in many ways on odd strings; this is only a fallback
        return None
    when = data.date_obj
    if when is None or not 1900 <= when.year <= 2100:
        return None
    if data.period == "year":
        return f"{when.year:04d}", "year"
    if data.period == "month":
        return f"{when.year:04d}-{when.month:02d}", "month"
    return when.date().isoformat(), "day"


@lru_cache(maxsize=1)
def _date_data_parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


def is_date_line(text: str) -> bool:
    """True when ``text`` is a date and nothing else of substance ("Saturday, July 1, 2023 | 10:00 GMT")."""
    found = find_dates(text) if _HAS_YEAR.search(text) else []
    if not found:
        return False
    bounds = [0, *(x for f in found for x in (f.start, f.end)), len(text)]
    rest = "".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    rest = _AGENCY_WORD.sub(" ", rest)  # "Feb 2, 2021 - 05:46 KYODO NEWS": the wire's name in capitals
    return _DATE_LINE_FILLER.fullmatch(rest) is not None


def date_document(document: Document, raw: RawDocument) -> DocDate:
    """The publication date of ``document``: the most trusted signal, with warnings on disagreement."""
    warnings: list[str] = []
    candidates: list[DatePoint] = []
    if raw.published:
        parsed = parse_date(raw.published)
        if parsed:
            candidates.append(DatePoint(parsed[0], parsed[1], "metadata"))
        else:
            warnings.append(f"could not read the metadata date {raw.published[:40]!r}")
    for finder in (find_dateline, find_explicit, find_caption, find_text_day, find_text_date):
        point = finder(document)
        if point is not None:
            candidates.append(point)
    url_point = find_url_date(raw.url or document.url)
    if url_point is not None:
        candidates.append(url_point)
    if not candidates:
        return DocDate(DatePoint.unknown(), tuple(warnings))
    best = _refine(candidates)
    warnings.extend(
        f"document date {best.value} ({best.basis}) disagrees with the {other.basis} date {other.value}"
        for other in candidates
        if other.basis not in ("caption", "text") and not _consistent(best, other)
    )
    return DocDate(best, tuple(warnings))


def _refine(candidates: list[DatePoint]) -> DatePoint:
    """The most trusted candidate, or a more precise one from the text that agrees with it."""
    best = candidates[0]
    finer = [
        c for c in candidates[1:] if c.basis != "caption" and _consistent(best, c) and _rank(c) > _rank(best)
    ]
    return max(finer, key=_rank) if finer else best


def _rank(point: DatePoint) -> int:
    return len(point.value or "")


def _consistent(a: DatePoint, b: DatePoint) -> bool:
    """Same date at the coarser of the two precisions (2023-07 agrees with 2023-07-01)."""
    x, y = a.value or "", b.value or ""
    return x.startswith(y) or y.startswith(x)


def _segments_text(document: Document, segments: list[Segment]) -> list[str]:
    """The original text of each segment."""
    return [document.original[s.start : s.end] for s in segments]


def find_dateline(document: Document) -> DatePoint | None:
    """A dateline opening one of the first paragraphs: "CITY (Agency - 15th November, 2022) ..."."""
    kept = [s for s in document.segments if s.kept][:DATELINE_SEGMENTS]
    for text in _segments_text(document, kept):
        found = dateline_date(text) or yearless_dateline(text, document)
        if found is not None:
            return DatePoint(found.value, found.precision, "dateline")
    return None


def dateline_date(paragraph: str) -> Found | None:
    """The date in a dateline at the start of ``paragraph``, if it has one.

    Before the date: a place name (ALL CAPS, or a short Title Case name followed by a comma) and
    perhaps "(Agency -"; after it: a bracket, dash or colon, as datelines are punctuated.
    """
    head = paragraph[:200]
    for found in find_dates(head):
        before, after = head[: found.start], head[found.end :]
        if len(before) > 90 or _SENTENCE_END.search(before) or not _DATELINE_AFTER.match(after):
            return None
        outside = re.sub(r"\([^)]*\)?", " ", before)  # "(Agency - " may stand before the date
        city = re.match(r"\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})", before)
        if city is None or re.search(r"\b[a-z]", outside):
            return None  # "NATO said on 3 March 2024 (...)" is a sentence, not a dateline
        words = city.group(1).split()
        all_caps = words[0].isupper() and len(words[0].strip(".")) >= 2
        if all_caps or before.rstrip().endswith((",", "(")):  # "Chad (3 March 2024)": a place, its date
            return found
        return None
    return None


def yearless_dateline(paragraph: str, document: Document) -> Found | None:
    """The date of a dateline that gives no year ("NAIROBI, March 3 (Reuters) -", "Oct. 12 (AFP) --"),
    in the year the page's other dates place it (:func:`page_year`); None when it has none."""
    match = next((m for pattern in _YEARLESS_DATELINES if (m := pattern.match(paragraph))), None)
    if match is None or not (match["agency"] or (match["city"] and match["city"].isupper())):
        return None
    year = page_year(document)
    if year is None:
        return None
    value = _valid_day(year, _MONTHS[match["m"].lower()], int(match["d"]))
    return None if value is None else Found(match.start(), match.end(), value, "day")


def page_year(document: Document) -> int | None:
    """The year a page's own dates point to: the latest year of a full date written anywhere on the
    page (captions and bylines included), else None. An article is written after what it reports."""
    years = [int(f.value[:4]) for f in find_dates(document.original) if f.precision == "day"]
    return max(years) if years else None


def find_explicit(document: Document) -> DatePoint | None:
    """A line near the top that is only a date ("Published ..."), or a short dated line the cleaner
    dropped as furniture there (a byline "By Jane Doe | 6 May 2024")."""
    top = [s for s in _top_segments(document) if s.reason != "tail"]
    headline = next((s.start for s in top if s.reason == "headline"), None)
    dated = [
        (segment, text)
        for segment, text in zip(top, _segments_text(document, top), strict=True)
        if (_is_dropped_meta(segment) and len(text.split()) <= 14 and find_dates(text))
        or (len(text) < 120 and is_date_line(text))
    ]
    # a date over the headline may be the site's banner of today's date; one under it is the article's
    below = [text for segment, text in dated if headline is not None and segment.start > headline]
    lines = below or [text for _, text in dated]
    published = [t for t in lines if "updated" not in t.lower()]
    if not lines:
        return None
    found = find_dates((published or lines)[0])[0]
    return DatePoint(found.value, found.precision, "explicit")


def find_text_day(document: Document) -> DatePoint | None:
    """The story's day from the body: the latest date written with its weekday, the weekday right
    ("Thursday, Jan. 11, 2024"), when the article also tells of that weekday on its own ("on
    Thursday"), as news does of the days just before it appears. The article is from that day
    or a day or two later: the day is the best one guess."""
    text = document.text
    told = {m["w"][:3].lower() for m in _BARE_WEEKDAY.finditer(text)}
    days = []
    for found in find_dates(text):
        before = _WEEKDAY_BEFORE.search(text, max(0, found.start - 20), found.start)
        if found.precision != "day" or before is None:
            continue
        weekday = _WEEKDAY_NUMBER[before["w"][:3].lower()]
        if date.fromisoformat(found.value).weekday() == weekday and before["w"][:3].lower() in told:
            days.append(found.value)
    return DatePoint(max(days), "day", "text") if days else None


def find_text_date(document: Document) -> DatePoint | None:
    """The latest full date the body tells as past ("the talks ended on 3 March 2024"): news reports
    what has just happened, so the article is from that day or soon after. Dates told as still to
    come ("will vote on ...", "by 1 July 2024") are left out. A guess from the words of the body,
    so it stands last, below every other signal."""
    text = document.text
    dates = [f for f in find_dates(text) if f.precision == "day"
             and not _FUTURE_BEFORE.search(text, max(0, f.start - 60), f.start)]
    if not dates:
        return None
    latest = max(dates, key=lambda f: f.value)
    return DatePoint(latest.value, "day", "text")


def _is_dropped_meta(segment: Segment) -> bool:
    return not segment.kept and segment.reason in META_REASONS


def _top_segments(document: Document) -> tuple[Segment, ...]:
    """The page above the body: every segment up to the second kept paragraph after the headline.

    Menus can be long, so "the top" is counted from the article, not from the start of the page.
    """
    body = [i for i, s in enumerate(document.segments) if s.kept and s.reason != "headline"]
    end = body[TOP_BODY_PARAGRAPHS - 1] if len(body) >= TOP_BODY_PARAGRAPHS else len(document.segments)
    return document.segments[: min(end, MAX_TOP_SEGMENTS)]


def find_caption(document: Document) -> DatePoint | None:
    """A date in a photo caption or credit line, at MONTH precision at best."""
    captions = [s for s in document.segments if s.reason in CAPTION_REASONS]
    found = next((f for text in _segments_text(document, captions) for f in find_dates(text)), None)
    return None if found is None else DatePoint(found.value[:7], "month", "caption")


def find_url_date(url: str | None) -> DatePoint | None:
    """A date in a URL path: /2023/07/01/, 2023-07-01, /20230701/, or /2023/07/ (month)."""
    if not url:
        return None
    for pattern, precision in _URL_PATTERNS:
        for match in pattern.finditer(url):
            year, month = int(match["y"]), int(match["mm"])
            if precision == "month":
                if 1 <= month <= 12:
                    return DatePoint(f"{year:04d}-{month:02d}", "month", "url")
                continue
            value = _valid_day(year, month, int(match["dd"]))
            if value is not None:
                return DatePoint(value, "day", "url")
    return None
