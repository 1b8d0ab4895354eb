-- Identity, credentials, profiles, organisations and memberships, and the audit log.
-- Kept in step with migrations/postgres/0001_identity.sql.

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('personal', 'household', 'business')),
    created_at  TEXT    NOT NULL
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT    NOT NULL,
    role            TEXT    NOT NULL DEFAULT 'personal'
                    CHECK (role IN ('personal', 'business', 'sub_user', 'admin')),
    -- For sub-users: the business organisation they work in.
    organisation_id INTEGER REFERENCES organisations (id) ON DELETE SET NULL,
    is_active       BOOLEAN NOT NULL DEFAULT TRUE,
    email_verified  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE credentials (
    user_id         INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    password_hash   TEXT    NOT NULL,
    algorithm       TEXT    NOT NULL DEFAULT 'argon2id',
    failed_count    INTEGER NOT NULL DEFAULT 0,
    last_failed_at  TEXT,
    locked_until    TEXT,
    -- Moves on at each password change; sessions signed in under an older epoch end.
    session_epoch   INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE profiles (
    user_id        INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    first_name     TEXT    NOT NULL DEFAULT '',
    last_name      TEXT    NOT NULL DEFAULT '',
    phone          TEXT    NOT NULL DEFAULT '',
    date_of_birth  TEXT,
    address        TEXT    NOT NULL DEFAULT '',
    base_currency  TEXT    NOT NULL DEFAULT 'USD',
    locale         TEXT    NOT NULL DEFAULT 'en',
    time_zone      TEXT    NOT NULL DEFAULT 'UTC',
    preferences    TEXT    NOT NULL DEFAULT '{}',
    updated_at     TEXT    NOT NULL
);

CREATE TABLE memberships (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT    NOT NULL CHECK (role IN ('owner', 'member', 'viewer')),
    -- Bit set of areas a member may write (florin::role::Rights).
    rights          INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    event       TEXT    NOT NULL,
    detail      TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL
);
CREATE INDEX audit_log_user ON audit_log (user_id, id);
