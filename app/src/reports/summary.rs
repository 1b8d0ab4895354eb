//! The goals and debts summaries: reports of where each goal and each debt stands today,
//! with totals per currency (what the seeds' `goals/summary` and `debts/stats/summary`
//! endpoints answered). Amounts stay in each record's own currency: a total never mixes
//! currencies.

use super::types::{SummaryLine, SummaryTable};
use crate::error::AppError;
use crate::orgs::Member;
use florin::money::Money;
use florin::planning::{GoalProgress, GoalStatus};
use florin::summary::Summary;
use std::collections::BTreeMap;

/// The summary's table, as it stands today.
pub async fn table(summary: Summary, member: &Member) -> Result<SummaryTable, AppError> {
    match summary {
        Summary::Goals => goals(member).await,
        Summary::Debts => debts(member).await,
    }
}

fn line(link: String, cells: Vec<String>) -> SummaryLine {
    SummaryLine { link, cells }
}

/// Every goal, and per currency what the goals still open (active or paused) aim for,
/// hold and lack.
async fn goals(member: &Member) -> Result<SummaryTable, AppError> {
    let format = member.number_format();
    let records = crate::goals::repo::list(member.db(), &member.scope).await?;
    let today = crate::goals::ssr::today();
    let rows = records
        .iter()
        .map(|record| {
            let g = crate::goals::ssr::summary(record, today, format);
            line(
                format!("/goals/{}", g.id),
                vec![
                    g.title,
                    g.status_label,
                    g.target,
                    g.saved,
                    g.remaining,
                    format!("{}\u{a0}%", g.percent),
                    g.target_date,
                    g.monthly,
                ],
            )
        })
        .collect();
    // (target, saved, remaining, goals)
    let mut by_currency: BTreeMap<&str, (i64, i64, i64, usize)> = BTreeMap::new();
    for record in &records {
        if !matches!(record.status(), GoalStatus::Active | GoalStatus::Paused) {
            continue;
        }
        let remaining = GoalProgress::of(record.target_amount, record.saved)
            .map_or(record.target_amount, |p| p.remaining);
        let entry = by_currency.entry(&record.currency).or_default();
        entry.0 = entry.0.saturating_add(record.target_amount);
        entry.1 = entry.1.saturating_add(record.saved);
        entry.2 = entry.2.saturating_add(remaining);
        entry.3 += 1;
    }
    let totals = by_currency
        .into_iter()
        .map(|(currency, (target, saved, remaining, count))| {
            let m = |minor: i64| Money::new(minor, currency).format(format);
            let percent = GoalProgress::of(target, saved)
                .map(|p| format!("{}\u{a0}%", p.percent_floor))
                .unwrap_or_default();
            line(
                String::new(),
                vec![
                    format!("Open goals in {currency}"),
                    format!("{count} open"),
                    m(target),
                    m(saved),
                    m(remaining),
                    percent,
                    String::new(),
                    String::new(),
                ],
            )
        })
        .collect();
    Ok(SummaryTable {
        title: "Goals summary".to_owned(),
        columns: [
            "Goal",
            "Status",
            "Target",
            "Saved",
            "Remaining",
            "Progress",
            "Target date",
            "Monthly saving needed",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
        totals,
        empty: "No goals yet.".to_owned(),
        note: "Totals count the goals still open (active or paused), per currency.".to_owned(),
    })
}

/// Every debt, and per currency what was borrowed, what is owed and what the
/// instalments take each month.
async fn debts(member: &Member) -> Result<SummaryTable, AppError> {
    let overview = crate::debts::ssr::overview(member).await?;
    let rows = overview
        .debts
        .into_iter()
        .map(|d| {
            line(
                format!("/debts/{}", d.id),
                vec![
                    d.name,
                    d.kind_label,
                    d.rate,
                    d.principal,
                    d.remaining,
                    d.total_paid,
                    d.interest_paid,
                    d.emi,
                    if d.paid_off {
                        "Paid off".to_owned()
                    } else {
                        d.next_payment
                    },
                ],
            )
        })
        .collect();
    let totals = overview
        .summary
        .into_iter()
        .map(|s| {
            line(
                String::new(),
                vec![
                    format!("All debts in {}", s.currency),
                    String::new(),
                    s.average_rate,
                    s.principal,
                    s.remaining,
                    s.paid,
                    String::new(),
                    s.monthly,
                    format!("Debt-free: {}", s.debt_free),
                ],
            )
        })
        .collect();
    Ok(SummaryTable {
        title: "Debts summary".to_owned(),
        columns: [
            "Debt",
            "Kind",
            "Rate",
            "Borrowed",
            "Principal owed",
            "Paid",
            "Interest paid",
            "Instalment",
            "Next payment",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
        totals,
        empty: "No debts recorded.".to_owned(),
        note: "The rate in a total is weighted by what remains of each debt; \"Paid\" counts principal and interest.".to_owned(),
    })
}
