//! Server-side work of the budget pages: checking forms into domain values, and the
//! budget-versus-actual lines (figures from `florin::budget_lines` and `florin::planning`).

use super::plan_fields::{self, existing_id, record_id};
use super::repo::{self, BudgetRecord, EntryRecord, NewBudget};
use super::types::{BudgetFields, BudgetInput, BudgetLine, BudgetSummary, BudgetView, EntryInput};
use crate::error::{AppError, FieldErrors};
use crate::form::format_date;
use crate::orgs::Member;
use florin::budget_lines::{budget_lines, spent_total};
use florin::money::{Money, NumberFormat};
use florin::plan_labels::period_label;
use florin::planning::{BudgetCheck, Month, PlanError, copy_to_next_period, today_in};
use time::OffsetDateTime;

/// Checks every field and returns the budget to write, or all field errors at once.
pub fn parse(input: &BudgetInput, format: NumberFormat) -> Result<NewBudget, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = plan_fields::name(&input.name, &mut errors);
    let (currency, total) =
        plan_fields::currency_amount(&input.currency, &input.total, "total", format, &mut errors);
    let starts_on = plan_fields::date(&input.starts_on, "starts_on", &mut errors);
    let ends_on = plan_fields::date(&input.ends_on, "ends_on", &mut errors);
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && end < start
    {
        errors.add("ends_on", PlanError::EndBeforeStart);
    }
    match (total, starts_on, ends_on) {
        (Some(total), Some(starts_on), Some(ends_on)) if errors.is_empty() => Ok(NewBudget {
            name,
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
                period: period_label(row.starts_on, row.ends_on),
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

/// Creates (empty `id`) or updates a budget; returns its id and whether it is new.
pub async fn save(member: &Member, input: &BudgetInput) -> Result<(i64, bool), AppError> {
    let existing = existing_id(&input.id)?;
    let new = parse(input, member.number_format()).map_err(AppError::Invalid)?;
    let Some(id) = existing else {
        return Ok((repo::create(member.db(), &member.scope, &new).await?, true));
    };
    let stored = repo::find(member.db(), &member.scope, id).await?;
    if stored.currency != new.currency
        && !repo::entries(member.db(), &member.scope, id)
            .await?
            .is_empty()
    {
        return Err(plan_fields::currency_fixed(
            "The currency cannot change once entries are set; remove them first.",
        ));
    }
    repo::update(member.db(), &member.scope, id, &new).await?;
    Ok((id, false))
}

/// The budget's entries against the period's spending: one line per entry (by category
/// name), then the categories spent in without an entry, then uncategorised spending.
pub async fn view(member: &Member, id: i64) -> Result<BudgetView, AppError> {
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
    let m = |minor: i64| Money::new(minor, &b.currency).format(member.number_format());
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
    let spent: Vec<(Option<i64>, i64)> = actuals.iter().map(|(c, _, t)| (*c, *t)).collect();
    let actual_total = spent_total(&spent);
    let categories = crate::limits::repo::expense_categories(member.db(), &member.scope)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    Ok(BudgetView {
        id: b.id,
        name: b.name.clone(),
        currency: b.currency.clone(),
        period: period_label(b.starts_on, b.ends_on),
        next_period: copy_to_next_period(b.starts_on, b.ends_on)
            .ok()
            .map(|(start, end)| period_label(start, end)),
        total: m(b.total),
        entries_sum: m(check.entries_sum),
        warning,
        lines: lines(&entries, &actuals, &m),
        actual_total: m(actual_total),
        remaining_total: m(b.total.saturating_sub(actual_total)),
        over_total: actual_total > b.total,
        categories,
    })
}

/// The lines of `florin::budget_lines`, named and formatted for the page.
fn lines(
    entries: &[EntryRecord],
    actuals: &[repo::Actual],
    m: &impl Fn(i64) -> String,
) -> Vec<BudgetLine> {
    let planned: Vec<(i64, i64)> = entries.iter().map(|e| (e.category_id, e.amount)).collect();
    let spent: Vec<(Option<i64>, i64)> = actuals.iter().map(|(c, _, t)| (*c, *t)).collect();
    let name_of = |category: Option<i64>| {
        let entry = entries.iter().find(|e| Some(e.category_id) == category);
        let spent = actuals.iter().find(|(c, _, _)| *c == category);
        entry
            .map(|e| e.category_name.clone())
            .or_else(|| spent.and_then(|(_, name, _)| name.clone()))
            .unwrap_or_else(|| "Uncategorised".to_owned())
    };
    budget_lines(&planned, &spent)
        .into_iter()
        .map(|line| BudgetLine {
            category_id: line.category,
            category: name_of(line.category),
            planned: line.planned.map(m),
            actual: m(line.actual),
            remaining: line.remaining.map(m),
            percent: line.percent,
            over: line.over,
        })
        .collect()
}

/// Sets one entry after checking the budget, the category and the amount.
pub async fn save_entry(member: &Member, input: &EntryInput) -> Result<(), AppError> {
    let b = repo::find(member.db(), &member.scope, record_id(&input.budget_id)?).await?;
    let categories = crate::limits::repo::expense_categories(member.db(), &member.scope).await?;
    let mut errors = FieldErrors::new();
    let category = plan_fields::expense_category(&input.category_id, &categories, &mut errors);
    let format = member.number_format();
    let amount = plan_fields::amount(&input.amount, &b.currency, format, "amount", &mut errors);
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
