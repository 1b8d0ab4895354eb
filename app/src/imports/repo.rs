//! Import batches: the uploaded file between upload and commit, and the commit itself,
//! which marks the batch and writes every row in one database transaction.

use crate::db::Db;
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::transactions::repo::{NewTransaction, insert_in};
use crate::{sql, sql_tx};
use florin::ledger::{TransactionKind, balance_effect};
use std::collections::HashSet;
use time::{Date, OffsetDateTime};

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct Batch {
        pub id: i64,
        pub account_id: i64,
        pub file_name: String,
        pub content: Vec<u8>,
        pub row_count: i64,
        pub status: String,
        pub imported: i64,
        pub skipped: i64,
    }
}

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct BatchSummary {
        pub id: i64,
        pub file_name: String,
        pub account_name: String,
        pub row_count: i64,
        pub status: String,
        pub imported: i64,
        pub skipped: i64,
        pub created_at: OffsetDateTime,
    }
}

/// Stores an uploaded file for `account_id`, which the caller has checked belongs to the
/// organisation.
#[tracing::instrument(skip_all, fields(org = scope.org_id, account = account_id, rows = row_count))]
pub async fn create(
    db: &Db,
    scope: &Scope,
    account_id: i64,
    file_name: &str,
    content: &[u8],
    row_count: i64,
) -> Result<i64, AppError> {
    let id: i64 = sql!(
        db,
        scalar,
        "INSERT INTO import_batches (organisation_id, user_id, account_id, file_name, content, \
             row_count, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        scope.org_id,
        scope.user_id,
        account_id,
        file_name,
        content,
        row_count,
        OffsetDateTime::now_utc()
    )?;
    Ok(id)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<Batch, AppError> {
    let batch = sql!(
        db,
        one,
        "SELECT id, account_id, file_name, content, row_count, status, imported, skipped \
         FROM import_batches WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    Ok(batch)
}

/// The organisation's latest imports, newest first.
pub async fn recent(db: &Db, scope: &Scope) -> Result<Vec<BatchSummary>, AppError> {
    let sql = "SELECT b.id, b.file_name, a.name AS account_name, b.row_count, b.status, b.imported, \
                      b.skipped, b.created_at \
               FROM import_batches b JOIN accounts a ON a.id = b.account_id \
               WHERE b.organisation_id = $1 ORDER BY b.created_at DESC, b.id DESC LIMIT 10";
    crate::accounts::repo::org_rows(db, scope, sql).await
}

/// What an account already holds, for spotting rows imported before: the bank ids of all
/// its transactions, and the duplicate keys (date, signed amount, payee) of those dated
/// within `from..=to`.
pub struct Existing {
    pub external_ids: HashSet<String>,
    pub keys: HashSet<String>,
}

crate::from_row! {
    struct ExistingRow {
        occurred_on: Date,
        kind: String,
        amount: i64,
        counter_amount: Option<i64>,
        account_id: i64,
        payee: String,
    }
}

pub async fn existing(
    db: &Db,
    scope: &Scope,
    account_id: i64,
    from: Date,
    to: Date,
) -> Result<Existing, AppError> {
    let ids: Vec<String> = sql!(
        db,
        scalars,
        "SELECT external_id FROM transactions \
         WHERE organisation_id = $1 AND account_id = $2 AND external_id IS NOT NULL",
        scope.org_id,
        account_id
    )?;
    let rows: Vec<ExistingRow> = sql!(
        db,
        all,
        "SELECT occurred_on, kind, amount, counter_amount, account_id, payee FROM transactions \
         WHERE organisation_id = $1 AND (account_id = $2 OR counter_account_id = $2) \
           AND occurred_on >= $3 AND occurred_on <= $4",
        scope.org_id,
        account_id,
        from,
        to
    )?;
    let keys = rows
        .iter()
        .map(|r| {
            // Rows hold known kinds; anything else would be read as a transfer.
            let kind = TransactionKind::parse(&r.kind).unwrap_or(TransactionKind::Transfer);
            let signed =
                balance_effect(kind, r.amount, r.counter_amount, r.account_id == account_id);
            florin::import::duplicate_key(r.occurred_on, signed, &r.payee)
        })
        .collect();
    Ok(Existing {
        external_ids: ids.into_iter().collect(),
        keys,
    })
}

/// Marks the batch imported and writes its rows, all in one transaction: a second commit
/// of the same batch (a double click, two tabs) finds it no longer pending and writes
/// nothing.
#[tracing::instrument(skip_all, fields(org = scope.org_id, batch = id, rows = rows.len(), skipped = skipped))]
pub async fn commit(
    db: &Db,
    scope: &Scope,
    id: i64,
    rows: &[NewTransaction],
    skipped: i64,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let marked = sql_tx!(
        &mut tx,
        execute,
        "UPDATE import_batches SET status = 'committed', imported = $1, skipped = $2, \
             committed_at = $3 \
         WHERE organisation_id = $4 AND id = $5 AND status = 'pending'",
        i64::try_from(rows.len()).unwrap_or(i64::MAX),
        skipped,
        OffsetDateTime::now_utc(),
        scope.org_id,
        id
    )?;
    if marked == 0 {
        return Err(AppError::Conflict(
            "This file has already been imported.".into(),
        ));
    }
    for row in rows {
        insert_in(&mut tx, scope, row).await?;
    }
    tx.commit().await?;
    Ok(())
}
