-- Reservations at the airline or a partner that must still be cancelled: the call to cancel
-- failed, so it is tried again until it goes through.
CREATE TABLE compensation (
    order_id      uuid        PRIMARY KEY,
    event_id      uuid        NOT NULL,
    confirmed_by  text        NOT NULL CHECK (confirmed_by IN ('AIRLINE', 'PARTNER')),
    attempts      integer     NOT NULL DEFAULT 0,
    next_try_at   timestamptz NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE INDEX compensation_due ON compensation (next_try_at);
