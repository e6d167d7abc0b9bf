"""From one time expression to its TimeML reading: :func:`normalize`, and :func:`unresolved`
for a relative date the anchor is too coarse for.

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
* A range ("between 2013 and 2023") reads as its start; the finder tags both
  ends as separate expressions.
* Durations ("nine years", "decade-old", "for the past nine years") are kind
  ``DURATION`` with values such as ``P9Y``; they never date an event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from hornbill.dates.calendar import COARSENESS, Anchor, anchor_of, day_value, period_end
from hornbill.dates.readers import Query, Reading, rules
from hornbill.dates.words import alternation, time_words, well_cased
from hornbill.model import DatePoint, Tense


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


def _read_core(text: str, query: Query) -> Reading | None:
    if text in time_words().references:
        return Reading(time_words().references[text], None)
    for pattern, rule in rules():
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


def _read_modified(text: str, query: Query) -> Reading | None:
    """Read ``text``, peeling period modifiers ("the end of", "early") and hedges ("more than")."""
    reading = _read_core(text, query)
    if reading is not None:
        return reading
    lex = time_words()
    if found := _strip_prefix(text, lex.period_modifiers):
        prefix, rest, mod = found
        inner = _read_modified(rest, query)
        if inner is not None and inner.kind == "DATE":
            return _with_mod(inner, mod, narrows=prefix.split()[-1] in lex.words("of"))
    found = _strip_prefix(text, lex.duration_modifiers)
    if found and found[1].split(" ", 1)[0] not in lex.words("the"):  # "over the past decade" is no hedge
        _, rest, mod = found
        inner = _read_modified(rest, query)
        if inner is not None and inner.kind == "DURATION":
            return replace(inner, mod=mod)
    return None


def _strip_signals(text: str) -> tuple[str, str | None]:
    """Remove leading prepositions; return the rest and the mod the outermost one gives."""
    mod: str | None = None
    seen = False
    while found := _strip_prefix(text, time_words().signals):
        _, text, signal_mod = found
        if not seen:
            mod, seen = signal_mod, True
    return text, mod


def _read_parenthesised(text: str, query: Query) -> Reading | None:
    """ "Friday (20 May)", "yesterday (27 November)": the explicit date wins; a weekday or
    day word that disagrees with it is reported in ``warning``."""
    m = re.fullmatch(r"(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)", text)
    if m is None:
        return None
    outer_text = m["outer"].strip()
    if outer_text.split()[-1] in time_words().weekdays:
        # "Friday (20 May)" reads as "Friday 20 May": the date rule checks the weekday itself.
        return _read_modified(f"{outer_text} {m['inner']}", query) or _read_modified(outer_text, query)
    outer = _read_modified(outer_text, query)
    inner = _read_modified(m["inner"].strip(), query)
    if inner is None:
        return outer
    if outer is not None and inner.precision == "day" and outer.value != inner.value:
        return replace(inner, warning=f"'{outer_text}' is {outer.value}, but the text says {inner.value}")
    return inner


def _read_range(text: str, query: Query) -> Reading | None:
    """ "between 2013 and 2023", "from May to July": the start of the range."""
    w = time_words()
    starts, joins = alternation(w.words("range_starts")), alternation(w.words("range_joins"))
    m = re.fullmatch(rf"{starts}\s+(?P<a>.+?)\s+{joins}\s+(?P<b>.+)", text)
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
    query = Query(anchor_of(anchor), tense)
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > 80 or not well_cased(text):
        return None
    references = time_words().references
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


#: Days standing in for an anchor that is missing ("last August" in an undated text): far apart in
#: year, month, week and day, so that only what the expression itself states agrees across them.
_PROBE_DAYS = (date(2001, 2, 3), date(2010, 11, 24), date(2016, 6, 15))


def _probe_days(anchor: Anchor | None) -> tuple[date, ...]:
    """Days an expression is read against when ``anchor`` is too coarse for it: the first, middle and
    last day of the anchor's period, or :data:`_PROBE_DAYS` without an anchor."""
    if anchor is None:
        return _PROBE_DAYS
    end = period_end(anchor)
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
    known = anchor_of(anchor)
    if known is not None and known.rank == COARSENESS["day"]:
        return None
    readings = [normalize(text, DatePoint(day_value(day), "day"), tense) for day in _probe_days(known)]
    found = [r for r in readings if r is not None and r.kind == "DATE" and r.value[:1].isdigit()]
    if len(found) != len(readings) or len({r.precision for r in found}) != 1:
        return None
    value = _masked([r.value for r in found])
    return None if value is None else replace(found[0], value=value, warning=None)
