-- Monthly roll-ups of the ledger, kept up to date in the same database transaction as
-- every write to `transactions`, so totals over long ranges read a few hundred rows
-- instead of the whole ledger. `month` is the first day of the month; a transfer's
-- counter account is 0 when there is none (NULLs would defeat the primary key).
-- Kept in step with migrations/sqlite/0005_monthly_totals.sql.

CREATE TABLE monthly_totals (
    organisation_id     BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    month               DATE   NOT NULL,
    account_id          BIGINT NOT NULL,
    counter_account_id  BIGINT NOT NULL,
    kind                TEXT   NOT NULL,
    currency            TEXT   NOT NULL,
    total               BIGINT NOT NULL,
    n                   BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, month, account_id, counter_account_id, kind, currency)
);

INSERT INTO monthly_totals
    (organisation_id, month, account_id, counter_account_id, kind, currency, total, n)
SELECT organisation_id, date_trunc('month', occurred_on)::date, account_id,
       COALESCE(counter_account_id, 0), kind, currency, SUM(amount), COUNT(*)
FROM transactions
GROUP BY 1, 2, 3, 4, 5, 6;
