-- E-tickets: one per sold ticket and order. A refunded ticket's e-ticket turns VOID and the
-- ticket may be sold again, so a ticket id can appear more than once, but only one is not VOID.
CREATE TABLE issued_ticket (
    ticket_id      uuid        NOT NULL,
    order_id       uuid        NOT NULL,
    event_id       uuid        NOT NULL,
    user_id        uuid        NOT NULL,
    zone           text        NOT NULL,
    seat           text,
    code           text        NOT NULL UNIQUE,
    qr             text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('VALID', 'USED', 'VOID')),
    issued_at      timestamptz NOT NULL,
    checked_in_at  timestamptz,
    PRIMARY KEY (ticket_id, order_id)
);

CREATE UNIQUE INDEX issued_ticket_one_live ON issued_ticket (ticket_id) WHERE status <> 'VOID';
CREATE INDEX issued_ticket_by_user ON issued_ticket (user_id, issued_at DESC, ticket_id);
CREATE INDEX issued_ticket_by_order ON issued_ticket (order_id);
