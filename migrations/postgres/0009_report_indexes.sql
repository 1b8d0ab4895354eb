-- Reports convert foreign-currency income and spending with the rate of each day, so they
-- sum one currency's rows per day over a range: this index keeps that proportional to
-- those rows instead of the whole ledger. Same on both databases.
CREATE INDEX transactions_org_currency_date ON transactions (organisation_id, currency, occurred_on);

-- What arrived in an account from transfers out of other currencies (net worth needs the
-- counter legs, which the roll-ups do not hold): with the organisation first, the
-- planner picks this over the organisation-and-date index, and reads only that
-- account's arrivals.
CREATE INDEX transactions_org_counter_date ON transactions (organisation_id, counter_account_id, occurred_on)
    WHERE counter_account_id IS NOT NULL;
