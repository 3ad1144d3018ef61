-- People who use boxoffice. Demo and load-test travelers have no password: they get tokens
-- from an administrator (POST /admin/tokens).
CREATE TABLE app_user (
    id             uuid        PRIMARY KEY,
    email          text        NOT NULL UNIQUE,
    name           text        NOT NULL,
    password_hash  text,
    roles          text[]      NOT NULL,
    created_at     timestamptz NOT NULL
);
