//! Exchange-rate rows, per organisation: looking a rate up for a date (in either direction
//! of the pair), listing, storing one or many in one transaction, and deleting.

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::{on_db, sql, sql_tx};
use florin::fx::Rate;
use time::{Date, OffsetDateTime};

/// The rate to convert `from` into `to` on `on`: the latest entered on or before that
/// date, stored either way round (an inverse is inverted). `None` when there is none —
/// never a silent 1.
pub async fn on_or_before(
    db: &Db,
    org: i64,
    from: &str,
    to: &str,
    on: Date,
) -> Result<Option<Rate>, AppError> {
    if from == to {
        return Ok(Rate::from_scaled(florin::fx::SCALE));
    }
    let row: Option<(String, i64)> = sql!(
        db,
        optional,
        "SELECT base, rate_scaled FROM exchange_rates \
         WHERE organisation_id = $1 AND rate_date <= $4 \
           AND ((base = $2 AND quote = $3) OR (base = $3 AND quote = $2)) \
         ORDER BY rate_date DESC, CASE WHEN base = $2 THEN 0 ELSE 1 END LIMIT 1",
        org,
        from,
        to,
        on
    )?;
    Ok(row.and_then(|(base, scaled)| {
        let rate = Rate::from_scaled(scaled)?;
        Some(if base == from { rate } else { rate.inverse() })
    }))
}

/// The one upsert of a rate, valid on both databases: a rate for the same pair and date
/// is replaced, and remembers where its value came from.
const UPSERT: &str = "INSERT INTO exchange_rates (organisation_id, rate_date, base, quote, rate_scaled, source, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7) \
     ON CONFLICT (organisation_id, base, quote, rate_date) \
     DO UPDATE SET rate_scaled = excluded.rate_scaled, source = excluded.source";

/// Stores a rate, replacing one for the same pair and date.
#[tracing::instrument(skip_all, fields(org = org, on = %on, base = base, quote = quote))]
pub async fn upsert(
    db: &Db,
    org: i64,
    on: Date,
    base: &str,
    quote: &str,
    rate: Rate,
    source: &str,
) -> Result<(), AppError> {
    sql!(
        db,
        execute,
        UPSERT,
        org,
        on,
        base,
        quote,
        rate.scaled(),
        source,
        OffsetDateTime::now_utc()
    )?;
    Ok(())
}

/// A validated rate to store: one unit of `base` is worth `rate` units of `quote`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRate {
    pub date: Date,
    pub base: String,
    pub quote: String,
    pub rate: Rate,
}

/// How many rates a save added, and how many replaced an existing one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    pub added: usize,
    pub updated: usize,
}

/// Stores every rate, or none: one database transaction for the lot.
#[tracing::instrument(skip_all, fields(org = scope.org_id, rates = rates.len(), source = source))]
pub async fn save_all(
    db: &Db,
    scope: &Scope,
    rates: &[NewRate],
    source: &str,
) -> Result<Saved, AppError> {
    let mut tx = db.begin().await?;
    let mut saved = Saved::default();
    let now = OffsetDateTime::now_utc();
    for rate in rates {
        if exists(&mut tx, scope, rate).await? {
            saved.updated += 1;
        } else {
            saved.added += 1;
        }
        sql_tx!(
            &mut tx,
            execute,
            UPSERT,
            scope.org_id,
            rate.date,
            &rate.base,
            &rate.quote,
            rate.rate.scaled(),
            source,
            now
        )?;
    }
    tx.commit().await?;
    Ok(saved)
}

async fn exists(tx: &mut Tx, scope: &Scope, rate: &NewRate) -> Result<bool, AppError> {
    let found: Option<i64> = sql_tx!(
        tx,
        scalar_optional,
        "SELECT id FROM exchange_rates \
         WHERE organisation_id = $1 AND base = $2 AND quote = $3 AND rate_date = $4",
        scope.org_id,
        &rate.base,
        &rate.quote,
        rate.date
    )?;
    Ok(found.is_some())
}

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct RateRow {
        pub id: i64,
        pub rate_date: Date,
        pub base: String,
        pub quote: String,
        pub rate_scaled: i64,
        pub source: String,
    }
}

/// Which rates to list; `None` means no bound.
#[derive(Clone, Debug, Default)]
pub struct RateFilter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Rates where this currency is on either side.
    pub currency: Option<String>,
}

const COLUMNS: &str = "SELECT id, rate_date, base, quote, rate_scaled, source FROM exchange_rates";

/// The organisation's rates, newest first, at most `limit`.
pub async fn list(
    db: &Db,
    scope: &Scope,
    filter: &RateFilter,
    limit: i64,
) -> Result<Vec<RateRow>, AppError> {
    let mut sql = format!("{COLUMNS} WHERE organisation_id = $1");
    let mut n = 1;
    let mut next = || {
        n += 1;
        n
    };
    if filter.from.is_some() {
        sql.push_str(&format!(" AND rate_date >= ${}", next()));
    }
    if filter.to.is_some() {
        sql.push_str(&format!(" AND rate_date <= ${}", next()));
    }
    if filter.currency.is_some() {
        let k = next();
        sql.push_str(&format!(" AND (base = ${k} OR quote = ${k})"));
    }
    sql.push_str(&format!(
        " ORDER BY rate_date DESC, base, quote, id DESC LIMIT ${}",
        next()
    ));
    let rows = on_db!(db, |pool| {
        let mut query = sqlx::query_as(&sql).bind(scope.org_id);
        if let Some(from) = filter.from {
            query = query.bind(from);
        }
        if let Some(to) = filter.to {
            query = query.bind(to);
        }
        if let Some(currency) = &filter.currency {
            query = query.bind(currency);
        }
        query.bind(limit).fetch_all(pool).await
    })?;
    Ok(rows)
}

/// One rate of the organisation; `NotFound` for any other id.
pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<RateRow, AppError> {
    let sql = format!("{COLUMNS} WHERE organisation_id = $1 AND id = $2");
    let row: Option<RateRow> = sql!(db, optional, &sql, scope.org_id, id)?;
    row.ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, rate = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let deleted = sql!(
        db,
        execute,
        "DELETE FROM exchange_rates WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    crate::db::found(deleted)
}
