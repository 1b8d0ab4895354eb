//! Cycle and expected-expense rows, every query scoped by organisation. Writes to a cycle
//! carry `status <> 'completed'` in their own condition, so a completed cycle stays as it
//! is however the request reached here.

use crate::db::Db;
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::{sql, sql_tx};
use florin::planning::CycleStatus;
use time::{Date, OffsetDateTime};

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct CycleRecord {
        pub id: i64,
        pub name: String,
        pub starts_on: Date,
        pub length_days: i64,
        pub ends_on: Date,
        pub currency: String,
        pub expected_income: i64,
        pub status: String,
    }
}

impl CycleRecord {
    pub fn status(&self) -> Result<CycleStatus, AppError> {
        CycleStatus::parse(&self.status)
            .ok_or_else(|| AppError::internal(format!("cycle {}: status {}", self.id, self.status)))
    }
}

/// A cycle with the sum of its expected expenses (`total`), for the list.
pub type CycleListRow = crate::db::Totalled<CycleRecord>;

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct ExpenseRecord {
        pub id: i64,
        pub name: String,
        pub category_id: i64,
        pub category_name: String,
        pub payment_method_name: Option<String>,
        pub due_on: Date,
        pub amount: i64,
    }
}

/// A cycle to write, already validated (`ends_on` from `florin::planning::Cycle`).
#[derive(Clone, Debug)]
pub struct NewCycle {
    pub name: String,
    pub starts_on: Date,
    pub length_days: i64,
    pub ends_on: Date,
    pub currency: String,
    pub expected_income: i64,
}

/// One expected expense to write with a new cycle.
#[derive(Clone, Debug)]
pub struct NewExpense {
    pub template_id: Option<i64>,
    pub name: String,
    pub category_id: i64,
    pub payment_method_id: Option<i64>,
    pub due_on: Date,
    pub amount: i64,
}

const COMPLETED: &str = "completed";

/// Newest first.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<CycleListRow>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT c.id, c.name, c.starts_on, c.length_days, c.ends_on, c.currency, \
                c.expected_income, c.status, \
                COALESCE((SELECT CAST(SUM(e.amount) AS BIGINT) FROM cycle_expenses e \
                          WHERE e.cycle_id = c.id), 0) AS total \
         FROM cycles c WHERE c.organisation_id = $1 \
         ORDER BY c.starts_on DESC, c.id DESC",
        scope.org_id
    )?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<CycleRecord, AppError> {
    let row: Option<CycleRecord> = sql!(
        db,
        optional,
        "SELECT id, name, starts_on, length_days, ends_on, currency, expected_income, status \
         FROM cycles WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    row.ok_or(AppError::NotFound)
}

/// The cycle's expected expenses by due date.
pub async fn expenses(db: &Db, scope: &Scope, id: i64) -> Result<Vec<ExpenseRecord>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT e.id, e.name, e.category_id, c.name AS category_name, \
                pm.name AS payment_method_name, e.due_on, e.amount \
         FROM cycle_expenses e \
         JOIN categories c ON c.id = e.category_id \
         LEFT JOIN payment_methods pm ON pm.id = e.payment_method_id \
             AND pm.organisation_id = e.organisation_id \
         WHERE e.organisation_id = $1 AND e.cycle_id = $2 \
         ORDER BY e.due_on, LOWER(e.name), e.id",
        scope.org_id,
        id
    )?;
    Ok(rows)
}

/// Writes a draft cycle and its expected expenses in one database transaction.
#[tracing::instrument(skip_all, fields(org = scope.org_id, expenses = expenses.len()))]
pub async fn create(
    db: &Db,
    scope: &Scope,
    new: &NewCycle,
    expenses: &[NewExpense],
) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let mut tx = db.begin().await?;
    let id: i64 = sql_tx!(
        &mut tx,
        scalar,
        "INSERT INTO cycles (organisation_id, name, starts_on, length_days, ends_on, \
             currency, expected_income, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        scope.org_id,
        &new.name,
        new.starts_on,
        new.length_days,
        new.ends_on,
        &new.currency,
        new.expected_income,
        CycleStatus::Draft.as_str(),
        now
    )?;
    for expense in expenses {
        sql_tx!(
            &mut tx,
            execute,
            "INSERT INTO cycle_expenses (organisation_id, cycle_id, template_id, name, \
                 category_id, payment_method_id, due_on, amount) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            scope.org_id,
            id,
            expense.template_id,
            &expense.name,
            expense.category_id,
            expense.payment_method_id,
            expense.due_on,
            expense.amount
        )?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Updates a cycle that is not completed; false when no such cycle could be changed.
#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewCycle) -> Result<bool, AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE cycles SET name = $3, starts_on = $4, length_days = $5, ends_on = $6, \
             currency = $7, expected_income = $8, updated_at = $9 \
         WHERE organisation_id = $1 AND id = $2 AND status <> $10",
        scope.org_id,
        id,
        &new.name,
        new.starts_on,
        new.length_days,
        new.ends_on,
        &new.currency,
        new.expected_income,
        OffsetDateTime::now_utc(),
        COMPLETED
    )?;
    Ok(changed > 0)
}

/// Moves a cycle from `from` to `to`; false when it no longer has status `from`.
#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id, to = to.as_str()))]
pub async fn set_status(
    db: &Db,
    scope: &Scope,
    id: i64,
    from: CycleStatus,
    to: CycleStatus,
) -> Result<bool, AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE cycles SET status = $4, updated_at = $5 \
         WHERE organisation_id = $1 AND id = $2 AND status = $3",
        scope.org_id,
        id,
        from.as_str(),
        to.as_str(),
        OffsetDateTime::now_utc()
    )?;
    Ok(changed > 0)
}

/// Deletes a cycle that is not completed, with its expected expenses; false when no
/// such cycle could be deleted.
#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<bool, AppError> {
    let changed = sql!(
        db,
        execute,
        "DELETE FROM cycles WHERE organisation_id = $1 AND id = $2 AND status <> $3",
        scope.org_id,
        id,
        COMPLETED
    )?;
    Ok(changed > 0)
}

/// Removes one expected expense of a cycle that is not completed; false when nothing
/// could be removed.
#[tracing::instrument(skip_all, fields(org = scope.org_id, cycle = cycle_id, id = id))]
pub async fn delete_expense(
    db: &Db,
    scope: &Scope,
    cycle_id: i64,
    id: i64,
) -> Result<bool, AppError> {
    let changed = sql!(
        db,
        execute,
        "DELETE FROM cycle_expenses \
         WHERE organisation_id = $1 AND cycle_id = $2 AND id = $3 \
           AND cycle_id IN (SELECT id FROM cycles \
                            WHERE organisation_id = $1 AND status <> $4)",
        scope.org_id,
        cycle_id,
        id,
        COMPLETED
    )?;
    Ok(changed > 0)
}
