-- Debts and their payments, in-app notifications, and the leases that keep background
-- jobs on one instance at a time. Money is INTEGER minor units in the debt's currency.
-- Kept in step with migrations/postgres/0004_debts.sql.

-- `remaining` is what is still owed: the principal less every payment recorded
-- (`remaining + total_paid = principal`). `annual_rate` is `florin::loan::AnnualRate`'s
-- scaled integer (1/10 000 of a percent: 6.5 % is 65 000). The next payment date is
-- `florin::loan::payment_date(due_anchor, due_index)`: counting instalments from an
-- anchor keeps the day of the month from drifting (31 Jan → 28 Feb → 31 Mar).
CREATE TABLE debts (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id    INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name               TEXT    NOT NULL,
    kind               TEXT    NOT NULL CHECK (kind IN ('home', 'car', 'personal', 'student',
                                                        'credit_card', 'other')),
    principal          INTEGER NOT NULL CHECK (principal > 0),
    currency           TEXT    NOT NULL,
    annual_rate        INTEGER NOT NULL CHECK (annual_rate BETWEEN 0 AND 1000000),
    tenure_months      INTEGER NOT NULL CHECK (tenure_months BETWEEN 1 AND 600),
    emi                INTEGER NOT NULL CHECK (emi > 0),
    lender             TEXT    NOT NULL DEFAULT '',
    start_date         TEXT    NOT NULL,
    next_payment_date  TEXT    NOT NULL,
    due_anchor         TEXT    NOT NULL,
    due_index          INTEGER NOT NULL DEFAULT 0 CHECK (due_index >= 0),
    remaining          INTEGER NOT NULL CHECK (remaining >= 0),
    total_paid         INTEGER NOT NULL DEFAULT 0 CHECK (total_paid >= 0),
    status             TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paid_off')),
    reminder_days      INTEGER NOT NULL DEFAULT 3 CHECK (reminder_days BETWEEN 0 AND 60),
    account_id         INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    CHECK (remaining + total_paid = principal),
    CHECK ((status = 'paid_off') = (remaining = 0))
);
CREATE INDEX debts_org ON debts (organisation_id, status, name);
CREATE INDEX debts_due ON debts (status, next_payment_date);

CREATE TABLE debt_payments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    debt_id          INTEGER NOT NULL REFERENCES debts (id) ON DELETE CASCADE,
    amount           INTEGER NOT NULL CHECK (amount > 0),
    method           TEXT    NOT NULL CHECK (method IN ('card', 'bank_transfer', 'cash', 'upi',
                                                        'cheque', 'other')),
    paid_on          TEXT    NOT NULL,
    reference        TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'completed' CHECK (status IN ('completed')),
    transaction_id   INTEGER REFERENCES transactions (id) ON DELETE SET NULL,
    created_by       INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX debt_payments_reference_key ON debt_payments (debt_id, reference);
CREATE INDEX debt_payments_org_date ON debt_payments (organisation_id, paid_on);

-- One row per notice to one user. A notice with a `dedup_key` is created at most once
-- per user (`INSERT … ON CONFLICT (user_id, dedup_key) DO NOTHING`); NULL keys never
-- conflict.
CREATE TABLE notifications (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER REFERENCES organisations (id) ON DELETE CASCADE,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind             TEXT    NOT NULL CHECK (kind IN ('payment_due', 'payment_reminder',
                                                      'goal_milestone', 'expense_alert',
                                                      'income_received', 'system')),
    title            TEXT    NOT NULL,
    body             TEXT    NOT NULL DEFAULT '',
    action_link      TEXT,
    dedup_key        TEXT,
    read_at          TEXT,
    created_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX notifications_user_dedup_key ON notifications (user_id, dedup_key);
CREATE INDEX notifications_user_unread ON notifications (user_id, read_at, id);

-- A job runs where its lease is held: taken when expired, renewed by its holder.
CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT        NOT NULL,
    expires_at  TEXT        NOT NULL
);
