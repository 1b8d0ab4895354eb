//! Builds a report from its query: validates the range, sums in SQL (`repo::sums`),
//! converts to the base currency (`florin::report::group_totals`), names and orders the
//! groups, and links each to the matching transaction list.

use super::summary::Summary;
use super::{ReportQuery, ReportRow, ReportView, repo};
use crate::error::{AppError, FieldErrors};
use crate::form::parse_date;
use crate::orgs::Member;
use florin::money::Money;
use florin::report::{Grouping, Totals};
use std::collections::{BTreeMap, HashMap};
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
        errors.add("from", "Enter a date like 2026-01-31.");
    }
    let to = match query.to.trim() {
        "" => Some(today),
        raw => parse_date(raw),
    };
    if to.is_none() {
        errors.add("to", "Enter a date like 2026-01-31.");
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
    let book = crate::dashboard::repo::rate_book(db, scope, &base).await?;
    let (in_base, foreign) = repo::sums(db, scope, p.grouping, &base, p.from, p.to).await?;
    let (mut groups, missing) = florin::report::group_totals(&in_base, &foreign, &book);
    if p.grouping == Grouping::Month {
        // Keys are days (ledger) or month starts (roll-ups): bucket them by month.
        let mut months: BTreeMap<String, Totals> = BTreeMap::new();
        for (day, totals) in groups {
            let month = format!("{}-01", day.get(..7).unwrap_or(&day));
            let slot = months.entry(month).or_default();
            slot.income += totals.income;
            slot.spending += totals.spending;
        }
        groups = months;
    }
    let names: HashMap<String, String> = repo::names(db, scope, p.grouping)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let range = format!("from={}&to={}", p.from, p.to);
    let mut rows: Vec<(String, Totals, String)> = groups
        .into_iter()
        .map(|(key, totals)| {
            let (label, link) = match p.grouping {
                Grouping::Month => {
                    let start = parse_date(&key).unwrap_or(p.from);
                    let end = florin::report::month_last_day(start);
                    (
                        florin::report::month_label(start),
                        format!(
                            "/transactions?from={}&to={}",
                            start.max(p.from),
                            end.min(p.to)
                        ),
                    )
                }
                Grouping::Category if key.is_empty() => {
                    ("Uncategorised".to_owned(), format!("/transactions?{range}"))
                }
                Grouping::Category => (
                    names.get(&key).cloned().unwrap_or_else(|| key.clone()),
                    format!("/transactions?{range}&category={key}"),
                ),
                Grouping::Account => (
                    names.get(&key).cloned().unwrap_or_else(|| key.clone()),
                    format!("/transactions?{range}&account={key}"),
                ),
                Grouping::Tag => (
                    key.clone(),
                    format!(
                        "/transactions?{range}&tag={}",
                        crate::url::encode_component(&key)
                    ),
                ),
                Grouping::Payee if key.is_empty() => {
                    ("(no payee)".to_owned(), format!("/transactions?{range}"))
                }
                Grouping::Payee => (
                    key.clone(),
                    format!(
                        "/transactions?{range}&q={}",
                        crate::url::encode_component(&key)
                    ),
                ),
            };
            (label, totals, link)
        })
        .collect();
    if p.grouping != Grouping::Month {
        rows.sort_by(|a, b| {
            (b.1.spending + b.1.income)
                .cmp(&(a.1.spending + a.1.income))
                .then_with(|| a.0.cmp(&b.0))
        });
    }
    let total = rows
        .iter()
        .fold(Totals::default(), |acc, (_, t, _)| Totals {
            income: acc.income + t.income,
            spending: acc.spending + t.spending,
        });
    Ok(Computed {
        rows,
        total,
        missing: missing.into_iter().collect(),
    })
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

/// The report page's data.
pub async fn report(member: &Member, query: &ReportQuery) -> Result<ReportView, AppError> {
    let today = OffsetDateTime::now_utc().date();
    let base = member.user.base_currency.clone();
    let format = member.number_format();
    let m = |minor: i64| Money::new(minor, &base).format(format);
    let saved = repo::saved(member.db(), &member.scope)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name, format!("/reports?{}", s.query)))
        .collect();
    let mut view = ReportView {
        query: query.clone(),
        base_currency: base.clone(),
        saved,
        ..ReportView::default()
    };
    if let Some(summary) = Summary::parse(query.group.trim()) {
        view.grouping_label = summary.label().to_owned();
        view.canonical = summary.query();
        view.summary = Some(summary.table(member).await?);
        return Ok(view);
    }
    let p = match params(query, today) {
        Ok(p) => p,
        Err(errors) => {
            view.errors = errors.0.into_iter().collect();
            return Ok(view);
        }
    };
    let computed = compute(member, &p).await?;
    view.grouping_label = p.grouping.label().to_owned();
    view.range = format!("{} to {}", p.from, p.to);
    view.canonical = p.query();
    view.missing_rates = computed.missing.clone();
    view.rows = computed
        .rows
        .iter()
        .map(|(label, t, link)| ReportRow {
            label: label.clone(),
            income: m(t.income),
            spending: m(t.spending),
            net: m(t.net()),
            negative: t.net() < 0,
            link: link.clone(),
        })
        .collect();
    view.total = ReportRow {
        label: "Total".to_owned(),
        income: m(computed.total.income),
        spending: m(computed.total.spending),
        net: m(computed.total.net()),
        negative: computed.total.net() < 0,
        link: format!("/transactions?from={}&to={}", p.from, p.to),
    };
    if !computed.rows.is_empty() {
        let charted: Vec<&(String, Totals, String)> = if p.grouping == Grouping::Month {
            computed.rows.iter().collect()
        } else {
            computed.rows.iter().take(CHARTED).collect()
        };
        let exponent = florin::currency::find(&base).map_or(2, |c| c.exponent);
        view.chart = crate::dashboard::charts::cash_flow(
            &format!(
                "Income and spending by {} ({base})",
                p.grouping.label().to_lowercase()
            ),
            charted.iter().map(|(l, _, _)| l.clone()).collect(),
            &charted.iter().map(|(_, t, _)| t.income).collect::<Vec<_>>(),
            &charted
                .iter()
                .map(|(_, t, _)| t.spending)
                .collect::<Vec<_>>(),
            exponent,
        )
        .map_err(AppError::internal)?;
    }
    Ok(view)
}

/// The report as CSV: one row per group, amounts as plain decimals in the base currency.
pub async fn csv(member: &Member, query: &ReportQuery) -> Result<(String, String), AppError> {
    let today = OffsetDateTime::now_utc().date();
    if let Some(summary) = Summary::parse(query.group.trim()) {
        let table = summary.table(member).await?;
        let mut lines = vec![florin::import::export_line(&table.columns)];
        for row in table.rows.iter().chain(&table.totals) {
            let cells: Vec<String> = row.cells.iter().map(|c| spreadsheet_text(c)).collect();
            lines.push(florin::import::export_line(&cells));
        }
        let name = format!("florin-{}-summary-{today}.csv", summary.as_str());
        return Ok((name, format!("\u{feff}{}", lines.concat())));
    }
    let p = params(query, today).map_err(AppError::Invalid)?;
    let computed = compute(member, &p).await?;
    let base = &member.user.base_currency;
    let exponent = florin::currency::find(base).map_or(2, |c| c.exponent);
    let plain = |minor: i64| {
        florin::money::format_minor(
            minor,
            exponent,
            florin::money::NumberFormat::for_locale("en"),
        )
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
            &spreadsheet_text(label),
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

/// A cell such as "=HYPERLINK(…)" must stay text in a spreadsheet.
fn spreadsheet_text(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}
