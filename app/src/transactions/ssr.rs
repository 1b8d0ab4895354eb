//! Server-side work of the transaction pages: parsing the URL filter and the form into
//! domain values, and shaping rows for display.

use super::repo::{self, Cursor, Filter, NewTransaction};
use super::{ListItem, ListPage, ListQuery, Option2, TxForm};
use crate::error::{AppError, FieldErrors};
use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::ledger::{Source, TransactionKind, parse_tags};
use florin::money::Money;

fn parse_id(raw: &str) -> Option<i64> {
    raw.trim().parse().ok()
}

/// Parses the cursor `YYYY-MM-DD.id`.
fn parse_cursor(raw: &str) -> Option<Cursor> {
    let (date, id) = raw.split_once('.')?;
    Some(Cursor {
        date: parse_date(date)?,
        id: id.parse().ok()?,
    })
}

/// The URL's filter as a validated [`Filter`], with a message per unreadable part. Ids
/// outside the organisation's accounts and categories are ignored.
pub fn parse_filter(
    member: &Member,
    query: &ListQuery,
    accounts: &[repo::AccountRef],
    categories: &[repo::CategoryRef],
) -> (Filter, FieldErrors) {
    let format = member.number_format();
    let mut errors = FieldErrors::new();
    let mut filter = Filter::default();
    let mut date = |field: &str, raw: &str| match raw.trim() {
        "" => None,
        value => parse_date(value).or_else(|| {
            errors.add(field, "Enter a date like 2026-01-31.");
            None
        }),
    };
    filter.from = date("from", &query.from);
    filter.to = date("to", &query.to);
    filter.account = parse_id(&query.account).filter(|id| accounts.iter().any(|a| a.id == *id));
    filter.category = parse_id(&query.category).filter(|id| categories.iter().any(|c| c.id == *id));
    filter.tag = parse_tags(&query.tag).into_iter().next();
    filter.kind = TransactionKind::parse(&query.kind);
    filter.text = Some(query.q.trim().to_owned()).filter(|t| !t.is_empty());
    // Amount bounds are read in the filtered account's currency, else the base currency.
    let bound_currency = filter
        .account
        .and_then(|id| accounts.iter().find(|a| a.id == id))
        .map_or_else(|| member.user.base_currency.clone(), |a| a.currency.clone());
    for (field, raw) in [("min", &query.min), ("max", &query.max)] {
        if raw.trim().is_empty() {
            continue;
        }
        match Money::parse(raw, &bound_currency, format) {
            Ok(money) if field == "min" => filter.min = Some(money.minor.abs()),
            Ok(money) => filter.max = Some(money.minor.abs()),
            Err(e) => errors.add(field, e),
        }
    }
    (filter, errors)
}

pub async fn list(member: &Member, query: &ListQuery) -> Result<ListPage, AppError> {
    let db = member.db();
    let accounts = repo::accounts(db, &member.scope).await?;
    let categories = repo::categories(db, &member.scope).await?;
    let format = member.number_format();
    let (filter, errors) = parse_filter(member, query, &accounts, &categories);
    let cursor = parse_cursor(&query.after);
    let (rows, next) = repo::page(db, &member.scope, &filter, cursor).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let tags = repo::tags_of(db, &member.scope, &ids).await?;
    let items = rows
        .into_iter()
        .map(|r| {
            let money = Money::new(r.amount, &r.currency);
            let amount = match r.kind.as_str() {
                "income" => format!("+{}", money.format(format)),
                "expense" => format!("-{}", money.format(format)),
                _ => match (&r.counter_currency, r.counter_amount) {
                    (Some(currency), Some(counter)) if *currency != r.currency => format!(
                        "{} → {}",
                        money.format(format),
                        Money::new(counter, currency).format(format)
                    ),
                    _ => money.format(format),
                },
            };
            ListItem {
                id: r.id,
                date: format_date(r.occurred_on),
                tags: tags
                    .iter()
                    .filter(|(id, _)| *id == r.id)
                    .map(|(_, t)| t.clone())
                    .collect(),
                kind: r.kind,
                payee: r.payee,
                notes: r.notes,
                account: r.account_name,
                counter_account: r.counter_name,
                category: r.category_name,
                colour: r.category_colour,
                amount,
            }
        })
        .collect();
    let totals = repo::totals(db, &member.scope, &filter)
        .await?
        .into_iter()
        .map(|(currency, kind, total, count)| {
            let label = TransactionKind::parse(&kind)
                .map_or("?", florin::ledger::TransactionKind::label)
                .to_owned();
            let total = Money::new(total, &currency).format(format);
            (currency, label, total, count)
        })
        .collect();
    Ok(ListPage {
        items,
        next: next.map(|c| format!("{}.{}", format_date(c.date), c.id)),
        totals,
        errors,
        accounts: accounts
            .iter()
            .map(|a| Option2 {
                value: a.id.to_string(),
                label: a.name.clone(),
            })
            .collect(),
        categories: categories
            .iter()
            .map(|c| Option2 {
                value: c.id.to_string(),
                label: format!("{} ({})", c.name, c.kind),
            })
            .collect(),
    })
}

pub async fn form(
    member: &Member,
    id: Option<i64>,
    copy_of: Option<i64>,
) -> Result<TxForm, AppError> {
    let db = member.db();
    let accounts = repo::accounts(db, &member.scope).await?;
    let categories = repo::categories(db, &member.scope).await?;
    let methods = crate::payment_methods::repo::options(db, &member.scope).await?;
    let format = member.number_format();
    let today = time::OffsetDateTime::now_utc().date();
    let options = |kind: &str| {
        categories
            .iter()
            .filter(|c| c.kind == kind && !c.archived)
            .map(|c| Option2 {
                value: c.id.to_string(),
                label: c.name.clone(),
            })
            .collect::<Vec<_>>()
    };
    let mut form = TxForm {
        kind: "expense".into(),
        date: format_date(today),
        account_id: accounts
            .iter()
            .find(|a| !a.archived)
            .map(|a| a.id.to_string())
            .unwrap_or_default(),
        accounts: accounts
            .iter()
            .filter(|a| !a.archived)
            .map(|a| Option2 {
                value: a.id.to_string(),
                label: format!("{} ({})", a.name, a.currency),
            })
            .collect(),
        expense_categories: options("expense"),
        income_categories: options("income"),
        payment_methods: methods
            .iter()
            .map(|(id, name)| Option2 {
                value: id.to_string(),
                label: name.clone(),
            })
            .collect(),
        ..TxForm::default()
    };
    if let Some(source) = id.or(copy_of) {
        let (record, tags) = repo::find(db, &member.scope, source).await?;
        let counter_currency = record
            .counter_account_id
            .and_then(|c| accounts.iter().find(|a| a.id == c))
            .map(|a| a.currency.clone());
        form.kind = record.kind.clone();
        form.amount = Money::new(record.amount, &record.currency).format_number(format);
        form.account_id = record.account_id.to_string();
        form.counter_account_id = record
            .counter_account_id
            .map(|c| c.to_string())
            .unwrap_or_default();
        form.counter_amount = match (record.counter_amount, counter_currency) {
            (Some(counter), Some(currency)) if currency != record.currency => {
                Money::new(counter, &currency).format_number(format)
            }
            _ => String::new(),
        };
        form.category_id = record
            .category_id
            .map(|c| c.to_string())
            .unwrap_or_default();
        form.payment_method_id = record
            .payment_method_id
            .map(|m| m.to_string())
            .unwrap_or_default();
        // An archived method still shows in the form of the transactions that used it.
        if let Some(method) = record.payment_method_id
            && !methods.iter().any(|(id, _)| *id == method)
            && let Ok(row) = crate::payment_methods::repo::find(db, &member.scope, method).await
        {
            form.payment_methods.push(Option2 {
                value: row.id.to_string(),
                label: format!("{} (archived)", row.name),
            });
        }
        form.payee = record.payee.clone();
        form.notes = record.notes.clone();
        form.tags = tags.join(", ");
        form.summary = format!(
            "{} · {} · {} · {}",
            format_date(record.occurred_on),
            TransactionKind::parse(&record.kind)
                .map(florin::ledger::TransactionKind::label)
                .unwrap_or_default(),
            if record.payee.is_empty() {
                "(no payee)"
            } else {
                &record.payee
            },
            Money::new(record.amount, &record.currency).format(format)
        );
        if id.is_some() {
            form.id = record.id.to_string();
            form.date = format_date(record.occurred_on);
            // An archived account still shows in the form of its own transactions.
            for account in accounts.iter().filter(|a| a.archived) {
                if account.id == record.account_id || Some(account.id) == record.counter_account_id
                {
                    form.accounts.push(Option2 {
                        value: account.id.to_string(),
                        label: format!("{} ({}, archived)", account.name, account.currency),
                    });
                }
            }
        }
    }
    Ok(form)
}

/// The form exactly as posted.
pub struct RawInput<'a> {
    pub kind: &'a str,
    pub date: &'a str,
    pub amount: &'a str,
    pub account_id: &'a str,
    pub counter_account_id: &'a str,
    pub counter_amount: &'a str,
    pub category_id: &'a str,
    pub payment_method_id: &'a str,
    pub payee: &'a str,
    pub notes: &'a str,
    pub tags: &'a str,
}

/// Turns the posted form into a transaction, or field errors for everything wrong.
pub async fn validate(member: &Member, input: &RawInput<'_>) -> Result<NewTransaction, AppError> {
    let db = member.db();
    let accounts = repo::accounts(db, &member.scope).await?;
    let categories = repo::categories(db, &member.scope).await?;
    let format = member.number_format();
    let mut errors = FieldErrors::new();

    let kind = TransactionKind::parse(input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose income, expense or transfer.");
    }
    let date = parse_date(input.date);
    if date.is_none() {
        errors.add("date", "Enter a date like 2026-01-31.");
    }
    let account = parse_id(input.account_id).and_then(|id| accounts.iter().find(|a| a.id == id));
    if account.is_none() {
        errors.add("account_id", "Choose an account from the list.");
    }
    let positive =
        |field: &str, raw: &str, currency: &str, errors: &mut FieldErrors| -> Option<i64> {
            if raw.trim().starts_with('-') {
                errors.add(
                    field,
                    "Enter the amount without a sign; the kind says which way it goes.",
                );
                return None;
            }
            match Money::parse(raw, currency, format) {
                Ok(money) if money.minor > 0 => Some(money.minor),
                Ok(_) => {
                    errors.add(field, "Enter an amount greater than zero.");
                    None
                }
                Err(e) => {
                    errors.add(field, e);
                    None
                }
            }
        };
    let amount = account.and_then(|a| positive("amount", input.amount, &a.currency, &mut errors));
    let counter_account_id = parse_id(input.counter_account_id);
    let counter = counter_account_id.and_then(|id| accounts.iter().find(|a| a.id == id));
    let is_transfer = kind == Some(TransactionKind::Transfer);
    let counter_amount = match (is_transfer, account, counter) {
        (true, Some(from), Some(to)) if from.currency != to.currency => {
            if input.counter_amount.trim().is_empty() {
                errors.add(
                    "counter_amount",
                    format!("Enter the amount that arrived in {}.", to.currency),
                );
                None
            } else {
                positive(
                    "counter_amount",
                    input.counter_amount,
                    &to.currency,
                    &mut errors,
                )
            }
        }
        (true, Some(_), Some(_)) => amount,
        _ => None,
    };
    let category_id = match input.category_id.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("category_id", "Choose a category from the list.");
                None
            }
        },
    };
    // Any method of the organisation, archived ones included, so that editing an old
    // transaction keeps the method it was paid with.
    let payment_method_id = match parse_id(input.payment_method_id) {
        None if input.payment_method_id.trim().is_empty() => None,
        Some(id)
            if crate::payment_methods::repo::find(db, &member.scope, id)
                .await
                .is_ok() =>
        {
            Some(id)
        }
        _ => {
            errors.add(
                "payment_method_id",
                "Choose a payment method from the list.",
            );
            None
        }
    };
    let payee = input.payee.trim();
    if payee.chars().count() > florin::import::MAX_PAYEE_CHARS {
        errors.add(
            "payee",
            format!(
                "Use at most {} characters.",
                florin::import::MAX_PAYEE_CHARS
            ),
        );
    }
    let notes = input.notes.trim();
    if notes.chars().count() > florin::import::MAX_NOTES_CHARS {
        errors.add(
            "notes",
            format!(
                "Use at most {} characters.",
                florin::import::MAX_NOTES_CHARS
            ),
        );
    }
    let tags = parse_tags(input.tags);
    if tags.len() > 20 {
        errors.add("tags", "Use at most 20 tags.");
    }
    let (Some(kind), Some(date), Some(account), Some(amount)) = (kind, date, account, amount)
    else {
        return Err(AppError::Invalid(errors));
    };
    let new = NewTransaction {
        kind,
        occurred_on: date,
        amount,
        currency: account.currency.clone(),
        account_id: account.id,
        counter_account_id: if is_transfer {
            counter_account_id
        } else {
            None
        },
        counter_amount: if is_transfer { counter_amount } else { None },
        category_id,
        payment_method_id,
        payee: payee.to_owned(),
        notes: notes.to_owned(),
        tags,
        source: Source::Manual,
        external_id: None,
    };
    repo::check_refs(&new, &accounts, &categories, &mut errors);
    errors.into_result()?;
    Ok(new)
}
