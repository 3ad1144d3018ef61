-- Every order and ticket state change, written in the same transaction as the change itself.
-- Later readers (live streams, analytics, Kafka) consume it in id order.
CREATE TABLE outbox_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_type  text        NOT NULL,
    aggregate_id    uuid        NOT NULL,
    event_type      text        NOT NULL,
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    published_at    timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
