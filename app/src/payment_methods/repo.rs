//! Payment-method rows. Every query is scoped by organisation; a linked account must
//! belong to the same organisation, and names are unique per organisation ignoring case.

use crate::accounts::repo::org_rows;
use crate::db::{Db, Tx};
use crate::error::{AppError, FieldErrors};
use crate::orgs::repo::Scope;
use crate::{sql, sql_tx};
use florin::ledger::PaymentMethodKind;
use time::OffsetDateTime;

/// A payment method to store, already checked.
pub struct PaymentMethodInput {
    pub name: String,
    pub kind: PaymentMethodKind,
    pub account_id: Option<i64>,
}

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct PaymentMethodRow {
        pub id: i64,
        pub name: String,
        pub kind: String,
        pub account_id: Option<i64>,
        pub account_name: Option<String>,
        pub archived: bool,
    }
}

/// The join keeps the organisation on both sides, so a stray account id never shows
/// another organisation's account name.
const SELECT: &str = "SELECT pm.id, pm.name, pm.kind, pm.account_id, a.name AS account_name, pm.archived \
     FROM payment_methods pm \
     LEFT JOIN accounts a ON a.id = pm.account_id AND a.organisation_id = pm.organisation_id \
     WHERE pm.organisation_id = $1";

pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<PaymentMethodRow>, AppError> {
    let sql = format!("{SELECT} ORDER BY pm.archived, LOWER(pm.name), pm.id");
    org_rows(db, scope, &sql).await
}

/// One payment method of the organisation; `NotFound` for any other id.
pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<PaymentMethodRow, AppError> {
    let sql = format!("{SELECT} AND pm.id = $2");
    let row: Option<PaymentMethodRow> = sql!(db, optional, &sql, scope.org_id, id)?;
    row.ok_or(AppError::NotFound)
}

/// The active payment methods as (id, name), for pickers such as the transaction form.
pub async fn options(db: &Db, scope: &Scope) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT id, name FROM payment_methods WHERE organisation_id = $1 AND archived = $2 \
         ORDER BY LOWER(name), id",
        scope.org_id,
        false
    )?;
    Ok(rows)
}

/// The organisation's accounts a method may be linked to: (id, name, archived).
pub async fn accounts(db: &Db, scope: &Scope) -> Result<Vec<(i64, String, bool)>, AppError> {
    let sql = "SELECT id, name, archived FROM accounts WHERE organisation_id = $1 \
               ORDER BY archived, LOWER(name), id";
    org_rows(db, scope, sql).await
}

/// Serialises writers of one organisation's payment methods until the transaction ends,
/// so that the name check below and the write that follows it cannot interleave with
/// another request's. SQLite already holds the write lock (`BEGIN IMMEDIATE`); on
/// PostgreSQL the no-op update takes the organisation row's lock. No unique index does
/// this job because SQLite's `lower()` folds ASCII only, while names are compared with
/// full Unicode case folding here.
async fn lock_organisation(tx: &mut Tx, scope: &Scope) -> Result<(), AppError> {
    sql_tx!(
        tx,
        execute,
        "UPDATE organisations SET name = name WHERE id = $1",
        scope.org_id
    )?;
    Ok(())
}

/// Field errors for a name already used by another method of the organisation, or a
/// linked account that is not one of the organisation's.
async fn check(
    tx: &mut Tx,
    scope: &Scope,
    input: &PaymentMethodInput,
    own_id: Option<i64>,
) -> Result<(), AppError> {
    let names: Vec<(i64, String)> = sql_tx!(
        tx,
        all,
        "SELECT id, name FROM payment_methods WHERE organisation_id = $1",
        scope.org_id
    )?;
    let wanted = input.name.to_lowercase();
    let mut errors = FieldErrors::new();
    if names
        .iter()
        .any(|(id, name)| Some(*id) != own_id && name.to_lowercase() == wanted)
    {
        errors.add("name", "A payment method with that name already exists.");
    }
    if let Some(account) = input.account_id {
        let found: Option<i64> = sql_tx!(
            tx,
            scalar_optional,
            "SELECT id FROM accounts WHERE organisation_id = $1 AND id = $2",
            scope.org_id,
            account
        )?;
        if found.is_none() {
            errors.add("account_id", "Choose an account from the list.");
        }
    }
    errors.into_result()
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, input: &PaymentMethodInput) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    lock_organisation(&mut tx, scope).await?;
    check(&mut tx, scope, input, None).await?;
    let id = sql_tx!(
        &mut tx,
        scalar,
        "INSERT INTO payment_methods (organisation_id, name, kind, account_id, archived, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        scope.org_id,
        &input.name,
        input.kind.as_str(),
        input.account_id,
        false,
        OffsetDateTime::now_utc()
    )?;
    tx.commit().await?;
    Ok(id)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, method = id))]
pub async fn update(
    db: &Db,
    scope: &Scope,
    id: i64,
    input: &PaymentMethodInput,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    lock_organisation(&mut tx, scope).await?;
    let exists: Option<i64> = sql_tx!(
        &mut tx,
        scalar_optional,
        "SELECT id FROM payment_methods WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    exists.ok_or(AppError::NotFound)?;
    check(&mut tx, scope, input, Some(id)).await?;
    sql_tx!(
        &mut tx,
        execute,
        "UPDATE payment_methods SET name = $3, kind = $4, account_id = $5 \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        &input.name,
        input.kind.as_str(),
        input.account_id
    )?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, method = id, archived = archived))]
pub async fn set_archived(db: &Db, scope: &Scope, id: i64, archived: bool) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE payment_methods SET archived = $3 WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        archived
    )?;
    crate::db::found(changed)
}
