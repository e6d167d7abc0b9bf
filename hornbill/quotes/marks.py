"""Pairing quotation marks on the raw text: where quotes are, before any parse (spaCy's
sentences often cut a multi-sentence quote apart)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from hornbill.quotes.data import _CLOSE_CONTEXT, _OPEN_CONTEXT, _PARAGRAPH_BREAK, _SENTENCE_END, quote_data

# --- pairing quotation marks -----------------------------------------------------------------


@dataclass(frozen=True)
class QuoteSpan:
    """The text between a pair of quotation marks (``start``/``end`` exclude the marks).

    ``continues`` is True when the quote reopens one left unclosed at a sentence end (a quote
    running over paragraphs, possibly joined by the cleaner into one line). ``closed`` is False
    when no closing mark of its own ends it: it runs into a reopened quote, or to its
    paragraph's end when the text never closes it.
    """

    start: int
    end: int
    continues: bool = False
    closed: bool = True


def _mark_role(text: str, start: int, end: int, inside: bool) -> Literal["open", "close"]:
    """Whether the quotation mark ``text[start:end]`` opens or closes, from its neighbours.

    Curly marks say so themselves unless the context clearly disagrees (some sites use one
    curly mark for both); a straight mark after a space opens, one before a space or punctuation closes.
    """
    data = quote_data()
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before.isspace() or before in _OPEN_CONTEXT or before in data.mark_chars
    closes = after.isspace() or after in _CLOSE_CONTEXT
    if mark in data.opening_marks and not (inside and closes and not opens):
        return "open"
    if mark in data.closing_marks and not (not inside and opens and not closes):
        return "close"
    if opens != closes:
        return "open" if opens else "close"
    return "close" if inside else "open"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1)
def _marks_pattern() -> re.Pattern[str]:
    """Any double quotation mark, longest first: the scan jumps from mark to mark."""
    data = quote_data()
    marks = sorted(data.opening_marks | data.closing_marks | data.straight_marks, key=len, reverse=True)
    return re.compile("|".join(re.escape(m) for m in marks) or "(?!)")


def _paragraph_end(text: str, start: int) -> int:
    """Where the paragraph holding ``start`` ends (at most a quotation's length away)."""
    end = text.find(_PARAGRAPH_BREAK, start)
    return min(len(text) if end < 0 else end, start + quote_data().max_quote_chars)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair the double quotation marks of ``text`` into quoted stretches, in text order."""
    data = quote_data()
    spans: list[QuoteSpan] = []
    start: int | None = None
    continues = False
    for mark in _marks_pattern().finditer(text):
        i, j = mark.span()
        if start is not None and i - start > data.max_quote_chars:
            start = None  # a stray mark: forget it rather than swallow the article
        role = _mark_role(text, i, j, inside=start is not None)
        if start is None:
            if role == "open":
                start, continues = j, False
            continue
        reopens = role == "open" and text[start:i].rstrip().endswith(_SENTENCE_END)
        spans.append(QuoteSpan(*_trimmed(text, start, i), continues=continues, closed=not reopens))
        start, continues = (j, True) if reopens else (None, False)
    if start is not None:  # still open where the text ends: a page saved cut off mid-quote
        spans.append(QuoteSpan(*_trimmed(text, start, _paragraph_end(text, start)), continues, closed=False))
    return [s for s in spans if s.end > s.start]


