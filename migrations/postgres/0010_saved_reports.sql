-- Saved report definitions: a name and the report page's query string (grouping, range),
-- re-run on demand. Kept in step with the other database's 0010_saved_reports.sql.
CREATE TABLE saved_reports (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    query            TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX saved_reports_org_name ON saved_reports (organisation_id, name);
