-- Savings goals and their contributions. Money is BIGINT minor units in the goal's
-- currency. Progress is never stored: it is the sum of the contributions, read when shown.
-- Kept in step with migrations/sqlite/0007_goals.sql.
CREATE TABLE goals (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    title            TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('emergency_fund', 'purchase', 'travel',
                                                      'education', 'retirement', 'other')),
    target_amount    BIGINT  NOT NULL CHECK (target_amount > 0),
    currency         TEXT    NOT NULL,
    target_date      DATE,
    priority         TEXT    NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
    status           TEXT    NOT NULL DEFAULT 'active'
                     CHECK (status IN ('active', 'paused', 'completed', 'cancelled')),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX goals_org ON goals (organisation_id, status, title);

-- `transaction_id` is the ledger transfer recorded with the contribution, if any.
CREATE TABLE goal_contributions (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT  NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    goal_id          BIGINT  NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    amount           BIGINT  NOT NULL CHECK (amount > 0),
    contributed_on   DATE    NOT NULL,
    note             TEXT    NOT NULL DEFAULT '',
    transaction_id   BIGINT  REFERENCES transactions (id) ON DELETE SET NULL,
    created_by       BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX goal_contributions_goal ON goal_contributions (organisation_id, goal_id, contributed_on);
