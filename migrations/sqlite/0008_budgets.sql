-- Category limits (a monthly ceiling per expense category with its alert threshold) and
-- budgets (a named period with a total and per-category entries). Money is INTEGER minor
-- units in the row's currency. Kept in step with migrations/postgres/0008_budgets.sql.

-- One limit per category. Only expenses in the limit's currency count towards it.
CREATE TABLE category_limits (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    category_id      INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    amount           INTEGER NOT NULL CHECK (amount > 0),
    currency         TEXT    NOT NULL,
    alert_pct        INTEGER NOT NULL DEFAULT 80 CHECK (alert_pct BETWEEN 1 AND 100),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX category_limits_category_key ON category_limits (organisation_id, category_id);

-- Both dates are included. Entries may sum above the total: the page warns about it.
CREATE TABLE budgets (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    currency         TEXT    NOT NULL,
    starts_on        TEXT    NOT NULL,
    ends_on          TEXT    NOT NULL CHECK (ends_on >= starts_on),
    total            INTEGER NOT NULL CHECK (total >= 0),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX budgets_org_period ON budgets (organisation_id, starts_on);

CREATE TABLE budget_entries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    budget_id        INTEGER NOT NULL REFERENCES budgets (id) ON DELETE CASCADE,
    category_id      INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    amount           INTEGER NOT NULL CHECK (amount >= 0)
);
CREATE UNIQUE INDEX budget_entries_category_key ON budget_entries (budget_id, category_id);
