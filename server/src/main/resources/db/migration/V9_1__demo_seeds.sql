-- Which parts of the demo data exist, so that a restart adds nothing.
CREATE TABLE demo_seed (
    part       text        PRIMARY KEY,
    seeded_at  timestamptz NOT NULL
);
