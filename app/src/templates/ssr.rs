//! Server-side work of the template pages: checking the form into a `NewTemplate` and
//! describing templates for the list (words from `florin::plan_labels`).

use super::repo::{self, NewTemplate, TemplateRecord};
use super::types::{TemplateFields, TemplateInput, TemplateSummary};
use crate::budgets::plan_fields::{self, existing_id};
use crate::error::{AppError, FieldErrors};
use crate::form::format_date;
use crate::orgs::Member;
use florin::money::{Money, NumberFormat};
use florin::plan_labels::frequency_label;
use florin::planning::{Frequency, today_in};
use time::{Date, OffsetDateTime};

const MAX_DESCRIPTION: usize = 200;
/// The longest rhythm an every-N-days template may have.
const MAX_EVERY_DAYS: i64 = 365;

/// The organisation's choices for a template: expense categories and active payment
/// methods, as (id, name).
struct Choices {
    categories: Vec<(i64, String)>,
    methods: Vec<(i64, String)>,
}

impl Choices {
    async fn of(member: &Member) -> Result<Self, AppError> {
        Ok(Self {
            categories: crate::limits::repo::expense_categories(member.db(), &member.scope).await?,
            methods: crate::payment_methods::repo::options(member.db(), &member.scope).await?,
        })
    }
}

/// Checks every field against the organisation's choices; returns the template to write
/// or all field errors at once.
fn parse(
    input: &TemplateInput,
    format: NumberFormat,
    choices: &Choices,
) -> Result<NewTemplate, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = plan_fields::name(&input.name, &mut errors);
    let description = input.description.trim();
    if description.chars().count() > MAX_DESCRIPTION {
        errors.add(
            "description",
            format!("Use at most {MAX_DESCRIPTION} characters."),
        );
    }
    let (currency, amount) = plan_fields::currency_amount(
        &input.currency,
        &input.amount,
        "amount",
        format,
        &mut errors,
    );
    let category_id =
        plan_fields::expense_category(&input.category_id, &choices.categories, &mut errors);
    let payment_method_id = plan_fields::choice(
        &input.payment_method_id,
        &choices.methods,
        "payment_method_id",
        None,
        "Choose a payment method from the list.",
        &mut errors,
    );
    let starts_on = plan_fields::date(&input.starts_on, "starts_on", &mut errors);
    let frequency = frequency(input, starts_on, &mut errors);
    match (amount, category_id, starts_on, frequency) {
        (Some(amount), Some(category_id), Some(starts_on), Some(frequency))
            if errors.is_empty() =>
        {
            Ok(NewTemplate {
                name,
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

/// The frequency chosen, with its number of days for every-N-days. A monthly template
/// falls on its first date's day of the month, so it waits for a valid first date.
fn frequency(
    input: &TemplateInput,
    starts_on: Option<Date>,
    errors: &mut FieldErrors,
) -> Option<Frequency> {
    match input.frequency.trim() {
        "every_n_days" => match input.every_days.trim().parse::<i64>() {
            Ok(days) if days > MAX_EVERY_DAYS => {
                errors.add(
                    "every_days",
                    format!("Repeat at most every {MAX_EVERY_DAYS} days."),
                );
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
    }
}

fn summary(row: TemplateRecord, format: NumberFormat) -> Result<TemplateSummary, AppError> {
    let frequency = row.frequency().map_err(AppError::internal)?;
    Ok(TemplateSummary {
        id: row.id,
        amount: Money::new(row.amount, &row.currency).format(format),
        frequency: frequency_label(frequency, row.starts_on),
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
    let choices = Choices::of(member).await?;
    let mut fields = match id {
        None => {
            let zone = crate::limits::repo::time_zone(member.db(), member.user.id).await?;
            let values = TemplateInput {
                currency: member.user.base_currency.clone(),
                frequency: "monthly".to_owned(),
                starts_on: format_date(today_in(&zone, OffsetDateTime::now_utc())),
                ..TemplateInput::default()
            };
            TemplateFields {
                values,
                ..TemplateFields::default()
            }
        }
        Some(id) => {
            let t = repo::find(member.db(), &member.scope, id).await?;
            stored_fields(&t, member.number_format())?
        }
    };
    fields.categories = options(choices.categories, "— choose a category —");
    fields.payment_methods = options(choices.methods, "— none —");
    Ok(fields)
}

/// A stored template as its form shows it.
fn stored_fields(t: &TemplateRecord, format: NumberFormat) -> Result<TemplateFields, AppError> {
    let frequency = t.frequency().map_err(AppError::internal)?;
    let every_days = match frequency {
        Frequency::EveryNDays(n) => n.to_string(),
        _ => String::new(),
    };
    let values = TemplateInput {
        id: t.id.to_string(),
        name: t.name.clone(),
        description: t.description.clone(),
        amount: Money::new(t.amount, &t.currency).format_number(format),
        currency: t.currency.clone(),
        category_id: t.category_id.to_string(),
        payment_method_id: t
            .payment_method_id
            .map(|m| m.to_string())
            .unwrap_or_default(),
        frequency: frequency.to_parts().0.to_owned(),
        every_days,
        starts_on: format_date(t.starts_on),
    };
    Ok(TemplateFields {
        values,
        described: frequency_label(frequency, t.starts_on),
        ..TemplateFields::default()
    })
}

/// Creates (empty `id`) or updates a template; returns its id and whether it is new.
pub async fn save(member: &Member, input: &TemplateInput) -> Result<(i64, bool), AppError> {
    let existing = existing_id(&input.id)?;
    let choices = Choices::of(member).await?;
    let new = parse(input, member.number_format(), &choices).map_err(AppError::Invalid)?;
    match existing {
        None => Ok((repo::create(member.db(), &member.scope, &new).await?, true)),
        Some(id) => {
            repo::update(member.db(), &member.scope, id, &new).await?;
            Ok((id, false))
        }
    }
}
