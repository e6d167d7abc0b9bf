-- hornbill knowledge base schema (DuckDB).
-- Per-document tables are written once per document and never updated;
-- `events` and `actors` are derived by the link stage and refreshed for what a new document touches.
-- Only tables that adding a document looks up have an index. Checkpointing a table that has an
-- index and has grown rewrites its last row group (see ROW_GROUP_SIZE in duckdb.py), so bulky
-- rows (texts, signatures, quotes, claims, actor mentions) live in tables without one.

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
    seq INTEGER,
    duplicate_of VARCHAR,    -- the stored article this one nearly repeats (syndicated copy, re-scrape)
    source_key VARCHAR       -- what counts as one source: the outlet, or the article it duplicates
);

CREATE TABLE IF NOT EXISTS document_texts (
    doc_id VARCHAR NOT NULL,
    original VARCHAR,
    text VARCHAR,
    pieces JSON,
    segments JSON
);

-- MinHash signatures and their LSH bands, for finding near-duplicate articles by index
-- (signatures are read only for the few documents sharing a band).
CREATE TABLE IF NOT EXISTS doc_signatures (doc_id VARCHAR, signature UBIGINT[]);
CREATE TABLE IF NOT EXISTS doc_bands (band VARCHAR, doc_id VARCHAR);
CREATE INDEX IF NOT EXISTS doc_bands_by_band ON doc_bands (band);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    actor_key VARCHAR NOT NULL,
    how VARCHAR
);

-- Canonical actors (derived): one row per actor key.
CREATE TABLE IF NOT EXISTS actors (
    actor_key VARCHAR,
    name VARCHAR,
    type VARCHAR,
    country VARCHAR,
    wikidata VARCHAR,
    aliases VARCHAR[],
    mentions INTEGER,
    sector VARCHAR           -- CAMEO agent sector: GOV, MIL, COP, REB, OPP ...
);
CREATE INDEX IF NOT EXISTS actors_by_key ON actors (actor_key);

CREATE TABLE IF NOT EXISTS event_mentions (
    mention_id VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    event_type VARCHAR NOT NULL,
    mode VARCHAR,
    actor_key VARCHAR,
    recipient_key VARCHAR,
    claimed_by_key VARCHAR,
    resolution VARCHAR,      -- how the doer was found: dictionary, context, generic or unknown
    headline BOOLEAN,        -- stated in a headline: "Russia promises support" for its minister's promise
    date VARCHAR,
    date_precision VARCHAR,
    date_basis VARCHAR,
    date_expr VARCHAR,       -- words an undated article left unresolved ("last August"), and their
    date_tense VARCHAR,      -- tense: read once other articles tell the story's year (timex.story_year)
    date_before VARCHAR,     -- the last day the date can mean: "earlier this year" told on 20 May
    status VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_admin1 VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_precision VARCHAR,  -- place, admin1 or country
    location_basis VARCHAR,      -- sentence, dateline or context
    location_geonames_id BIGINT,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    trigger VARCHAR,
    confidence DOUBLE,
    summary VARCHAR,
    link_reason VARCHAR,
    outlet VARCHAR,          -- copied from the document: refreshing an event needs no join
    published VARCHAR,
    source_key VARCHAR
);
CREATE INDEX IF NOT EXISTS event_mentions_by_event ON event_mentions (event_id);
CREATE INDEX IF NOT EXISTS event_mentions_by_doc ON event_mentions (doc_id);

-- Where the linker looks for a new mention's partners: each mention filed under its type, actor
-- and date prefix at every precision level (link.filing_keys); looked up by link.probe_keys.
CREATE TABLE IF NOT EXISTS event_keys (key VARCHAR NOT NULL, mention_id VARCHAR NOT NULL);
CREATE INDEX IF NOT EXISTS event_keys_by_key ON event_keys (key);

-- Events (derived): one row per real-world event, refreshed when a mention joins it.
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR,
    event_type VARCHAR,
    mode VARCHAR,
    quad_class VARCHAR,
    actor_key VARCHAR,
    actor_resolution VARCHAR,
    recipient_key VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    date_basis VARCHAR,
    status VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    location_admin1 VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    location_precision VARCHAR,  -- place, admin1 or country
    location_basis VARCHAR,      -- sentence, dateline or context
    location_geonames_id BIGINT,
    summary VARCHAR,
    confidence DOUBLE,
    num_sources INTEGER,
    num_mentions INTEGER,
    first_reported VARCHAR
);
CREATE INDEX IF NOT EXISTS events_by_id ON events (event_id);

CREATE TABLE IF NOT EXISTS quotes (
    quote_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    speaker_key VARCHAR,
    text VARCHAR,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER
);

CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    subject VARCHAR,
    about_key VARCHAR,
    value DOUBLE,
    unit VARCHAR,
    qualifier VARCHAR,
    sentence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    place VARCHAR,
    period VARCHAR
);
