-- Expense templates (recurring expected expenses) and cycles (budgeting periods of 1 to
-- 45 days with an expected income and their expected expenses). Money is BIGINT minor
-- units in the row's currency. Kept in step with migrations/sqlite/0011_cycles.sql.

-- `frequency` is 'weekly', 'every_n_days', 'monthly' or 'per_cycle'; `frequency_value`
-- is the number of days for every_n_days and the day of the month for monthly.
-- `starts_on` anchors the rhythm: no occurrence falls before it.
CREATE TABLE expense_templates (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id   BIGINT      NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name              TEXT        NOT NULL,
    description       TEXT        NOT NULL DEFAULT '',
    amount            BIGINT      NOT NULL CHECK (amount >= 0),
    currency          TEXT        NOT NULL,
    category_id       BIGINT      NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    payment_method_id BIGINT      REFERENCES payment_methods (id) ON DELETE SET NULL,
    frequency         TEXT        NOT NULL
        CHECK (frequency IN ('weekly', 'every_n_days', 'monthly', 'per_cycle')),
    frequency_value   BIGINT,
    starts_on         DATE        NOT NULL,
    active            BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX expense_templates_org ON expense_templates (organisation_id, active);

-- Both dates are included; `ends_on` is `starts_on + length_days - 1`, stored so that
-- actual spending can be summed with a plain range.
CREATE TABLE cycles (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id  BIGINT      NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name             TEXT        NOT NULL,
    starts_on        DATE        NOT NULL,
    length_days      BIGINT      NOT NULL CHECK (length_days BETWEEN 1 AND 45),
    ends_on          DATE        NOT NULL CHECK (ends_on >= starts_on),
    currency         TEXT        NOT NULL,
    expected_income  BIGINT      NOT NULL CHECK (expected_income >= 0),
    status           TEXT        NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'active', 'completed')),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX cycles_org_period ON cycles (organisation_id, starts_on);

-- One row per expected occurrence. A deleted template leaves its cycles' rows in place.
CREATE TABLE cycle_expenses (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id   BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    cycle_id          BIGINT NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
    template_id       BIGINT REFERENCES expense_templates (id) ON DELETE SET NULL,
    name              TEXT   NOT NULL,
    category_id       BIGINT NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    payment_method_id BIGINT REFERENCES payment_methods (id) ON DELETE SET NULL,
    due_on            DATE   NOT NULL,
    amount            BIGINT NOT NULL CHECK (amount >= 0)
);
CREATE INDEX cycle_expenses_cycle ON cycle_expenses (cycle_id, due_on);
