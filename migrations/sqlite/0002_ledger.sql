-- The ledger: accounts, categories, payment methods, transactions with tags, and
-- exchange rates. Every row belongs to an organisation. Money is INTEGER minor units.
-- Kept in step with migrations/postgres/0002_ledger.sql.

CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('checking', 'savings', 'credit_card', 'cash',
                                                      'wallet', 'loan', 'investment')),
    currency         TEXT    NOT NULL,
    institution      TEXT    NOT NULL DEFAULT '',
    opening_balance  INTEGER NOT NULL DEFAULT 0,
    archived         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX accounts_org ON accounts (organisation_id, archived, name);

CREATE TABLE categories (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('expense', 'income')),
    parent_id        INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    colour           TEXT    NOT NULL DEFAULT '#8d99ae',
    archived         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TEXT    NOT NULL
);
CREATE UNIQUE INDEX categories_org_kind_name_key ON categories (organisation_id, kind, lower(name));

CREATE TABLE payment_methods (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('card', 'bank_transfer', 'cash', 'upi', 'cheque', 'other')),
    account_id       INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
    archived         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TEXT    NOT NULL
);
CREATE INDEX payment_methods_org ON payment_methods (organisation_id);

-- One row per transaction. A transfer is one row with two legs: `amount` leaves
-- `account_id`, `counter_amount` (in the counter account's currency) arrives in
-- `counter_account_id`, so the legs always add up.
CREATE TABLE transactions (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id     INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind                TEXT    NOT NULL CHECK (kind IN ('income', 'expense', 'transfer')),
    occurred_on         TEXT    NOT NULL,
    amount              INTEGER NOT NULL CHECK (amount > 0),
    currency            TEXT    NOT NULL,
    account_id          INTEGER NOT NULL REFERENCES accounts (id),
    counter_account_id  INTEGER REFERENCES accounts (id),
    counter_amount      INTEGER,
    category_id         INTEGER REFERENCES categories (id) ON DELETE SET NULL,
    payee               TEXT    NOT NULL DEFAULT '',
    notes               TEXT    NOT NULL DEFAULT '',
    payment_method_id   INTEGER REFERENCES payment_methods (id) ON DELETE SET NULL,
    source              TEXT    NOT NULL DEFAULT 'manual'
                        CHECK (source IN ('manual', 'import', 'template', 'debt_payment')),
    external_id         TEXT,
    created_at          TEXT    NOT NULL,
    updated_at          TEXT    NOT NULL,
    CHECK ((kind = 'transfer') = (counter_account_id IS NOT NULL)),
    CHECK (kind <> 'transfer' OR (counter_amount > 0 AND counter_account_id <> account_id))
);
CREATE INDEX transactions_org_date ON transactions (organisation_id, occurred_on DESC, id DESC);
CREATE INDEX transactions_account ON transactions (account_id, occurred_on);
CREATE INDEX transactions_counter_account ON transactions (counter_account_id)
    WHERE counter_account_id IS NOT NULL;
CREATE INDEX transactions_category ON transactions (category_id, occurred_on);
CREATE UNIQUE INDEX transactions_external_id_key ON transactions (account_id, external_id)
    WHERE external_id IS NOT NULL;

CREATE TABLE transaction_tags (
    transaction_id   INTEGER NOT NULL REFERENCES transactions (id) ON DELETE CASCADE,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    tag              TEXT    NOT NULL,
    PRIMARY KEY (transaction_id, tag)
);
CREATE INDEX transaction_tags_org_tag ON transaction_tags (organisation_id, tag, transaction_id);

-- One unit of `base` is worth rate_scaled / 10^12 units of `quote` on `rate_date`.
CREATE TABLE exchange_rates (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id  INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    rate_date        TEXT    NOT NULL,
    base             TEXT    NOT NULL,
    quote            TEXT    NOT NULL,
    rate_scaled      INTEGER NOT NULL CHECK (rate_scaled > 0),
    source           TEXT    NOT NULL DEFAULT 'manual',
    created_at       TEXT    NOT NULL,
    UNIQUE (organisation_id, base, quote, rate_date)
);
