//! Server-side work of the exchange-rate pages: the URL's filter and the posted forms
//! checked into repository calls, and rows shaped for display.
//!
//! Rule: imports `types` and `repo`, never a page.

use super::repo::{self, NewRate, RateFilter, RateRow, Saved};
use super::types::{LIST_LIMIT, RateImportInput, RateInput, RateView, RatesData, RatesQuery};
use crate::error::{AppError, FieldErrors};
use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::fx::Rate;
use florin::rate_csv::parse_csv;

/// How many line errors an import reports before summing up the rest.
const CSV_MAX_ERRORS: usize = 20;

fn view_of(row: RateRow) -> RateView {
    RateView {
        id: row.id,
        date: format_date(row.rate_date),
        rate: Rate::from_scaled(row.rate_scaled)
            .map(|r| r.to_string())
            .unwrap_or_default(),
        base: row.base,
        quote: row.quote,
        source: row.source,
    }
}

/// The newest rates that match the filter, at most [`LIST_LIMIT`].
pub async fn list(member: &Member, query: &RatesQuery) -> Result<RatesData, AppError> {
    let mut errors = FieldErrors::new();
    let mut date = |field: &str, raw: &str| match raw.trim() {
        "" => None,
        value => parse_date(value).or_else(|| {
            errors.add(field, crate::form::DATE_HINT);
            None
        }),
    };
    let filter = RateFilter {
        from: date("from", &query.from),
        to: date("to", &query.to),
        currency: florin::currency::find(&query.currency).map(|c| c.code.to_owned()),
    };
    let limit = i64::try_from(LIST_LIMIT + 1).unwrap_or(i64::MAX);
    let mut rows = repo::list(member.db(), &member.scope, &filter, limit).await?;
    let more = rows.len() > LIST_LIMIT;
    rows.truncate(LIST_LIMIT);
    Ok(RatesData {
        rates: rows.into_iter().map(view_of).collect(),
        more,
        errors,
        base_currency: member.user.base_currency.clone(),
        today: format_date(time::OffsetDateTime::now_utc().date()),
    })
}

pub async fn find(member: &Member, id: i64) -> Result<RateView, AppError> {
    repo::find(member.db(), &member.scope, id)
        .await
        .map(view_of)
}

/// Stores one rate typed by hand, replacing one for the same pair and date.
pub async fn add(member: &Member, input: &RateInput) -> Result<Saved, AppError> {
    let new = validate(input)?;
    repo::save_all(
        member.db(),
        &member.scope,
        std::slice::from_ref(&new),
        "manual",
    )
    .await
}

fn validate(input: &RateInput) -> Result<NewRate, AppError> {
    let mut errors = FieldErrors::new();
    let date = parse_date(&input.date);
    if date.is_none() {
        errors.add("date", crate::form::DATE_HINT);
    }
    let from = florin::currency::find(&input.base);
    if from.is_none() {
        errors.add("base", "Choose a currency from the list.");
    }
    let to = florin::currency::find(&input.quote);
    if to.is_none() {
        errors.add("quote", "Choose a currency from the list.");
    }
    if from.is_some() && from == to {
        errors.add("quote", "Choose a currency different from the first.");
    }
    let rate = Rate::parse(&input.rate)
        .map_err(|e| errors.add("rate", e))
        .ok();
    errors.into_result()?;
    let (Some(date), Some(from), Some(to), Some(rate)) = (date, from, to, rate) else {
        return Err(AppError::Internal);
    };
    Ok(NewRate {
        date,
        base: from.code.to_owned(),
        quote: to.code.to_owned(),
        rate,
    })
}

/// Stores every line of the text, or nothing when any line is wrong.
pub async fn import(member: &Member, input: &RateImportInput) -> Result<Saved, AppError> {
    let lines = parse_csv(&input.csv).map_err(|messages| csv_errors(&messages))?;
    let rates: Vec<NewRate> = lines
        .into_iter()
        .map(|line| NewRate {
            date: line.date,
            base: line.base.to_owned(),
            quote: line.quote.to_owned(),
            rate: line.rate,
        })
        .collect();
    repo::save_all(member.db(), &member.scope, &rates, "csv").await
}

/// The first line errors as one message on the text field, and how many more there are.
fn csv_errors(messages: &[String]) -> AppError {
    let mut shown: Vec<String> = messages.iter().take(CSV_MAX_ERRORS).cloned().collect();
    if messages.len() > CSV_MAX_ERRORS {
        shown.push(format!(
            "… and {} more lines with errors.",
            messages.len() - CSV_MAX_ERRORS
        ));
    }
    let mut errors = FieldErrors::new();
    errors.add("csv", shown.join("\n"));
    AppError::Invalid(errors)
}
