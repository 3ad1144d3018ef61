-- The waiting room opens some minutes before the sale, and its admission tokens last a while.
ALTER TABLE event
    ADD COLUMN waiting_room_opens_minutes_before integer NOT NULL DEFAULT 30
        CHECK (waiting_room_opens_minutes_before BETWEEN 0 AND 1440),
    ADD COLUMN waiting_room_token_ttl_seconds    integer NOT NULL DEFAULT 300
        CHECK (waiting_room_token_ttl_seconds BETWEEN 10 AND 3600);
