//! Server-side work of the cycle pages: checking the form, generating expected expenses
//! from the active templates, refusing changes to a completed cycle, and the
//! expected-versus-actual lines (figures from `florin::planning`, words from
//! `florin::plan_labels`).

use super::repo::{self, CycleRecord, ExpenseRecord, NewCycle, NewExpense};
use super::types::{CycleFields, CycleInput, CycleLine, CycleSummary, CycleView, ExpectedExpense};
use crate::budgets::plan_fields::{self, existing_id};
use crate::budgets::repo::Actual;
use crate::db::Db;
use crate::error::{AppError, FieldErrors};
use crate::form::format_date;
use crate::orgs::Member;
use crate::orgs::repo::Scope;
use florin::budget_lines::percent_used;
use florin::money::{Money, NumberFormat};
use florin::plan_labels::{count_of, cycle_period_label, next_cycle_step};
use florin::planning::{
    Cycle, CycleStatus, CycleTotals, DEFAULT_CYCLE_DAYS, PlanError, PlanLine, cycle_occurrences,
    expected_versus_actual, today_in,
};
use time::OffsetDateTime;

/// Checks every field and returns the cycle to write, or all field errors at once.
pub fn parse(input: &CycleInput, format: NumberFormat) -> Result<NewCycle, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = plan_fields::name(&input.name, &mut errors);
    let (currency, income) = plan_fields::currency_amount(
        &input.currency,
        &input.expected_income,
        "expected_income",
        format,
        &mut errors,
    );
    let starts_on = plan_fields::date(&input.starts_on, "starts_on", &mut errors);
    let length = match input.length_days.trim().parse::<i64>() {
        Ok(days) => Some(days),
        Err(_) => {
            errors.add("length_days", "Enter a whole number of days.");
            None
        }
    };
    let cycle = match (starts_on, length) {
        (Some(start), Some(days)) => Cycle::new(start, days)
            .map_err(|error| match error {
                PlanError::DateOutOfRange => errors.add("starts_on", error),
                error => errors.add("length_days", error),
            })
            .ok(),
        _ => None,
    };
    match (cycle, income) {
        (Some(cycle), Some(expected_income)) if errors.is_empty() => Ok(NewCycle {
            name,
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

/// A refusal from `florin::planning` for the whole form.
fn refusal(error: PlanError) -> AppError {
    AppError::Invalid(FieldErrors::form(error))
}

/// After a conditional write changed nothing: the cycle is another organisation's (or
/// gone), or it is completed.
async fn refused(db: &Db, scope: &Scope, id: i64) -> AppError {
    match repo::find(db, scope, id).await {
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
            let c = &row.record;
            let m = |minor: i64| Money::new(minor, &c.currency).format(format);
            CycleSummary {
                id: c.id,
                name: c.name.clone(),
                period: cycle_period_label(c.starts_on, c.ends_on, c.length_days),
                status: CycleStatus::parse(&c.status)
                    .map_or_else(|| c.status.clone(), |s| s.label().to_owned()),
                expected_income: m(c.expected_income),
                expected_expenses: m(row.total),
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
        period: cycle_period_label(c.starts_on, c.ends_on, c.length_days),
    })
}

/// The expected expenses the active templates in the cycle's currency give it: one per
/// date each template falls on within the cycle; with the number of templates used.
async fn generate(member: &Member, new: &NewCycle) -> Result<(Vec<NewExpense>, usize), AppError> {
    let cycle = Cycle::new(new.starts_on, new.length_days).map_err(refusal)?;
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

impl Saved {
    /// "Cycle added with 3 expected expenses from 1 template."
    pub fn message(&self) -> String {
        match *self {
            Self::Created { expenses: 0, .. } => "Cycle added.".to_owned(),
            Self::Created {
                expenses,
                templates,
            } => format!(
                "Cycle added with {} from {}.",
                count_of(expenses, "expected expense", "expected expenses"),
                count_of(templates, "template", "templates"),
            ),
            Self::Updated => "Cycle saved.".to_owned(),
        }
    }
}

/// Creates a draft cycle (empty `id`), with its expected expenses from the templates when
/// the form asks for them, or updates one that is not completed.
pub async fn save(member: &Member, input: &CycleInput) -> Result<(i64, Saved), AppError> {
    let existing = existing_id(&input.id)?;
    let parsed = parse(input, member.number_format());
    let Some(id) = existing else {
        let new = parsed.map_err(AppError::Invalid)?;
        return create(member, &new, input.from_templates()).await;
    };
    // A completed cycle is refused before its fields are even looked at.
    let stored: CycleRecord = repo::find(member.db(), &member.scope, id).await?;
    stored
        .status()?
        .ensure_editable()
        .map_err(|_| read_only())?;
    let new = parsed.map_err(AppError::Invalid)?;
    if stored.currency != new.currency
        && !repo::expenses(member.db(), &member.scope, id)
            .await?
            .is_empty()
    {
        return Err(plan_fields::currency_fixed(
            "The currency cannot change once the cycle has expected expenses.",
        ));
    }
    if !repo::update(member.db(), &member.scope, id, &new).await? {
        return Err(refused(member.db(), &member.scope, id).await);
    }
    Ok((id, Saved::Updated))
}

async fn create(
    member: &Member,
    new: &NewCycle,
    from_templates: bool,
) -> Result<(i64, Saved), AppError> {
    let (expenses, templates) = if from_templates {
        generate(member, new).await?
    } else {
        (Vec::new(), 0)
    };
    let id = repo::create(member.db(), &member.scope, new, &expenses).await?;
    let saved = Saved::Created {
        expenses: expenses.len(),
        templates,
    };
    Ok((id, saved))
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
    let to = from.transition_to(to).map_err(refusal)?;
    if !repo::set_status(member.db(), &member.scope, id, from, to).await? {
        return Err(refused(member.db(), &member.scope, id).await);
    }
    Ok(to)
}

pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    if repo::delete(db, scope, id).await? {
        Ok(())
    } else {
        Err(refused(db, scope, id).await)
    }
}

pub async fn remove_expense(member: &Member, cycle_id: i64, id: i64) -> Result<(), AppError> {
    if repo::delete_expense(member.db(), &member.scope, cycle_id, id).await? {
        return Ok(());
    }
    match refused(member.db(), &member.scope, cycle_id).await {
        // The cycle can change, so it was the expense that was not there.
        AppError::Conflict(_) => Err(AppError::NotFound),
        other => Err(other),
    }
}

/// The cycle's expected expenses against its actual spending by category: expected
/// categories first (by name), then categories spent in without an expectation, then
/// uncategorised spending.
pub async fn view(member: &Member, id: i64) -> Result<CycleView, AppError> {
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
    let m = |minor: i64| Money::new(minor, &c.currency).format(member.number_format());
    let plan = Plan::of(&expenses, &actuals)?;
    let totals = CycleTotals::of(c.expected_income, &plan.lines).map_err(refusal)?;
    let lines = plan
        .lines
        .iter()
        .map(|line| CycleLine {
            category: plan.name_of(line.key),
            expected: m(line.expected),
            actual: m(line.actual),
            left: m(line.left),
            percent: percent_used(line.expected, line.actual),
            over: line.over(),
        })
        .collect();
    Ok(CycleView {
        id: c.id,
        name: c.name.clone(),
        currency: c.currency.clone(),
        period: cycle_period_label(c.starts_on, c.ends_on, c.length_days),
        status: status.as_str().to_owned(),
        status_label: status.label().to_owned(),
        read_only: status.is_read_only(),
        next_status: next_cycle_step(status)
            .map(|(next, button)| (next.as_str().to_owned(), button.to_owned())),
        expected_income: m(c.expected_income),
        expenses: expenses.iter().map(|e| expected(e, &m)).collect(),
        lines,
        expected_total: m(totals.expected),
        actual_total: m(totals.actual),
        expected_left: m(totals.expected.saturating_sub(totals.actual)),
        planned_left: m(totals.planned_left),
        left: m(totals.left),
        over_total: totals.actual > totals.expected,
    })
}

/// A cycle's expected against actual spending by category, with the categories' names.
struct Plan {
    lines: Vec<PlanLine<Option<i64>>>,
    names: Vec<(Option<i64>, String)>,
}

impl Plan {
    /// Lines from `florin::planning`, the expected categories by name first.
    fn of(expenses: &[ExpenseRecord], actuals: &[Actual]) -> Result<Self, AppError> {
        let mut by_name: Vec<&ExpenseRecord> = expenses.iter().collect();
        by_name.sort_by_key(|e| e.category_name.to_lowercase());
        let expected: Vec<(Option<i64>, i64)> = by_name
            .iter()
            .map(|e| (Some(e.category_id), e.amount))
            .collect();
        let spent: Vec<(Option<i64>, i64)> = actuals.iter().map(|(c, _, t)| (*c, *t)).collect();
        let names = by_name
            .iter()
            .map(|e| (Some(e.category_id), e.category_name.clone()))
            .chain(actuals.iter().map(|(category, name, _)| {
                let name = name.clone().unwrap_or_else(|| "Uncategorised".to_owned());
                (*category, name)
            }))
            .collect();
        let lines = expected_versus_actual(&expected, &spent).map_err(refusal)?;
        Ok(Self { lines, names })
    }

    fn name_of(&self, key: Option<i64>) -> String {
        self.names
            .iter()
            .find(|(k, _)| *k == key)
            .map_or_else(|| "Uncategorised".to_owned(), |(_, n)| n.clone())
    }
}

/// One expected expense as the page lists it.
fn expected(e: &ExpenseRecord, m: &impl Fn(i64) -> String) -> ExpectedExpense {
    ExpectedExpense {
        id: e.id,
        due_on: format_date(e.due_on),
        name: e.name.clone(),
        category: e.category_name.clone(),
        payment_method: e.payment_method_name.clone(),
        amount: m(e.amount),
    }
}
