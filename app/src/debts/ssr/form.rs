//! The debt form: what it starts from, its validation into a [`NewDebt`], and saving.
//! Rule: every field's message goes on that field; nothing is written unless all pass.

use super::display::{money, today};
use super::fields::{account_options, chosen_account, invalid};
use crate::debts::repo::{self, NewDebt, UpdateError};
use crate::debts::types::{DebtFields, DebtInput, DebtKind};
use crate::error::{AppError, FieldErrors};
use crate::form::positive_amount;
use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::loan::{self, AnnualRate, LoanError};
use florin::money::{Money, NumberFormat};
use time::Date;

/// Reminders can be asked for at most this many days ahead.
pub const MAX_REMINDER_DAYS: i64 = 60;
/// Reminder days when the form leaves them blank.
pub const DEFAULT_REMINDER_DAYS: i64 = 3;
const MAX_TEXT: usize = 80;

/// The form for a new debt (`id` = None) or an existing one.
pub async fn form(member: &Member, id: Option<i64>) -> Result<DebtFields, AppError> {
    let format = member.number_format();
    let accounts = account_options(member, None).await?;
    let Some(id) = id else {
        return Ok(DebtFields {
            values: DebtInput {
                kind: DebtKind::Personal.as_str().to_owned(),
                currency: member.user.base_currency.clone(),
                start_date: format_date(today()),
                reminder_days: DEFAULT_REMINDER_DAYS.to_string(),
                ..DebtInput::default()
            },
            accounts,
            has_payments: false,
        });
    };
    let d = repo::find(member.db(), &member.scope, id).await?;
    let number = |minor| Money::new(minor, &d.currency).format_number(format);
    let values = DebtInput {
        id: d.id.to_string(),
        name: d.name.clone(),
        kind: d.kind.clone(),
        principal: number(d.principal),
        currency: d.currency.clone(),
        annual_rate: d.rate().to_string(),
        tenure_months: d.tenure_months.to_string(),
        emi: number(d.emi),
        lender: d.lender.clone(),
        start_date: format_date(d.start_date),
        next_payment_date: format_date(d.next_payment_date),
        reminder_days: d.reminder_days.to_string(),
        account_id: d.account_id.map(|a| a.to_string()).unwrap_or_default(),
    };
    Ok(DebtFields {
        values,
        accounts,
        has_payments: d.total_paid > 0,
    })
}

/// The loan's terms once they check out together.
struct Terms {
    principal: i64,
    rate: AnnualRate,
    tenure_months: u32,
    emi: i64,
}

/// When payments fall due: the next one, counted as instalment `index` from `anchor`.
struct Due {
    next: Date,
    anchor: Date,
    index: u32,
}

/// Validates the debt form into a [`NewDebt`], with a message per field. Fields are
/// checked in the form's order, so a field that two checks refuse shows the first.
pub async fn validate(member: &Member, input: &DebtInput) -> Result<NewDebt, AppError> {
    let format = member.number_format();
    let mut errors = FieldErrors::new();
    let name = text(
        &mut errors,
        "name",
        &input.name,
        Some("Give the debt a name."),
    );
    let kind = DebtKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a kind of debt.");
    }
    let lender = text(&mut errors, "lender", &input.lender, None);
    let currency = florin::currency::find(&input.currency);
    if currency.is_none() {
        errors.add("currency", "Choose a currency from the list.");
    }
    let code = currency.map(|c| c.code);
    let terms = terms(&mut errors, input, code, format);
    let start_date = parse_date(&input.start_date);
    if start_date.is_none() {
        errors.add("start_date", crate::form::DATE_HINT);
    }
    let due = due(&mut errors, &input.next_payment_date, start_date);
    let reminder_days = reminder_days(&mut errors, &input.reminder_days);
    let account_id = chosen_account(member, &mut errors, &input.account_id, code).await?;
    errors.into_result()?;
    let (Some(kind), Some(currency), Some(terms), Some(start_date), Some(due)) =
        (kind, currency, terms, start_date, due)
    else {
        return Err(missing());
    };
    let (Some(reminder_days), Some(account_id)) = (reminder_days, account_id) else {
        return Err(missing());
    };
    Ok(NewDebt {
        name: name.to_owned(),
        kind,
        principal: terms.principal,
        currency: currency.code.to_owned(),
        rate: terms.rate,
        tenure_months: terms.tenure_months,
        emi: terms.emi,
        lender: lender.to_owned(),
        start_date,
        next_payment_date: due.next,
        due_anchor: due.anchor,
        due_index: due.index,
        reminder_days,
        account_id,
    })
}

fn missing() -> AppError {
    AppError::internal("debt form passed validation with a missing value")
}

/// A trimmed text of at most [`MAX_TEXT`] characters; `required` is the message for an
/// empty one, when it must not be.
fn text<'a>(
    errors: &mut FieldErrors,
    field: &str,
    raw: &'a str,
    required: Option<&str>,
) -> &'a str {
    let text = raw.trim();
    match required {
        Some(message) if text.is_empty() => errors.add(field, message),
        _ if text.chars().count() > MAX_TEXT => errors.add(field, "Use at most 80 characters."),
        _ => {}
    }
    text
}

/// The amount, rate, tenure and instalment, each checked alone and then together: a
/// blank instalment is computed, a given one must repay the loan within the tenure.
fn terms(
    errors: &mut FieldErrors,
    input: &DebtInput,
    currency: Option<&str>,
    format: NumberFormat,
) -> Option<Terms> {
    let principal = currency.and_then(|code| {
        let not_positive = "Enter an amount more than zero.";
        positive_amount(
            errors,
            "principal",
            &input.principal,
            code,
            format,
            not_positive,
        )
    });
    let rate = AnnualRate::parse(&input.annual_rate)
        .map_err(|e| errors.add("annual_rate", e))
        .ok();
    let tenure_months = tenure(errors, &input.tenure_months);
    let typed_emi = input.emi.trim();
    let given_emi = match currency {
        Some(code) if !typed_emi.is_empty() => {
            let not_positive = "Enter an instalment more than zero, or leave it blank.";
            positive_amount(errors, "emi", typed_emi, code, format, not_positive)
        }
        _ => None,
    };
    let (principal, rate, tenure_months) = (principal?, rate?, tenure_months?);
    let checked = match (given_emi, typed_emi.is_empty()) {
        (Some(given), _) => loan::check_emi(principal, rate, tenure_months, given).map(|()| given),
        (None, true) => loan::emi(principal, rate, tenure_months),
        // The instalment was typed but is unreadable; its error is recorded.
        (None, false) => Ok(0),
    };
    // A principal was read, so the currency is known.
    let code = currency.unwrap_or_default();
    let emi = checked
        .map_err(|e| loan_error(errors, e, code, format))
        .ok()?;
    Some(Terms {
        principal,
        rate,
        tenure_months,
        emi,
    })
}

fn tenure(errors: &mut FieldErrors, raw: &str) -> Option<u32> {
    match raw.trim().parse::<u32>() {
        Ok(0) => {
            errors.add("tenure_months", LoanError::ZeroMonths);
            None
        }
        Ok(m) if m > loan::MAX_MONTHS => {
            let max = loan::MAX_MONTHS;
            errors.add("tenure_months", LoanError::TooManyMonths { max });
            None
        }
        Ok(m) => Some(m),
        Err(_) => {
            errors.add("tenure_months", "Enter the number of months, like 240.");
            None
        }
    }
}

/// Puts a loan error on the field it is about, in the user's currency and format.
fn loan_error(errors: &mut FieldErrors, error: LoanError, currency: &str, format: NumberFormat) {
    let field = match error {
        LoanError::NonPositivePrincipal | LoanError::NegativeAmount | LoanError::TooLarge => {
            "principal"
        }
        LoanError::ZeroMonths | LoanError::TooManyMonths { .. } => "tenure_months",
        LoanError::InstalmentBelowInterest { .. } | LoanError::InstalmentTooSmall { .. } => "emi",
        LoanError::DateOutOfRange => "start_date",
    };
    errors.add(field, error.message(currency, format));
}

/// Due dates count from an anchor: the start (the first payment a month after it), or
/// the next payment date as given.
fn due(errors: &mut FieldErrors, raw_next: &str, start: Option<Date>) -> Option<Due> {
    match (raw_next.trim(), start) {
        ("", Some(start)) => {
            let next = loan::payment_date(start, 1);
            if next.is_none() {
                errors.add("start_date", LoanError::DateOutOfRange);
            }
            next.map(|next| Due {
                next,
                anchor: start,
                index: 1,
            })
        }
        ("", None) => None,
        (text, start) => match parse_date(text) {
            Some(next) if start.is_some_and(|s| next < s) => {
                let message = "The next payment cannot be before the start date.";
                errors.add("next_payment_date", message);
                None
            }
            Some(next) => Some(Due {
                next,
                anchor: next,
                index: 0,
            }),
            None => {
                errors.add("next_payment_date", crate::form::DATE_HINT);
                None
            }
        },
    }
}

fn reminder_days(errors: &mut FieldErrors, raw: &str) -> Option<i64> {
    match raw.trim() {
        "" => Some(DEFAULT_REMINDER_DAYS),
        text => match text.parse::<i64>() {
            Ok(days) if (0..=MAX_REMINDER_DAYS).contains(&days) => Some(days),
            _ => {
                let message = format!("Enter a number of days from 0 to {MAX_REMINDER_DAYS}.");
                errors.add("reminder_days", message);
                None
            }
        },
    }
}

/// Validates and writes the debt form: returns the debt's id and whether it is new.
pub async fn save(member: &Member, input: &DebtInput) -> Result<(i64, bool), AppError> {
    let existing = match input.id.trim() {
        "" => None,
        id => Some(id.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    if let Some(id) = existing {
        // An id outside the organisation is not found before anything is validated.
        repo::find(member.db(), &member.scope, id).await?;
    }
    let new = validate(member, input).await?;
    let Some(id) = existing else {
        return Ok((repo::create(member.db(), &member.scope, &new).await?, true));
    };
    repo::update(member.db(), &member.scope, id, &new)
        .await
        .map_err(|error| update_refused(error, &new.currency, member.number_format()))?;
    Ok((id, false))
}

/// What a refused update means for the form.
fn update_refused(error: UpdateError, currency: &str, format: NumberFormat) -> AppError {
    match error {
        UpdateError::PaidMoreThanPrincipal { total_paid } => invalid(
            "principal",
            format!(
                "{} of the principal has been repaid already; the amount borrowed cannot be less.",
                money(total_paid, currency, format)
            ),
        ),
        UpdateError::CurrencyLocked => invalid(
            "currency",
            "Payments are recorded in this debt's currency, so it cannot change.",
        ),
        UpdateError::Other(error) => error,
    }
}
