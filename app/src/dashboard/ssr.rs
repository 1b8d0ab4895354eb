//! Assembles the dashboard from the database's sums (see `repo`) and the report
//! arithmetic in `florin::report`; formats every figure in the base currency.
//!
//! Rule: one function per part of the page (this month, cash flow, categories, net
//! worth, latest transactions and the side lists); [`dashboard_on`] only puts them
//! together. Other features' data comes from their `repo` or `ssr`.

use super::repo::{self, Rollup};
use super::types::{DashboardView, DebtLine, Figure, NoticeLine, RecentLine};
use crate::error::AppError;
use crate::orgs::Member;
use crate::reports::charts;
use florin::calendar::short_month_label as month_label;
use florin::fx::RateBook;
use florin::money::{Money, NumberFormat};
use florin::report::{self, Account, CashFlow, Flow, NetWorth};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::{Date, OffsetDateTime};

/// Months in the cash-flow and net-worth charts.
const MONTHS: u32 = 12;
/// Named slices of the category donut; the rest are summed as "Everything else".
const SLICES: usize = 6;
const RECENT: i64 = 8;
const NOTICES: usize = 5;

pub async fn dashboard(member: &Member) -> Result<DashboardView, AppError> {
    dashboard_on(member, OffsetDateTime::now_utc().date()).await
}

/// What every figure is drawn from, read once: the months shown, the rates into the base
/// currency, the roll-ups and the accounts.
struct Books {
    today: Date,
    months: Vec<Date>,
    book: RateBook,
    rollups: Vec<Rollup>,
    accounts: Vec<Account>,
}

impl Books {
    async fn read(member: &Member, today: Date) -> Result<Self, AppError> {
        let (db, scope) = (member.db(), &member.scope);
        let book = crate::reports::repo::rate_book(db, scope, &member.user.base_currency).await?;
        let accounts = repo::accounts(db, scope)
            .await?
            .into_iter()
            .map(|(id, _, currency, opening_balance)| Account {
                id,
                currency,
                opening_balance,
            })
            .collect();
        Ok(Self {
            today,
            months: report::last_months(today, MONTHS),
            book,
            rollups: repo::rollups(db, scope).await?,
            accounts,
        })
    }

    fn this_month(&self) -> Date {
        self.months.last().copied().unwrap_or(self.today)
    }
}

/// Amounts in one currency, in the member's number format.
#[derive(Clone, Copy)]
struct Amounts<'a> {
    currency: &'a str,
    format: NumberFormat,
}

impl Amounts<'_> {
    fn show(self, minor: i64) -> String {
        Money::new(minor, self.currency).format(self.format)
    }

    fn exponent(self) -> u8 {
        florin::currency::find(self.currency).map_or(2, |c| c.exponent)
    }
}

/// The dashboard as of `today` (a parameter so tests can pin the calendar).
pub async fn dashboard_on(member: &Member, today: Date) -> Result<DashboardView, AppError> {
    let base = member.user.base_currency.clone();
    let amounts = Amounts {
        currency: &base,
        format: member.number_format(),
    };
    let books = Books::read(member, today).await?;
    let flow = cash_flow(member, &books).await?;
    let worth = net_worth(member, &books).await?;
    let mut missing: BTreeSet<String> = flow.missing.union(&worth.missing).cloned().collect();
    let slices = category_slices(member, &books, &mut missing).await?;
    let notices = crate::notifications::repo::list(member.db(), member.user.id).await?;
    let last = books.months.len().saturating_sub(1);
    let this_month = books.this_month();
    Ok(DashboardView {
        base_currency: base.clone(),
        month: month_label(this_month),
        income: amounts.show(flow.income.get(last).copied().unwrap_or(0)),
        spending: amounts.show(flow.spending.get(last).copied().unwrap_or(0)),
        net: amounts.show(flow.net(last)),
        net_negative: flow.net(last) < 0,
        missing_rates: missing.into_iter().collect(),
        has_ledger: !books.accounts.is_empty(),
        cash_flow: cash_flow_figure(&flow, amounts)?,
        categories: categories_figure(&slices, this_month, amounts)?,
        net_worth: net_worth_figure(&worth, amounts)?,
        recent: recent(member).await?,
        unread: notices.unread,
        notifications: unread_notices(notices.items),
        debts: active_debts(member).await?,
        goals: active_goals(member, today).await?,
        limits: crate::limits::ssr::overview(member, None).await?.limits,
    })
}

/// Income and spending of each month: base-currency months straight from the roll-ups,
/// other currencies day by day at each day's rate.
async fn cash_flow(member: &Member, books: &Books) -> Result<CashFlow, AppError> {
    let base = &member.user.base_currency;
    let first = books.months.first().copied().unwrap_or(books.today);
    let mut in_base = Vec::new();
    let mut foreign_currencies = BTreeSet::new();
    for (month, _, _, kind, currency, total) in &books.rollups {
        if *month < first || kind == "transfer" {
            continue;
        }
        if currency == base {
            in_base.push((*month, kind.clone(), *total));
        } else {
            foreign_currencies.insert(currency.clone());
        }
    }
    let mut foreign = Vec::new();
    for currency in &foreign_currencies {
        let days = crate::reports::repo::daily_flows(
            member.db(),
            &member.scope,
            currency,
            first,
            books.today,
        );
        for (day, kind, total) in days.await? {
            foreign.push((day, currency.clone(), kind, total));
        }
    }
    Ok(report::cash_flow(
        &books.months,
        &in_base,
        &foreign,
        &books.book,
    ))
}

/// Net worth at each month's end: the roll-ups' flows, plus what arrived across
/// currencies, which only the ledger knows.
async fn net_worth(member: &Member, books: &Books) -> Result<NetWorth, AppError> {
    let (mut flows, cross) = report::flows_from_rollups(&books.rollups, &books.accounts);
    let currency_of: HashMap<i64, &str> = books
        .accounts
        .iter()
        .map(|a| (a.id, a.currency.as_str()))
        .collect();
    for account in cross {
        let Some(currency) = currency_of.get(&account) else {
            continue;
        };
        let arrivals =
            repo::cross_currency_arrivals(member.db(), &member.scope, account, currency).await?;
        flows.extend(arrivals.into_iter().map(|(day, total)| Flow {
            month: florin::calendar::month_start(day),
            account,
            amount: total,
        }));
    }
    Ok(report::net_worth(
        &books.accounts,
        &flows,
        &books.months,
        &books.book,
        books.today,
    ))
}

/// This month's spending by category, converted day by day, largest first; currencies
/// without a rate are added to `missing`.
async fn category_slices(
    member: &Member,
    books: &Books,
    missing: &mut BTreeSet<String>,
) -> Result<Vec<(String, i64)>, AppError> {
    let (db, scope) = (member.db(), &member.scope);
    let names: HashMap<i64, String> =
        crate::reports::repo::names(db, scope, report::Grouping::Category)
            .await?
            .into_iter()
            .collect();
    let mut by_category: BTreeMap<Option<i64>, i64> = BTreeMap::new();
    let spending = repo::category_spending(db, scope, books.this_month(), books.today).await?;
    for (category, currency, day, total) in spending {
        match books.book.convert(total, &currency, day) {
            Some(amount) => *by_category.entry(category).or_insert(0) += amount,
            None => {
                missing.insert(currency);
            }
        }
    }
    let named = by_category.into_iter().map(|(category, total)| {
        let name = category
            .and_then(|id| names.get(&id).cloned())
            .unwrap_or_else(|| "Uncategorised".to_owned());
        (name, total)
    });
    Ok(florin::breakdown::largest_with_rest(
        named,
        SLICES,
        "Everything else",
    ))
}

/// Each month's label, newest last.
fn labels(months: &[Date]) -> Vec<String> {
    months.iter().map(|d| month_label(*d)).collect()
}

fn cash_flow_figure(flow: &CashFlow, amounts: Amounts<'_>) -> Result<Figure, AppError> {
    let base = amounts.currency;
    let labels = labels(&flow.months);
    let svg = charts::cash_flow(
        &format!("Income and spending ({base})"),
        labels.clone(),
        &flow.income,
        &flow.spending,
        amounts.exponent(),
    )
    .map_err(AppError::internal)?;
    let rows = labels.into_iter().enumerate().rev().map(|(i, label)| {
        let income = flow.income.get(i).copied().unwrap_or(0);
        let spending = flow.spending.get(i).copied().unwrap_or(0);
        vec![
            label,
            amounts.show(income),
            amounts.show(spending),
            amounts.show(flow.net(i)),
        ]
    });
    Ok(Figure {
        svg,
        caption: format!(
            "Income and spending in {base} for each of the last {MONTHS} months, as bars; the table below gives the figures."
        ),
        head: ["Month", "Income", "Spending", "Net"]
            .map(str::to_owned)
            .to_vec(),
        rows: rows.collect(),
    })
}

fn categories_figure(
    slices: &[(String, i64)],
    month: Date,
    amounts: Amounts<'_>,
) -> Result<Figure, AppError> {
    if slices.is_empty() {
        return Ok(Figure::default());
    }
    let spent: i64 = slices.iter().map(|(_, t)| *t).sum();
    let share = florin::breakdown::share_label;
    Ok(Figure {
        svg: charts::categories(
            &format!("Spending by category, {}", month_label(month)),
            slices,
            amounts.exponent(),
        )
        .map_err(AppError::internal)?,
        caption: format!(
            "Spending by category in {} as a donut; the table below gives each category's amount and share.",
            month_label(month)
        ),
        head: ["Category", "Spent", "Share"].map(str::to_owned).to_vec(),
        rows: slices
            .iter()
            .map(|(name, total)| vec![name.clone(), amounts.show(*total), share(*total, spent)])
            .collect(),
    })
}

fn net_worth_figure(worth: &NetWorth, amounts: Amounts<'_>) -> Result<Figure, AppError> {
    let base = amounts.currency;
    let labels = labels(&worth.months);
    let svg = charts::net_worth(
        &format!("Net worth ({base})"),
        labels.clone(),
        &worth.values,
        amounts.exponent(),
    )
    .map_err(AppError::internal)?;
    let rows = labels.into_iter().enumerate().rev().map(|(i, label)| {
        vec![
            label,
            amounts.show(worth.values.get(i).copied().unwrap_or(0)),
        ]
    });
    Ok(Figure {
        svg,
        caption: format!(
            "Net worth in {base} at the end of each of the last {MONTHS} months, as a line; the table below gives the figures."
        ),
        head: ["Month end", "Net worth"].map(str::to_owned).to_vec(),
        rows: rows.collect(),
    })
}

/// The latest transactions, each amount signed by its direction.
async fn recent(member: &Member) -> Result<Vec<RecentLine>, AppError> {
    let format = member.number_format();
    let rows = repo::recent(member.db(), &member.scope, RECENT).await?;
    Ok(rows
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
            amount: florin::direction::signed(
                &r.kind,
                Money::new(r.amount, &r.currency).format(format),
            ),
            kind: r.kind,
        })
        .collect())
}

/// The newest unread notifications.
fn unread_notices(items: Vec<crate::notifications::NotificationView>) -> Vec<NoticeLine> {
    items
        .into_iter()
        .filter(|n| !n.read)
        .take(NOTICES)
        .map(|n| NoticeLine {
            title: n.title,
            body: n.body,
            link: n.link,
        })
        .collect()
}

/// The debts still being repaid, with what is owed in each one's own currency.
async fn active_debts(member: &Member) -> Result<Vec<DebtLine>, AppError> {
    let format = member.number_format();
    let debts = crate::debts::repo::list(member.db(), &member.scope).await?;
    Ok(debts
        .into_iter()
        .filter(crate::debts::repo::DebtRecord::is_active)
        .map(|d| DebtLine {
            id: d.id,
            name: d.name.clone(),
            remaining: Money::new(d.remaining, &d.currency).format(format),
            next_payment: d.next_payment_date.to_string(),
        })
        .collect())
}

/// The active goals with their progress as of `today`.
async fn active_goals(
    member: &Member,
    today: Date,
) -> Result<Vec<crate::goals::GoalSummary>, AppError> {
    let format = member.number_format();
    let goals = crate::goals::repo::list(member.db(), &member.scope).await?;
    Ok(goals
        .iter()
        .filter(|g| g.status == "active")
        .map(|g| crate::goals::ssr::summary(g, today, format))
        .collect())
}
