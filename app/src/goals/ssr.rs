//! Server-side work of the goal pages: the progress and the monthly saving (from
//! `florin::planning`) shaped for display, and each form's write after `validate`.
//!
//! Rule: pages call this module; it calls `repo` and `validate` and imports no page.

use super::repo::{self, ContributionError, ContributionRecorded, GoalRecord};
use super::types::{
    ContributionDefaults, ContributionInput, ContributionView, GoalFields, GoalInput, GoalSummary,
    GoalView,
};
use super::validate::{self, invalid};
use crate::error::{AppError, FieldErrors};
pub use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::goal::{GoalKind, Priority, past_tense};
use florin::money::{Money, NumberFormat};
use florin::planning::{GoalAction, GoalProgress, GoalStatus, PlanError, required_monthly};
use florin::role::{Access, Area, permits};
use time::{Date, OffsetDateTime};

pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

fn money(minor: i64, currency: &str, format: NumberFormat) -> String {
    Money::new(minor, currency).format(format)
}

/// The monthly saving that reaches the target by its date, as a sentence.
pub fn monthly_text(record: &GoalRecord, today: Date, format: NumberFormat) -> String {
    let status = record.status();
    if !status.accepts_contributions() {
        return format!("None: the goal is {}.", status.label().to_lowercase());
    }
    let Some(target_date) = record.target_date else {
        return "No target date set.".to_owned();
    };
    match required_monthly(record.target_amount, record.saved, today, target_date) {
        Ok(0) => "Nothing more: the target is reached.".to_owned(),
        Ok(monthly) => format!(
            "{} a month until {}",
            money(monthly, &record.currency, format),
            format_date(target_date)
        ),
        Err(PlanError::TargetDatePassed) => format!(
            "The target date ({}) has passed; {} is still to save.",
            format_date(target_date),
            money(
                record.target_amount.saturating_sub(record.saved),
                &record.currency,
                format
            )
        ),
        Err(error) => error.to_string(),
    }
}

pub fn summary(record: &GoalRecord, today: Date, format: NumberFormat) -> GoalSummary {
    let m = |minor| money(minor, &record.currency, format);
    let progress = GoalProgress::of(record.target_amount, record.saved).unwrap_or(GoalProgress {
        percent_floor: 0,
        remaining: record.target_amount,
    });
    let status = record.status();
    GoalSummary {
        id: record.id,
        title: record.title.clone(),
        kind_label: GoalKind::parse(&record.kind)
            .map_or_else(|| record.kind.clone(), |k| k.label().to_owned()),
        priority_label: Priority::parse(&record.priority)
            .map_or_else(|| record.priority.clone(), |p| p.label().to_owned()),
        status: status.as_str().to_owned(),
        status_label: status.label().to_owned(),
        currency: record.currency.clone(),
        target: m(record.target_amount),
        saved: m(record.saved),
        remaining: m(progress.remaining),
        percent: progress.percent_floor,
        target_date: record.target_date.map(format_date).unwrap_or_default(),
        monthly: monthly_text(record, today, format),
    }
}

pub async fn overview(member: &Member) -> Result<Vec<GoalSummary>, AppError> {
    let format = member.number_format();
    let today = today();
    Ok(repo::list(member.db(), &member.scope)
        .await?
        .iter()
        .map(|r| summary(r, today, format))
        .collect())
}

/// Accounts a contribution's transfer may use, in `currency`, as (value, label).
async fn account_options(
    member: &Member,
    currency: &str,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(repo::accounts(member.db(), &member.scope)
        .await?
        .into_iter()
        .filter(|(_, _, c)| c == currency)
        .map(|(id, name, c)| (id.to_string(), format!("{name} ({c})")))
        .collect())
}

pub async fn detail(member: &Member, id: i64) -> Result<GoalView, AppError> {
    let format = member.number_format();
    let goal = repo::find(member.db(), &member.scope, id).await?;
    let contributions = repo::contributions(member.db(), &member.scope, id)
        .await?
        .into_iter()
        .map(|c| ContributionView {
            id: c.id,
            date: format_date(c.contributed_on),
            amount: money(c.amount, &goal.currency, format),
            note: c.note,
            transfer: c.transaction_id.is_some(),
        })
        .collect();
    let status = goal.status();
    let actions = GoalAction::ALL
        .into_iter()
        .filter(|a| status.after(*a).is_some())
        .map(|a| (a.as_str().to_owned(), a.label().to_owned()))
        .collect();
    let contribute = if status.accepts_contributions() {
        Some(ContributionDefaults {
            goal_id: goal.id,
            currency: goal.currency.clone(),
            date: format_date(today()),
            accounts: account_options(member, &goal.currency).await?,
        })
    } else {
        None
    };
    Ok(GoalView {
        goal: summary(&goal, today(), format),
        contributions,
        actions,
        contribute,
    })
}

pub async fn form(member: &Member, id: Option<i64>) -> Result<GoalFields, AppError> {
    let format = member.number_format();
    let Some(id) = id else {
        let values = GoalInput {
            kind: GoalKind::Purchase.as_str().to_owned(),
            currency: member.user.base_currency.clone(),
            priority: Priority::Medium.as_str().to_owned(),
            ..GoalInput::default()
        };
        return Ok(GoalFields {
            values,
            has_contributions: false,
        });
    };
    let g = repo::find(member.db(), &member.scope, id).await?;
    let values = GoalInput {
        id: g.id.to_string(),
        title: g.title.clone(),
        kind: g.kind.clone(),
        target_amount: Money::new(g.target_amount, &g.currency).format_number(format),
        currency: g.currency.clone(),
        target_date: g.target_date.map(format_date).unwrap_or_default(),
        priority: g.priority.clone(),
    };
    Ok(GoalFields {
        values,
        has_contributions: g.contributions > 0,
    })
}

/// Validates and writes the goal form: returns the goal's id and whether it is new.
pub async fn save(member: &Member, input: &GoalInput) -> Result<(i64, bool), AppError> {
    let format = member.number_format();
    let Some(id) = existing(&input.id)? else {
        let new = validate::goal(input, format, today(), None)?;
        return Ok((repo::create(member.db(), &member.scope, &new).await?, true));
    };
    // An id outside the organisation is not found before anything is validated.
    let current = repo::find(member.db(), &member.scope, id).await?;
    let new = validate::goal(input, format, today(), current.target_date)?;
    if repo::update(member.db(), &member.scope, id, &new, format).await? {
        Ok((id, false))
    } else {
        let message = format!(
            "Contributions are recorded in {}; the currency cannot change.",
            current.currency
        );
        Err(invalid("currency", message))
    }
}

/// The goal a form edits: `None` for a new one; an id that is not a number is not found.
fn existing(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| AppError::NotFound),
    }
}

/// Applies a status change; returns the new status.
pub async fn change_status(member: &Member, id: i64, action: &str) -> Result<GoalStatus, AppError> {
    let goal = repo::find(member.db(), &member.scope, id).await?;
    let from = goal.status();
    let Some(action) = GoalAction::parse(action) else {
        return Err(form_error("Choose what to do with the goal."));
    };
    let Some(to) = from.after(action) else {
        return Err(form_error(format!(
            "A goal that is {} cannot be {}.",
            from.label().to_lowercase(),
            past_tense(action)
        )));
    };
    if repo::set_status(member.db(), &member.scope, id, from, to).await? {
        Ok(to)
    } else {
        Err(form_error(
            "The goal was changed meanwhile; look at it again and retry.",
        ))
    }
}

/// The flash after a status change.
pub fn status_message(status: GoalStatus) -> &'static str {
    match status {
        GoalStatus::Active => "Goal resumed.",
        GoalStatus::Paused => "Goal paused.",
        GoalStatus::Completed => "Goal completed.",
        GoalStatus::Cancelled => "Goal cancelled.",
    }
}

fn form_error(message: impl ToString) -> AppError {
    AppError::Invalid(FieldErrors::form(message))
}

fn closed_message(status: GoalStatus) -> String {
    format!(
        "This goal is {}; resume it to add contributions.",
        status.label().to_lowercase()
    )
}

/// Validates and records a contribution; returns the goal's id with what was recorded.
pub async fn contribute(
    member: &Member,
    input: &ContributionInput,
) -> Result<(i64, ContributionRecorded), AppError> {
    let goal_id = input
        .goal_id
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::NotFound)?;
    let format = member.number_format();
    let goal = repo::find(member.db(), &member.scope, goal_id).await?;
    if !goal.status().accepts_contributions() {
        return Err(invalid("amount", closed_message(goal.status())));
    }
    let accounts = transfer_accounts(member, input).await?;
    let new = validate::contribution(
        input,
        &goal.currency,
        format,
        accounts.as_deref(),
        member.user.id,
    )?;
    let recorded = repo::contribute(member.db(), &member.scope, goal_id, &new, format).await;
    recorded
        .map(|recorded| (goal_id, recorded))
        .map_err(|error| match error {
            ContributionError::Closed(status) => invalid("amount", closed_message(status)),
            ContributionError::TooLarge => invalid("amount", PlanError::TooLarge),
            ContributionError::Other(error) => error,
        })
}

/// The accounts a requested transfer may use; `None` when the member may not write to
/// the ledger (or asked for no transfer, when the list is not needed).
async fn transfer_accounts(
    member: &Member,
    input: &ContributionInput,
) -> Result<Option<Vec<validate::Account>>, AppError> {
    let scope = &member.scope;
    if !input.wants_transfer() || !permits(scope.role, scope.rights, Access::Write(Area::Ledger)) {
        return Ok(None);
    }
    Ok(Some(repo::accounts(member.db(), scope).await?))
}

/// The flash after a contribution: the highest milestone it crossed, if any.
pub fn added_message(milestones: &[u8]) -> String {
    match milestones.last() {
        Some(100) => "Contribution added. The target is reached!".to_owned(),
        Some(pct) => format!("Contribution added. {pct}\u{a0}% of the target is saved."),
        None => "Contribution added.".to_owned(),
    }
}
