//! Field checks the planning forms share (budgets, cycles, expense templates): a name,
//! a currency with an amount in it, a date, and the record ids their forms post.
//!
//! Rule: each check adds its message to the form's `FieldErrors` and returns what it could
//! read, so a form reports every field's error at once.

use crate::error::{AppError, FieldErrors};
use crate::form::parse_date;
use florin::money::{Money, NumberFormat};
use florin::planning::PlanError;
use time::Date;

const MAX_NAME: usize = 80;

/// The id of a record a form posts; one that is not a number matches nothing.
pub fn record_id(raw: &str) -> Result<i64, AppError> {
    raw.trim().parse::<i64>().map_err(|_| AppError::NotFound)
}

/// The record an edit form saves, or None when the form adds one (empty `id`).
pub fn existing_id(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        raw => record_id(raw).map(Some),
    }
}

/// A required name of at most 80 characters, trimmed.
pub fn name(raw: &str, errors: &mut FieldErrors) -> String {
    let name = raw.trim();
    if name.is_empty() {
        errors.add("name", "Enter a name.");
    } else if name.chars().count() > MAX_NAME {
        errors.add("name", format!("Use at most {MAX_NAME} characters."));
    }
    name.to_owned()
}

/// A currency from the list (as its upper-case code) and an amount in it that may be zero
/// but not negative, checked as `field`; the amount is None when either is wrong.
pub fn currency_amount(
    raw_currency: &str,
    raw_amount: &str,
    field: &str,
    format: NumberFormat,
    errors: &mut FieldErrors,
) -> (String, Option<i64>) {
    let currency = raw_currency.trim().to_ascii_uppercase();
    if florin::currency::find(&currency).is_none() {
        errors.add("currency", "Choose a currency from the list.");
        return (currency, None);
    }
    let amount = amount(raw_amount, &currency, format, field, errors);
    (currency, amount)
}

/// An amount of money that may be zero but not negative.
pub fn amount(
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

/// A date typed as `2026-01-31`.
pub fn date(raw: &str, field: &str, errors: &mut FieldErrors) -> Option<Date> {
    let parsed = parse_date(raw);
    if parsed.is_none() {
        errors.add(field, crate::form::DATE_HINT);
    }
    parsed
}

/// One of `options` (id, name), chosen by its id. Nothing chosen is an error only when
/// `missing` says what to ask for; an id not in the list is refused with `wrong`.
pub fn choice(
    raw: &str,
    options: &[(i64, String)],
    field: &str,
    missing: Option<&str>,
    wrong: &str,
    errors: &mut FieldErrors,
) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        if let Some(message) = missing {
            errors.add(field, message);
        }
        return None;
    }
    match raw.parse::<i64>() {
        Ok(id) if options.iter().any(|(option, _)| *option == id) => Some(id),
        _ => {
            errors.add(field, wrong);
            None
        }
    }
}

/// A required expense category from the organisation's `categories` (id, name), as the
/// `category_id` field.
pub fn expense_category(
    raw: &str,
    categories: &[(i64, String)],
    errors: &mut FieldErrors,
) -> Option<i64> {
    choice(
        raw,
        categories,
        "category_id",
        Some("Choose an expense category."),
        "Choose a category from the list.",
        errors,
    )
}

/// Refuses a new currency for a record that already holds amounts: they are minor units
/// of its currency, and another currency (with another exponent) would silently change
/// what they mean.
pub fn currency_fixed(message: &str) -> AppError {
    let mut errors = FieldErrors::new();
    errors.add("currency", message);
    AppError::Invalid(errors)
}
