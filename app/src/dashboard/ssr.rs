//! Assembles the dashboard from the database's sums (see `repo`) and the report
//! arithmetic in `florin::report`; formats every figure in the base currency.

use super::{DashboardView, DebtLine, Figure, NoticeLine, RecentLine, repo};
use crate::error::AppError;
use crate::orgs::Member;
use florin::money::{Money, NumberFormat};
use florin::report::{self, Account, Flow, month_label};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::{Date, OffsetDateTime};

/// Months in the cash-flow and net-worth charts.
const MONTHS: u32 = 12;
/// Named slices of the category donut; the rest are summed as "Everything else".
const SLICES: usize = 6;
const RECENT: i64 = 8;
const NOTICES: usize = 5;

fn exponent(currency: &str) -> u8 {
    florin::currency::find(currency).map_or(2, |c| c.exponent)
}

pub async fn dashboard(member: &Member) -> Result<DashboardView, AppError> {
    dashboard_on(member, OffsetDateTime::now_utc().date()).await
}

/// The dashboard as of `today` (a parameter so tests can pin the calendar).
pub async fn dashboard_on(member: &Member, today: Date) -> Result<DashboardView, AppError> {
    let db = member.db();
    let scope = &member.scope;
    let base = member.user.base_currency.clone();
    let format = member.number_format();
    let m = |minor: i64| Money::new(minor, &base).format(format);
    let months = report::last_months(today, MONTHS);
    let first = months.first().copied().unwrap_or(today);
    let this_month = months.last().copied().unwrap_or(today);

    let book = repo::rate_book(db, scope, &base).await?;
    let rollups = repo::rollups(db, scope).await?;
    let accounts: Vec<Account> = repo::accounts(db, scope)
        .await?
        .into_iter()
        .map(|(id, _, currency, opening_balance)| Account {
            id,
            currency,
            opening_balance,
        })
        .collect();

    // Income and spending: base-currency months straight from the roll-ups, other
    // currencies day by day at each day's rate.
    let mut in_base = Vec::new();
    let mut foreign_currencies = BTreeSet::new();
    for (month, _, _, kind, currency, total) in &rollups {
        if *month < first || kind == "transfer" {
            continue;
        }
        if *currency == base {
            in_base.push((*month, kind.clone(), *total));
        } else {
            foreign_currencies.insert(currency.clone());
        }
    }
    let mut foreign = Vec::new();
    for currency in &foreign_currencies {
        for (day, kind, total) in repo::daily_flows(db, scope, currency, first, today).await? {
            foreign.push((day, currency.clone(), kind, total));
        }
    }
    let flow = report::cash_flow(&months, &in_base, &foreign, &book);

    // Net worth at each month's end.
    let (mut flows, cross) = report::flows_from_rollups(&rollups, &accounts);
    let currency_of: HashMap<i64, &str> = accounts
        .iter()
        .map(|a| (a.id, a.currency.as_str()))
        .collect();
    for account in cross {
        let Some(currency) = currency_of.get(&account) else {
            continue;
        };
        for (day, total) in repo::cross_currency_arrivals(db, scope, account, currency).await? {
            flows.push(Flow {
                month: florin::ledger::month_start(day),
                account,
                amount: total,
            });
        }
    }
    let worth = report::net_worth(&accounts, &flows, &months, &book, today);

    // This month's spending by category.
    let names: HashMap<i64, String> =
        crate::reports::repo::names(db, scope, report::Grouping::Category)
            .await?
            .into_iter()
            .collect();
    let mut by_category: BTreeMap<Option<i64>, i64> = BTreeMap::new();
    let mut missing: BTreeSet<String> = flow.missing.union(&worth.missing).cloned().collect();
    for (category, currency, day, total) in
        repo::category_spending(db, scope, this_month, today).await?
    {
        match book.convert(total, &currency, day) {
            Some(amount) => *by_category.entry(category).or_insert(0) += amount,
            None => {
                missing.insert(currency);
            }
        }
    }
    let mut slices: Vec<(String, i64)> = by_category
        .into_iter()
        .filter(|(_, total)| *total > 0)
        .map(|(category, total)| {
            let name = category
                .and_then(|id| names.get(&id).cloned())
                .unwrap_or_else(|| "Uncategorised".to_owned());
            (name, total)
        })
        .collect();
    slices.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if slices.len() > SLICES {
        let rest: i64 = slices[SLICES - 1..].iter().map(|(_, t)| *t).sum();
        slices.truncate(SLICES - 1);
        slices.push(("Everything else".to_owned(), rest));
    }

    let exp = exponent(&base);
    let labels: Vec<String> = months.iter().map(|d| month_label(*d)).collect();
    let last = months.len().saturating_sub(1);
    let cash_flow = Figure {
        svg: super::charts::cash_flow(
            &format!("Income and spending ({base})"),
            labels.clone(),
            &flow.income,
            &flow.spending,
            exp,
        )
        .map_err(AppError::internal)?,
        caption: format!(
            "Income and spending in {base} for each of the last {MONTHS} months, as bars; the table below gives the figures."
        ),
        head: vec![
            "Month".into(),
            "Income".into(),
            "Spending".into(),
            "Net".into(),
        ],
        rows: (0..months.len())
            .rev()
            .map(|i| {
                vec![
                    labels[i].clone(),
                    m(flow.income[i]),
                    m(flow.spending[i]),
                    m(flow.net(i)),
                ]
            })
            .collect(),
    };
    let spent_total: i64 = slices.iter().map(|(_, t)| *t).sum();
    let categories = if slices.is_empty() {
        Figure::default()
    } else {
        Figure {
            svg: super::charts::categories(
                &format!("Spending by category, {}", month_label(this_month)),
                &slices,
                exp,
            )
            .map_err(AppError::internal)?,
            caption: format!(
                "Spending by category in {} as a donut; the table below gives each category's amount and share.",
                month_label(this_month)
            ),
            head: vec!["Category".into(), "Spent".into(), "Share".into()],
            rows: slices
                .iter()
                .map(|(name, total)| vec![name.clone(), m(*total), share(*total, spent_total)])
                .collect(),
        }
    };
    let net_worth = Figure {
        svg: super::charts::net_worth(
            &format!("Net worth ({base})"),
            labels.clone(),
            &worth.values,
            exp,
        )
        .map_err(AppError::internal)?,
        caption: format!(
            "Net worth in {base} at the end of each of the last {MONTHS} months, as a line; the table below gives the figures."
        ),
        head: vec!["Month end".into(), "Net worth".into()],
        rows: (0..months.len())
            .rev()
            .map(|i| vec![labels[i].clone(), m(worth.values[i])])
            .collect(),
    };

    let recent = repo::recent(db, scope, RECENT)
        .await?
        .into_iter()
        .map(|r| RecentLine {
            id: r.id,
            date: r.occurred_on.to_string(),
            payee: if r.payee.is_empty() {
                "—".to_owned()
            } else {
                r.payee
            },
            account: r.account_name,
            category: r.category_name.unwrap_or_default(),
            amount: signed(&r.kind, r.amount, &r.currency, format),
            kind: r.kind,
        })
        .collect();
    let notices = crate::notifications::repo::list(db, member.user.id).await?;
    let notifications = notices
        .items
        .into_iter()
        .filter(|n| !n.read)
        .take(NOTICES)
        .map(|n| NoticeLine {
            title: n.title,
            body: n.body,
            link: n.link,
        })
        .collect();
    let debts = crate::debts::repo::list(db, scope)
        .await?
        .into_iter()
        .filter(super::super::debts::repo::DebtRecord::is_active)
        .map(|d| DebtLine {
            id: d.id,
            name: d.name.clone(),
            remaining: Money::new(d.remaining, &d.currency).format(format),
            next_payment: d.next_payment_date.to_string(),
        })
        .collect();

    let goals = crate::goals::repo::list(db, scope)
        .await?
        .iter()
        .filter(|g| g.status == "active")
        .map(|g| crate::goals::ssr::summary(g, today, format))
        .collect();

    let limits = crate::limits::ssr::overview(member, None).await?.limits;

    Ok(DashboardView {
        base_currency: base.clone(),
        month: month_label(this_month),
        income: m(flow.income[last]),
        spending: m(flow.spending[last]),
        net: m(flow.net(last)),
        net_negative: flow.net(last) < 0,
        missing_rates: missing.into_iter().collect(),
        has_ledger: !accounts.is_empty(),
        cash_flow,
        categories,
        net_worth,
        recent,
        unread: notices.unread,
        notifications,
        debts,
        goals,
        limits,
    })
}

/// An amount with its direction: "+$10.00" for income, "−$10.00" for spending, plain
/// for a transfer.
fn signed(kind: &str, amount: i64, currency: &str, format: NumberFormat) -> String {
    let text = Money::new(amount, currency).format(format);
    match kind {
        "income" => format!("+{text}"),
        "expense" => format!("−{text}"),
        _ => text,
    }
}

/// `part` of `whole` as a whole percentage, rounded half up ("0 %" of nothing).
fn share(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0 %".to_owned();
    }
    let pct = (i128::from(part) * 200 + i128::from(whole)) / (i128::from(whole) * 2);
    format!("{pct} %")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up_and_labels_read_as_months() {
        assert_eq!(share(1, 3), "33 %");
        assert_eq!(share(1, 8), "13 %");
        assert_eq!(share(5, 0), "0 %");
        assert_eq!(month_label(time::macros::date!(2026 - 02 - 01)), "Feb 2026");
        assert_eq!(
            signed("expense", 1_050, "USD", NumberFormat::for_locale("en")),
            "−$10.50"
        );
    }
}
