"""Finding time expressions in running text, with the finder's patterns of
:mod:`~hornbill.dates.grammar`: the candidates a text holds, before the NLP layer
(:mod:`hornbill.timex.detect`) checks bare years against the parse and adds spaCy's DATE entities."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from hornbill.dates.grammar import finding_patterns
from hornbill.dates.words import alternation, time_words, well_cased


@dataclass(frozen=True)
class Candidate:
    start: int  # span start (after any introducing preposition)
    end: int
    query_start: int  # where the text handed to the normaliser starts (with the preposition)
    needs_check: bool = False  # a bare year: accepted only with temporal context
    reads_as: str | None = None  # what the normaliser reads instead of the text ("58" in "1957-58": "1958")


@cache
def _gate() -> re.Pattern[str]:
    """Words every time expression contains one of (a digit, a month, "week", "yesterday", ...)."""
    lex = time_words()
    words = {
        *lex.months,
        *lex.weekdays,
        *lex.units,
        *lex.seasons,
        *lex.words("period_units"),
        *(w for phrase in [*lex.day_words, *lex.references] for w in phrase.split()),
    } - set(lex.words("gate_ignores"))
    return re.compile(rf"\d|(?<![\w-]){alternation(sorted(words))}s?\b", re.IGNORECASE)  # fmt: skip


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


def regex_candidates(text: str) -> Iterator[Candidate]:
    windows = _windows(text)
    for pattern, needs_check in finding_patterns():
        for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            start = m.end("sig") if "sig" in pattern.groupindex and m["sig"] else m.start()
            while start < m.end() and text[start].isspace():
                start += 1
            if well_cased(text[start : m.end()]):
                yield Candidate(start, m.end(), m.start(), needs_check)
    yield from _year_range_candidates(text)


_YEAR_RANGE = re.compile(r"(?<![\w/.-])(?P<a>(?:1[89]|20)\d\d)[-\u2013/](?P<b>(?:1[89]|20)?\d\d)(?![\w/.-])")


def _year_range_candidates(text: str) -> Iterator[Candidate]:
    """ "2009-2010", "1957-58", "2022/23": two years, each its own expression (as TimeML tags them)."""
    for m in _YEAR_RANGE.finditer(text):
        first, second = int(m["a"]), int(m["b"])
        if second < 100:
            second += first - first % 100
        if 0 < second - first <= 20:
            yield Candidate(m.start("a"), m.end("a"), m.start("a"))
            yield Candidate(m.start("b"), m.end("b"), m.start("b"), reads_as=str(second))


def choose(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Longest first, then leftmost; drop any candidate overlapping one already chosen."""
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.query_start), c.start)):
        if all(c.end <= o.query_start or c.query_start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
