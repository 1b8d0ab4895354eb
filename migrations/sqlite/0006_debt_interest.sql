-- Payments pay interest before principal (florin::loan::apply_payment). Kept in step with
-- migrations/postgres/0006_debt_interest.sql.
--
-- On debts, `total_paid` keeps its meaning in the table's CHECK: the *principal* repaid
-- (`remaining + total_paid = principal`). Interest paid is counted beside it, and the
-- instalment period in progress is kept as florin::loan::Standing keeps it:
-- `period_interest` is the period's interest not yet paid (NULL until its first payment),
-- `period_paid` what was paid in it so far. Payments recorded before this migration were
-- all principal, which is what `interest = 0` says about them.
ALTER TABLE debts ADD COLUMN interest_paid INTEGER NOT NULL DEFAULT 0 CHECK (interest_paid >= 0);
ALTER TABLE debts ADD COLUMN period_interest INTEGER CHECK (period_interest >= 0);
ALTER TABLE debts ADD COLUMN period_paid INTEGER NOT NULL DEFAULT 0 CHECK (period_paid >= 0);
ALTER TABLE debt_payments ADD COLUMN interest INTEGER NOT NULL DEFAULT 0 CHECK (interest >= 0);
