-- How far the outbox has been published to Kafka, one row per topic. Every outbox row with an
-- id up to published_through has been acknowledged by the broker or is known never to commit;
-- rows after it may have been sent too (at least once: a new publisher sends them again).
CREATE TABLE eventstream_cursor (
    topic             text        PRIMARY KEY,
    published_through bigint      NOT NULL,
    moved_at          timestamptz NOT NULL
);
