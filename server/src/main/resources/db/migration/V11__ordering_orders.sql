-- Orders: a hold of tickets for one user, and what became of it. ("order" is a keyword.)
CREATE TABLE customer_order (
    id               uuid        PRIMARY KEY,
    user_id          uuid        NOT NULL,
    event_id         uuid        NOT NULL,
    -- Copied from the event: per-user order limits count across events of one group.
    limit_group      text,
    status           text        NOT NULL
        CHECK (status IN ('PENDING', 'HELD', 'PAID', 'EXPIRED', 'CANCELLED', 'REFUNDED', 'FAILED')),
    quantity         integer     NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    total            bigint      NOT NULL CHECK (total >= 0),
    currency         text        NOT NULL,
    expires_at       timestamptz NOT NULL,
    -- A payment whose outcome is not known yet: the order does not lapse meanwhile.
    payment_pending  boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    paid_at          timestamptz,
    cancelled_at     timestamptz
);

-- "My orders", newest first, and the per-user limit checks.
CREATE INDEX customer_order_by_user ON customer_order (user_id, created_at DESC, id);
-- The expiry sweeper walks live holds by the time they lapse.
CREATE INDEX customer_order_lapsing ON customer_order (expires_at) WHERE status = 'HELD' AND NOT payment_pending;
CREATE INDEX customer_order_pending ON customer_order (created_at) WHERE status = 'PENDING' OR payment_pending;

CREATE TABLE order_item (
    order_id   uuid    NOT NULL REFERENCES customer_order (id),
    ticket_id  uuid    NOT NULL,
    zone       text    NOT NULL,
    seat       text,
    price      bigint  NOT NULL CHECK (price >= 0),
    PRIMARY KEY (order_id, ticket_id)
);
