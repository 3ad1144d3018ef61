-- Answers to mutating requests, keyed by who sent them and the Idempotency-Key they chose.
CREATE TABLE idempotency_key (
    principal      text        NOT NULL,
    key            text        NOT NULL,
    request_hash   bytea       NOT NULL,
    state          text        NOT NULL CHECK (state IN ('RUNNING', 'DONE')),
    status         integer,
    content_type   text,
    body           bytea,
    started_at     timestamptz NOT NULL,
    completed_at   timestamptz,
    PRIMARY KEY (principal, key)
);

CREATE INDEX idempotency_key_started_at ON idempotency_key (started_at);
