//! Looking rates up: the rate on or before a date, in either direction of the pair.

use crate::db::Db;
use crate::error::AppError;
use crate::on_db;
use florin::fx::Rate;
use time::Date;

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
    let row: Option<(String, i64)> = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT base, rate_scaled FROM exchange_rates \
             WHERE organisation_id = $1 AND rate_date <= $4 \
               AND ((base = $2 AND quote = $3) OR (base = $3 AND quote = $2)) \
             ORDER BY rate_date DESC, CASE WHEN base = $2 THEN 0 ELSE 1 END LIMIT 1",
        )
        .bind(org)
        .bind(from)
        .bind(to)
        .bind(on)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|(base, scaled)| {
        let rate = Rate::from_scaled(scaled)?;
        Some(if base == from { rate } else { rate.inverse() })
    }))
}

/// Stores a rate, replacing one for the same pair and date.
pub async fn upsert(
    db: &Db,
    org: i64,
    on: Date,
    base: &str,
    quote: &str,
    rate: Rate,
    source: &str,
) -> Result<(), AppError> {
    on_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO exchange_rates (organisation_id, rate_date, base, quote, rate_scaled, source, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (organisation_id, base, quote, rate_date) \
             DO UPDATE SET rate_scaled = excluded.rate_scaled, source = excluded.source",
        )
        .bind(org)
        .bind(on)
        .bind(base)
        .bind(quote)
        .bind(rate.scaled())
        .bind(source)
        .bind(time::OffsetDateTime::now_utc())
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(())
}
