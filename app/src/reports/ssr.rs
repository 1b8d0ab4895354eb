//! Builds a report from its query: validates the range, sums in SQL (`repo::sums`),
//! converts to the base currency (`florin::report::group_totals`), names and orders the
//! groups, and links each to the matching transaction list.

use super::types::{ReportQuery, ReportRow, ReportView, SaveReportInput};
use super::{charts, repo, summary};
use crate::error::{AppError, FieldErrors};
use crate::form::parse_date;
use crate::orgs::Member;
use florin::breakdown;
use florin::money::{Money, NumberFormat};
use florin::report::{Grouping, Totals};
use florin::spreadsheet::text_cell;
use florin::summary::Summary;
use std::collections::HashMap;
use time::{Date, OffsetDateTime};

/// The longest range a report covers (ten years).
const MAX_DAYS: i64 = 3_660;
/// Groups drawn in the chart; the table lists them all.
const CHARTED: usize = 12;

/// A report's validated parameters.
pub struct Params {
    pub grouping: Grouping,
    pub from: Date,
    pub to: Date,
}

/// The query's parameters, or field errors. Blank dates mean this year so far.
pub fn params(query: &ReportQuery, today: Date) -> Result<Params, FieldErrors> {
    let mut errors = FieldErrors::new();
    let grouping = match query.group.trim() {
        "" => Some(Grouping::Category),
        raw => Grouping::parse(raw),
    };
    if grouping.is_none() {
        errors.add("group", "Choose a report from the list.");
    }
    let year_start = today.replace_ordinal(1).unwrap_or(today);
    let from = match query.from.trim() {
        "" => Some(year_start),
        raw => parse_date(raw),
    };
    if from.is_none() {
        errors.add("from", crate::form::DATE_HINT);
    }
    let to = match query.to.trim() {
        "" => Some(today),
        raw => parse_date(raw),
    };
    if to.is_none() {
        errors.add("to", crate::form::DATE_HINT);
    }
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.add("to", "The end comes before the start.");
        } else if (to - from).whole_days() > MAX_DAYS {
            errors.add("to", "A report covers at most ten years.");
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    match (grouping, from, to) {
        (Some(grouping), Some(from), Some(to)) => Ok(Params { grouping, from, to }),
        _ => Err(errors),
    }
}

/// The report's groups in order, with names, totals and drill-down links.
pub struct Computed {
    pub rows: Vec<(String, Totals, String)>,
    pub total: Totals,
    pub missing: Vec<String>,
}

pub async fn compute(member: &Member, p: &Params) -> Result<Computed, AppError> {
    let db = member.db();
    let scope = &member.scope;
    let base = member.user.base_currency.clone();
    let book = repo::rate_book(db, scope, &base).await?;
    let (in_base, foreign) = repo::sums(db, scope, p.grouping, &base, p.from, p.to).await?;
    let (mut groups, missing) = florin::report::group_totals(&in_base, &foreign, &book);
    if p.grouping == Grouping::Month {
        // Keys are days (ledger) or month starts (roll-ups).
        groups = breakdown::by_month(groups);
    }
    let names: HashMap<String, String> = repo::names(db, scope, p.grouping)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let mut rows: Vec<(String, Totals, String)> = groups
        .into_iter()
        .map(|(key, totals)| {
            let (label, link) = label_and_link(p, &names, key);
            (label, totals, link)
        })
        .collect();
    if p.grouping != Grouping::Month {
        breakdown::largest_first(&mut rows);
    }
    let total = breakdown::total(rows.iter().map(|(_, t, _)| t));
    Ok(Computed {
        rows,
        total,
        missing: missing.into_iter().collect(),
    })
}

/// A group's label and the address of the transactions behind it.
fn label_and_link(p: &Params, names: &HashMap<String, String>, key: String) -> (String, String) {
    use crate::url::encode_component;
    let range = format!("from={}&to={}", p.from, p.to);
    let named = |key: String| names.get(&key).cloned().unwrap_or(key);
    match p.grouping {
        Grouping::Month => {
            let start = parse_date(&key).unwrap_or(p.from);
            let end = florin::calendar::month_end(start);
            let link = format!(
                "/transactions?from={}&to={}",
                start.max(p.from),
                end.min(p.to)
            );
            (florin::calendar::short_month_label(start), link)
        }
        Grouping::Category if key.is_empty() => {
            ("Uncategorised".to_owned(), format!("/transactions?{range}"))
        }
        Grouping::Category => {
            let link = format!("/transactions?{range}&category={key}");
            (named(key), link)
        }
        Grouping::Account => {
            let link = format!("/transactions?{range}&account={key}");
            (named(key), link)
        }
        Grouping::Tag => {
            let link = format!("/transactions?{range}&tag={}", encode_component(&key));
            (key, link)
        }
        Grouping::Payee if key.is_empty() => {
            ("(no payee)".to_owned(), format!("/transactions?{range}"))
        }
        Grouping::Payee => {
            let link = format!("/transactions?{range}&q={}", encode_component(&key));
            (key, link)
        }
    }
}

impl Params {
    /// The parameters as a query string, as stored and linked.
    pub fn query(&self) -> String {
        format!(
            "group={}&from={}&to={}",
            self.grouping.as_str(),
            self.from,
            self.to
        )
    }
}

/// The query as stored and linked: the validated parameters only.
pub fn canonical(query: &ReportQuery, today: Date) -> Result<String, FieldErrors> {
    match Summary::parse(query.group.trim()) {
        Some(summary) => Ok(summary.query()),
        None => params(query, today).map(|p| p.query()),
    }
}

/// Saves the report's query under a name; only a query the report accepts is stored,
/// rebuilt from its parsed parameters.
pub async fn save(member: &Member, input: &SaveReportInput) -> Result<(), AppError> {
    let name = input.name.trim();
    let mut errors = FieldErrors::new();
    if name.is_empty() {
        errors.add("name", "Enter a name for this report.");
    } else if name.chars().count() > 80 {
        errors.add("name", "Use at most 80 characters.");
    }
    errors.into_result()?;
    let today = OffsetDateTime::now_utc().date();
    let canonical =
        canonical(&ReportQuery::parse(&input.query), today).map_err(AppError::Invalid)?;
    repo::save(member.db(), &member.scope, name, &canonical).await
}

/// The report page's data.
pub async fn report(member: &Member, query: &ReportQuery) -> Result<ReportView, AppError> {
    let saved = repo::saved(member.db(), &member.scope)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name, format!("/reports?{}", s.query)))
        .collect();
    let mut view = ReportView {
        query: query.clone(),
        base_currency: member.user.base_currency.clone(),
        saved,
        ..ReportView::default()
    };
    if let Some(summary) = Summary::parse(query.group.trim()) {
        view.grouping_label = summary.label().to_owned();
        view.canonical = summary.query();
        view.summary = Some(summary::table(summary, member).await?);
        return Ok(view);
    }
    match params(query, OffsetDateTime::now_utc().date()) {
        Ok(p) => grouped(member, &p, view).await,
        Err(errors) => {
            view.errors = errors.0.into_iter().collect();
            Ok(view)
        }
    }
}

/// `view` with income and spending grouped as `p` asks.
async fn grouped(member: &Member, p: &Params, view: ReportView) -> Result<ReportView, AppError> {
    let computed = compute(member, p).await?;
    let base = &view.base_currency;
    let format = member.number_format();
    let range = format!("from={}&to={}", p.from, p.to);
    let total = row(
        "Total",
        computed.total,
        &format!("/transactions?{range}"),
        base,
        format,
    );
    Ok(ReportView {
        grouping_label: p.grouping.label().to_owned(),
        range: format!("{} to {}", p.from, p.to),
        canonical: p.query(),
        missing_rates: computed.missing.clone(),
        rows: computed
            .rows
            .iter()
            .map(|(label, t, link)| row(label, *t, link, base, format))
            .collect(),
        total,
        chart: chart(p, &computed.rows, base)?,
        ..view
    })
}

/// One row of the table, in the base currency.
fn row(label: &str, t: Totals, link: &str, base: &str, format: NumberFormat) -> ReportRow {
    let m = |minor: i64| Money::new(minor, base).format(format);
    ReportRow {
        label: label.to_owned(),
        income: m(t.income),
        spending: m(t.spending),
        net: m(t.net()),
        negative: t.net() < 0,
        link: link.to_owned(),
    }
}

/// The rows as bars: every month, or the largest groups; nothing without rows.
fn chart(p: &Params, rows: &[(String, Totals, String)], base: &str) -> Result<String, AppError> {
    if rows.is_empty() {
        return Ok(String::new());
    }
    let shown = if p.grouping == Grouping::Month {
        rows
    } else {
        &rows[..rows.len().min(CHARTED)]
    };
    let exponent = florin::currency::find(base).map_or(2, |c| c.exponent);
    charts::cash_flow(
        &format!(
            "Income and spending by {} ({base})",
            p.grouping.label().to_lowercase()
        ),
        shown.iter().map(|(l, _, _)| l.clone()).collect(),
        &shown.iter().map(|(_, t, _)| t.income).collect::<Vec<_>>(),
        &shown.iter().map(|(_, t, _)| t.spending).collect::<Vec<_>>(),
        exponent,
    )
    .map_err(AppError::internal)
}

/// The report as CSV: one row per group, amounts as plain decimals in the base currency.
/// Returns the file's name and its text.
pub async fn csv(member: &Member, query: &ReportQuery) -> Result<(String, String), AppError> {
    let today = OffsetDateTime::now_utc().date();
    if let Some(summary) = Summary::parse(query.group.trim()) {
        return summary_csv(member, summary, today).await;
    }
    let p = params(query, today).map_err(AppError::Invalid)?;
    let computed = compute(member, &p).await?;
    let base = &member.user.base_currency;
    let exponent = florin::currency::find(base).map_or(2, |c| c.exponent);
    let plain = |minor: i64| {
        florin::money::format_minor(minor, exponent, NumberFormat::for_locale("en"))
            .replace(',', "")
    };
    let mut lines = vec![florin::import::export_line(&[
        p.grouping.label(),
        &format!("Income ({base})"),
        &format!("Spending ({base})"),
        &format!("Net ({base})"),
    ])];
    for (label, t, _) in &computed.rows {
        lines.push(florin::import::export_line(&[
            &text_cell(label),
            &plain(t.income),
            &plain(t.spending),
            &plain(t.net()),
        ]));
    }
    let name = format!(
        "florin-report-{}-{}-{}.csv",
        p.grouping.as_str(),
        p.from,
        p.to
    );
    Ok((name, format!("\u{feff}{}", lines.concat())))
}

/// A summary as CSV: its columns, then each row and each total as shown.
async fn summary_csv(
    member: &Member,
    summary: Summary,
    today: Date,
) -> Result<(String, String), AppError> {
    let table = summary::table(summary, member).await?;
    let mut lines = vec![florin::import::export_line(&table.columns)];
    for row in table.rows.iter().chain(&table.totals) {
        let cells: Vec<String> = row.cells.iter().map(|c| text_cell(c)).collect();
        lines.push(florin::import::export_line(&cells));
    }
    let name = format!("florin-{}-summary-{today}.csv", summary.as_str());
    Ok((name, format!("\u{feff}{}", lines.concat())))
}
