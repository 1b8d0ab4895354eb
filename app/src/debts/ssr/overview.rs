//! The debts page: every debt, the statistics per currency and the payments by month.
//! Rule: the figures come from `florin::debt_stats`; this module reads and formats them.

use super::display::{money, summary, today};
use crate::debts::repo::{self, DebtRecord};
use crate::debts::types::{DebtsOverview, HistoryRow, SummaryRow};
use crate::error::AppError;
use crate::orgs::Member;
use florin::calendar::{long_month_label, month_start_back};
use florin::debt_stats::{DebtFigures, MonthTotals, currency_stats, monthly_history, rate_text};
use florin::money::NumberFormat;
use std::collections::BTreeMap;

pub async fn overview(member: &Member) -> Result<DebtsOverview, AppError> {
    let format = member.number_format();
    let records = repo::list(member.db(), &member.scope).await?;
    let today = today();
    let since = month_start_back(today, 11);
    let daily = repo::daily_payment_totals(member.db(), &member.scope, since).await?;
    let (currencies, months) = monthly_history(&daily, today);
    Ok(DebtsOverview {
        debts: records.iter().map(|r| summary(r, format)).collect(),
        summary: summary_rows(&records, format),
        history: history_rows(&currencies, months, format),
        history_currencies: currencies,
    })
}

/// One row per currency, in alphabetical order.
fn summary_rows(records: &[DebtRecord], format: NumberFormat) -> Vec<SummaryRow> {
    let mut by_currency: BTreeMap<&str, Vec<DebtFigures>> = BTreeMap::new();
    for record in records {
        by_currency
            .entry(record.currency.as_str())
            .or_default()
            .push(record.figures());
    }
    by_currency
        .into_iter()
        .map(|(currency, debts)| {
            let stats = currency_stats(&debts);
            let m = |minor: i64| money(minor, currency, format);
            SummaryRow {
                currency: currency.to_owned(),
                principal: m(stats.principal),
                remaining: m(stats.remaining),
                paid: m(stats.paid),
                monthly: m(stats.monthly),
                average_rate: stats.average_rate.map_or_else(|| "—".to_owned(), rate_text),
                debt_free: stats
                    .debt_free
                    .unwrap_or_else(|error| error.message(currency, format)),
            }
        })
        .collect()
}

/// The months with their totals formatted; none when nothing was paid in them.
fn history_rows(
    currencies: &[String],
    months: Vec<MonthTotals>,
    format: NumberFormat,
) -> Vec<HistoryRow> {
    if currencies.is_empty() {
        return Vec::new();
    }
    months
        .into_iter()
        .map(|(start, totals)| HistoryRow {
            month: long_month_label(start),
            amounts: totals
                .iter()
                .zip(currencies)
                .map(|(total, currency)| money(*total, currency, format))
                .collect(),
        })
        .collect()
}
