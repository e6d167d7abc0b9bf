"""The dated reports that share an undated article's actors (what
:func:`hornbill.dates.story_day` places the article by), in one query for many articles; and the
stored articles still waiting for a day."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb

from hornbill.dates import SharedReports
from hornbill.dates.story import STORY_SHARED_ACTORS
from hornbill.link import names_a_doer
from hornbill.model import DatePoint
from hornbill.store.tables import rows_of

_SHARED_REPORTS = """
WITH wanted AS (SELECT unnest(?) AS article, unnest(?) AS key),
told AS (
    SELECT doc_id, actor_key AS key FROM event_mentions WHERE actor_key IN (SELECT key FROM wanted)
    UNION
    SELECT doc_id, recipient_key FROM event_mentions WHERE recipient_key IN (SELECT key FROM wanted)),
shared AS (
    SELECT w.article, d.published, count(DISTINCT w.key) AS n
    FROM wanted w JOIN told t USING (key) JOIN documents d USING (doc_id)
    WHERE d.published_precision = 'day' AND d.published_basis <> 'story'
    GROUP BY w.article, d.doc_id, d.published),
ranked AS (SELECT *, max(n) OVER (PARTITION BY article) AS most FROM shared)
SELECT article, any_value(most) AS shared, max(published) FILTER (WHERE n = most) AS latest_of_most,
       min(published) AS earliest, max(published) AS latest
FROM ranked WHERE n >= greatest(most - 1, ?) GROUP BY article
"""


def shared_reports(con: duckdb.DuckDBPyConnection, actors: Mapping[str, set[str]]) -> dict[str, SharedReports]:
    """For each article of ``actors`` (id -> the actor keys its events name), what the stored
    reports dated to the day by their own words (not themselves placed by the story) that share
    the most of its named actors, or one fewer, tell of its day (:class:`SharedReports`). Ad-hoc
    groups ("group:protesters") name no one and are not compared; an article that shares fewer
    than :data:`STORY_SHARED_ACTORS` with every report is left out."""
    pairs = [(article, key) for article, keys in actors.items() for key in sorted(keys) if names_a_doer(key)]
    if not pairs:
        return {}
    rows = rows_of(con, _SHARED_REPORTS, [[a for a, _ in pairs], [k for _, k in pairs], STORY_SHARED_ACTORS])
    return {r["article"]: SharedReports(r["shared"], r["latest_of_most"], r["earliest"], r["latest"]) for r in rows}


def undated_articles(con: duckdb.DuckDBPyConnection, sharing: set[str]) -> dict[str, tuple[DatePoint, set[str]]]:
    """The stored articles their own words do not date to the day (no date, or only a month or a
    year) and the story has not placed, among those whose events name one of the actors
    ``sharing``: each one's own date and the actor keys its events name."""
    keys = sorted(k for k in sharing if names_a_doer(k))
    if not keys:
        return {}
    rows = rows_of(con, "SELECT d.doc_id, any_value(d.published) AS published, "
                        "any_value(d.published_precision) AS precision, any_value(d.published_basis) AS basis, "
                        "list(DISTINCT m.actor_key) AS actors, list(DISTINCT m.recipient_key) AS recipients "
                        "FROM documents d JOIN event_mentions m USING (doc_id) "
                        "WHERE (d.published IS NULL OR d.published_precision IN ('month', 'year')) AND d.doc_id IN "
                        "(SELECT doc_id FROM event_mentions WHERE actor_key = ANY(?) OR recipient_key = ANY(?)) "
                        "GROUP BY d.doc_id", [keys, keys])
    return {r["doc_id"]: (DatePoint(r["published"], r["precision"], r["basis"]),
                          {k for k in [*r["actors"], *r["recipients"]] if k is not None})
            for r in rows}
