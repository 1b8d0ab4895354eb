//! The report's sums, aggregated in SQL. Amounts in the base currency are summed per
//! group; other currencies per group and day, so each day converts at its own rate. By
//! month, whole months come from the `monthly_totals` roll-ups and only the ragged ends
//! of the range from the ledger. The rate book that converts them is read here too, for
//! the reports and the dashboard alike.

use crate::db::Db;
use crate::error::AppError;
use crate::orgs::repo::Scope;
use crate::sql;
use florin::fx::{Rate, RateBook};
use florin::report::Grouping;
use time::Date;

/// (key, kind, total) in the base currency.
pub type InBase = Vec<(String, String, i64)>;
/// (key, currency, day, kind, total) in other currencies.
pub type Foreign = Vec<(String, String, Date, String, i64)>;

/// The organisation's rates that involve `target`, ready for many lookups.
pub async fn rate_book(db: &Db, scope: &Scope, target: &str) -> Result<RateBook, AppError> {
    let rows: Vec<(String, String, Date, i64)> = sql!(
        db,
        all,
        "SELECT base, quote, rate_date, rate_scaled FROM exchange_rates \
         WHERE organisation_id = $1 AND (base = $2 OR quote = $2)",
        scope.org_id,
        target
    )?;
    Ok(RateBook::new(
        target,
        rows.into_iter()
            .filter_map(|(b, q, d, s)| Some((b, q, d, Rate::from_scaled(s)?))),
    ))
}

/// The grouping's key as SQL text, and the join it needs.
fn key_sql(grouping: Grouping) -> (&'static str, &'static str) {
    match grouping {
        Grouping::Category => ("COALESCE(CAST(t.category_id AS TEXT), '')", ""),
        Grouping::Account => ("CAST(t.account_id AS TEXT)", ""),
        Grouping::Payee => ("t.payee", ""),
        Grouping::Tag => (
            "g.tag",
            " JOIN transaction_tags g ON g.transaction_id = t.id AND g.organisation_id = t.organisation_id",
        ),
        // Months are keyed by day here and bucketed by the caller.
        Grouping::Month => ("CAST(t.occurred_on AS TEXT)", ""),
    }
}

/// Reads the rows of `sql`, whose parameters are the organisation ($1), a currency ($2)
/// and the first and last day ($3, $4).
macro_rules! fetch_range {
    ($db:expr, $sql:expr, $scope:expr, $currency:expr, $from:expr, $to:expr) => {
        sql!($db, all, $sql, $scope.org_id, $currency, $from, $to)
    };
}

/// Sums of the ledger's income and expense from $3 to $4 for the organisation $1, in the
/// currency $2 (`currency` is `=`) or in every other (`<>`), selecting `columns` and
/// grouping by them.
fn ledger_sums(columns: &str, join: &str, currency: &str) -> String {
    format!(
        "SELECT {columns}, CAST(SUM(t.amount) AS BIGINT) AS total \
         FROM transactions t{join} \
         WHERE t.organisation_id = $1 AND t.currency {currency} $2 AND t.occurred_on >= $3 \
           AND t.occurred_on <= $4 AND t.kind <> 'transfer' \
         GROUP BY {columns}"
    )
}

/// Sums of `from..=to` grouped by `grouping`: those in `base` and, per day, the others.
pub async fn sums(
    db: &Db,
    scope: &Scope,
    grouping: Grouping,
    base: &str,
    from: Date,
    to: Date,
) -> Result<(InBase, Foreign), AppError> {
    let mut in_base = Vec::new();
    if grouping == Grouping::Month {
        let split = florin::ledger::split_for_rollups(Some(from), Some(to));
        if let Some((Some(first), Some(last))) = split.months {
            let sql = "SELECT month, kind, CAST(SUM(total) AS BIGINT) AS total FROM monthly_totals \
                 WHERE organisation_id = $1 AND currency = $2 AND month >= $3 AND month <= $4 \
                 GROUP BY month, kind";
            let rows: Vec<(Date, String, i64)> = fetch_range!(db, sql, scope, base, first, last)?;
            in_base.extend(rows.into_iter().map(|(m, k, t)| (m.to_string(), k, t)));
        }
        for (edge_from, edge_to) in split.edges.into_iter().flatten() {
            let (Some(edge_from), Some(edge_to)) = (edge_from, edge_to) else {
                continue;
            };
            in_base.extend(base_sums(db, scope, grouping, base, edge_from, edge_to).await?);
        }
    } else {
        in_base = base_sums(db, scope, grouping, base, from, to).await?;
    }
    let (key, join) = key_sql(grouping);
    let sql = ledger_sums(
        &format!("{key}, t.currency, t.occurred_on, t.kind"),
        join,
        "<>",
    );
    let foreign = fetch_range!(db, &sql, scope, base, from, to)?;
    Ok((in_base, foreign))
}

async fn base_sums(
    db: &Db,
    scope: &Scope,
    grouping: Grouping,
    base: &str,
    from: Date,
    to: Date,
) -> Result<InBase, AppError> {
    let (key, join) = key_sql(grouping);
    let sql = ledger_sums(&format!("{key}, t.kind"), join, "=");
    Ok(fetch_range!(db, &sql, scope, base, from, to)?)
}

/// Income and expense of one currency per day and kind, `from..=to`: (day, kind, total).
pub async fn daily_flows(
    db: &Db,
    scope: &Scope,
    currency: &str,
    from: Date,
    to: Date,
) -> Result<Vec<(Date, String, i64)>, AppError> {
    let sql = ledger_sums("t.occurred_on, t.kind", "", "=");
    Ok(fetch_range!(db, &sql, scope, currency, from, to)?)
}

/// Names of the organisation's categories or accounts: (id, name).
pub async fn names(
    db: &Db,
    scope: &Scope,
    grouping: Grouping,
) -> Result<Vec<(i64, String)>, AppError> {
    let sql = match grouping {
        Grouping::Category => "SELECT id, name FROM categories WHERE organisation_id = $1",
        Grouping::Account => "SELECT id, name FROM accounts WHERE organisation_id = $1",
        _ => return Ok(Vec::new()),
    };
    let rows = sql!(db, all, sql, scope.org_id)?;
    Ok(rows)
}

crate::from_row! {
    /// A saved report: its name and the query string that re-runs it.
    #[derive(Clone, Debug)]
    pub struct Saved {
        pub id: i64,
        pub name: String,
        pub query: String,
    }
}

pub async fn saved(db: &Db, scope: &Scope) -> Result<Vec<Saved>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT id, name, query FROM saved_reports WHERE organisation_id = $1 \
         ORDER BY LOWER(name), id",
        scope.org_id
    )?;
    Ok(rows)
}

/// Saves a definition; the same name again replaces its parameters.
#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn save(db: &Db, scope: &Scope, name: &str, query: &str) -> Result<(), AppError> {
    sql!(
        db,
        execute,
        "INSERT INTO saved_reports (organisation_id, name, query, created_at) \
         VALUES ($1, $2, $3, $4) \
         ON CONFLICT (organisation_id, name) DO UPDATE SET query = excluded.query",
        scope.org_id,
        name,
        query,
        time::OffsetDateTime::now_utc()
    )?;
    Ok(())
}

/// Forgets a saved definition; another organisation's id, or none, is `NotFound`.
#[tracing::instrument(skip_all, fields(org = scope.org_id, id = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let deleted = sql!(
        db,
        execute,
        "DELETE FROM saved_reports WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    crate::db::found(deleted)
}
