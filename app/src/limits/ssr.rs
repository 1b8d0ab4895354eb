//! Server-side work of the limit pages: parsing the form into a `Threshold`, and shaping
//! the month's spending for display.
//!
//! Rule: pages call this module; it calls `repo` and imports no page.

use super::repo::{self, LimitSpending, NewLimit};
use super::types::{LimitFields, LimitInput, LimitView, LimitsOverview};
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;
pub use florin::limit::DEFAULT_ALERT_PCT;
use florin::limit::{status_class, status_label};
use florin::money::{Money, NumberFormat};
use florin::planning::{Month, PlanError, Threshold, today_in};
use time::OffsetDateTime;

/// The current month where the user lives.
pub async fn current_month(member: &Member) -> Result<Month, AppError> {
    let zone = repo::time_zone(member.db(), member.user.id).await?;
    Ok(Month::of(today_in(&zone, OffsetDateTime::now_utc())))
}

/// "March 2029", as headings name a month.
pub fn month_label(month: Month) -> String {
    florin::calendar::long_month_label(month.first_day())
}

pub async fn overview(member: &Member, month: Option<Month>) -> Result<LimitsOverview, AppError> {
    let format = member.number_format();
    let month = match month {
        Some(month) => month,
        None => current_month(member).await?,
    };
    let previous = month.add_months(-1).unwrap_or(month);
    let next = month.next();
    let rows = repo::with_spending(member.db(), &member.scope, month).await?;
    let limits = rows.iter().filter_map(|row| view(row, format)).collect();
    Ok(LimitsOverview {
        month: month_label(month),
        previous: previous.to_string(),
        next: next.to_string(),
        previous_label: month_label(previous),
        next_label: month_label(next),
        limits,
    })
}

/// One limit's row as the page shows it; `None` for a stored limit that is not valid.
fn view(spending: &LimitSpending, format: NumberFormat) -> Option<LimitView> {
    let row = &spending.record;
    let threshold = row.threshold()?;
    let progress = threshold.progress(spending.total);
    let m = |minor: i64| Money::new(minor, &row.currency).format(format);
    Some(LimitView {
        id: row.id,
        category: row.category_name.clone(),
        currency: row.currency.clone(),
        limit: m(progress.limit),
        spent: m(progress.spent),
        remaining: m(progress.remaining),
        percent: progress.percent_floor,
        alert_pct: threshold.alert_pct(),
        status: status_class(progress.status).to_owned(),
        status_label: status_label(progress.status).to_owned(),
    })
}

pub async fn form(member: &Member, id: Option<i64>) -> Result<LimitFields, AppError> {
    let mut categories: Vec<(String, String)> =
        repo::expense_categories(member.db(), &member.scope)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect();
    let Some(id) = id else {
        return Ok(LimitFields {
            currency: member.user.base_currency.clone(),
            alert_pct: DEFAULT_ALERT_PCT.to_string(),
            categories,
            ..LimitFields::default()
        });
    };
    let record = repo::find(member.db(), &member.scope, id).await?;
    let category_id = record.category_id.to_string();
    // An archived category keeps its limit and stays selectable on its own form.
    if !categories.iter().any(|(value, _)| *value == category_id) {
        categories.push((category_id.clone(), record.category_name.clone()));
    }
    Ok(LimitFields {
        id: record.id.to_string(),
        category_id,
        amount: Money::new(record.amount, &record.currency).format_number(member.number_format()),
        currency: record.currency,
        alert_pct: record.alert_pct.to_string(),
        categories,
    })
}

/// Checks every field and returns the limit to write, or all field errors at once.
pub fn parse(
    input: &LimitInput,
    format: NumberFormat,
    categories: &[(i64, String)],
) -> Result<NewLimit, FieldErrors> {
    let mut errors = FieldErrors::new();
    let category_id = match input.category_id.trim().parse::<i64>() {
        Ok(id) if categories.iter().any(|(c, _)| *c == id) => Some(id),
        _ if input.category_id.trim().is_empty() => {
            errors.add("category_id", "Choose an expense category.");
            None
        }
        _ => {
            errors.add("category_id", "Choose a category from the list.");
            None
        }
    };
    let currency = input.currency.trim().to_ascii_uppercase();
    if florin::currency::find(&currency).is_none() {
        errors.add("currency", "Choose a currency from the list.");
    }
    let amount = match Money::parse(&input.amount, &currency, format) {
        Ok(money) => Some(money.minor),
        Err(_) if florin::currency::find(&currency).is_none() => None,
        Err(error) => {
            errors.add("amount", error);
            None
        }
    };
    let alert_pct = match input.alert_pct.trim() {
        "" => Some(DEFAULT_ALERT_PCT),
        text => match text.parse::<i64>() {
            Ok(pct) => Some(pct),
            Err(_) => {
                errors.add("alert_pct", PlanError::AlertPercentOutOfRange);
                None
            }
        },
    };
    let threshold = match (amount, alert_pct) {
        (Some(amount), Some(pct)) => match Threshold::new(amount, pct) {
            Ok(threshold) => Some(threshold),
            Err(error @ PlanError::AlertPercentOutOfRange) => {
                errors.add("alert_pct", error);
                None
            }
            Err(error) => {
                errors.add("amount", error);
                None
            }
        },
        (Some(amount), None) if amount <= 0 => {
            errors.add("amount", PlanError::LimitNotPositive);
            None
        }
        _ => None,
    };
    match (category_id, threshold) {
        (Some(category_id), Some(threshold)) if errors.is_empty() => Ok(NewLimit {
            category_id,
            threshold,
            currency,
        }),
        _ => Err(errors),
    }
}

/// Creates (empty `id`) or updates a limit; returns its id and whether it is new. A
/// category that has a limit already is refused by the write itself (`repo`).
pub async fn save(member: &Member, input: &LimitInput) -> Result<(i64, bool), AppError> {
    let existing = match input.id.trim() {
        "" => None,
        raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    let mut allowed = repo::expense_categories(member.db(), &member.scope).await?;
    if let Some(id) = existing {
        // Editing keeps a limit on a category archived since.
        let record = repo::find(member.db(), &member.scope, id).await?;
        if !allowed.iter().any(|(c, _)| *c == record.category_id) {
            allowed.push((record.category_id, record.category_name));
        }
    }
    let new = parse(input, member.number_format(), &allowed).map_err(AppError::Invalid)?;
    match existing {
        None => Ok((repo::create(member.db(), &member.scope, &new).await?, true)),
        Some(id) => {
            repo::update(member.db(), &member.scope, id, &new).await?;
            Ok((id, false))
        }
    }
}
