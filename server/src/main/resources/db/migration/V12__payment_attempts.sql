-- Every charge we asked the payment provider for, recorded (and committed) before the call.
-- attempt_key is also the idempotency key the provider sees on every try of the attempt.
CREATE TABLE payment_attempt (
    attempt_key          text        PRIMARY KEY,
    order_id             uuid        NOT NULL,
    amount               bigint      NOT NULL CHECK (amount > 0),
    currency             text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status               text        NOT NULL
        CHECK (status IN ('PENDING', 'SUCCEEDED', 'DECLINED', 'FAILED', 'UNKNOWN', 'REFUNDED')),
    provider_payment_id  text        UNIQUE,
    decline_reason       text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    -- When every request of the attempt is certainly over: only then may "the provider never
    -- heard of it" be taken as "nothing was charged".
    calls_end_by         timestamptz NOT NULL,
    -- When reconciliation asks the provider about an open attempt next.
    next_check_at        timestamptz NOT NULL
);

CREATE INDEX payment_attempt_order ON payment_attempt (order_id);
CREATE INDEX payment_attempt_open ON payment_attempt (next_check_at) WHERE status IN ('PENDING', 'UNKNOWN');

-- Each webhook the provider sent, once: a repeat finds its row and changes nothing.
CREATE TABLE payment_event (
    payment_id   text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED')),
    order_id     uuid        NOT NULL,
    amount       bigint      NOT NULL,
    currency     text        NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (payment_id, status)
);
