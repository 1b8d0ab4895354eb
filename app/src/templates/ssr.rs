//! Server-side work of the template pages: parsing the form into a `NewTemplate` and
//! describing templates for the list.

use super::TemplateSummary;
use super::edit::TemplateFields;
use super::repo::{self, NewTemplate, TemplateRecord};
use crate::error::{AppError, FieldErrors};
use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::money::{Money, NumberFormat};
use florin::planning::{Frequency, PlanError, today_in};
use time::OffsetDateTime;

const MAX_NAME: usize = 80;
const MAX_DESCRIPTION: usize = 200;

/// The template form as posted.
pub struct RawTemplate<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub amount: &'a str,
    pub currency: &'a str,
    pub category_id: &'a str,
    pub payment_method_id: &'a str,
    pub frequency: &'a str,
    pub every_days: &'a str,
    pub starts_on: &'a str,
}

/// How often, in words: "Every 10 days from 2026-01-05".
pub fn describe(frequency: Frequency, starts_on: time::Date) -> String {
    let from = format_date(starts_on);
    match frequency {
        Frequency::Weekly => format!("Weekly from {from}"),
        Frequency::EveryNDays(1) => format!("Daily from {from}"),
        Frequency::EveryNDays(n) => format!("Every {n} days from {from}"),
        Frequency::Monthly { day } => format!("Monthly on day {day} from {from}"),
        Frequency::PerCycle => format!("Once per cycle from {from}"),
    }
}

/// Parses an amount of money that may be zero but not negative.
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

/// Checks every field against the organisation's expense categories and payment methods
/// (id, name); returns the template to write or all field errors at once.
pub fn parse(
    raw: &RawTemplate<'_>,
    format: NumberFormat,
    categories: &[(i64, String)],
    methods: &[(i64, String)],
) -> Result<NewTemplate, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = raw.name.trim();
    if name.is_empty() {
        errors.add("name", "Enter a name.");
    } else if name.chars().count() > MAX_NAME {
        errors.add("name", format!("Use at most {MAX_NAME} characters."));
    }
    let description = raw.description.trim();
    if description.chars().count() > MAX_DESCRIPTION {
        errors.add(
            "description",
            format!("Use at most {MAX_DESCRIPTION} characters."),
        );
    }
    let currency = raw.currency.trim().to_ascii_uppercase();
    let amount = if florin::currency::find(&currency).is_none() {
        errors.add("currency", "Choose a currency from the list.");
        None
    } else {
        amount(raw.amount, &currency, format, "amount", &mut errors)
    };
    let category_id = match raw.category_id.trim() {
        "" => {
            errors.add("category_id", "Choose an expense category.");
            None
        }
        id => match id.parse::<i64>() {
            Ok(id) if categories.iter().any(|(c, _)| *c == id) => Some(id),
            _ => {
                errors.add("category_id", "Choose a category from the list.");
                None
            }
        },
    };
    let payment_method_id = match raw.payment_method_id.trim() {
        "" => None,
        id => match id.parse::<i64>() {
            Ok(id) if methods.iter().any(|(m, _)| *m == id) => Some(id),
            _ => {
                errors.add(
                    "payment_method_id",
                    "Choose a payment method from the list.",
                );
                None
            }
        },
    };
    let starts_on = parse_date(raw.starts_on);
    if starts_on.is_none() {
        errors.add("starts_on", "Enter a date like 2026-01-31.");
    }
    // A monthly template falls on its first date's day of the month.
    let frequency = match raw.frequency.trim() {
        "every_n_days" => match raw.every_days.trim().parse::<i64>() {
            Ok(days) if days > 365 => {
                errors.add("every_days", "Repeat at most every 365 days.");
                None
            }
            Ok(days) => Frequency::from_parts("every_n_days", Some(days))
                .map_err(|error| errors.add("every_days", error))
                .ok(),
            Err(_) => {
                errors.add("every_days", "Enter a whole number of days.");
                None
            }
        },
        "monthly" => starts_on.and_then(|date| {
            Frequency::from_parts("monthly", Some(i64::from(date.day())))
                .map_err(|error| errors.add("frequency", error))
                .ok()
        }),
        kind => Frequency::from_parts(kind, None)
            .map_err(|error| errors.add("frequency", error))
            .ok(),
    };
    match (amount, category_id, starts_on, frequency) {
        (Some(amount), Some(category_id), Some(starts_on), Some(frequency))
            if errors.is_empty() =>
        {
            Ok(NewTemplate {
                name: name.to_owned(),
                description: description.to_owned(),
                amount,
                currency,
                category_id,
                payment_method_id,
                frequency,
                starts_on,
            })
        }
        _ => Err(errors),
    }
}

fn summary(row: TemplateRecord, format: NumberFormat) -> Result<TemplateSummary, AppError> {
    let frequency = row.frequency().map_err(AppError::internal)?;
    Ok(TemplateSummary {
        id: row.id,
        amount: Money::new(row.amount, &row.currency).format(format),
        frequency: describe(frequency, row.starts_on),
        name: row.name,
        description: row.description,
        category: row.category_name,
        payment_method: row.payment_method_name,
        active: row.active,
    })
}

pub async fn list(member: &Member) -> Result<Vec<TemplateSummary>, AppError> {
    let format = member.number_format();
    repo::list(member.db(), &member.scope)
        .await?
        .into_iter()
        .map(|row| summary(row, format))
        .collect()
}

fn options(rows: Vec<(i64, String)>, none: &str) -> Vec<(String, String)> {
    std::iter::once((String::new(), none.to_owned()))
        .chain(rows.into_iter().map(|(id, name)| (id.to_string(), name)))
        .collect()
}

pub async fn form(member: &Member, id: Option<i64>) -> Result<TemplateFields, AppError> {
    let categories = crate::limits::repo::expense_categories(member.db(), &member.scope).await?;
    let methods = crate::payment_methods::repo::options(member.db(), &member.scope).await?;
    let mut fields = match id {
        None => {
            let zone = crate::limits::repo::time_zone(member.db(), member.user.id).await?;
            TemplateFields {
                currency: member.user.base_currency.clone(),
                frequency: "monthly".to_owned(),
                starts_on: format_date(today_in(&zone, OffsetDateTime::now_utc())),
                ..TemplateFields::default()
            }
        }
        Some(id) => {
            let t = repo::find(member.db(), &member.scope, id).await?;
            let frequency = t.frequency().map_err(AppError::internal)?;
            let every_days = match frequency {
                Frequency::EveryNDays(n) => n.to_string(),
                _ => String::new(),
            };
            TemplateFields {
                id: t.id.to_string(),
                name: t.name.clone(),
                description: t.description.clone(),
                amount: Money::new(t.amount, &t.currency).format_number(member.number_format()),
                currency: t.currency.clone(),
                category_id: t.category_id.to_string(),
                payment_method_id: t
                    .payment_method_id
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                frequency: frequency.to_parts().0.to_owned(),
                every_days,
                starts_on: format_date(t.starts_on),
                described: describe(frequency, t.starts_on),
                ..TemplateFields::default()
            }
        }
    };
    fields.categories = options(categories, "— choose a category —");
    fields.payment_methods = options(methods, "— none —");
    Ok(fields)
}

/// Creates (`existing` None) or updates a template; returns its id and whether it is new.
pub async fn save(
    member: &Member,
    existing: Option<i64>,
    raw: &RawTemplate<'_>,
) -> Result<(i64, bool), AppError> {
    let categories = crate::limits::repo::expense_categories(member.db(), &member.scope).await?;
    let methods = crate::payment_methods::repo::options(member.db(), &member.scope).await?;
    let new =
        parse(raw, member.number_format(), &categories, &methods).map_err(AppError::Invalid)?;
    match existing {
        None => Ok((repo::create(member.db(), &member.scope, &new).await?, true)),
        Some(id) => {
            repo::update(member.db(), &member.scope, id, &new).await?;
            Ok((id, false))
        }
    }
}
