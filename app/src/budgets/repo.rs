//! Budget and budget entry rows, every query scoped by organisation, and the period's
//! actual spending by category, summed in SQL.

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::{sql, sql_tx};
use time::{Date, OffsetDateTime};

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct BudgetRecord {
        pub id: i64,
        pub name: String,
        pub currency: String,
        pub starts_on: Date,
        pub ends_on: Date,
        pub total: i64,
    }
}

crate::from_row! {
    /// A budget with the sum of its entries, for the list.
    #[derive(Clone, Debug)]
    pub struct BudgetListRow {
        pub id: i64,
        pub name: String,
        pub currency: String,
        pub starts_on: Date,
        pub ends_on: Date,
        pub total: i64,
        pub entries_sum: i64,
    }
}

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct EntryRecord {
        pub category_id: i64,
        pub category_name: String,
        pub amount: i64,
    }
}

/// A budget to write, already validated.
#[derive(Clone, Debug)]
pub struct NewBudget {
    pub name: String,
    pub currency: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub total: i64,
}

/// Newest period first.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<BudgetListRow>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT b.id, b.name, b.currency, b.starts_on, b.ends_on, b.total, \
                COALESCE((SELECT CAST(SUM(e.amount) AS BIGINT) FROM budget_entries e \
                          WHERE e.budget_id = b.id), 0) AS entries_sum \
         FROM budgets b WHERE b.organisation_id = $1 \
         ORDER BY b.starts_on DESC, LOWER(b.name), b.id",
        scope.org_id
    )?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<BudgetRecord, AppError> {
    let row: Option<BudgetRecord> = sql!(
        db,
        optional,
        "SELECT id, name, currency, starts_on, ends_on, total FROM budgets \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    row.ok_or(AppError::NotFound)
}

/// The budget's entries by category name.
pub async fn entries(db: &Db, scope: &Scope, id: i64) -> Result<Vec<EntryRecord>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT e.category_id, c.name AS category_name, e.amount \
         FROM budget_entries e JOIN categories c ON c.id = e.category_id \
         WHERE e.organisation_id = $1 AND e.budget_id = $2 \
         ORDER BY LOWER(c.name), e.id",
        scope.org_id,
        id
    )?;
    Ok(rows)
}

/// One category's spending over a period: (category id or none, category name or none,
/// total).
pub type Actual = (Option<i64>, Option<String>, i64);

/// Expenses in `currency` from `from` to `to` (both included) by category.
pub async fn actuals(
    db: &Db,
    scope: &Scope,
    currency: &str,
    from: Date,
    to: Date,
) -> Result<Vec<Actual>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT t.category_id, c.name, CAST(SUM(t.amount) AS BIGINT) AS total \
         FROM transactions t LEFT JOIN categories c ON c.id = t.category_id \
         WHERE t.organisation_id = $1 AND t.kind = $2 AND t.currency = $3 \
           AND t.occurred_on >= $4 AND t.occurred_on <= $5 \
         GROUP BY t.category_id, c.name ORDER BY c.name",
        scope.org_id,
        "expense",
        currency,
        from,
        to
    )?;
    Ok(rows)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, new: &NewBudget) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, scope, new).await?;
    tx.commit().await?;
    Ok(id)
}

/// Writes one budget row, inside the caller's transaction.
async fn insert(tx: &mut Tx, scope: &Scope, new: &NewBudget) -> Result<i64, AppError> {
    let id = sql_tx!(
        tx,
        scalar,
        "INSERT INTO budgets (organisation_id, name, currency, starts_on, ends_on, total, \
             created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
        scope.org_id,
        &new.name,
        &new.currency,
        new.starts_on,
        new.ends_on,
        new.total,
        OffsetDateTime::now_utc()
    )?;
    Ok(id)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewBudget) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE budgets SET name = $3, currency = $4, starts_on = $5, ends_on = $6, total = $7, \
             updated_at = $8 \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        &new.name,
        &new.currency,
        new.starts_on,
        new.ends_on,
        new.total,
        OffsetDateTime::now_utc()
    )?;
    crate::db::found(changed)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "DELETE FROM budgets WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    crate::db::found(changed)
}

/// Sets the amount of one category in a budget, replacing an earlier amount. The caller
/// has checked that the budget and the category are the organisation's.
#[tracing::instrument(skip_all, fields(org = scope.org_id, budget = budget_id, category = category_id))]
pub async fn set_entry(
    db: &Db,
    scope: &Scope,
    budget_id: i64,
    category_id: i64,
    amount: i64,
) -> Result<(), AppError> {
    sql!(
        db,
        execute,
        "INSERT INTO budget_entries (organisation_id, budget_id, category_id, amount) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (budget_id, category_id) DO UPDATE SET amount = excluded.amount",
        scope.org_id,
        budget_id,
        category_id,
        amount
    )?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, budget = budget_id, category = category_id))]
pub async fn delete_entry(
    db: &Db,
    scope: &Scope,
    budget_id: i64,
    category_id: i64,
) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "DELETE FROM budget_entries \
         WHERE organisation_id = $1 AND budget_id = $2 AND category_id = $3",
        scope.org_id,
        budget_id,
        category_id
    )?;
    crate::db::found(changed)
}

/// Copies a budget into the period `starts_on..=ends_on` with its entries, in one
/// database transaction; returns the new budget's id.
#[tracing::instrument(skip_all, fields(org = scope.org_id, from = source.id))]
pub async fn copy(
    db: &Db,
    scope: &Scope,
    source: &BudgetRecord,
    starts_on: Date,
    ends_on: Date,
) -> Result<i64, AppError> {
    let copy = NewBudget {
        name: source.name.clone(),
        currency: source.currency.clone(),
        starts_on,
        ends_on,
        total: source.total,
    };
    let mut tx = db.begin().await?;
    let id = insert(&mut tx, scope, &copy).await?;
    sql_tx!(
        &mut tx,
        execute,
        "INSERT INTO budget_entries (organisation_id, budget_id, category_id, amount) \
         SELECT organisation_id, $3, category_id, amount FROM budget_entries \
         WHERE organisation_id = $1 AND budget_id = $2",
        scope.org_id,
        source.id,
        id
    )?;
    tx.commit().await?;
    Ok(id)
}
