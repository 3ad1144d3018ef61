-- One row per sellable unit, created together with its event. The source of truth for holds.
-- Hash-partitioned by event so that per-event work stays small however many events pile up.
CREATE TABLE ticket (
    id            uuid        NOT NULL DEFAULT gen_random_uuid(),
    event_id      uuid        NOT NULL,
    zone          text        NOT NULL,
    -- {zone}-{row}-{number}, e.g. GOLD-12-7; null for general admission.
    seat          text,
    row_label     text,
    row_position  integer,
    seat_number   integer,
    -- Best-available order inside the zone: front rows first, then seats nearest the centre.
    rank          integer     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD', 'NOT_FOR_SALE')),
    order_id      uuid,
    -- A HELD ticket whose held_until has passed counts as available to every reader.
    held_until    timestamptz,
    PRIMARY KEY (event_id, id),
    CHECK ((seat IS NULL) = (row_position IS NULL) AND (seat IS NULL) = (seat_number IS NULL))
) PARTITION BY HASH (event_id);

CREATE TABLE ticket_p0 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE ticket_p1 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE ticket_p2 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE ticket_p3 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE ticket_p4 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE ticket_p5 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE ticket_p6 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE ticket_p7 PARTITION OF ticket FOR VALUES WITH (MODULUS 8, REMAINDER 7);

-- The hot path: "best N available in a zone" walks this index in rank order (SKIP LOCKED).
CREATE INDEX ticket_available ON ticket (event_id, zone, rank) WHERE status = 'AVAILABLE';
-- Explicit seats are claimed by seat id; a seat exists once per event (NULLs are distinct).
CREATE UNIQUE INDEX ticket_seat ON ticket (event_id, seat);
-- Seat maps and per-zone counts read one zone's rows in venue order.
CREATE INDEX ticket_layout ON ticket (event_id, zone, row_position, seat_number);
-- Holds belong to an order; releasing or paying one touches its tickets only.
CREATE INDEX ticket_order ON ticket (order_id) WHERE order_id IS NOT NULL;
