//! Server-side work of the cycle pages: parsing the form, generating expected expenses
//! from the active templates, refusing changes to a completed cycle, and the
//! expected-versus-actual lines (figures from `florin::planning`).

use super::edit::CycleFields;
use super::repo::{self, CycleRecord, NewCycle, NewExpense};
use super::{CycleLine, CycleSummary, CycleView, ExpectedExpense};
use crate::error::{AppError, FieldErrors};
use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use crate::templates::ssr::amount;
use florin::money::{Money, NumberFormat};
use florin::planning::{
    Cycle, CycleStatus, CycleTotals, DEFAULT_CYCLE_DAYS, PlanError, Threshold, cycle_occurrences,
    expected_versus_actual, today_in,
};
use time::{Date, OffsetDateTime};

const MAX_NAME: usize = 80;

fn period(start: Date, end: Date, days: i64) -> String {
    let unit = if days == 1 { "day" } else { "days" };
    format!(
        "{} – {} ({days} {unit})",
        format_date(start),
        format_date(end)
    )
}

/// The cycle form as posted.
pub struct RawCycle<'a> {
    pub name: &'a str,
    pub starts_on: &'a str,
    pub length_days: &'a str,
    pub currency: &'a str,
    pub expected_income: &'a str,
}

/// Checks every field and returns the cycle to write, or all field errors at once.
pub fn parse(raw: &RawCycle<'_>, format: NumberFormat) -> Result<NewCycle, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = raw.name.trim();
    if name.is_empty() {
        errors.add("name", "Enter a name.");
    } else if name.chars().count() > MAX_NAME {
        errors.add("name", format!("Use at most {MAX_NAME} characters."));
    }
    let currency = raw.currency.trim().to_ascii_uppercase();
    let income = if florin::currency::find(&currency).is_none() {
        errors.add("currency", "Choose a currency from the list.");
        None
    } else {
        amount(
            raw.expected_income,
            &currency,
            format,
            "expected_income",
            &mut errors,
        )
    };
    let starts_on = parse_date(raw.starts_on);
    if starts_on.is_none() {
        errors.add("starts_on", "Enter a date like 2026-01-31.");
    }
    let length = match raw.length_days.trim().parse::<i64>() {
        Ok(days) => Some(days),
        Err(_) => {
            errors.add("length_days", "Enter a whole number of days.");
            None
        }
    };
    let cycle = match (starts_on, length) {
        (Some(start), Some(days)) => match Cycle::new(start, days) {
            Ok(cycle) => Some(cycle),
            Err(error @ PlanError::DateOutOfRange) => {
                errors.add("starts_on", error);
                None
            }
            Err(error) => {
                errors.add("length_days", error);
                None
            }
        },
        _ => None,
    };
    match (cycle, income) {
        (Some(cycle), Some(expected_income)) if errors.is_empty() => Ok(NewCycle {
            name: name.to_owned(),
            starts_on: cycle.start(),
            length_days: cycle.length_days(),
            ends_on: cycle.end(),
            currency,
            expected_income,
        }),
        _ => Err(errors),
    }
}

/// The refusal shown when a completed cycle would change, for the whole form.
fn read_only() -> AppError {
    AppError::Invalid(FieldErrors::form(PlanError::CycleReadOnly))
}

/// After a conditional write changed nothing: the cycle is another organisation's (or
/// gone), or it is completed.
async fn refused(member: &Member, id: i64) -> AppError {
    match repo::find(member.db(), &member.scope, id).await {
        Ok(cycle) if cycle.status == CycleStatus::Completed.as_str() => read_only(),
        Ok(_) => AppError::Conflict("The cycle changed meanwhile; please try again.".into()),
        Err(error) => error,
    }
}

pub async fn list(member: &Member) -> Result<Vec<CycleSummary>, AppError> {
    let format = member.number_format();
    let rows = repo::list(member.db(), &member.scope).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let m = |minor: i64| Money::new(minor, &row.currency).format(format);
            CycleSummary {
                id: row.id,
                name: row.name.clone(),
                period: period(row.starts_on, row.ends_on, row.length_days),
                status: CycleStatus::parse(&row.status)
                    .map_or_else(|| row.status.clone(), |s| s.label().to_owned()),
                expected_income: m(row.expected_income),
                expected_expenses: m(row.expected_sum),
            }
        })
        .collect())
}

pub async fn form(member: &Member, id: Option<i64>) -> Result<CycleFields, AppError> {
    let Some(id) = id else {
        let zone = crate::limits::repo::time_zone(member.db(), member.user.id).await?;
        return Ok(CycleFields {
            currency: member.user.base_currency.clone(),
            starts_on: format_date(today_in(&zone, OffsetDateTime::now_utc())),
            length_days: DEFAULT_CYCLE_DAYS.to_string(),
            generate: true,
            ..CycleFields::default()
        });
    };
    let c = repo::find(member.db(), &member.scope, id).await?;
    Ok(CycleFields {
        id: c.id.to_string(),
        name: c.name.clone(),
        starts_on: format_date(c.starts_on),
        length_days: c.length_days.to_string(),
        expected_income: Money::new(c.expected_income, &c.currency)
            .format_number(member.number_format()),
        currency: c.currency.clone(),
        generate: false,
        read_only: c.status()?.is_read_only(),
        period: period(c.starts_on, c.ends_on, c.length_days),
    })
}

/// The expected expenses the active templates in the cycle's currency give it: one per
/// date each template falls on within the cycle.
async fn generate(member: &Member, new: &NewCycle) -> Result<(Vec<NewExpense>, usize), AppError> {
    let cycle = Cycle::new(new.starts_on, new.length_days)
        .map_err(|error| AppError::Invalid(FieldErrors::form(error)))?;
    let templates =
        crate::templates::repo::active_in(member.db(), &member.scope, &new.currency).await?;
    let mut expenses = Vec::new();
    let mut used = 0;
    for t in &templates {
        let frequency = t.frequency().map_err(AppError::internal)?;
        let dates = cycle_occurrences(cycle, frequency, t.starts_on).map_err(AppError::internal)?;
        used += usize::from(!dates.is_empty());
        expenses.extend(dates.into_iter().map(|due_on| NewExpense {
            template_id: Some(t.id),
            name: t.name.clone(),
            category_id: t.category_id,
            payment_method_id: t.payment_method_id,
            due_on,
            amount: t.amount,
        }));
    }
    Ok((expenses, used))
}

/// What a save did, for the flash message.
pub enum Saved {
    Created { expenses: usize, templates: usize },
    Updated,
}

/// Creates a draft cycle (`existing` None), with its expected expenses from the templates
/// when `from_templates`, or updates one that is not completed.
pub async fn save(
    member: &Member,
    existing: Option<i64>,
    raw: &RawCycle<'_>,
    from_templates: bool,
) -> Result<(i64, Saved), AppError> {
    let parsed = parse(raw, member.number_format());
    let Some(id) = existing else {
        let new = parsed.map_err(AppError::Invalid)?;
        let (expenses, templates) = if from_templates {
            generate(member, &new).await?
        } else {
            (Vec::new(), 0)
        };
        let id = repo::create(member.db(), &member.scope, &new, &expenses).await?;
        let saved = Saved::Created {
            expenses: expenses.len(),
            templates,
        };
        return Ok((id, saved));
    };
    // A completed cycle is refused before its fields are even looked at.
    let stored: CycleRecord = repo::find(member.db(), &member.scope, id).await?;
    stored
        .status()?
        .ensure_editable()
        .map_err(|_| read_only())?;
    let new = parsed.map_err(AppError::Invalid)?;
    // Expected expenses are minor units of the cycle's currency: another currency (with
    // another exponent) would silently change what they mean.
    if stored.currency != new.currency
        && !repo::expenses(member.db(), &member.scope, id)
            .await?
            .is_empty()
    {
        let mut errors = FieldErrors::new();
        errors.add(
            "currency",
            "The currency cannot change once the cycle has expected expenses.",
        );
        return Err(AppError::Invalid(errors));
    }
    if !repo::update(member.db(), &member.scope, id, &new).await? {
        return Err(refused(member, id).await);
    }
    Ok((id, Saved::Updated))
}

/// Moves a cycle one step along draft → active → completed.
pub async fn change_status(member: &Member, id: i64, raw: &str) -> Result<CycleStatus, AppError> {
    let stored = repo::find(member.db(), &member.scope, id).await?;
    let from = stored.status()?;
    let Some(to) = CycleStatus::parse(raw) else {
        return Err(AppError::Invalid(FieldErrors::form(
            "Choose draft, active or completed.",
        )));
    };
    let to = from
        .transition_to(to)
        .map_err(|error| AppError::Invalid(FieldErrors::form(error)))?;
    if !repo::set_status(member.db(), &member.scope, id, from, to).await? {
        return Err(refused(member, id).await);
    }
    Ok(to)
}

pub async fn delete(member: &Member, id: i64) -> Result<(), AppError> {
    if repo::delete(member.db(), &member.scope, id).await? {
        Ok(())
    } else {
        Err(refused(member, id).await)
    }
}

pub async fn remove_expense(member: &Member, cycle_id: i64, id: i64) -> Result<(), AppError> {
    if repo::delete_expense(member.db(), &member.scope, cycle_id, id).await? {
        return Ok(());
    }
    match refused(member, cycle_id).await {
        // The cycle can change, so it was the expense that was not there.
        AppError::Conflict(_) => Err(AppError::NotFound),
        other => Err(other),
    }
}

/// The cycle's expected expenses against its actual spending by category: expected
/// categories first (by name), then categories spent in without an expectation, then
/// uncategorised spending.
pub async fn view(member: &Member, id: i64) -> Result<CycleView, AppError> {
    let format = member.number_format();
    let c = repo::find(member.db(), &member.scope, id).await?;
    let status = c.status()?;
    let expenses = repo::expenses(member.db(), &member.scope, id).await?;
    let actuals = crate::budgets::repo::actuals(
        member.db(),
        &member.scope,
        &c.currency,
        c.starts_on,
        c.ends_on,
    )
    .await?;
    let m = |minor: i64| Money::new(minor, &c.currency).format(format);

    let mut expected: Vec<(Option<i64>, i64)> = Vec::new();
    let mut names: Vec<(Option<i64>, String)> = Vec::new();
    let mut by_name: Vec<&repo::ExpenseRecord> = expenses.iter().collect();
    by_name.sort_by_key(|e| e.category_name.to_lowercase());
    for e in by_name {
        expected.push((Some(e.category_id), e.amount));
        names.push((Some(e.category_id), e.category_name.clone()));
    }
    let spent: Vec<(Option<i64>, i64)> = actuals
        .iter()
        .map(|(category, name, total)| {
            names.push((
                *category,
                name.clone().unwrap_or_else(|| "Uncategorised".to_owned()),
            ));
            (*category, *total)
        })
        .collect();
    let plan = expected_versus_actual(&expected, &spent)
        .map_err(|error| AppError::Invalid(FieldErrors::form(error)))?;
    let totals = CycleTotals::of(c.expected_income, &plan)
        .map_err(|error| AppError::Invalid(FieldErrors::form(error)))?;
    let name_of = |key: Option<i64>| {
        names
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| "Uncategorised".to_owned(), |(_, n)| n.clone())
    };
    let lines = plan
        .iter()
        .map(|line| CycleLine {
            category: name_of(line.key),
            expected: m(line.expected),
            actual: m(line.actual),
            left: m(line.left),
            percent: Threshold::new(line.expected, 100)
                .ok()
                .map(|t| t.progress(line.actual).percent_floor),
            over: line.over(),
        })
        .collect();
    let next_status = match status {
        CycleStatus::Draft => Some(("active".to_owned(), "Activate cycle".to_owned())),
        CycleStatus::Active => Some(("completed".to_owned(), "Complete cycle".to_owned())),
        CycleStatus::Completed => None,
    };
    Ok(CycleView {
        id: c.id,
        name: c.name.clone(),
        currency: c.currency.clone(),
        period: period(c.starts_on, c.ends_on, c.length_days),
        status: status.as_str().to_owned(),
        status_label: status.label().to_owned(),
        read_only: status.is_read_only(),
        next_status,
        expected_income: m(c.expected_income),
        expenses: expenses
            .iter()
            .map(|e| ExpectedExpense {
                id: e.id,
                due_on: format_date(e.due_on),
                name: e.name.clone(),
                category: e.category_name.clone(),
                payment_method: e.payment_method_name.clone(),
                amount: m(e.amount),
            })
            .collect(),
        lines,
        expected_total: m(totals.expected),
        actual_total: m(totals.actual),
        expected_left: m(totals.expected.saturating_sub(totals.actual)),
        planned_left: m(totals.planned_left),
        left: m(totals.left),
        over_total: totals.actual > totals.expected,
    })
}
