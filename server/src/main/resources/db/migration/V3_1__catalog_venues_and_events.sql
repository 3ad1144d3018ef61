-- Catalog: venues with their zones and seat rows, events with their sale rules and priced zones.
-- Rules are real columns because the ordering module reads hold time and limits in its own SQL.

CREATE TABLE venue (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    city        text        NOT NULL,
    created_at  timestamptz NOT NULL
);

-- A zone is either seated (its capacity is the sum of its rows) or general admission.
CREATE TABLE venue_zone (
    venue_id  uuid    NOT NULL REFERENCES venue (id),
    code      text    NOT NULL,
    position  integer NOT NULL,
    name      text    NOT NULL,
    seated    boolean NOT NULL,
    capacity  integer NOT NULL CHECK (capacity > 0),
    PRIMARY KEY (venue_id, code),
    UNIQUE (venue_id, position)
);

-- Rows in the order the venue lists them (front first); seats are numbered 1..seats.
CREATE TABLE venue_row (
    venue_id  uuid    NOT NULL,
    zone      text    NOT NULL,
    position  integer NOT NULL,
    label     text    NOT NULL,
    seats     integer NOT NULL CHECK (seats BETWEEN 1 AND 1000),
    PRIMARY KEY (venue_id, zone, position),
    UNIQUE (venue_id, zone, label),
    FOREIGN KEY (venue_id, zone) REFERENCES venue_zone (venue_id, code)
);

CREATE TABLE event (
    id                            uuid        PRIMARY KEY,
    venue_id                      uuid        REFERENCES venue (id),
    kind                          text        NOT NULL
        CHECK (kind IN ('CONCERT', 'FLIGHT', 'CINEMA', 'THEATRE', 'SPORT', 'ACTIVITY', 'OTHER')),
    title                         text        NOT NULL,
    description                   text        NOT NULL,
    starts_at                     timestamptz NOT NULL,
    sale_starts_at                timestamptz NOT NULL,
    sale_ends_at                  timestamptz NOT NULL,
    currency                      text        NOT NULL,
    status                        text        NOT NULL
        CHECK (status IN ('DRAFT', 'ON_SALE', 'SALE_CLOSED', 'CANCELLED')),
    hold_ttl_seconds              integer     NOT NULL CHECK (hold_ttl_seconds BETWEEN 1 AND 3600),
    max_tickets_per_user          integer     NOT NULL CHECK (max_tickets_per_user > 0),
    max_active_orders_per_user    integer     NOT NULL CHECK (max_active_orders_per_user > 0),
    refund_cutoff_hours           integer     NOT NULL CHECK (refund_cutoff_hours >= 0),
    limit_group                   text,
    waiting_room_enabled          boolean     NOT NULL,
    waiting_room_admit_per_second integer     NOT NULL CHECK (waiting_room_admit_per_second > 0),
    pricing_mode                  text        NOT NULL CHECK (pricing_mode IN ('FIXED', 'DEMAND')),
    inventory_mode                text        NOT NULL CHECK (inventory_mode IN ('OWNED', 'PARTNER', 'QUOTA')),
    partner_base_url              text,
    created_at                    timestamptz NOT NULL,
    updated_at                    timestamptz NOT NULL,
    CHECK (sale_starts_at < sale_ends_at)
);

-- The public list filters by start time (and often kind) and pages in start order.
CREATE INDEX event_by_start ON event (starts_at, id);
CREATE INDEX event_by_kind_and_start ON event (kind, starts_at, id);
-- Per-user limits shared across events are looked up by group.
CREATE INDEX event_by_limit_group ON event (limit_group) WHERE limit_group IS NOT NULL;

-- What an event sells: one price tier per zone. capacity counts only tickets for sale.
CREATE TABLE event_zone (
    event_id    uuid    NOT NULL REFERENCES event (id),
    code        text    NOT NULL,
    position    integer NOT NULL,
    name        text    NOT NULL,
    seated      boolean NOT NULL,
    capacity    integer NOT NULL CHECK (capacity >= 0),
    base_price  bigint  NOT NULL CHECK (base_price >= 0),
    PRIMARY KEY (event_id, code),
    UNIQUE (event_id, position)
);
