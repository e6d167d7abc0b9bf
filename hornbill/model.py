"""The data model every stage speaks.

Stages pass frozen dataclasses to each other; only ``nlp.py`` and the spaCy
components touch a ``Doc``. ``process.to_result`` turns an annotated ``Doc``
into a :class:`DocResult`, which is what workers return and the store accepts.

Offsets: ``Document.text`` is the cleaned text the NLP runs on;
``Document.original`` is the text as read: for a plain-text file the whole
decoded file, metadata header lines included (the reader takes them off
``RawDocument.text`` and keeps them in ``RawDocument.header``); for HTML the
text trafilatura extracts; for a JSON, JSON Lines or CSV record its ``text``
field. ``Document.to_original(i)`` maps a cleaned-text offset back to the
original, so every evidence ``start``/``end`` indexes ``original``.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "week", "month", "season", "year", "decade", "century"]
DateBasis = Literal[
    "metadata", "explicit", "dateline", "caption", "url", "text", "sentence", "context", "reported", "story",
    "none"
]  # "story": the text's own words, read in the year that other articles place an undated article in
Status = Literal["occurred", "announced"]
Tense = Literal["past", "future", "present"]

QUAD_CLASS: dict[str, str] = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict",
    "SANCTION": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
EVENT_TYPES: tuple[str, ...] = tuple(QUAD_CLASS)


def content_id(*parts: Any, prefix: str = "", length: int = 16) -> str:
    """A stable id from content: the same parts always give the same id.

    Dicts are serialised with sorted keys so key order never changes an id.
    """
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    digest = hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()
    return prefix + digest[:length]


@dataclass(frozen=True)
class DatePoint:
    """A date as precise as its source allows (``value`` is ISO: 2022, 2022-08, 2022-08-14, 2022-W46)."""

    value: str | None
    precision: Precision | None
    basis: DateBasis = "none"
    # A date the document date could not resolve ("last August" in an undated article): the words
    # that would date it and the tense they were read with, kept so that the story's year, once
    # other articles tell it, can resolve them (hornbill.timex.resolve_in_year).
    expression: str | None = None
    tense: Tense | None = None
    # The last day it can mean when the text tells it as past and its period runs on past the
    # publication day ("earlier this year" in a paper of 20 May: the year, but not after 20 May).
    before: str | None = None

    @classmethod
    def unknown(cls) -> DatePoint:
        return cls(None, None, "none")


@dataclass(frozen=True)
class RawDocument:
    """What a reader produces: text plus whatever metadata the source carried."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    format: str = "text"
    header_chars: int = 0
    warnings: tuple[str, ...] = ()
    header: str = ""  # the metadata lines the reader took off the front (``header_chars`` long)

    @property
    def doc_id(self) -> str:
        """Content hash of the article text (whitespace-normalised), so a re-read is the same document."""
        return content_id(" ".join(self.text.split()), prefix="d")


@dataclass(frozen=True)
class Segment:
    """A stretch of the original text, kept or dropped by the cleaner (with why)."""

    start: int
    end: int
    kept: bool
    reason: str | None = None


@dataclass(frozen=True)
class Document:
    """A cleaned article: ``text`` is what NLP sees; ``pieces`` map it back to ``original``."""

    doc_id: str
    source: str
    original: str
    text: str
    pieces: tuple[tuple[int, int, int], ...]  # (clean_start, original_start, length), sorted
    segments: tuple[Segment, ...]
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: DatePoint = field(default_factory=DatePoint.unknown)
    language: str | None = None
    metadata_published: str | None = None
    warnings: tuple[str, ...] = ()

    @classmethod
    def verbatim(cls, text: str, doc_id: str, source: str, published: DatePoint | None = None,
                 language: str | None = "en") -> Document:
        """A document whose text is taken as it is, with no cleaning (test sentences, benchmark records)."""
        return cls(doc_id=doc_id, source=source, original=text, text=text, pieces=((0, 0, len(text)),),
                   segments=(), published=published or DatePoint.unknown(), language=language)

    def to_original(self, offset: int) -> int:
        """Map an offset in ``text`` to the matching offset in ``original``."""
        if not self.pieces:
            return offset
        starts = [p[0] for p in self.pieces]
        i = max(bisect_right(starts, offset) - 1, 0)
        clean_start, orig_start, length = self.pieces[i]
        return orig_start + min(max(offset - clean_start, 0), length)

    @property
    def kept_chars(self) -> int:
        return sum(p[2] for p in self.pieces)


#: Key prefix of an ad-hoc actor known only by the kind of people it is ("group:rebels",
#: "group:protesters"): such a key stands for different people in every report.
ADHOC_GROUP = "group"


@dataclass(frozen=True)
class Actor:
    """A (canonical) actor. ``key`` is global: a dictionary id, or a normalised-name key."""

    key: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    sector: str | None = None  # CAMEO agent sector (GOV, MIL, COP, REB, OPP ...), as PLOVER codes actors


#: How an event's doer was found: named in the text and known to the actor dictionary (or as a
#: name), referred back to an earlier mention (a pronoun, "the government" of the article's
#: country), made from its own words as a generic actor ("police", "protesters"), or not at all.
Resolution = Literal["dictionary", "context", "generic", "unknown"]


@dataclass(frozen=True)
class ActorMention:
    """One place in a document's cleaned text that names (or stands for) an actor."""

    start: int
    end: int
    text: str
    actor: Actor
    how: str = "ner"  # ner | dictionary | acronym | role | surname | pronoun | nationality | fuzzy | kind | generic


@dataclass(frozen=True)
class Timex:
    """A time expression in cleaned text, normalised TimeML-style."""

    start: int
    end: int
    text: str
    value: str  # 2022-11-14, 2022-08, 2023, 2022-W46, PRESENT_REF, PAST_REF, P9Y, ...
    precision: Precision | None
    kind: Literal["DATE", "DURATION", "SET", "TIME"] = "DATE"
    mod: str | None = None  # BEFORE / AFTER / START / END / APPROX, as TimeML
    reads_as: str | None = None  # of an unresolved one: the words normalised, preposition included
    tense: Tense | None = None  # the tense of the verb it hangs on


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact, located in the original text."""

    doc_id: str
    source: str
    sentence: str
    start: int
    end: int


#: How precisely a location is known: a populated place (or a named feature), a first-level
#: administrative area, or only the country.
LocationPrecision = Literal["place", "admin1", "country"]
#: Where a location was read: the event's own sentence, the article's dateline, or the countries of
#: the event's doer and recipient.
LocationBasis = Literal["sentence", "dateline", "context"]


@dataclass(frozen=True)
class Location:
    """Where an event happened. ``country`` is ISO 3166-1 alpha-3; the coordinates and ``geonames_id``
    are the gazetteer's (``None`` for a feature it does not hold, such as a sea)."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: LocationPrecision = "place"
    basis: LocationBasis = "sentence"
    geonames_id: int | None = None


@dataclass(frozen=True)
class EventMention:
    """One event as one document states it. The link stage merges mentions into events."""

    event_type: str
    actor: Actor | None
    recipient: Actor | None
    date: DatePoint
    status: Status
    evidence: Evidence
    trigger: str
    mode: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    summary: str = ""
    claimed_by: Actor | None = None  # reported speech: the source who says it happened
    headline: bool = False  # stated in a headline or subheading, which name states for their officials
    resolution: Resolution = "dictionary"  # how the doer was found (see Resolution)

    @property
    def mention_id(self) -> str:
        """Stable per statement and roles: "removed X and Y" states two events with one trigger."""
        return content_id(self.evidence.doc_id, self.evidence.start, self.event_type, self.trigger,
                          self.actor.key if self.actor else None, self.recipient.key if self.recipient else None,
                          prefix="m")


@dataclass(frozen=True)
class Quote:
    doc_id: str
    source: str
    speaker: Actor | None
    text: str
    evidence: Evidence

    @property
    def quote_id(self) -> str:
        return content_id(self.doc_id, self.evidence.start, self.text, prefix="q")


@dataclass(frozen=True)
class Claim:
    """A numeric claim: a number, what it counts, and how hedged it is."""

    doc_id: str
    source: str
    subject: str
    value: float
    unit: str
    qualifier: str | None
    evidence: Evidence
    about: Actor | None = None  # the actor the number describes, when the sentence names one
    place: str | None = None  # where the figure holds: "Mali" of "2,400 soldiers in Mali"
    period: str | None = None  # when it holds, as its sentence dates it (TimeML value); else its report's date

    @property
    def claim_id(self) -> str:
        return content_id(self.doc_id, self.evidence.start, self.value, self.unit, prefix="c")


@dataclass(frozen=True)
class DocResult:
    """Everything one document yields; the unit that crosses process boundaries."""

    document: Document
    actors: tuple[ActorMention, ...] = ()
    events: tuple[EventMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, and the one-line reason."""

    source: str
    reason: str
