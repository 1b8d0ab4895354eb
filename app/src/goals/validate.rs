//! The goal and contribution forms checked into what `repo` writes, with a message per
//! field. Rule: no I/O here; the caller fetches what a check needs (the goal's current
//! target date, the accounts a transfer may use) and passes it in.

use super::repo::{NewContribution, NewGoal};
use super::types::{ContributionInput, GoalInput};
use crate::error::{AppError, FieldErrors};
use crate::form::{parse_date, positive_amount};
use florin::goal::{GoalKind, Priority};
use florin::money::NumberFormat;
use florin::planning::PlanError;
use time::Date;

const MAX_TITLE: usize = 80;
const MAX_NOTE: usize = 200;

/// An account a contribution's transfer may use: (id, name, currency).
pub type Account = (i64, String, String);

/// One field refused, as the form's error.
pub fn invalid(field: &str, message: impl ToString) -> AppError {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    AppError::Invalid(errors)
}

/// Validates the goal form into a [`NewGoal`], with a message per field. A target date in
/// the past is refused unless it is the one the goal already has.
pub fn goal(
    input: &GoalInput,
    format: NumberFormat,
    today: Date,
    current_date: Option<Date>,
) -> Result<NewGoal, AppError> {
    let mut errors = FieldErrors::new();
    let title = input.title.trim();
    if title.is_empty() {
        errors.add("title", "Give the goal a title.");
    } else if let Some(problem) = text_problem(title, MAX_TITLE) {
        errors.add("title", problem);
    }
    let kind = GoalKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a type of goal.");
    }
    let priority = Priority::parse(&input.priority);
    if priority.is_none() {
        errors.add("priority", "Choose a priority.");
    }
    let currency = florin::currency::find(&input.currency);
    if currency.is_none() {
        errors.add("currency", "Choose a currency from the list.");
    }
    let target = currency.and_then(|c| {
        let raw = &input.target_amount;
        let not_positive = PlanError::TargetNotPositive;
        positive_amount(
            &mut errors,
            "target_amount",
            raw,
            c.code,
            format,
            not_positive,
        )
    });
    let target_date = target_date(&input.target_date, today, current_date, &mut errors);
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

/// Validates the contribution form for a goal in `currency`. `accounts` are those a
/// transfer may use, or `None` when the member may not write to the ledger; they are
/// only looked at when a transfer is asked for.
pub fn contribution(
    input: &ContributionInput,
    currency: &str,
    format: NumberFormat,
    accounts: Option<&[Account]>,
    recorded_by: i64,
) -> Result<NewContribution, AppError> {
    let mut errors = FieldErrors::new();
    let not_positive = "Enter an amount more than zero.";
    let amount = positive_amount(
        &mut errors,
        "amount",
        &input.amount,
        currency,
        format,
        not_positive,
    );
    let date = parse_date(&input.date);
    if date.is_none() {
        errors.add("date", crate::form::DATE_HINT);
    }
    let note = input.note.trim();
    if let Some(problem) = text_problem(note, MAX_NOTE) {
        errors.add("note", problem);
    }
    let transfer = transfer(input, currency, accounts, &mut errors);
    errors.into_result()?;
    let (Some(amount), Some(date), Some(transfer)) = (amount, date, transfer) else {
        return Err(AppError::internal(
            "contribution form passed validation with a missing value",
        ));
    };
    Ok(NewContribution {
        amount,
        contributed_on: date,
        note: note.to_owned(),
        transfer,
        recorded_by,
    })
}

/// What is wrong with a short text: too long, or holding control characters.
fn text_problem(text: &str, max: usize) -> Option<String> {
    if text.chars().count() > max {
        Some(format!("Use at most {max} characters."))
    } else if text.chars().any(char::is_control) {
        Some("Use letters, digits and punctuation only.".to_owned())
    } else {
        None
    }
}

/// `Some(None)` for no date, `Some(Some(date))` for a good one, `None` when refused.
fn target_date(
    raw: &str,
    today: Date,
    current: Option<Date>,
    errors: &mut FieldErrors,
) -> Option<Option<Date>> {
    match raw.trim() {
        "" => Some(None),
        text => match parse_date(text) {
            Some(date) if date < today && Some(date) != current => {
                errors.add("target_date", "Choose a target date from today on.");
                None
            }
            Some(date) => Some(Some(date)),
            None => {
                errors.add("target_date", crate::form::DATE_HINT);
                None
            }
        },
    }
}

/// `Some(None)` when no transfer is asked for, `Some(Some((from, to)))` for two good
/// accounts, `None` when refused.
fn transfer(
    input: &ContributionInput,
    currency: &str,
    accounts: Option<&[Account]>,
    errors: &mut FieldErrors,
) -> Option<Option<(i64, i64)>> {
    if !input.wants_transfer() {
        return Some(None);
    }
    let Some(accounts) = accounts else {
        errors.add(
            "from_account_id",
            "You may not add transactions to the ledger.",
        );
        return None;
    };
    let from = pick_account(
        accounts,
        currency,
        ("from_account_id", &input.from_account_id),
        "Choose the account the money leaves, or neither account.",
        errors,
    );
    let to = pick_account(
        accounts,
        currency,
        ("to_account_id", &input.to_account_id),
        "Choose the savings account the money goes to, or neither account.",
        errors,
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

/// The account chosen in one field (name, value as posted), if it is one of `accounts`
/// and in `currency`.
fn pick_account(
    accounts: &[Account],
    currency: &str,
    (field, raw): (&str, &str),
    missing: &str,
    errors: &mut FieldErrors,
) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.add(field, missing);
        return None;
    }
    let chosen = raw
        .parse::<i64>()
        .ok()
        .and_then(|id| accounts.iter().find(|(a, _, _)| *a == id));
    match chosen {
        Some((id, _, c)) if c == currency => Some(*id),
        Some(_) => {
            errors.add(field, format!("Choose an account in {currency}."));
            None
        }
        None => {
            errors.add(field, "Choose an account from the list.");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn goal_input(target_amount: &str, target_date: &str) -> GoalInput {
        GoalInput {
            title: "Bike".to_owned(),
            kind: "purchase".to_owned(),
            target_amount: target_amount.to_owned(),
            currency: "USD".to_owned(),
            target_date: target_date.to_owned(),
            priority: "high".to_owned(),
            ..GoalInput::default()
        }
    }

    fn field_errors<T: std::fmt::Debug>(result: Result<T, AppError>) -> FieldErrors {
        match result {
            Err(AppError::Invalid(errors)) => errors,
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_past_target_date_is_refused_unless_it_is_the_current_one() {
        let format = NumberFormat::for_locale("en");
        let today = date!(2026 - 06 - 15);
        let input = goal_input("100", "2026-06-14");
        let errors = field_errors(goal(&input, format, today, None));
        assert!(errors.get("target_date").is_some());
        let kept = goal(&input, format, today, Some(date!(2026 - 06 - 14)))
            .expect("unchanged date is kept");
        assert_eq!(kept.target_date, Some(date!(2026 - 06 - 14)));
        assert_eq!(kept.target_amount, 10_000);
        let errors = field_errors(goal(&goal_input("0", ""), format, today, None));
        assert!(errors.get("target_amount").is_some());
    }

    #[test]
    fn a_transfer_needs_two_different_accounts_in_the_goals_currency() {
        let format = NumberFormat::for_locale("en");
        let accounts: Vec<Account> = vec![
            (1, "Everyday".to_owned(), "USD".to_owned()),
            (2, "Savings".to_owned(), "USD".to_owned()),
            (3, "Euro".to_owned(), "EUR".to_owned()),
        ];
        let input = |from: &str, to: &str| ContributionInput {
            goal_id: "9".to_owned(),
            amount: "25".to_owned(),
            date: "2026-06-15".to_owned(),
            from_account_id: from.to_owned(),
            to_account_id: to.to_owned(),
            ..ContributionInput::default()
        };
        let check = |from, to, accounts| contribution(&input(from, to), "USD", format, accounts, 5);
        let new = check("1", "2", Some(&accounts)).expect("a transfer");
        assert_eq!((new.amount, new.transfer), (2_500, Some((1, 2))));
        assert_eq!(check("", "", None).expect("no transfer").transfer, None);
        let same = field_errors(check("1", "1", Some(&accounts)));
        assert_eq!(
            same.get("to_account_id"),
            Some("Choose two different accounts.")
        );
        let euro = field_errors(check("1", "3", Some(&accounts)));
        assert_eq!(euro.get("to_account_id"), Some("Choose an account in USD."));
        let refused = field_errors(check("1", "2", None));
        assert!(refused.get("from_account_id").is_some());
    }
}
