"""Linking a batch's event mentions into the events of the knowledge base (see :mod:`hornbill.link`),
with the story years of undated articles (:func:`hornbill.dates.story_year`)."""

from __future__ import annotations

import duckdb

from hornbill import link
from hornbill.dates import resolve_in_year, story_year
from hornbill.model import QUAD_CLASS, DocResult, Document, EventMention, Location, Tense
from hornbill.store.base import Row
from hornbill.store.tables import insert_rows, rows_of


def link_events(con: duckdb.DuckDBPyConnection, batch: list[DocResult], source_keys: list[str]) -> tuple[int, int]:
    """Store the batch's event mentions, each merged with every event it reports; returns (how
    many mentions joined an event rather than founding one, how many events the KB gained),
    counted as adding the documents one by one would count them.

    Clusters are resolved in memory (link.Clusters) over the batch's mentions and the stored
    mentions filed under their probe keys. Then only the events they join are read back, and
    new rows, changed rows and the touched events are written in a few statements.
    """
    new_rows, new_mentions, per_doc = _new_mentions(batch, source_keys)
    filed = _filed_under(con, {key for m in new_mentions.values() for key in link.probe_keys(m)})
    clusters = link.Clusters(filed)
    for mentions in per_doc:
        clusters.add_document(mentions)
    groups = clusters.groups()
    new_ids = {row["event_id"] for row in new_rows.values()}
    stored_ids = sorted(e for ids in groups for e in ids if e not in new_ids)
    joined, changed = _joined(groups, [*_mentions_of(con, stored_ids), *new_rows.values()], new_rows)
    _write_mentions(con, new_rows, new_mentions, changed)
    _write_events(con, joined, stored_ids)
    return clusters.merged, len(groups) - len(stored_ids)


def _new_mentions(batch: list[DocResult], source_keys: list[str]
                  ) -> tuple[dict[str, Row], dict[str, link.StoredMention], list[list[link.StoredMention]]]:
    """The batch's event mentions as rows, as the linker sees them, and as the linker sees them per document."""
    new_rows: dict[str, Row] = {}
    new_mentions: dict[str, link.StoredMention] = {}
    per_doc: list[list[link.StoredMention]] = []
    for result, source_key in zip(batch, source_keys, strict=True):
        rows = {ev.mention_id: _mention_row(ev, result.document, source_key) for ev in result.events}
        linked_view = {mention_id: _stored(row) for mention_id, row in rows.items()}
        new_rows.update(rows)
        new_mentions.update(linked_view)
        per_doc.append(list(linked_view.values()))
    return new_rows, new_mentions, per_doc


def _joined(groups: list[list[str]], rows: list[Row], new_rows: dict[str, Row]
            ) -> tuple[list[list[Row]], list[Row]]:
    """(each group of events' mentions as one event, sorted by id; the stored mentions whose event
    or link reason that changed)."""
    members: dict[str, list[Row]] = {}
    for row in rows:
        members.setdefault(row["event_id"], []).append(row)
    joined: list[list[Row]] = []
    changed: list[Row] = []
    for ids in groups:
        group = sorted((r for e in ids for r in members[e]), key=lambda r: r["mention_id"])
        changed += [r for r in _relink(group) if r["mention_id"] not in new_rows]
        joined.append(group)
    return joined, changed


def _write_mentions(con: duckdb.DuckDBPyConnection, new_rows: dict[str, Row],
                    new_mentions: dict[str, link.StoredMention], changed: list[Row]) -> None:
    """Insert the new mentions and their filing keys; move the changed stored mentions."""
    insert_rows(con, "event_mentions", list(new_rows.values()))
    insert_rows(con, "event_keys", [{"key": key, "mention_id": mention_id}
                                     for mention_id, m in new_mentions.items() for key in link.filing_keys(m)])
    if changed:
        con.execute(
            "UPDATE event_mentions SET event_id = r.event_id, link_reason = r.why FROM (SELECT unnest(?) AS id, "
            "unnest(?) AS event_id, unnest(?) AS why) r WHERE event_mentions.mention_id = r.id",
            [[r["mention_id"] for r in changed], [r["event_id"] for r in changed],
             [r["link_reason"] for r in changed]])


def _write_events(con: duckdb.DuckDBPyConnection, joined: list[list[Row]], stored_ids: list[str]) -> None:
    """Replace the events the batch touched, and those of undated articles told with them (dated again)."""
    story = _story_events(con, joined)
    years = _story_years(con, sorted({r["doc_id"] for rows in [*joined, *story] for r in rows
                                      if r["published"] is None}))
    replaced = stored_ids + [rows[0]["event_id"] for rows in story]
    if replaced:
        con.execute("DELETE FROM events WHERE event_id = ANY(?)", [replaced])
    insert_rows(con, "events", [_event_row(rows, years) for rows in [*joined, *story]])


def _story_events(con: duckdb.DuckDBPyConnection, joined: list[list[Row]]) -> list[list[Row]]:
    """The mentions of every other event reported by an undated article that has a mention in
    ``joined``: the year such an article is placed in hangs on the events it shares with
    others, so when one of them changes, all of its events are dated again."""
    undated = sorted({r["doc_id"] for rows in joined for r in rows if r["published"] is None})
    if not undated:
        return []
    done = {rows[0]["event_id"] for rows in joined}
    told = sorted({r["event_id"] for r in rows_of(con,
        "SELECT event_id FROM event_mentions WHERE doc_id = ANY(?)", [undated])} - done)
    grouped: dict[str, list[Row]] = {}
    for row in _mentions_of(con, told):
        grouped.setdefault(row["event_id"], []).append(row)
    return [grouped[e] for e in sorted(grouped)]


def _mentions_of(con: duckdb.DuckDBPyConnection, event_ids: list[str], columns: str = "*") -> list[Row]:
    """The mentions of some events, by mention id; looked up by the event index, as a join or
    a subquery over event_mentions would scan the whole table."""
    if not event_ids:
        return []
    return rows_of(con, f"SELECT {columns} FROM event_mentions WHERE event_id = ANY(?) ORDER BY mention_id",
                      [event_ids])


def _story_years(con: duckdb.DuckDBPyConnection, undated: list[str]) -> dict[str, int]:
    """The year each undated article is placed in, where other articles tell it
    (dates.story_year): from the expressions it left unresolved and the dates that other
    articles give the same events."""
    if not undated:
        return {}
    evidence: dict[str, list[tuple[str, Tense | None, str, str | None]]] = {}
    earliest: dict[str, int] = {}
    own = rows_of(con, "SELECT doc_id, event_id, date_expr, date_tense, status FROM event_mentions "
                     "WHERE doc_id = ANY(?) ORDER BY mention_id", [undated])
    dated: dict[str, list[Row]] = {}
    for o in _mentions_of(con, sorted({r["event_id"] for r in own}), "event_id, doc_id, date, date_precision, "
                               "date_basis"):
        if o["date"] is not None and o["date_basis"] not in ("reported", "none"):
            dated.setdefault(o["event_id"], []).append(o)
    for r in own:
        for o in dated.get(r["event_id"], []):
            if o["doc_id"] == r["doc_id"]:
                continue
            if r["date_expr"] is not None:
                evidence.setdefault(r["doc_id"], []).append((r["date_expr"], r["date_tense"], o["date"],
                                                            o["date_precision"]))
            year = link.year_of(o["date"])
            if r["status"] == "occurred" and year is not None:
                earliest[r["doc_id"]] = max(year, earliest.get(r["doc_id"], year))
    years = {doc: story_year(items, earliest.get(doc)) for doc, items in evidence.items()}
    return {doc: year for doc, year in years.items() if year is not None}


def _filed_under(con: duckdb.DuckDBPyConnection, keys: set[str]) -> dict[str, list[link.StoredMention]]:
    """The stored mentions filed under each of ``keys`` (two index lookups)."""
    filed = rows_of(con, "SELECT key, mention_id FROM event_keys WHERE key = ANY(?)", [sorted(keys)]) if keys else []
    if not filed:
        return {}
    stored = {r["mention_id"]: _stored(r) for r in rows_of(con,
        "SELECT mention_id, event_id, doc_id, event_type, actor_key, recipient_key, date, date_precision, "
        "date_basis, status, date_before, mode FROM event_mentions WHERE mention_id = ANY(?)",
        [sorted({f["mention_id"] for f in filed})])}
    by_key: dict[str, list[link.StoredMention]] = {}
    for f in filed:
        by_key.setdefault(f["key"], []).append(stored[f["mention_id"]])
    return by_key



LOCATION_COLUMNS = ("location_name", "location_country", "location_admin1", "location_lat", "location_lon",
                    "location_precision", "location_basis", "location_geonames_id")
#: Locations from the most to the least direct evidence, and from the most to the least precise.
LOCATION_BASES = ("sentence", "dateline", "context")
LOCATION_PRECISIONS = ("place", "admin1", "country")


def location_columns(location: Location | None) -> Row:
    """A mention's location as its ``location_*`` columns (all null when it has none)."""
    if location is None:
        return dict.fromkeys(LOCATION_COLUMNS)
    return {"location_name": location.name, "location_country": location.country,
            "location_admin1": location.admin1, "location_lat": location.lat, "location_lon": location.lon,
            "location_precision": location.precision, "location_basis": location.basis,
            "location_geonames_id": location.geonames_id}


def _location_rank(mention: Row) -> tuple[int, int, int, float, str]:
    """How well a mention places its event: placed at all, on the most direct evidence, most precisely;
    then the most confident mention."""
    basis, precision = mention["location_basis"], mention["location_precision"]
    return (mention["location_name"] is not None,
            -LOCATION_BASES.index(basis) if basis in LOCATION_BASES else -len(LOCATION_BASES),
            -LOCATION_PRECISIONS.index(precision) if precision in LOCATION_PRECISIONS else -len(LOCATION_PRECISIONS),
            mention["confidence"], mention["mention_id"])


def _mention_row(ev: EventMention, doc: Document, source_key: str) -> Row:
    """An event mention as an ``event_mentions`` row, in an event of its own until linked."""
    return {
        "mention_id": ev.mention_id, "event_id": link.event_id_for([ev.mention_id]), "doc_id": doc.doc_id,
        "event_type": ev.event_type, "mode": ev.mode, "actor_key": ev.actor.key if ev.actor else None,
        "recipient_key": ev.recipient.key if ev.recipient else None,
        "claimed_by_key": ev.claimed_by.key if ev.claimed_by else None, "resolution": ev.resolution,
        "headline": ev.headline,
        "date": ev.date.value,
        "date_precision": ev.date.precision, "date_basis": ev.date.basis, "date_expr": ev.date.expression,
        "date_tense": ev.date.tense, "date_before": ev.date.before, "status": ev.status,
        **location_columns(ev.location), "sentence": ev.evidence.sentence,
        "start": ev.evidence.start, "end": ev.evidence.end, "trigger": ev.trigger, "confidence": ev.confidence,
        "summary": ev.summary, "link_reason": None, "outlet": doc.outlet, "published": doc.published.value,
        "source_key": source_key,
    }



def _relink(mentions: list[Row]) -> list[Row]:
    """The mentions whose event id or link reason changed by making ``mentions`` (rows sorted by
    id, updated in place) one event."""
    event_id = link.event_id_for(m["mention_id"] for m in mentions)
    reasons = link.link_reasons([_stored(m) for m in mentions], [m["mention_id"] for m in mentions])
    changed = []
    for m, why in zip(mentions, reasons, strict=True):
        if (m["event_id"], m["link_reason"]) != (event_id, why):
            m["event_id"], m["link_reason"] = event_id, why
            changed.append(m)
    return changed


def _event_row(mentions: list[Row], story_years: dict[str, int]) -> Row:
    """The ``events`` row of one event's mentions: the best-dated mention speaks for it, a mention
    of an undated article read in its story's year where other articles tell that year."""
    mentions = [_story_dated(m, story_years.get(m["doc_id"])) for m in mentions]
    best = max(mentions, key=lambda m: (*link.mention_rank(m["date_basis"], m["date_precision"],
                                                             m["confidence"]), m["mention_id"]))
    dated = _earliest_report(mentions) if best["date_basis"] == "reported" else best
    published = sorted(m["published"] for m in mentions if m["published"])
    actor_key = link.event_actor(best["actor_key"], [m["actor_key"] for m in mentions],
                                 [m["actor_key"] for m in mentions if not m["headline"]],
                                 spoken=QUAD_CLASS.get(best["event_type"], "").startswith("verbal"))
    recipient_key = link.event_recipient(best["recipient_key"], (m["recipient_key"] for m in mentions))
    placed = max(mentions, key=_location_rank)
    stated = placed["location_country"] if placed["location_basis"] == "sentence" else None
    actor_key = link.state_abroad(actor_key, recipient_key, stated)
    return {
        "event_id": best["event_id"], "event_type": best["event_type"], "mode": best["mode"],
        "quad_class": QUAD_CLASS.get(best["event_type"]),
        "actor_key": actor_key, "actor_resolution": _actor_resolution(actor_key, mentions),
        "recipient_key": recipient_key,
        "date": dated["date"], "date_precision": dated["date_precision"], "date_basis": dated["date_basis"],
        "status": best["status"], **{c: placed[c] for c in LOCATION_COLUMNS}, "summary": best["summary"],
        "confidence": max(m["confidence"] for m in mentions),
        "num_sources": len({m["source_key"] for m in mentions}), "num_mentions": len(mentions),
        "first_reported": published[0] if published else None,
    }


#: Resolutions from the most to the least direct evidence of who did it.
RESOLUTION_ORDER = ("dictionary", "context", "generic", "unknown")


def _actor_resolution(actor_key: str | None, mentions: list[Row]) -> str:
    """How the event's doer was found: the most direct way any of its mentions naming that doer
    found it ("unknown" when no mention names one)."""
    found = {m["resolution"] for m in mentions if m["actor_key"] == actor_key and actor_key is not None}
    return next((r for r in RESOLUTION_ORDER if r in found), "unknown")


def _story_dated(mention: Row, year: int | None) -> Row:
    """A mention left undated by its undated article, dated by its own words read in ``year``
    (basis "story"); any other mention as it is."""
    if year is None or mention["date"] is not None or mention["date_expr"] is None:
        return mention
    reading = resolve_in_year(mention["date_expr"], mention["date_tense"], year)
    if reading is None:
        return mention
    return {**mention, "date": reading.value, "date_precision": reading.precision, "date_basis": "story"}


def _earliest_report(mentions: list[Row]) -> Row:
    """Of mentions dated only by their article's publication date, the earliest: an event reported
    as past on several days happened on or before the first of them."""
    return min((m for m in mentions if m["date_basis"] == "reported" and m["date"]),
               key=lambda m: (m["date"], m["mention_id"]))


def _stored(row: Row) -> link.StoredMention:
    """The linker's view of an ``event_mentions`` row."""
    return link.StoredMention(row["event_id"], row["doc_id"], row["event_type"], row["actor_key"],
                              row["recipient_key"], row["date"], row["date_precision"], row["date_basis"],
                              row["status"], row["date_before"], row["mode"])


