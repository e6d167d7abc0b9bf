"""The words of the time grammar: ``data/timex.yaml`` read, checked against its schema, and cached."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from hornbill.schemas import load_data


@dataclass(frozen=True)
class TimeWords:
    """Every word list of ``data/timex.yaml`` (see the comments there)."""

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
    reporting_verbs: frozenset[str]
    prospective_nouns: frozenset[str]
    sequence_prepositions: frozenset[str]
    background_prepositions: frozenset[str]
    past_pointing: tuple[str, ...]
    steps: dict[str, int]
    grammar: Mapping[str, tuple[str, ...]]

    def words(self, part: str) -> tuple[str, ...]:
        """The grammar's words for ``part`` ("relatives", "ago", ...)."""
        return self.grammar[part]


@cache
def time_words() -> TimeWords:
    """The word lists, read once per process."""
    raw = load_data("timex.yaml")
    return TimeWords(
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
        reporting_verbs=frozenset(raw["reporting_verbs"]),
        quarters={str(k): int(v) for k, v in raw["quarters"].items()},
        prospective_nouns=frozenset(raw["prospective_nouns"]),
        sequence_prepositions=frozenset(raw["sequence_prepositions"]),
        background_prepositions=frozenset(raw["background_prepositions"]),
        past_pointing=tuple(raw["past_pointing"]),
        steps={str(k): int(v) for k, v in raw["steps"].items()},
        grammar={str(k): tuple(str(w) for w in v) for k, v in raw["grammar"].items()},
    )


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first (so "sept" beats "sep")."""
    return (
        "(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + ")"
    )


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, which count only when written with a capital ("may" is a verb)."""
    lex = time_words()
    return frozenset(lex.months) | frozenset(lex.weekdays)


def well_cased(text: str) -> bool:
    """Whether every month or weekday name in ``text`` is capitalised."""
    words = calendar_words()
    return all(w[0].isupper() for w in re.findall(r"[A-Za-z]+", text) if w.lower() in words)
