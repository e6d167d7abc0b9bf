-- The knowledge base as analysts query it: stable views over the tables of schema.sql.
-- Tables may change from one hornbill version to the next; these views keep their names, columns
-- and types (docs/schema.md describes them). Dates are DATE: the first day of the stated period.
-- Created (or replaced) whenever hornbill opens a knowledge base for writing.

-- The first day of a TimeML date value: 2022-08-14, 2022-08 (month), 2022 (year), 2022-W33 (ISO
-- week: its Monday), 2022-Q3, 2022-SU (seasons: meteorological), 202 (a decade), 20 (a century).
CREATE OR REPLACE MACRO period_start(v) AS CASE
    WHEN v IS NULL THEN NULL
    WHEN regexp_full_match(v, '\d{4}-\d\d-\d\d.*') THEN TRY_CAST(left(v, 10) AS DATE)
    WHEN regexp_full_match(v, '\d{4}-\d\d') THEN TRY_CAST(v || '-01' AS DATE)
    WHEN regexp_full_match(v, '\d{4}') THEN TRY_CAST(v || '-01-01' AS DATE)
    WHEN regexp_full_match(v, '\d{4}-W\d\d') THEN CAST(
        make_date(CAST(left(v, 4) AS INTEGER), 1, 4)
        - INTERVAL 1 DAY * (isodow(make_date(CAST(left(v, 4) AS INTEGER), 1, 4)) - 1)
        + INTERVAL 7 DAY * (CAST(right(v, 2) AS INTEGER) - 1) AS DATE)
    WHEN regexp_full_match(v, '\d{4}-Q[1-4]') THEN make_date(CAST(left(v, 4) AS INTEGER), 3 * CAST(right(v, 1) AS INTEGER) - 2, 1)
    WHEN regexp_full_match(v, '\d{4}-(SP|SU|FA|WI)') THEN make_date(CAST(left(v, 4) AS INTEGER),
        CASE right(v, 2) WHEN 'SP' THEN 3 WHEN 'SU' THEN 6 WHEN 'FA' THEN 9 ELSE 12 END, 1)
    WHEN regexp_full_match(v, '\d{3}') THEN make_date(CAST(v AS INTEGER) * 10, 1, 1)
    WHEN regexp_full_match(v, '\d{2}') THEN make_date(CAST(v AS INTEGER) * 100, 1, 1)
END;

-- One row per evidence sentence: which event it reports, in which article, where in its text.
CREATE OR REPLACE VIEW mentions AS
SELECT m.event_id, m.mention_id, m.doc_id, d.url, d.source, d.outlet,
       period_start(d.published) AS published, m.sentence, m.start, m."end",
       m.date AS date_value, m.date_precision, m.status, m.link_reason
FROM event_mentions m JOIN documents d USING (doc_id);

-- One row per event, flat, as `hornbill export events --format csv` writes it.
CREATE OR REPLACE VIEW events_flat AS
WITH evidence AS (
    SELECT m.event_id,
           list_distinct(list(d.url) FILTER (WHERE d.url IS NOT NULL)) AS source_urls,
           list_distinct(list(d.outlet) FILTER (WHERE d.outlet IS NOT NULL)) AS outlets,
           list_distinct(list(m.doc_id)) AS doc_ids,
           first(m.sentence ORDER BY m.published NULLS LAST, d.source, m.start, m.mention_id) AS evidence,
           first(coalesce(d.url, d.source) ORDER BY m.published NULLS LAST, d.source, m.start, m.mention_id)
               AS evidence_url
    FROM event_mentions m JOIN documents d USING (doc_id)
    GROUP BY m.event_id
)
SELECT e.event_id,
       period_start(e.date) AS event_date,
       CASE WHEN regexp_full_match(e.date, '\d{4}-Q[1-4]') THEN 'quarter' ELSE e.date_precision END AS date_precision,
       e.date AS date_value,
       e.event_type, e.mode,
       CAST(CASE e.quad_class WHEN 'verbal cooperation' THEN 1 WHEN 'material cooperation' THEN 2
            WHEN 'verbal conflict' THEN 3 WHEN 'material conflict' THEN 4 END AS INTEGER) AS quad_code,
       e.quad_class, e.status,
       e.actor_key AS actor_id, a.name AS actor_name, a.country AS actor_country, a.sector AS actor_sector,
       a.type AS actor_type, coalesce(e.actor_resolution, 'unknown') AS actor_resolution,
       e.recipient_key AS recipient_id, r.name AS recipient_name, r.country AS recipient_country,
       r.sector AS recipient_sector, r.type AS recipient_type,
       e.location_name, e.location_country,
       e.num_sources, e.num_mentions, period_start(e.first_reported) AS first_reported,
       coalesce(v.source_urls, []) AS source_urls, coalesce(v.outlets, []) AS outlets, v.doc_ids,
       v.evidence, v.evidence_url, e.summary, round(e.confidence, 3) AS confidence
FROM events e
LEFT JOIN actors a ON a.actor_key = e.actor_key
LEFT JOIN actors r ON r.actor_key = e.recipient_key
LEFT JOIN evidence v USING (event_id);
