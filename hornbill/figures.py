"""Numeric claims across sources: what a figure measures (``data/measures.yaml``), where and when it
holds, and which figures from different articles contradict each other, with why they were compared.

Pure decisions over small records (the claims the store returns); ``hornbill conflicts``, the
web's conflicts page and the report show what :func:`conflicts_of` finds.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from hornbill.schemas import load_data


@dataclass(frozen=True)
class Measures:
    """The measure groups of data/measures.yaml."""

    by_unit: dict[str, str]
    tolerance: float
    about: float
    same_time_days: int

    def measure(self, unit: str) -> str:
        """The measure a unit belongs to; a composite unit ("troops and police") when all its nouns agree."""
        unit = unit.casefold().strip()
        if unit in self.by_unit:
            return self.by_unit[unit]
        words = [w.strip() for w in unit.replace(",", " and ").split(" and ") if w.strip()]
        groups = {self.by_unit.get(w) for w in words}
        if len(groups) == 1 and None not in groups:
            return groups.pop()  # type: ignore[return-value]
        for tail in ("killed", "wounded", "injured", "displaced", "detained", "abducted"):
            if unit.endswith(" " + tail) and tail in self.by_unit:
                return self.by_unit[tail]
        return unit


@cache
def measures() -> Measures:
    raw = load_data("measures.yaml")
    by_unit = {unit.casefold(): name for name, units in raw["measures"].items() for unit in units}
    return Measures(by_unit, float(raw["tolerance"]), float(raw["hedges"]["about"]), int(raw["same_time_days"]))


def claim_range(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a hedged figure allows: "over 15,000" is [15000, inf), "about 13,000" is 13000 +/- 15 %."""
    m = measures()
    if qualifier in ("over", "at least"):
        return value, math.inf
    if qualifier in ("under", "up to"):
        return 0.0, value
    spread = m.about if qualifier == "about" else m.tolerance
    return value * (1 - spread), value * (1 + spread)


def claims_disagree(a: tuple[float, str | None], b: tuple[float, str | None]) -> bool:
    """True when no single figure fits both claims, hedges included."""
    lo_a, hi_a = claim_range(*a)
    lo_b, hi_b = claim_range(*b)
    return hi_a < lo_b or hi_b < lo_a


def claim_group(about: str | None, subject: str, unit: str) -> tuple[str, str]:
    """What a claim measures: (who it is about, which measure)."""
    return (about or subject.casefold(), measures().measure(unit))


def claim_time(claim: dict[str, Any]) -> str | None:
    """When a figure holds: the date its sentence gives, else its report's publication date."""
    value = claim.get("period") or claim.get("published")
    return str(value) if value else None


def times_compatible(a: str | None, b: str | None) -> bool:
    """Whether figures holding at ``a`` and ``b`` (ISO dates of any precision) may be of one moment:
    one period holds the other ("2022" and "2022-02-17"), or they lie at most ``same_time_days``
    apart. An unknown time is compatible with any."""
    if not a or not b or a.startswith(b) or b.startswith(a):
        return True
    first, second = _day_of(a), _day_of(b)
    if first is None or second is None:
        return False
    return abs((first - second).days) <= measures().same_time_days


def _day_of(value: str) -> dt.date | None:
    """The first day of an ISO year, month or day; None for other TimeML values (weeks, seasons)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


@dataclass(frozen=True)
class Conflict:
    """Claims on one measure of one subject in one place that cannot all be true, and why they were
    compared."""

    members: list[dict[str, Any]]
    why: str


Figure = tuple[float, str | None, str | None, str | None]  # value, qualifier, when and where it holds


def _figure(claim: dict[str, Any]) -> Figure:
    place = claim.get("place")
    return (claim["value"], claim["qualifier"], claim_time(claim), place.casefold() if place else None)


def places_compatible(a: str | None, b: str | None) -> bool:
    """Whether figures of places ``a`` and ``b`` may be of one place: the same place, or one not named
    (a sentence often leaves the place to the story); "in Mali" and "across the Sahel" are not."""
    return a is None or b is None or a == b


def conflicts_of(claims: Sequence[dict[str, Any]]) -> list[Conflict]:
    """Claims that contradict each other: the same measure of the same subject, in the same place (or
    one leaves it unnamed), at compatible times (:func:`times_compatible`), from two documents, and
    no single figure fitting both (hedges included).

    Claims from one document are never held against each other (an article may give a change,
    "from 1,100 to 1,400"). Compared figure by figure (value, qualifier, time), not claim by claim,
    so a group of thousands of repeated figures costs a few comparisons. Each conflict lists the
    claims whose figures take part in a disagreement, and says why they were compared."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        groups[claim_group(c["about_key"], c["subject"], c["unit"])].append(c)
    found = []
    for key, members in groups.items():
        figures: dict[Figure, set[str]] = defaultdict(set)
        for c in members:
            figures[_figure(c)].add(c["doc_id"])
        pairs = _disagreeing(figures)
        if pairs:
            involved = {f for pair in pairs for f in pair}
            found.append(Conflict([c for c in members if _figure(c) in involved], _why(key[1], pairs[0])))
    return found


def _disagreeing(figures: dict[Figure, set[str]]) -> list[tuple[Figure, Figure]]:
    """The pairs of figures, each from a document of its own, that hold at compatible times and disagree."""
    items = list(figures.items())
    return [(a, b) for i, (a, docs_a) in enumerate(items) for b, docs_b in items[i + 1:]
            if not (len(docs_a) == 1 and docs_a == docs_b) and times_compatible(a[2], b[2])
            and places_compatible(a[3], b[3]) and claims_disagree((a[0], a[1]), (b[0], b[1]))]


def _why(measure: str, pair: tuple[Figure, Figure]) -> str:
    """Why two figures were compared: "same measure (uniformed personnel) of the same subject, in
    mali, at compatible times (2022-02-17 and 2022-02-20)"."""
    places = sorted({f[3] for f in pair if f[3]})
    where = f"in {places[0]}" + ("" if all(f[3] for f in pair) else " (named by one)") if places \
        else "no place named by either"
    times = [f[2] for f in pair if f[2]]
    when = f"at compatible times ({' and '.join(times)})" if len(times) == 2 else "at times that may coincide"
    return f"same measure ({measure}) of the same subject, {where}, {when}"


def conflicting_groups(claims: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The claims of each conflict (:func:`conflicts_of`)."""
    return [conflict.members for conflict in conflicts_of(claims)]
