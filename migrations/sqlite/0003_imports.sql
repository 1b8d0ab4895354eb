-- Statement imports: an uploaded file waits here between upload, column mapping and
-- preview, and commit. Kept in step with migrations/postgres/0003_imports.sql.

CREATE TABLE import_batches (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    file_name        TEXT    NOT NULL,
    content          BLOB    NOT NULL,
    row_count        INTEGER NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'committed')),
    imported         INTEGER NOT NULL DEFAULT 0,
    skipped          INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT    NOT NULL,
    committed_at     TEXT
);
CREATE INDEX import_batches_org ON import_batches (organisation_id, created_at DESC);
