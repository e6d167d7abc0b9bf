"""Cross-document linking: which stored event a new event mention belongs to, and why.

Pure decisions over small records; the store supplies candidates through an index
(same event type and actor), so adding one article never scans the whole knowledge base.
Every merge records its reason, shown by ``hornbill timeline --why`` and kept in the KB.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hornbill.model import EventMention

#: How much an event date is trusted, by where it came from (higher wins).
BASIS_RANK = {"explicit": 5, "metadata": 4, "sentence": 4, "dateline": 4, "caption": 3, "context": 3,
              "url": 2, "text": 2, "document": 1, "none": 0}
PRECISION_RANK = {"day": 6, "week": 5, "month": 4, "season": 3, "year": 2, "decade": 1, "century": 0}
PRECISION_WIDTH = {"day": 10, "month": 7, "year": 4, "decade": 3, "century": 2}


@dataclass(frozen=True)
class StoredMention:
    """What the linker needs to know of a mention already in the knowledge base."""

    event_id: str
    doc_id: str
    event_type: str
    actor_key: str | None
    recipient_key: str | None
    date: str | None
    date_precision: str | None


def dates_compatible(a: str | None, a_prec: str | None, b: str | None, b_prec: str | None) -> bool:
    """True when two dates can name the same time at the coarser of their precisions."""
    if a is None or b is None:
        return a is None and b is None
    if "W" in a or "W" in b:  # ISO weeks: compare the year only, weeks are rarely restated exactly
        return a[:4] == b[:4]
    width = min(PRECISION_WIDTH.get(a_prec or "day", 10), PRECISION_WIDTH.get(b_prec or "day", 10))
    return a[:width] == b[:width]


def merge_reason(new: EventMention, old: StoredMention) -> str | None:
    """Why ``new`` reports the same event as ``old``, or None when it does not."""
    if new.event_type != old.event_type:
        return None
    actor = new.actor.key if new.actor else None
    recipient = new.recipient.key if new.recipient else None
    if actor != old.actor_key:
        return None
    if actor is None and (recipient is None or recipient != old.recipient_key):
        return None  # with no doer on either side, only a shared recipient identifies the event
    if recipient and old.recipient_key and recipient != old.recipient_key:
        return None
    if not dates_compatible(new.date.value, new.date.precision, old.date, old.date_precision):
        return None
    parts = [f"same type {new.event_type}", f"same actor {actor}" if actor else "no actor"]
    if recipient and old.recipient_key:
        parts.append(f"same recipient {recipient}")
    elif recipient or old.recipient_key:
        parts.append("recipient on one side only")
    parts.append(f"dates {new.date.value} ~ {old.date} agree")
    return "; ".join(parts)


def choose_event(new: EventMention, candidates: Iterable[StoredMention]) -> tuple[str, str] | None:
    """The (event_id, reason) ``new`` should join, preferring a shared recipient, then the earliest event."""
    matches = []
    for old in candidates:
        reason = merge_reason(new, old)
        if reason is not None:
            shared_recipient = bool(new.recipient and new.recipient.key == old.recipient_key)
            matches.append((not shared_recipient, old.event_id, reason))
    if not matches:
        return None
    _, event_id, reason = min(matches)
    return event_id, reason


def mention_rank(date_basis: str | None, date_precision: str | None, confidence: float) -> tuple[int, int, float]:
    """Sort key for the mention that speaks for an event (best date first, then confidence)."""
    return (BASIS_RANK.get(date_basis or "none", 0), PRECISION_RANK.get(date_precision or "", -1), confidence)


def count_sources(outlets: Sequence[str | None], doc_ids: Sequence[str]) -> int:
    """Distinct outlets reporting an event; a document with no known outlet counts as its own source."""
    return len({outlet or f"doc:{doc_id}" for outlet, doc_id in zip(outlets, doc_ids, strict=True)})
