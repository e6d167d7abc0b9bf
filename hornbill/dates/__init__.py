"""Dates without spaCy: the calendar, the time grammar, normalising expressions to TimeML
values, the story day or year of an undated article, and dates as a reader wants them.

Modules, from the ground up:

- :mod:`~hornbill.dates.calendar`: precisions (the tables the linker compares dates with),
  anchors and day arithmetic;
- :mod:`~hornbill.dates.words`: the word lists of ``data/timex.yaml``, checked at load;
- :mod:`~hornbill.dates.grammar`: the grammar, written once, for finding and for reading;
- :mod:`~hornbill.dates.readers` and :mod:`~hornbill.dates.timeml`: one expression plus its
  anchor (the document date) and the tense of its verb -> a :class:`Reading` (value, precision,
  kind, mod, warning);
- :mod:`~hornbill.dates.find`: the candidate expressions of a running text;
- :mod:`~hornbill.dates.story`: the day an undated article is placed on (the build's part),
  else the year, and its expressions read in that year (the store's part);
- :mod:`~hornbill.dates.display`: :func:`format_date` and :func:`date_note` for the CLI, the views and the web.

Finding expressions in a parsed Doc and dating events by them is the NLP layer's part
(:mod:`hornbill.timex`).
"""

from __future__ import annotations

from hornbill.dates.display import date_note, format_date
from hornbill.dates.readers import Reading, TimexKind
from hornbill.dates.story import (
    STORY_YEARS_AFTER,
    SharedReports,
    needs_story_day,
    resolve_in_year,
    story_day,
    story_year,
)
from hornbill.dates.timeml import normalize, unresolved

__all__ = [
    "STORY_YEARS_AFTER",
    "Reading",
    "SharedReports",
    "TimexKind",
    "date_note",
    "format_date",
    "needs_story_day",
    "normalize",
    "resolve_in_year",
    "story_day",
    "story_year",
    "unresolved",
]
