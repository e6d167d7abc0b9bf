-- hornbill knowledge base schema (DuckDB).
-- Per-document tables are written once per document and never updated;
-- `events` and `actors` are derived by the link stage and refreshed for what a new document touches.

CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    title VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    published VARCHAR,
    published_precision VARCHAR,
    published_basis VARCHAR,
    language VARCHAR,
    chars INTEGER,
    kept_chars INTEGER,
    warnings VARCHAR[],
    original VARCHAR,
    text VARCHAR,
    pieces JSON,
    segments JSON,
    seq INTEGER
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    actor_key VARCHAR NOT NULL,
    how VARCHAR
);

CREATE INDEX IF NOT EXISTS actor_mentions_by_doc ON actor_mentions (doc_id);

-- Canonical actors (derived): one row per actor key.
CREATE TABLE IF NOT EXISTS actors (
    actor_key VARCHAR,
    name VARCHAR,
    type VARCHAR,
    country VARCHAR,
    wikidata VARCHAR,
    aliases VARCHAR[],
    mentions INTEGER
);

CREATE TABLE IF NOT EXISTS event_mentions (
    mention_id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    actor_key VARCHAR,
    recipient_key VARCHAR,
    claimed_by_key VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    date_basis VARCHAR,
    status VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    trigger VARCHAR,
    confidence DOUBLE,
    summary VARCHAR,
    link_reason VARCHAR,
    outlet VARCHAR,          -- copied from the document: refreshing an event needs no join
    published VARCHAR
);
CREATE INDEX IF NOT EXISTS event_mentions_by_type_actor ON event_mentions (event_type, actor_key);
CREATE INDEX IF NOT EXISTS event_mentions_by_event ON event_mentions (event_id);

-- Events (derived): one row per real-world event, refreshed when a mention joins it.
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR,
    event_type VARCHAR,
    mode VARCHAR,
    quad_class VARCHAR,
    actor_key VARCHAR,
    recipient_key VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    date_basis VARCHAR,
    status VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    summary VARCHAR,
    confidence DOUBLE,
    num_sources INTEGER,
    num_mentions INTEGER,
    first_reported VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    speaker_key VARCHAR,
    text VARCHAR,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    subject VARCHAR,
    about_key VARCHAR,
    value DOUBLE,
    unit VARCHAR,
    qualifier VARCHAR,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER
);
