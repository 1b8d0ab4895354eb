//! Server-side work of the budget pages: parsing forms into domain values, and the
//! budget-versus-actual lines (figures from `florin::planning`).

use super::edit::BudgetFields;
use super::repo::{self, BudgetRecord, NewBudget};
use super::{BudgetLine, BudgetSummary, BudgetView};
use crate::error::{AppError, FieldErrors};
pub use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::money::{Money, NumberFormat};
use florin::planning::{BudgetCheck, Month, PlanError, Threshold, copy_to_next_period, today_in};
use time::{Date, OffsetDateTime};

const MAX_NAME: usize = 80;

fn period(start: Date, end: Date) -> String {
    format!("{} – {}", format_date(start), format_date(end))
}

/// The budget form as posted.
pub struct RawBudget<'a> {
    pub name: &'a str,
    pub currency: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub total: &'a str,
}

/// Parses an amount of money that may be zero but not negative.
fn amount(
    raw: &str,
    currency: &str,
    format: NumberFormat,
    field: &str,
    errors: &mut FieldErrors,
) -> Option<i64> {
    match Money::parse(raw, currency, format) {
        Ok(money) if money.minor < 0 => {
            errors.add(field, PlanError::NegativeAmount);
            None
        }
        Ok(money) => Some(money.minor),
        Err(error) => {
            errors.add(field, error);
            None
        }
    }
}

/// Checks every field and returns the budget to write, or all field errors at once.
pub fn parse(raw: &RawBudget<'_>, format: NumberFormat) -> Result<NewBudget, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = raw.name.trim();
    if name.is_empty() {
        errors.add("name", "Enter a name.");
    } else if name.chars().count() > MAX_NAME {
        errors.add("name", format!("Use at most {MAX_NAME} characters."));
    }
    let currency = raw.currency.trim().to_ascii_uppercase();
    let total = if florin::currency::find(&currency).is_none() {
        errors.add("currency", "Choose a currency from the list.");
        None
    } else {
        amount(raw.total, &currency, format, "total", &mut errors)
    };
    let date = |raw: &str, field: &str, errors: &mut FieldErrors| {
        let parsed = parse_date(raw);
        if parsed.is_none() {
            errors.add(field, "Enter a date like 2026-01-31.");
        }
        parsed
    };
    let starts_on = date(raw.starts_on, "starts_on", &mut errors);
    let ends_on = date(raw.ends_on, "ends_on", &mut errors);
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && end < start
    {
        errors.add("ends_on", PlanError::EndBeforeStart);
    }
    match (total, starts_on, ends_on) {
        (Some(total), Some(starts_on), Some(ends_on)) if errors.is_empty() => Ok(NewBudget {
            name: name.to_owned(),
            currency,
            starts_on,
            ends_on,
            total,
        }),
        _ => Err(errors),
    }
}

pub async fn list(member: &Member) -> Result<Vec<BudgetSummary>, AppError> {
    let format = member.number_format();
    let rows = repo::list(member.db(), &member.scope).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let m = |minor: i64| Money::new(minor, &row.currency).format(format);
            BudgetSummary {
                id: row.id,
                name: row.name.clone(),
                period: period(row.starts_on, row.ends_on),
                total: m(row.total),
                entries_sum: m(row.entries_sum),
                over: row.entries_sum > row.total,
            }
        })
        .collect())
}

pub async fn form(member: &Member, id: Option<i64>) -> Result<BudgetFields, AppError> {
    let Some(id) = id else {
        // A new budget starts as the current month where the user lives.
        let zone = crate::limits::repo::time_zone(member.db(), member.user.id).await?;
        let month = Month::of(today_in(&zone, OffsetDateTime::now_utc()));
        return Ok(BudgetFields {
            currency: member.user.base_currency.clone(),
            starts_on: format_date(month.first_day()),
            ends_on: format_date(month.last_day()),
            ..BudgetFields::default()
        });
    };
    let b = repo::find(member.db(), &member.scope, id).await?;
    Ok(BudgetFields {
        id: b.id.to_string(),
        name: b.name,
        total: Money::new(b.total, &b.currency).format_number(member.number_format()),
        currency: b.currency,
        starts_on: format_date(b.starts_on),
        ends_on: format_date(b.ends_on),
    })
}

/// Creates (`existing` None) or updates a budget; returns its id and whether it is new.
pub async fn save(
    member: &Member,
    existing: Option<i64>,
    raw: &RawBudget<'_>,
) -> Result<(i64, bool), AppError> {
    let new = parse(raw, member.number_format()).map_err(AppError::Invalid)?;
    match existing {
        None => Ok((repo::create(member.db(), &member.scope, &new).await?, true)),
        Some(id) => {
            // Entries are minor units of the budget's currency: another currency (with
            // another exponent) would silently change what they mean.
            let stored = repo::find(member.db(), &member.scope, id).await?;
            if stored.currency != new.currency
                && !repo::entries(member.db(), &member.scope, id)
                    .await?
                    .is_empty()
            {
                let mut errors = FieldErrors::new();
                errors.add(
                    "currency",
                    "The currency cannot change once entries are set; remove them first.",
                );
                return Err(AppError::Invalid(errors));
            }
            repo::update(member.db(), &member.scope, id, &new).await?;
            Ok((id, false))
        }
    }
}

/// The budget's entries against the period's spending: one line per entry (by category
/// name), then the categories spent in without an entry, then uncategorised spending.
pub async fn view(member: &Member, id: i64) -> Result<BudgetView, AppError> {
    let format = member.number_format();
    let b: BudgetRecord = repo::find(member.db(), &member.scope, id).await?;
    let entries = repo::entries(member.db(), &member.scope, id).await?;
    let actuals = repo::actuals(
        member.db(),
        &member.scope,
        &b.currency,
        b.starts_on,
        b.ends_on,
    )
    .await?;
    let m = |minor: i64| Money::new(minor, &b.currency).format(format);
    let spent_in = |category: Option<i64>| {
        actuals
            .iter()
            .find(|(c, _, _)| *c == category)
            .map_or(0, |(_, _, total)| *total)
    };
    let mut lines: Vec<BudgetLine> = entries
        .iter()
        .map(|e| {
            let actual = spent_in(Some(e.category_id));
            let progress = Threshold::new(e.amount, 100)
                .ok()
                .map(|t| t.progress(actual));
            BudgetLine {
                category_id: Some(e.category_id),
                category: e.category_name.clone(),
                planned: Some(m(e.amount)),
                actual: m(actual),
                remaining: Some(m(e.amount.saturating_sub(actual))),
                percent: progress.map(|p| p.percent_floor),
                over: actual > e.amount,
            }
        })
        .collect();
    for (category_id, name, total) in &actuals {
        if category_id.is_some() && entries.iter().any(|e| Some(e.category_id) == *category_id) {
            continue;
        }
        lines.push(BudgetLine {
            category_id: *category_id,
            category: name.clone().unwrap_or_else(|| "Uncategorised".to_owned()),
            planned: None,
            actual: m(*total),
            remaining: None,
            percent: None,
            over: false,
        });
    }
    let amounts: Vec<i64> = entries.iter().map(|e| e.amount).collect();
    let check = BudgetCheck::of(b.total, &amounts).map_err(AppError::internal)?;
    let warning = check.over_by.map(|over| {
        format!(
            "the entries add up to {}, {} more than the total of {}.",
            m(check.entries_sum),
            m(over),
            m(b.total)
        )
    });
    let actual_total = actuals
        .iter()
        .fold(0_i64, |sum, (_, _, total)| sum.saturating_add(*total));
    let categories = crate::limits::repo::expense_categories(member.db(), &member.scope)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    Ok(BudgetView {
        id: b.id,
        name: b.name.clone(),
        currency: b.currency.clone(),
        period: period(b.starts_on, b.ends_on),
        next_period: copy_to_next_period(b.starts_on, b.ends_on)
            .ok()
            .map(|(start, end)| period(start, end)),
        total: m(b.total),
        entries_sum: m(check.entries_sum),
        warning,
        lines,
        actual_total: m(actual_total),
        remaining_total: m(b.total.saturating_sub(actual_total)),
        over_total: actual_total > b.total,
        categories,
    })
}

/// Sets one entry after checking the budget, the category and the amount.
pub async fn save_entry(
    member: &Member,
    budget_id: i64,
    category_id: &str,
    raw_amount: &str,
) -> Result<(), AppError> {
    let b = repo::find(member.db(), &member.scope, budget_id).await?;
    let categories = crate::limits::repo::expense_categories(member.db(), &member.scope).await?;
    let mut errors = FieldErrors::new();
    let category = match category_id.trim().parse::<i64>() {
        Ok(id) if categories.iter().any(|(c, _)| *c == id) => Some(id),
        _ if category_id.trim().is_empty() => {
            errors.add("category_id", "Choose an expense category.");
            None
        }
        _ => {
            errors.add("category_id", "Choose a category from the list.");
            None
        }
    };
    let amount = amount(
        raw_amount,
        &b.currency,
        member.number_format(),
        "amount",
        &mut errors,
    );
    match (category, amount) {
        (Some(category), Some(amount)) if errors.is_empty() => {
            repo::set_entry(member.db(), &member.scope, b.id, category, amount).await
        }
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Copies a budget to the period after its own (`copy_to_next_period`), entries included.
pub async fn copy(member: &Member, id: i64) -> Result<i64, AppError> {
    let b = repo::find(member.db(), &member.scope, id).await?;
    let (start, end) = copy_to_next_period(b.starts_on, b.ends_on)
        .map_err(|error| AppError::Invalid(FieldErrors::form(error)))?;
    repo::copy(member.db(), &member.scope, &b, start, end).await
}
