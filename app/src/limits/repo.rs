//! Category limit rows, and the check the ledger runs inside every write: when an expense
//! moves its category's month across the alert threshold or the limit, each member gets
//! one notice per (category, level, month), created in the same database transaction.

use crate::db::{Db, Rule, Tx, on_violation};
use crate::error::AppError;
use crate::notifications::NotificationKind;
use crate::notifications::repo::{NewNotification, Recipients, notify};
use crate::orgs::repo::Scope;
use crate::{sql, sql_tx};
use florin::calendar::long_month_label;
use florin::limit::notice_key;
use florin::money::{Money, NumberFormat};
use florin::planning::{Level, Month, Threshold};
use time::{Date, OffsetDateTime};

crate::from_row! {
    /// A limit as stored, with its category's name.
    #[derive(Clone, Debug)]
    pub struct LimitRecord {
        pub id: i64,
        pub category_id: i64,
        pub category_name: String,
        pub amount: i64,
        pub currency: String,
        pub alert_pct: i64,
    }
}

impl LimitRecord {
    /// The stored limit as a domain value; the table's CHECKs keep it valid.
    pub fn threshold(&self) -> Option<Threshold> {
        Threshold::new(self.amount, self.alert_pct).ok()
    }
}

/// A limit with what was spent against it in one month (`total`).
pub type LimitSpending = crate::db::Totalled<LimitRecord>;

/// A limit to write, already validated.
#[derive(Clone, Debug)]
pub struct NewLimit {
    pub category_id: i64,
    pub threshold: Threshold,
    pub currency: String,
}

const SELECT: &str = "SELECT l.id, l.category_id, c.name AS category_name, l.amount, l.currency, \
        l.alert_pct \
     FROM category_limits l JOIN categories c ON c.id = l.category_id";

/// Every limit of the organisation with the month's spending: expenses of the category in
/// the limit's currency between the month's first and last day.
pub async fn with_spending(
    db: &Db,
    scope: &Scope,
    month: Month,
) -> Result<Vec<LimitSpending>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT l.id, l.category_id, c.name AS category_name, l.amount, l.currency, l.alert_pct, \
                COALESCE((SELECT CAST(SUM(t.amount) AS BIGINT) FROM transactions t \
                          WHERE t.category_id = l.category_id AND t.occurred_on >= $2 \
                            AND t.occurred_on <= $3 AND t.organisation_id = l.organisation_id \
                            AND t.kind = $4 AND t.currency = l.currency), 0) AS total \
         FROM category_limits l JOIN categories c ON c.id = l.category_id \
         WHERE l.organisation_id = $1 ORDER BY LOWER(c.name), l.id",
        scope.org_id,
        month.first_day(),
        month.last_day(),
        "expense"
    )?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<LimitRecord, AppError> {
    let sql = format!("{SELECT} WHERE l.organisation_id = $1 AND l.id = $2");
    let row: Option<LimitRecord> = sql!(db, optional, &sql, scope.org_id, id)?;
    row.ok_or(AppError::NotFound)
}

/// One limit per category: the unique index refuses a second, on the field.
const ONE_PER_CATEGORY: [Rule; 1] = [Rule {
    postgres: "category_limits_category_key",
    sqlite: "category_limits.organisation_id, category_limits.category_id",
    field: "category_id",
    message: "This category already has a limit; edit that one instead.",
}];

#[tracing::instrument(skip_all, fields(org = scope.org_id, category = new.category_id))]
pub async fn create(db: &Db, scope: &Scope, new: &NewLimit) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let id = sql!(
        db,
        scalar,
        "INSERT INTO category_limits (organisation_id, category_id, amount, currency, alert_pct, \
             created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        scope.org_id,
        new.category_id,
        new.threshold.limit(),
        &new.currency,
        i64::from(new.threshold.alert_pct()),
        now
    )
    .map_err(|e| on_violation(e, &ONE_PER_CATEGORY))?;
    Ok(id)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, limit = id, category = new.category_id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewLimit) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE category_limits SET category_id = $3, amount = $4, currency = $5, alert_pct = $6, \
             updated_at = $7 \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        new.category_id,
        new.threshold.limit(),
        &new.currency,
        i64::from(new.threshold.alert_pct()),
        OffsetDateTime::now_utc()
    )
    .map_err(|e| on_violation(e, &ONE_PER_CATEGORY))?;
    crate::db::found(changed)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, limit = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "DELETE FROM category_limits WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    crate::db::found(changed)
}

/// What one expense adds to its category's month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spend {
    pub category_id: i64,
    pub occurred_on: Date,
    pub currency: String,
    pub amount: i64,
}

/// Runs after a ledger write, inside its transaction: `removed` is the expense as it was
/// (edit, delete), `added` as it is now (insert, edit). For each category and month they
/// touch, a category without a limit costs one indexed lookup; one with a limit whose
/// spending went up costs one SUM over that category and month (`transactions_category`),
/// from which the total before the write is the total after less this write's change.
#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn after_write(
    tx: &mut Tx,
    scope: &Scope,
    removed: Option<&Spend>,
    added: Option<&Spend>,
) -> Result<(), AppError> {
    let mut keys: Vec<(i64, Month)> = Vec::with_capacity(2);
    for spend in [removed, added].into_iter().flatten() {
        let key = (spend.category_id, Month::of(spend.occurred_on));
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    for (category_id, month) in keys {
        let Some(limit) = limit_of(tx, scope, category_id).await? else {
            continue;
        };
        let Some(threshold) = limit.threshold() else {
            continue;
        };
        let counts = |spend: &Spend| {
            spend.category_id == category_id
                && Month::of(spend.occurred_on) == month
                && spend.currency == limit.currency
        };
        let change = added.filter(|s| counts(s)).map_or(0, |s| s.amount)
            - removed.filter(|s| counts(s)).map_or(0, |s| s.amount);
        // Lowering spending crosses nothing, so it needs no sum.
        if change <= 0 {
            continue;
        }
        let after = spent_in(tx, scope, &limit, month).await?;
        let before = after.saturating_sub(change);
        for level in threshold.crossings(before, after) {
            let note = notice(&limit, threshold, month, level, after);
            let members = Recipients::Members {
                org_id: scope.org_id,
            };
            notify(tx, members, &note).await?;
        }
    }
    Ok(())
}

/// The limit set on `category_id`, read inside the ledger's transaction.
async fn limit_of(
    tx: &mut Tx,
    scope: &Scope,
    category_id: i64,
) -> Result<Option<LimitRecord>, AppError> {
    let sql = format!("{SELECT} WHERE l.organisation_id = $1 AND l.category_id = $2");
    let limit = sql_tx!(tx, optional, &sql, scope.org_id, category_id)?;
    Ok(limit)
}

/// What was spent against `limit` in `month`, this transaction's writes included.
async fn spent_in(
    tx: &mut Tx,
    scope: &Scope,
    limit: &LimitRecord,
    month: Month,
) -> Result<i64, AppError> {
    let spent: Option<i64> = sql_tx!(
        tx,
        scalar,
        "SELECT CAST(SUM(amount) AS BIGINT) FROM transactions \
         WHERE category_id = $1 AND occurred_on >= $2 AND occurred_on <= $3 \
           AND organisation_id = $4 AND kind = $5 AND currency = $6",
        limit.category_id,
        month.first_day(),
        month.last_day(),
        scope.org_id,
        "expense",
        &limit.currency
    )?;
    Ok(spent.unwrap_or(0))
}

/// The notice for one crossing. Written once for every member, so amounts use the
/// default number format.
fn notice(
    limit: &LimitRecord,
    threshold: Threshold,
    month: Month,
    level: Level,
    spent: i64,
) -> NewNotification {
    let format = NumberFormat::for_locale("en");
    let m = |minor: i64| Money::new(minor, &limit.currency).format(format);
    let progress = threshold.progress(spent);
    let month_label = long_month_label(month.first_day());
    let title = match level {
        Level::Alert => format!(
            "{}: {} % of the monthly limit reached",
            limit.category_name,
            threshold.alert_pct()
        ),
        Level::Limit => format!("{}: monthly limit reached", limit.category_name),
    };
    NewNotification {
        kind: NotificationKind::ExpenseAlert,
        title,
        body: format!(
            "{} spent of {} in {month_label} ({} %).",
            m(spent),
            m(threshold.limit()),
            progress.percent_floor
        ),
        action_link: Some("/limits".to_owned()),
        dedup_key: Some(notice_key(limit.category_id, month, level)),
    }
}

/// The user's IANA time zone from their profile (UTC when unset).
pub async fn time_zone(db: &Db, user_id: i64) -> Result<String, AppError> {
    let zone: Option<String> = sql!(
        db,
        scalar_optional,
        "SELECT time_zone FROM profiles WHERE user_id = $1",
        user_id
    )?;
    Ok(zone.unwrap_or_else(|| "UTC".to_owned()))
}

/// Expense categories of the organisation that are not archived: (id, name).
pub async fn expense_categories(db: &Db, scope: &Scope) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT id, name FROM categories \
         WHERE organisation_id = $1 AND kind = $2 AND archived = $3 \
         ORDER BY LOWER(name), id",
        scope.org_id,
        "expense",
        false
    )?;
    Ok(rows)
}
