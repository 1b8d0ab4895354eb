-- Savings goals and their contributions. Money is INTEGER minor units in the goal's
-- currency. Progress is never stored: it is the sum of the contributions, read when shown.
-- Kept in step with migrations/postgres/0007_goals.sql.
CREATE TABLE goals (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title            TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('emergency_fund', 'purchase', 'travel',
                                                      'education', 'retirement', 'other')),
    target_amount    INTEGER NOT NULL CHECK (target_amount > 0),
    currency         TEXT    NOT NULL,
    target_date      TEXT,
    priority         TEXT    NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    status           TEXT    NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'paused', 'completed', 'cancelled')),
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX goals_org ON goals (organisation_id, status, title);

-- `transaction_id` is the ledger transfer recorded with the contribution, if any.
CREATE TABLE goal_contributions (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    goal_id          INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    amount           INTEGER NOT NULL CHECK (amount > 0),
    contributed_on   TEXT    NOT NULL,
    note             TEXT    NOT NULL DEFAULT '',
    transaction_id   INTEGER REFERENCES transactions (id) ON DELETE SET NULL,
    created_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at       TEXT    NOT NULL
);
CREATE INDEX goal_contributions_goal ON goal_contributions (organisation_id, goal_id, contributed_on);
