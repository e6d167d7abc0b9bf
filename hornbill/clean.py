"""Cleaning: drop page furniture, keep the article, remember where every kept character stood.

The text is cut into blocks (one a non-blank line). Each block is kept or dropped with a
reason; the markers (skip links, video widgets, share buttons, credits, tail headings ...)
live in ``data/boilerplate.yaml`` so a linguist can edit them. In order:

1. After a *tail marker* ("Related articles", "Most read" ...) that follows some body text,
   everything to the end is another story: dropped as ``tail``.
2. Furniture categories from the YAML, first match wins (``skip link``, ``video``, ``share`` ...).
3. A caption glued to its credit ("... a yearImage: J. Doe/AFP") is a ``caption``; so is an
   unpunctuated line standing right above a caption or credit line, and the line under a bare
   caption label ("Image caption,").
4. A line that is only a date, near the top, is ``date`` (docdate reads it from the original).
5. Very short lines (1-3 words, no punctuation, no verb) are ``menu`` items. The first line left
   is kept as the ``headline`` when it looks like one (short, no final full stop).
6. A short line right above (or else below) a video widget is the video's title (``video``);
   a repeat of an already kept line is a ``duplicate``.

Kept blocks are joined by a blank line, or by a space when a paragraph was broken
mid-sentence (a block without final punctuation followed by one starting lowercase).
``Document.pieces`` maps every kept block back to ``Document.original``, which is the text as
read: ``raw.header + raw.text`` (a plain-text file's metadata lines stay in front, so that
offsets index the file itself; they are no block, kept or dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hornbill.docdate import is_date_line
from hornbill.errors import ConfigError
from hornbill.model import Document, RawDocument, Segment
from hornbill.schemas import load_data

HEADLINE = "headline"
TAIL = "tail"
CAPTION = "caption"
#: A date-only line among the first blocks (or above the body) dates the page and is dropped.
TOP_BLOCKS = 6
#: How much kept text the language guesser reads.
LANGUAGE_SAMPLE = 5000

_LINE = re.compile(r"[^\r\n\u2028\u2029]+")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_PUNCT = re.compile(r"[.!?,;:\"“”()…]")
_WORD = re.compile(r"\w[\w'’.-]*")


@dataclass(frozen=True)
class Category:
    """One furniture category of boilerplate.yaml, compiled."""

    reason: str
    max_words: int
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    unpunctuated: bool

    def matches(self, text: str, norm: str, words: int) -> bool:
        if norm in self.lines:
            return True
        if self.unpunctuated and _TERMINAL.search(text):
            return False
        if any(p.fullmatch(text) for p in self.patterns):
            return True
        if words > self.max_words:
            return False
        low = _fold(text)
        return low.startswith(self.prefixes) or any(c in low for c in self.contains)


@dataclass(frozen=True)
class Markers:
    """Everything the cleaner reads from boilerplate.yaml."""

    categories: tuple[Category, ...]
    tail_lines: frozenset[str]
    tail_patterns: tuple[re.Pattern[str], ...]
    glued_credit: re.Pattern[str]
    menu_max_words: int
    verb_hints: frozenset[str]


@dataclass(frozen=True)
class Block:
    """A non-blank line of the original text (stripped), and whether a blank line precedes it."""

    start: int
    end: int
    text: str
    after_gap: bool


def _fold(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def _norm(text: str) -> str:
    """A line as the ``lines`` lists compare it: lowercase, no bullets or trailing : » > |."""
    return re.sub(r"^[\s•·*>|–—-]+|[\s:»>|›.…]+$", "", _fold(text))


#: The keys a furniture category of boilerplate.yaml may have.
CATEGORY_KEYS = frozenset(
    {"reason", "max_words", "lines", "prefixes", "contains", "patterns", "unpunctuated"}
)


@lru_cache(maxsize=1)
def load_markers() -> Markers:
    """The compiled markers of ``hornbill/data/boilerplate.yaml``."""
    return compile_markers(load_data("boilerplate.yaml"))


def compile_markers(raw: dict[str, Any]) -> Markers:
    """Markers from the parsed YAML; :class:`ConfigError` names what is wrong (a typo'd key, a bad regex)."""
    try:
        for entry in raw["furniture"]:
            unknown = sorted(set(entry) - CATEGORY_KEYS)
            if unknown:
                raise ConfigError(f"boilerplate.yaml: unknown key {unknown[0]!r} in {entry.get('reason')!r}")
        return _compile(raw)
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise ConfigError(f"boilerplate.yaml: {type(exc).__name__}: {exc}") from exc


def _compile(raw: dict[str, Any]) -> Markers:
    categories = tuple(
        Category(
            reason=entry["reason"],
            max_words=int(entry.get("max_words", 15)),
            lines=frozenset(_norm(x) for x in entry.get("lines", [])),
            prefixes=tuple(_fold(x) for x in entry.get("prefixes", [])),
            contains=tuple(_fold(x) for x in entry.get("contains", [])),
            patterns=tuple(re.compile(p, re.IGNORECASE) for p in entry.get("patterns", [])),
            unpunctuated=bool(entry.get("unpunctuated", False)),
        )
        for entry in raw["furniture"]
    )
    labels = "|".join(re.escape(x) for x in raw["glued_credit_labels"])
    return Markers(
        categories=categories,
        tail_lines=frozenset(_norm(x) for x in raw["tail_markers"].get("lines", [])),
        tail_patterns=tuple(re.compile(p, re.IGNORECASE) for p in raw["tail_markers"].get("patterns", [])),
        glued_credit=re.compile(rf"(?<=[\w.,)”\"'’])\s?(?:{labels})\s?:\s*\S[^.!?]{{0,80}}$"),
        menu_max_words=int(raw["menu_max_words"]),
        verb_hints=frozenset(x.lower() for x in raw["verb_hints"]),
    )


def split_blocks(text: str) -> list[Block]:
    """The non-blank lines of ``text`` with their (stripped) offsets."""
    blocks: list[Block] = []
    last_end = 0
    for match in _LINE.finditer(text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        gap = not blocks or text.count("\n", last_end, match.start()) > 1
        blocks.append(Block(start, start + len(stripped), stripped, gap))
        last_end = match.end()
    return blocks


def clean(raw: RawDocument) -> Document:
    """The article in ``raw`` without page furniture, with offsets back to the text as read
    (``raw.header + raw.text``)."""
    blocks = _shifted(split_blocks(raw.text), len(raw.header))
    reasons = classify(blocks, load_markers())
    kept = [(b, r) for b, r in zip(blocks, reasons, strict=True) if r is None or r == HEADLINE]
    text, pieces = _join([b for b, _ in kept])
    headline = next((b.text for b, r in kept if r == HEADLINE), None)
    warnings = raw.warnings if text else (*raw.warnings, "no article text left after removing page furniture")
    return Document(
        doc_id=raw.doc_id,
        source=raw.source,
        original=raw.header + raw.text,
        text=text,
        pieces=pieces,
        segments=tuple(
            Segment(b.start, b.end, r in (None, HEADLINE), r) for b, r in zip(blocks, reasons, strict=True)
        ),
        title=raw.title or headline,
        url=raw.url,
        outlet=raw.outlet,
        language=detect_language(text),
        metadata_published=raw.published,
        warnings=warnings,
    )


def _shifted(blocks: list[Block], offset: int) -> list[Block]:
    """``blocks`` moved ``offset`` characters on (past the metadata header the reader took off)."""
    if not offset:
        return blocks
    return [Block(b.start + offset, b.end + offset, b.text, b.after_gap) for b in blocks]


def classify(blocks: list[Block], markers: Markers) -> list[str | None]:
    """Per block: None (kept), ``headline`` (kept), or the reason it is dropped."""
    reasons: list[str | None] = []
    headline_seen = body_seen = in_tail = False
    for index, block in enumerate(blocks):
        if in_tail or (body_seen and _is_tail_marker(block.text, markers)):
            in_tail = True
            reasons.append(TAIL)
            continue
        reason = _furniture_reason(block.text, markers, at_top=not body_seen or index < TOP_BLOCKS)
        if reason is None and not headline_seen:
            headline_seen = True
            reason = HEADLINE if _looks_like_headline(block.text) else None
        if reason is None and _is_body(block.text):
            body_seen = True
        reasons.append(reason)
    _mark_neighbours(blocks, reasons)
    _mark_duplicates(blocks, reasons)
    return reasons


def _is_tail_marker(text: str, markers: Markers) -> bool:
    return _norm(text) in markers.tail_lines or any(p.fullmatch(text) for p in markers.tail_patterns)


def _is_body(text: str) -> bool:
    """A line of article prose: a few words ending like a sentence."""
    return len(text.split()) >= 6 and _TERMINAL.search(text) is not None


def _furniture_reason(text: str, markers: Markers, at_top: bool) -> str | None:
    """Why a line is page furniture, or None if it may be article text.

    A line that is only a date is dropped at the top (it dates the page); further down it may
    head an entry of a timeline, so it stays.
    """
    norm, words = _norm(text), len(_WORD.findall(text))  # "|" and "·" between share buttons are no words
    for category in markers.categories:
        if category.matches(text, norm, words):
            return category.reason
    if markers.glued_credit.search(text) and not _TERMINAL.search(text):
        return CAPTION
    if words <= 14 and is_date_line(text):
        return "date" if at_top else None
    if _is_menu_item(text, markers):
        return "menu"
    return None


def _is_menu_item(text: str, markers: Markers) -> bool:
    """1-3 words, no punctuation, no verb: a navigation item or section label ("World", "ConflictsAfrica")."""
    words = _WORD.findall(text)
    if not words or len(words) > markers.menu_max_words or _PUNCT.search(text):
        return False
    return not any(_fold(w) in markers.verb_hints for w in words)


def _mark_neighbours(blocks: list[Block], reasons: list[str | None]) -> None:
    """Drop captions and video titles that only their neighbours give away.

    The line under a bare caption label ("Image caption,"); an unpunctuated line right above a
    caption or credit (the caption's first line); a video's title, the short line right above
    the widget or, when there is none, right below it.
    """
    for i in range(len(blocks) - 1):
        here, below = blocks[i], blocks[i + 1]
        if reasons[i] == CAPTION and here.text.endswith((",", ":")) and reasons[i + 1] is None:
            reasons[i + 1] = CAPTION
        elif (
            reasons[i] is None
            and reasons[i + 1] in {CAPTION, "credit"}
            and not below.after_gap
            and not _TERMINAL.search(here.text)
        ):
            reasons[i] = CAPTION
    for first, last in _runs(reasons, "video"):
        for i in (first - 1, last + 1):
            if 0 <= i < len(blocks) and reasons[i] is None and _is_video_title(blocks[i].text):
                reasons[i] = "video"
                break


def _runs(reasons: list[str | None], reason: str) -> list[tuple[int, int]]:
    """(first, last) index of every run of consecutive blocks dropped for ``reason``."""
    runs: list[tuple[int, int]] = []
    for i, r in enumerate(reasons):
        if r != reason:
            continue
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _is_video_title(text: str) -> bool:
    """Short, and not ending in a full stop: questions ("What next for ...?") are common titles."""
    return len(text.split()) <= 15 and not text.endswith(".")


def _mark_duplicates(blocks: list[Block], reasons: list[str | None]) -> None:
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if reasons[i] not in (None, HEADLINE):
            continue
        key = " ".join(block.text.split()).lower()
        if key in seen:
            reasons[i] = "duplicate"
        seen.add(key)


def _join(blocks: list[Block]) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """Kept blocks as one text, plus (clean_start, original_start, length) per block."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int]] = []
    position = 0
    for previous, block in zip([None, *blocks], blocks, strict=False):
        if previous is not None:
            glue = " " if _continues(previous.text, block.text) else "\n\n"
            parts.append(glue)
            position += len(glue)
        pieces.append((position, block.start, len(block.text)))
        parts.append(block.text)
        position += len(block.text)
    return "".join(parts), tuple(pieces)


def _continues(previous: str, following: str) -> bool:
    """True when ``following`` carries on the sentence ``previous`` left unfinished."""
    return not _TERMINAL.search(previous) and following[:1].islower()


def _looks_like_headline(text: str) -> bool:
    return 2 <= len(text.split()) <= 25 and not text.endswith(".")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), None for empty text."""
    if not text.strip():
        return None
    import py3langid

    language, _score = py3langid.classify(text[:LANGUAGE_SAMPLE])
    return str(language)


def describe(document: Document) -> list[tuple[str, str, str | None]]:
    """Every block as ``(kept|dropped, text, reason)``, in order, for ``hornbill show``."""
    return [
        ("kept" if s.kept else "dropped", document.original[s.start : s.end], s.reason)
        for s in document.segments
    ]
