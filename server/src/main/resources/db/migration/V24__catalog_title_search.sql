-- The public list's title search (q) matches any part of a title whatever its case
-- (e.title ILIKE '%' || :text || '%'). Without an index it reads every event; with 5,000 new
-- events a month that grows without end. A trigram index answers it for text of three
-- characters or more (shorter text still reads them all; the planner decides).
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's owner may
-- create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX event_title_trigrams ON event USING gin (title gin_trgm_ops);
