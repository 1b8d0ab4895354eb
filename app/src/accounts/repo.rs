//! Account rows and their derived balances. Every query is scoped by organisation.

use super::types::{AccountView, AccountsOverview};
use crate::db::Db;
use crate::error::AppError;
use crate::orgs::Member;
use crate::orgs::repo::Scope;
use crate::sql;
use florin::ledger::AccountKind;
use florin::money::Money;
use time::OffsetDateTime;

/// An account to store, already checked.
pub struct AccountInput {
    pub name: String,
    pub kind: AccountKind,
    pub currency: String,
    pub institution: String,
    pub opening_balance: i64,
}

crate::from_row! {
    pub struct AccountRow {
        pub id: i64,
        pub name: String,
        pub kind: String,
        pub currency: String,
        pub institution: String,
        pub opening_balance: i64,
        pub archived: bool,
        pub balance: i64,
    }
}

/// Balance = opening balance + income − expenses − transfers out + transfers in (each
/// transfer leg in its own account's currency).
const BALANCES: &str = "SELECT a.id, a.name, a.kind, a.currency, a.institution, a.opening_balance, a.archived, \
       a.opening_balance \
       + COALESCE((SELECT CAST(SUM(CASE WHEN t.kind = 'income' THEN t.amount ELSE -t.amount END) AS BIGINT) \
                   FROM transactions t WHERE t.account_id = a.id), 0) \
       + COALESCE((SELECT CAST(SUM(t.counter_amount) AS BIGINT) \
                   FROM transactions t WHERE t.counter_account_id = a.id), 0) AS balance \
     FROM accounts a WHERE a.organisation_id = $1";

/// Every row `sql` selects for the organisation, whose id it takes as `$1`. The ledger's
/// repositories share it; it would sit as well in `crate::db`.
pub async fn org_rows<T>(db: &Db, scope: &Scope, sql: &str) -> Result<Vec<T>, AppError>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    let rows = sql!(db, all, sql, scope.org_id)?;
    Ok(rows)
}

pub async fn rows(db: &Db, scope: &Scope) -> Result<Vec<AccountRow>, AppError> {
    let sql = format!("{BALANCES} ORDER BY a.archived, LOWER(a.name), a.id");
    org_rows(db, scope, &sql).await
}

/// The accounts page: balances in each account's currency and in the base currency
/// (today's rate), with a total of what could be converted.
pub async fn page(member: &Member) -> Result<AccountsOverview, AppError> {
    let format = member.number_format();
    let base = member.user.base_currency.clone();
    let today = OffsetDateTime::now_utc().date();
    let mut accounts = Vec::new();
    let mut total: i64 = 0;
    let mut unconverted = 0;
    for row in rows(member.db(), &member.scope).await? {
        let rate = crate::rates::repo::on_or_before(
            member.db(),
            member.org(),
            &row.currency,
            &base,
            today,
        )
        .await?;
        let converted =
            rate.and_then(|r| florin::fx::convert(row.balance, &row.currency, &base, r));
        if !row.archived {
            match converted {
                Some(amount) => total = total.saturating_add(amount),
                None => unconverted += 1,
            }
        }
        let kind = AccountKind::parse(&row.kind);
        accounts.push(AccountView {
            id: row.id,
            kind_label: kind.map_or_else(|| row.kind.clone(), |k| k.label().to_owned()),
            kind: row.kind,
            opening_balance_input: Money::new(row.opening_balance, &row.currency)
                .format_number(format),
            balance: Money::new(row.balance, &row.currency).format(format),
            base_balance: converted.map(|amount| Money::new(amount, &base).format(format)),
            name: row.name,
            currency: row.currency,
            institution: row.institution,
            archived: row.archived,
        });
    }
    Ok(AccountsOverview {
        accounts,
        total: Money::new(total, &base).format(format),
        base_currency: base,
        unconverted,
    })
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, input: &AccountInput) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let id = sql!(
        db,
        scalar,
        "INSERT INTO accounts (organisation_id, name, kind, currency, institution, opening_balance, \
                               archived, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        scope.org_id,
        &input.name,
        input.kind.as_str(),
        &input.currency,
        &input.institution,
        input.opening_balance,
        false,
        now
    )?;
    Ok(id)
}

/// Updates an account. Its currency may only change while no transaction uses it, since
/// stored amounts are in that currency.
#[tracing::instrument(skip_all, fields(org = scope.org_id, account = id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, input: &AccountInput) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let current: Option<String> = crate::sql_tx!(
        &mut tx,
        scalar_optional,
        "SELECT currency FROM accounts WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    let current = current.ok_or(AppError::NotFound)?;
    if current != input.currency {
        let used: i64 = crate::sql_tx!(
            &mut tx,
            scalar,
            "SELECT COUNT(*) FROM transactions WHERE account_id = $1 OR counter_account_id = $1",
            id
        )?;
        if used > 0 {
            let message = "This account has transactions, so its currency cannot change.";
            return Err(super::form_parts::refused("currency", message));
        }
    }
    crate::sql_tx!(
        &mut tx,
        execute,
        "UPDATE accounts SET name = $3, kind = $4, currency = $5, institution = $6, \
         opening_balance = $7, updated_at = $8 WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        &input.name,
        input.kind.as_str(),
        &input.currency,
        &input.institution,
        input.opening_balance,
        OffsetDateTime::now_utc()
    )?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, account = id, archived = archived))]
pub async fn set_archived(db: &Db, scope: &Scope, id: i64, archived: bool) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE accounts SET archived = $3, updated_at = $4 WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        archived,
        OffsetDateTime::now_utc()
    )?;
    crate::db::found(changed)
}
