//! Server-side work of the goal pages: parsing forms into domain values, the progress and
//! the monthly saving (from `florin::planning`), and shaping rows for display.

use super::contribute::ContributionDefaults;
use super::detail::{ContributionView, GoalView};
use super::edit::GoalFields;
use super::repo::{
    self, ContributionError, ContributionRecorded, GoalRecord, NewContribution, NewGoal,
};
use super::{GoalKind, GoalSummary, Priority};
use crate::error::{AppError, FieldErrors};
pub use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::money::{Money, NumberFormat};
use florin::planning::{GoalAction, GoalProgress, GoalStatus, PlanError, required_monthly};
use florin::role::{Access, Area, permits};
use time::{Date, OffsetDateTime};

const MAX_TITLE: usize = 80;
const MAX_NOTE: usize = 200;

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
        return Ok(GoalFields {
            kind: GoalKind::Purchase.as_str().to_owned(),
            currency: member.user.base_currency.clone(),
            priority: Priority::Medium.as_str().to_owned(),
            ..GoalFields::default()
        });
    };
    let g = repo::find(member.db(), &member.scope, id).await?;
    Ok(GoalFields {
        id: g.id.to_string(),
        title: g.title.clone(),
        kind: g.kind.clone(),
        target_amount: Money::new(g.target_amount, &g.currency).format_number(format),
        currency: g.currency.clone(),
        target_date: g.target_date.map(format_date).unwrap_or_default(),
        priority: g.priority.clone(),
        has_contributions: g.contributions > 0,
    })
}

/// The goal form as posted.
pub struct RawGoal<'a> {
    pub title: &'a str,
    pub kind: &'a str,
    pub target_amount: &'a str,
    pub currency: &'a str,
    pub target_date: &'a str,
    pub priority: &'a str,
}

/// Validates the goal form into a [`NewGoal`], with a message per field. A target date in
/// the past is refused unless it is the one the goal already has.
pub fn validate(
    raw: &RawGoal<'_>,
    format: NumberFormat,
    today: Date,
    current_date: Option<Date>,
) -> Result<NewGoal, AppError> {
    let mut errors = FieldErrors::new();
    let title = raw.title.trim();
    if title.is_empty() {
        errors.add("title", "Give the goal a title.");
    } else if title.chars().count() > MAX_TITLE {
        errors.add("title", "Use at most 80 characters.");
    } else if title.chars().any(char::is_control) {
        errors.add("title", "Use letters, digits and punctuation only.");
    }
    let kind = GoalKind::parse(raw.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a type of goal.");
    }
    let priority = Priority::parse(raw.priority);
    if priority.is_none() {
        errors.add("priority", "Choose a priority.");
    }
    let currency = florin::currency::find(raw.currency);
    if currency.is_none() {
        errors.add("currency", "Choose a currency from the list.");
    }
    let target = currency.and_then(|c| match Money::parse(raw.target_amount, c.code, format) {
        Ok(m) if m.minor <= 0 => {
            errors.add("target_amount", PlanError::TargetNotPositive);
            None
        }
        Ok(m) => Some(m.minor),
        Err(e) => {
            errors.add("target_amount", e);
            None
        }
    });
    let target_date = match raw.target_date.trim() {
        "" => Some(None),
        text => match parse_date(text) {
            Some(date) if date < today && Some(date) != current_date => {
                errors.add("target_date", "Choose a target date from today on.");
                None
            }
            Some(date) => Some(Some(date)),
            None => {
                errors.add("target_date", "Enter a date like 2026-01-31.");
                None
            }
        },
    };
    errors.into_result()?;
    match (kind, priority, currency, target, target_date) {
        (Some(kind), Some(priority), Some(currency), Some(target_amount), Some(target_date)) => {
            Ok(NewGoal {
                title: title.to_owned(),
                kind,
                target_amount,
                currency: currency.code.to_owned(),
                target_date,
                priority,
            })
        }
        _ => Err(AppError::internal(
            "goal form passed validation with a missing value",
        )),
    }
}

fn field(name: &str, message: impl ToString) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.add(name, message);
    errors
}

/// Validates and writes the goal form: returns the goal's id and whether it is new.
pub async fn save(
    member: &Member,
    existing: Option<i64>,
    raw: &RawGoal<'_>,
) -> Result<(i64, bool), AppError> {
    let format = member.number_format();
    let Some(id) = existing else {
        let new = validate(raw, format, today(), None)?;
        return Ok((repo::create(member.db(), &member.scope, &new).await?, true));
    };
    // An id outside the organisation is not found before anything is validated.
    let current = repo::find(member.db(), &member.scope, id).await?;
    let new = validate(raw, format, today(), current.target_date)?;
    if repo::update(member.db(), &member.scope, id, &new, format).await? {
        Ok((id, false))
    } else {
        Err(AppError::Invalid(field(
            "currency",
            format!(
                "Contributions are recorded in {}; the currency cannot change.",
                current.currency
            ),
        )))
    }
}

/// Applies a status change; returns the new status.
pub async fn change_status(member: &Member, id: i64, action: &str) -> Result<GoalStatus, AppError> {
    let goal = repo::find(member.db(), &member.scope, id).await?;
    let from = goal.status();
    let Some(action) = GoalAction::parse(action) else {
        return Err(AppError::Invalid(field(
            "",
            "Choose what to do with the goal.",
        )));
    };
    let Some(to) = from.after(action) else {
        return Err(AppError::Invalid(field(
            "",
            format!(
                "A goal that is {} cannot be {}.",
                from.label().to_lowercase(),
                match action {
                    GoalAction::Pause => "paused",
                    GoalAction::Resume => "resumed",
                    GoalAction::Complete => "completed",
                    GoalAction::Cancel => "cancelled",
                }
            ),
        )));
    };
    if repo::set_status(member.db(), &member.scope, id, from, to).await? {
        Ok(to)
    } else {
        Err(AppError::Invalid(field(
            "",
            "The goal was changed meanwhile; look at it again and retry.",
        )))
    }
}

/// The contribution form as posted.
pub struct RawContribution<'a> {
    pub amount: &'a str,
    pub date: &'a str,
    pub note: &'a str,
    pub from_account_id: &'a str,
    pub to_account_id: &'a str,
}

fn closed_message(status: GoalStatus) -> String {
    format!(
        "This goal is {}; resume it to add contributions.",
        status.label().to_lowercase()
    )
}

/// Validates and records a contribution.
pub async fn contribute(
    member: &Member,
    goal_id: i64,
    raw: &RawContribution<'_>,
) -> Result<ContributionRecorded, AppError> {
    let format = member.number_format();
    let goal = repo::find(member.db(), &member.scope, goal_id).await?;
    let currency = goal.currency.clone();
    let mut errors = FieldErrors::new();
    if !goal.status().accepts_contributions() {
        errors.add("amount", closed_message(goal.status()));
        return Err(AppError::Invalid(errors));
    }
    let amount = match Money::parse(raw.amount, &currency, format) {
        Ok(m) if m.minor <= 0 => {
            errors.add("amount", "Enter an amount more than zero.");
            None
        }
        Ok(m) => Some(m.minor),
        Err(e) => {
            errors.add("amount", e);
            None
        }
    };
    let date = parse_date(raw.date);
    if date.is_none() {
        errors.add("date", "Enter a date like 2026-01-31.");
    }
    let note = raw.note.trim();
    if note.chars().count() > MAX_NOTE {
        errors.add("note", "Use at most 200 characters.");
    } else if note.chars().any(char::is_control) {
        errors.add("note", "Use letters, digits and punctuation only.");
    }
    let transfer = match (raw.from_account_id.trim(), raw.to_account_id.trim()) {
        ("", "") => Some(None),
        (from, to) => {
            let scope = &member.scope;
            if !permits(scope.role, scope.rights, Access::Write(Area::Ledger)) {
                errors.add(
                    "from_account_id",
                    "You may not add transactions to the ledger.",
                );
                None
            } else {
                let accounts = repo::accounts(member.db(), scope).await?;
                let mut pick = |name: &str, raw: &str, missing: &str| -> Option<i64> {
                    if raw.is_empty() {
                        errors.add(name, missing);
                        return None;
                    }
                    match raw
                        .parse::<i64>()
                        .ok()
                        .and_then(|id| accounts.iter().find(|(a, _, _)| *a == id))
                    {
                        Some((id, _, c)) if *c == currency => Some(*id),
                        Some(_) => {
                            errors.add(name, format!("Choose an account in {currency}."));
                            None
                        }
                        None => {
                            errors.add(name, "Choose an account from the list.");
                            None
                        }
                    }
                };
                let from = pick(
                    "from_account_id",
                    from,
                    "Choose the account the money leaves, or neither account.",
                );
                let to = pick(
                    "to_account_id",
                    to,
                    "Choose the savings account the money goes to, or neither account.",
                );
                match (from, to) {
                    (Some(from), Some(to)) if from == to => {
                        errors.add("to_account_id", "Choose two different accounts.");
                        None
                    }
                    (Some(from), Some(to)) => Some(Some((from, to))),
                    _ => None,
                }
            }
        }
    };
    errors.into_result()?;
    let (Some(amount), Some(date), Some(transfer)) = (amount, date, transfer) else {
        return Err(AppError::internal(
            "contribution form passed validation with a missing value",
        ));
    };
    let new = NewContribution {
        amount,
        contributed_on: date,
        note: note.to_owned(),
        transfer,
        recorded_by: member.user.id,
    };
    repo::contribute(member.db(), &member.scope, goal_id, &new, format)
        .await
        .map_err(|error| match error {
            ContributionError::Closed(status) => {
                AppError::Invalid(field("amount", closed_message(status)))
            }
            ContributionError::TooLarge => AppError::Invalid(field("amount", PlanError::TooLarge)),
            ContributionError::Other(error) => error,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn raw<'a>(target_amount: &'a str, target_date: &'a str) -> RawGoal<'a> {
        RawGoal {
            title: "Bike",
            kind: "purchase",
            target_amount,
            currency: "USD",
            target_date,
            priority: "high",
        }
    }

    fn field_errors(result: Result<NewGoal, AppError>) -> FieldErrors {
        match result {
            Err(AppError::Invalid(errors)) => errors,
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_past_target_date_is_refused_unless_it_is_the_current_one() {
        let format = NumberFormat::for_locale("en");
        let today = date!(2026 - 06 - 15);
        let errors = field_errors(validate(&raw("100", "2026-06-14"), format, today, None));
        assert!(errors.get("target_date").is_some());
        let kept = validate(
            &raw("100", "2026-06-14"),
            format,
            today,
            Some(date!(2026 - 06 - 14)),
        )
        .expect("unchanged date is kept");
        assert_eq!(kept.target_date, Some(date!(2026 - 06 - 14)));
        assert_eq!(kept.target_amount, 10_000);
        let errors = field_errors(validate(&raw("0", ""), format, today, None));
        assert!(errors.get("target_amount").is_some());
    }
}
