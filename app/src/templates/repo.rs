//! Expense template rows, every query scoped by organisation.

use crate::db::Db;
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::sql;
use florin::planning::{Frequency, PlanError};
use time::{Date, OffsetDateTime};

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct TemplateRecord {
        pub id: i64,
        pub name: String,
        pub description: String,
        pub amount: i64,
        pub currency: String,
        pub category_id: i64,
        pub category_name: String,
        pub payment_method_id: Option<i64>,
        pub payment_method_name: Option<String>,
        pub frequency: String,
        pub frequency_value: Option<i64>,
        pub starts_on: Date,
        pub active: bool,
    }
}

impl TemplateRecord {
    /// The stored frequency; a row the checks let through always has a valid one.
    pub fn frequency(&self) -> Result<Frequency, PlanError> {
        Frequency::from_parts(&self.frequency, self.frequency_value)
    }
}

/// A template to write, already validated.
#[derive(Clone, Debug)]
pub struct NewTemplate {
    pub name: String,
    pub description: String,
    pub amount: i64,
    pub currency: String,
    pub category_id: i64,
    pub payment_method_id: Option<i64>,
    pub frequency: Frequency,
    pub starts_on: Date,
}

/// The payment method join keeps the organisation on both sides, so a stray id never
/// shows another organisation's name.
const SELECT: &str = "SELECT t.id, t.name, t.description, t.amount, t.currency, t.category_id, \
        c.name AS category_name, t.payment_method_id, pm.name AS payment_method_name, \
        t.frequency, t.frequency_value, t.starts_on, t.active \
     FROM expense_templates t \
     JOIN categories c ON c.id = t.category_id \
     LEFT JOIN payment_methods pm ON pm.id = t.payment_method_id \
         AND pm.organisation_id = t.organisation_id \
     WHERE t.organisation_id = $1";

/// Active templates first, then by name.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<TemplateRecord>, AppError> {
    let sql = format!("{SELECT} ORDER BY t.active DESC, LOWER(t.name), t.id");
    let rows = sql!(db, all, &sql, scope.org_id)?;
    Ok(rows)
}

/// The active templates in `currency`, the ones a cycle in that currency is generated from.
pub async fn active_in(
    db: &Db,
    scope: &Scope,
    currency: &str,
) -> Result<Vec<TemplateRecord>, AppError> {
    let sql =
        format!("{SELECT} AND t.active = $2 AND t.currency = $3 ORDER BY LOWER(t.name), t.id");
    let rows = sql!(db, all, &sql, scope.org_id, true, currency)?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<TemplateRecord, AppError> {
    let sql = format!("{SELECT} AND t.id = $2");
    let row: Option<TemplateRecord> = sql!(db, optional, &sql, scope.org_id, id)?;
    row.ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, new: &NewTemplate) -> Result<i64, AppError> {
    let (kind, value) = new.frequency.to_parts();
    let id: i64 = sql!(
        db,
        scalar,
        "INSERT INTO expense_templates (organisation_id, name, description, amount, currency, \
             category_id, payment_method_id, frequency, frequency_value, starts_on, active, \
             created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
        scope.org_id,
        &new.name,
        &new.description,
        new.amount,
        &new.currency,
        new.category_id,
        new.payment_method_id,
        kind,
        value,
        new.starts_on,
        true,
        OffsetDateTime::now_utc()
    )?;
    Ok(id)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewTemplate) -> Result<(), AppError> {
    let (kind, value) = new.frequency.to_parts();
    let changed = sql!(
        db,
        execute,
        "UPDATE expense_templates SET name = $3, description = $4, amount = $5, \
             currency = $6, category_id = $7, payment_method_id = $8, frequency = $9, \
             frequency_value = $10, starts_on = $11, updated_at = $12 \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        &new.name,
        &new.description,
        new.amount,
        &new.currency,
        new.category_id,
        new.payment_method_id,
        kind,
        value,
        new.starts_on,
        OffsetDateTime::now_utc()
    )?;
    crate::db::found(changed)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id, active = active))]
pub async fn set_active(db: &Db, scope: &Scope, id: i64, active: bool) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE expense_templates SET active = $3, updated_at = $4 \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        active,
        OffsetDateTime::now_utc()
    )?;
    crate::db::found(changed)
}

/// Deletes a template; the expected expenses generated from it stay in their cycles.
#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "DELETE FROM expense_templates WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    crate::db::found(changed)
}
