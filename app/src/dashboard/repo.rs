//! The dashboard's queries. Every one is scoped by organisation and aggregates in SQL:
//! whole months come from the `monthly_totals` roll-ups, and only what they cannot answer
//! (one month's categories, the counter legs of cross-currency transfers, the latest
//! lines) reads the ledger, through an index, for a bounded range. Foreign-currency days
//! and the rate book come from `crate::reports::repo`, which the reports share.

use crate::db::Db;
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::sql;
use time::Date;

/// One roll-up row: (month, account, counter account or 0, kind, currency, total).
pub type Rollup = (Date, i64, i64, String, String, i64);

/// Every roll-up row of the organisation (a few per account and month).
pub async fn rollups(db: &Db, scope: &Scope) -> Result<Vec<Rollup>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT month, account_id, counter_account_id, kind, currency, total \
         FROM monthly_totals WHERE organisation_id = $1 ORDER BY month",
        scope.org_id
    )?;
    Ok(rows)
}

/// An account for net worth: (id, name, currency, opening balance).
pub async fn accounts(db: &Db, scope: &Scope) -> Result<Vec<(i64, String, String, i64)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT id, name, currency, opening_balance FROM accounts WHERE organisation_id = $1 \
         ORDER BY id",
        scope.org_id
    )?;
    Ok(rows)
}

/// Spending per category, currency and day, `from..=to`: (category or none, currency,
/// day, total). Days are kept so that each converts at its own rate.
pub async fn category_spending(
    db: &Db,
    scope: &Scope,
    from: Date,
    to: Date,
) -> Result<Vec<(Option<i64>, String, Date, i64)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT category_id, currency, occurred_on, CAST(SUM(amount) AS BIGINT) AS total \
         FROM transactions \
         WHERE organisation_id = $1 AND occurred_on >= $2 AND occurred_on <= $3 \
           AND kind = 'expense' \
         GROUP BY category_id, currency, occurred_on",
        scope.org_id,
        from,
        to
    )?;
    Ok(rows)
}

/// What arrived in `account` (whose currency is `currency`) from transfers out of other
/// currencies, per day: (day, total in the account's currency).
pub async fn cross_currency_arrivals(
    db: &Db,
    scope: &Scope,
    account: i64,
    currency: &str,
) -> Result<Vec<(Date, i64)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT occurred_on, CAST(SUM(counter_amount) AS BIGINT) AS total FROM transactions \
         WHERE organisation_id = $1 AND counter_account_id = $2 AND currency <> $3 \
         GROUP BY occurred_on",
        scope.org_id,
        account,
        currency
    )?;
    Ok(rows)
}

crate::from_row! {
    /// One of the latest transactions.
    #[derive(Clone, Debug)]
    pub struct Recent {
        pub id: i64,
        pub occurred_on: Date,
        pub kind: String,
        pub amount: i64,
        pub currency: String,
        pub payee: String,
        pub account_name: String,
        pub category_name: Option<String>,
    }
}

/// The latest `limit` transactions, newest first (the list's own index order).
pub async fn recent(db: &Db, scope: &Scope, limit: i64) -> Result<Vec<Recent>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT t.id, t.occurred_on, t.kind, t.amount, t.currency, t.payee, \
             a.name AS account_name, c.name AS category_name \
         FROM transactions t \
         JOIN accounts a ON a.id = t.account_id AND a.organisation_id = t.organisation_id \
         LEFT JOIN categories c ON c.id = t.category_id AND c.organisation_id = t.organisation_id \
         WHERE t.organisation_id = $1 ORDER BY t.occurred_on DESC, t.id DESC LIMIT $2",
        scope.org_id,
        limit
    )?;
    Ok(rows)
}
