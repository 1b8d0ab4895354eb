//! Server-side work of the transaction pages: parsing the URL filter and the form into
//! domain values, and shaping rows for display.
//!
//! Rule: imports `types` and the repositories, never a page.

use super::repo::{
    self, AccountRef, CategoryRef, Cursor, Filter, ListRow, NewTransaction, TxRecord,
};
use super::types::{Choice, ListItem, ListPage, ListQuery, TransactionInput, TxForm};
use crate::accounts::form_parts;
use crate::error::{AppError, FieldErrors};
use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::import::{MAX_NOTES_CHARS, MAX_PAYEE_CHARS, MAX_TAGS_CHARS};
use florin::ledger::{Source, TransactionKind, parse_tags};
use florin::money::{Money, NumberFormat};
use florin::transaction::{amount_label, parse_positive};

/// Most tags one transaction may carry.
const MAX_TAGS: usize = 20;

fn parse_id(raw: &str) -> Option<i64> {
    raw.trim().parse().ok()
}

/// The longest search text: longer than any payee or note it could find.
const MAX_SEARCH_CHARS: usize = 200;

/// The search text, trimmed and without control characters (no payee or note holds
/// them); none when empty, and an error in `q` when it is longer than any text it could
/// find.
fn search_text(raw: &str, errors: &mut FieldErrors) -> Option<String> {
    let text: String = raw.trim().chars().filter(|c| !c.is_control()).collect();
    if text.chars().count() > MAX_SEARCH_CHARS {
        errors.add(
            "q",
            format!("Search for at most {MAX_SEARCH_CHARS} characters."),
        );
        return None;
    }
    Some(text).filter(|t| !t.is_empty())
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
    accounts: &[AccountRef],
    categories: &[CategoryRef],
) -> (Filter, FieldErrors) {
    let format = member.number_format();
    let mut errors = FieldErrors::new();
    let mut filter = Filter::default();
    let mut date = |field: &str, raw: &str| match raw.trim() {
        "" => None,
        value => parse_date(value).or_else(|| {
            errors.add(field, crate::form::DATE_HINT);
            None
        }),
    };
    filter.from = date("from", &query.from);
    filter.to = date("to", &query.to);
    filter.account = parse_id(&query.account).filter(|id| accounts.iter().any(|a| a.id == *id));
    filter.category = parse_id(&query.category).filter(|id| categories.iter().any(|c| c.id == *id));
    filter.tag = parse_tags(&query.tag).into_iter().next();
    filter.kind = TransactionKind::parse(&query.kind);
    filter.text = search_text(&query.q, &mut errors);
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

/// One page of the filtered list, the totals of the whole set, and the filter's choices.
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
    let totals = repo::totals(db, &member.scope, &filter).await?;
    Ok(ListPage {
        items: rows
            .into_iter()
            .map(|row| list_item(row, &tags, format))
            .collect(),
        next: next.map(|c| format!("{}.{}", format_date(c.date), c.id)),
        totals: totals
            .into_iter()
            .map(|(currency, kind, total, count)| {
                let label = TransactionKind::parse(&kind).map_or("?", TransactionKind::label);
                let total = Money::new(total, &currency).format(format);
                (currency, label.to_owned(), total, count)
            })
            .collect(),
        errors,
        accounts: accounts
            .iter()
            .map(|a| Choice::new(a.id, a.name.clone()))
            .collect(),
        categories: categories
            .iter()
            .map(|c| Choice::new(c.id, format!("{} ({})", c.name, c.kind)))
            .collect(),
    })
}

fn list_item(r: ListRow, tags: &[(i64, String)], format: NumberFormat) -> ListItem {
    let money = Money::new(r.amount, &r.currency);
    let arrived = r
        .counter_currency
        .as_deref()
        .zip(r.counter_amount)
        .map(|(currency, minor)| Money::new(minor, currency));
    let kind = TransactionKind::parse(&r.kind);
    ListItem {
        id: r.id,
        date: format_date(r.occurred_on),
        tags: tags
            .iter()
            .filter(|(id, _)| *id == r.id)
            .map(|(_, t)| t.clone())
            .collect(),
        amount: amount_label(kind, &money, arrived.as_ref(), format),
        kind: r.kind,
        payee: r.payee,
        notes: r.notes,
        account: r.account_name,
        counter_account: r.counter_name,
        category: r.category_name,
        colour: r.category_colour,
    }
}

/// The form for a new transaction (`id` = None), an existing one, or a copy of one
/// (`copy_of`), with the organisation's accounts, categories and payment methods.
pub async fn form(
    member: &Member,
    id: Option<i64>,
    copy_of: Option<i64>,
) -> Result<TxForm, AppError> {
    let db = member.db();
    let accounts = repo::accounts(db, &member.scope).await?;
    let categories = repo::categories(db, &member.scope).await?;
    let methods = crate::payment_methods::repo::options(db, &member.scope).await?;
    let mut form = blank_form(&accounts, &categories, &methods);
    let Some(source) = id.or(copy_of) else {
        return Ok(form);
    };
    let (record, tags) = repo::find(db, &member.scope, source).await?;
    fill_from(&mut form, &record, &tags, &accounts, member.number_format());
    // An archived method still shows in the form of the transactions that used it.
    if let Some(method) = record.payment_method_id
        && !methods.iter().any(|(id, _)| *id == method)
        && let Ok(row) = crate::payment_methods::repo::find(db, &member.scope, method).await
    {
        let label = format!("{} (archived)", row.name);
        form.payment_methods.push(Choice::new(row.id, label));
    }
    if id.is_some() {
        keep_identity(&mut form, &record, &accounts);
    }
    Ok(form)
}

/// A new expense, today, in the first active account.
fn blank_form(
    accounts: &[AccountRef],
    categories: &[CategoryRef],
    methods: &[(i64, String)],
) -> TxForm {
    let active = || accounts.iter().filter(|a| !a.archived);
    let options = |kind: &str| {
        categories
            .iter()
            .filter(|c| c.kind == kind && !c.archived)
            .map(|c| Choice::new(c.id, c.name.clone()))
            .collect::<Vec<_>>()
    };
    TxForm {
        fields: TransactionInput {
            kind: TransactionKind::Expense.as_str().to_owned(),
            date: format_date(time::OffsetDateTime::now_utc().date()),
            account_id: active()
                .next()
                .map(|a| a.id.to_string())
                .unwrap_or_default(),
            ..TransactionInput::default()
        },
        accounts: active()
            .map(|a| Choice::new(a.id, format!("{} ({})", a.name, a.currency)))
            .collect(),
        expense_categories: options(TransactionKind::Expense.as_str()),
        income_categories: options(TransactionKind::Income.as_str()),
        payment_methods: methods
            .iter()
            .map(|(id, name)| Choice::new(id, name.clone()))
            .collect(),
        ..TxForm::default()
    }
}

/// Fills the form with what `record` holds, for editing or copying it.
fn fill_from(
    form: &mut TxForm,
    record: &TxRecord,
    tags: &[String],
    accounts: &[AccountRef],
    format: NumberFormat,
) {
    let fields = &mut form.fields;
    let text = |id: Option<i64>| id.map(|v| v.to_string()).unwrap_or_default();
    let amount = Money::new(record.amount, &record.currency);
    let counter_currency = record
        .counter_account_id
        .and_then(|c| accounts.iter().find(|a| a.id == c))
        .map(|a| a.currency.as_str());
    fields.kind.clone_from(&record.kind);
    fields.amount = amount.format_number(format);
    fields.account_id = record.account_id.to_string();
    fields.counter_account_id = text(record.counter_account_id);
    fields.counter_amount = match (record.counter_amount, counter_currency) {
        (Some(counter), Some(currency)) if currency != record.currency => {
            Money::new(counter, currency).format_number(format)
        }
        _ => String::new(),
    };
    fields.category_id = text(record.category_id);
    fields.payment_method_id = text(record.payment_method_id);
    fields.payee.clone_from(&record.payee);
    fields.notes.clone_from(&record.notes);
    fields.tags = tags.join(", ");
    let kind = TransactionKind::parse(&record.kind).map_or("", TransactionKind::label);
    let payee = if record.payee.is_empty() {
        "(no payee)"
    } else {
        &record.payee
    };
    form.summary = format!(
        "{} · {kind} · {payee} · {}",
        format_date(record.occurred_on),
        amount.format(format)
    );
}

/// Editing (not copying) keeps the record's id and date, and its accounts even when
/// archived.
fn keep_identity(form: &mut TxForm, record: &TxRecord, accounts: &[AccountRef]) {
    form.fields.id = record.id.to_string();
    form.fields.date = format_date(record.occurred_on);
    let own = |a: &&AccountRef| {
        a.archived && (a.id == record.account_id || Some(a.id) == record.counter_account_id)
    };
    for account in accounts.iter().filter(own) {
        let label = format!("{} ({}, archived)", account.name, account.currency);
        form.accounts.push(Choice::new(account.id, label));
    }
}

/// Adds a transaction (empty `id`) or updates one; its id and whether it is new.
pub async fn save(member: &Member, input: &TransactionInput) -> Result<(i64, bool), AppError> {
    let existing = form_parts::existing_id(&input.id)?;
    let new = validate(member, input).await?;
    let (db, scope) = (member.db(), &member.scope);
    match existing {
        None => Ok((repo::create(db, scope, &new).await?, true)),
        Some(id) => {
            repo::update(db, scope, id, &new).await?;
            Ok((id, false))
        }
    }
}

/// Turns the posted form into a transaction, or field errors for everything wrong.
pub async fn validate(
    member: &Member,
    input: &TransactionInput,
) -> Result<NewTransaction, AppError> {
    let db = member.db();
    let accounts = repo::accounts(db, &member.scope).await?;
    let categories = repo::categories(db, &member.scope).await?;
    let format = member.number_format();
    let mut errors = FieldErrors::new();
    let kind = TransactionKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose income, expense or transfer.");
    }
    let date = parse_date(&input.date);
    if date.is_none() {
        errors.add("date", crate::form::DATE_HINT);
    }
    let account = parse_id(&input.account_id).and_then(|id| accounts.iter().find(|a| a.id == id));
    if account.is_none() {
        errors.add("account_id", "Choose an account from the list.");
    }
    let amount =
        account.and_then(|a| positive("amount", &input.amount, &a.currency, format, &mut errors));
    let is_transfer = kind == Some(TransactionKind::Transfer);
    let counter_account_id = parse_id(&input.counter_account_id).filter(|_| is_transfer);
    let counter = counter_account_id.and_then(|id| accounts.iter().find(|a| a.id == id));
    let counter_amount = match (account, counter) {
        (Some(from), Some(to)) => arrived(input, from, to, amount, format, &mut errors),
        _ => None,
    };
    let category_id = form_parts::optional_id(
        &input.category_id,
        "category_id",
        "Choose a category from the list.",
        &mut errors,
    );
    let payment_method_id = payment_method(member, &input.payment_method_id, &mut errors).await;
    let (payee, notes, tags) = texts(input, &mut errors);
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
        counter_account_id,
        counter_amount,
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

/// A typed amount in `currency`, which must be positive and unsigned.
fn positive(
    field: &str,
    raw: &str,
    currency: &str,
    format: NumberFormat,
    errors: &mut FieldErrors,
) -> Option<i64> {
    parse_positive(raw, currency, format)
        .map_err(|e| errors.add(field, e))
        .ok()
}

/// What a transfer from `from` put into `to`: the amount itself between accounts of one
/// currency, else the amount typed as received, which is then required.
fn arrived(
    input: &TransactionInput,
    from: &AccountRef,
    to: &AccountRef,
    amount: Option<i64>,
    format: NumberFormat,
    errors: &mut FieldErrors,
) -> Option<i64> {
    if from.currency == to.currency {
        return amount;
    }
    if input.counter_amount.trim().is_empty() {
        let message = format!("Enter the amount that arrived in {}.", to.currency);
        errors.add("counter_amount", message);
        return None;
    }
    positive(
        "counter_amount",
        &input.counter_amount,
        &to.currency,
        format,
        errors,
    )
}

/// Any method of the organisation, archived ones included, so that editing an old
/// transaction keeps the method it was paid with.
async fn payment_method(member: &Member, raw: &str, errors: &mut FieldErrors) -> Option<i64> {
    if raw.trim().is_empty() {
        return None;
    }
    if let Some(id) = parse_id(raw)
        && crate::payment_methods::repo::find(member.db(), &member.scope, id)
            .await
            .is_ok()
    {
        return Some(id);
    }
    errors.add(
        "payment_method_id",
        "Choose a payment method from the list.",
    );
    None
}

/// The payee, notes and tags, trimmed, with an error for each that is too long.
fn texts<'a>(
    input: &'a TransactionInput,
    errors: &mut FieldErrors,
) -> (&'a str, &'a str, Vec<String>) {
    let payee = input.payee.trim();
    form_parts::at_most("payee", payee, MAX_PAYEE_CHARS, errors);
    let notes = input.notes.trim();
    form_parts::at_most("notes", notes, MAX_NOTES_CHARS, errors);
    // The whole field is bounded before it is split, like every text.
    form_parts::at_most("tags", &input.tags, MAX_TAGS_CHARS, errors);
    let tags = parse_tags(&input.tags);
    if tags.len() > MAX_TAGS {
        errors.add("tags", format!("Use at most {MAX_TAGS} tags."));
    }
    (payee, notes, tags)
}
