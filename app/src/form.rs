//! Forms that work with and without JavaScript.
//!
//! Hydrated, an `ActionForm` gets the server function's result back and shows field
//! errors in place. Without JavaScript the browser posts, the server function stashes the
//! typed values and errors in the session, and the browser is redirected back to the
//! form, which renders them from the stash once (post/redirect/get). Passwords are never
//! stashed.

use crate::error::{AppError, FieldErrors};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a failed plain form post leaves for the page it returns to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormStash {
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: FieldErrors,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlashKind {
    Success,
    Error,
}

/// A one-time message shown on the next page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    pub kind: FlashKind,
    pub message: String,
}

/// The feedback a form shows: errors from the live action when hydrated, or from the
/// stash after a plain post.
#[derive(Clone)]
pub struct FormFeedback {
    name: &'static str,
    stash: Option<FormStash>,
    errors: Signal<FieldErrors>,
}

impl FormFeedback {
    pub fn new<I, O>(name: &'static str, stash: Option<FormStash>, action: ServerAction<I>) -> Self
    where
        I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
        O: Clone + Send + Sync + 'static,
    {
        let stash = stash.filter(|s| s.form == name);
        let stashed_errors = stash.as_ref().map(|s| s.errors.clone()).unwrap_or_default();
        let value = action.value();
        let errors = Signal::derive(move || match value.get() {
            Some(Err(error)) => error.field_errors(),
            Some(Ok(_)) => FieldErrors::new(),
            None => stashed_errors.clone(),
        });
        Self {
            name,
            stash,
            errors,
        }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn errors(&self) -> Signal<FieldErrors> {
        self.errors
    }

    /// The value to show in a field: what was typed before a failed plain post, else
    /// `current`.
    pub fn value(&self, field: &str, current: &str) -> String {
        self.stash
            .as_ref()
            .and_then(|s| s.values.get(field).cloned())
            .unwrap_or_else(|| current.to_owned())
    }
}

/// The years a date may fall in: what a household's or a small business's books need,
/// and no year 0 or 9999 typed by mistake.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// What a date field says when its date is refused.
pub const DATE_HINT: &str = "Enter a date like 2026-01-31. Dates run from 1900 to 2200.";

/// A date typed as `2026-01-31` (surrounding spaces ignored) within [`YEARS`], as every
/// date field takes it.
pub fn parse_date(raw: &str) -> Option<time::Date> {
    time::Date::parse(
        raw.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
    .filter(|date| YEARS.contains(&date.year()))
}

/// A date as date fields show it: `2026-01-31`.
pub fn format_date(date: time::Date) -> String {
    date.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// The amount typed in `field`, in `currency`'s minor units, when it is more than zero;
/// else `not_positive`, or why it does not parse, goes to the field.
pub fn positive_amount(
    errors: &mut FieldErrors,
    field: &str,
    raw: &str,
    currency: &str,
    format: florin::money::NumberFormat,
    not_positive: impl ToString,
) -> Option<i64> {
    match florin::money::Money::parse(raw, currency, format) {
        Ok(money) if money.minor <= 0 => {
            errors.add(field, not_positive);
            None
        }
        Ok(money) => Some(money.minor),
        Err(error) => {
            errors.add(field, error);
            None
        }
    }
}
