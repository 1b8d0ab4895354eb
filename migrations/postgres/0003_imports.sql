-- Statement imports: an uploaded file waits here between upload, column mapping and
-- preview, and commit. Kept in step with migrations/sqlite/0003_imports.sql.

CREATE TABLE import_batches (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id       BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    file_name        TEXT    NOT NULL,
    content          BYTEA   NOT NULL,
    row_count        BIGINT  NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'committed')),
    imported         BIGINT  NOT NULL DEFAULT 0,
    skipped          BIGINT  NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    committed_at     TIMESTAMPTZ
);
CREATE INDEX import_batches_org ON import_batches (organisation_id, created_at DESC);
