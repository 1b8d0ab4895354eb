-- Identity, credentials, profiles, organisations and memberships, and the audit log.
-- Kept in step with migrations/sqlite/0001_identity.sql.

CREATE TABLE organisations (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('personal', 'household', 'business')),
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email           TEXT        NOT NULL,
    role            TEXT        NOT NULL DEFAULT 'personal'
                    CHECK (role IN ('personal', 'business', 'sub_user', 'admin')),
    organisation_id BIGINT REFERENCES organisations (id) ON DELETE SET NULL,
    is_active       BOOLEAN     NOT NULL DEFAULT TRUE,
    email_verified  BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE credentials (
    user_id         BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    password_hash   TEXT        NOT NULL,
    algorithm       TEXT        NOT NULL DEFAULT 'argon2id',
    failed_count    BIGINT      NOT NULL DEFAULT 0,
    last_failed_at  TIMESTAMPTZ,
    locked_until    TIMESTAMPTZ,
    session_epoch   BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE profiles (
    user_id        BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    first_name     TEXT        NOT NULL DEFAULT '',
    last_name      TEXT        NOT NULL DEFAULT '',
    phone          TEXT        NOT NULL DEFAULT '',
    date_of_birth  DATE,
    address        TEXT        NOT NULL DEFAULT '',
    base_currency  TEXT        NOT NULL DEFAULT 'USD',
    locale         TEXT        NOT NULL DEFAULT 'en',
    time_zone      TEXT        NOT NULL DEFAULT 'UTC',
    preferences    TEXT        NOT NULL DEFAULT '{}',
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
    organisation_id BIGINT      NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT        NOT NULL CHECK (role IN ('owner', 'member', 'viewer')),
    rights          BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT REFERENCES users (id) ON DELETE SET NULL,
    event       TEXT        NOT NULL,
    detail      TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
