//! Report arithmetic: month buckets, income and spending in a base currency, and net worth
//! over time. Inputs are sums the database already aggregated (monthly roll-ups, per-day
//! sums of foreign-currency rows); nothing here reads a ledger row by row.
//!
//! Conversion follows PRODUCT.md: an amount converts at the rate of its own date — a day's
//! sum at that day's rate — and a balance at the rate of the day it is stated for. An
//! amount with no rate on or before its date is left out and its currency reported as
//! missing, never converted at a made-up 1.

use crate::fx::RateBook;
use crate::ledger::month_start;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use time::{Date, Duration};

/// The first days of the `count` months ending with `last`'s month, oldest first.
pub fn last_months(last: Date, count: u32) -> Vec<Date> {
    let mut months = Vec::new();
    let mut month = month_start(last);
    for _ in 0..count {
        months.push(month);
        match month.previous_day() {
            Some(day) => month = month_start(day),
            None => break,
        }
    }
    months.reverse();
    months
}

/// A month as charts and tables label it: "Nov 2026".
pub use crate::calendar::short_month_label as month_label;

/// The last day of `month_start`'s month.
pub use crate::calendar::month_end as month_last_day;

/// Income and spending of each month, in the book's currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CashFlow {
    pub months: Vec<Date>,
    pub income: Vec<i64>,
    pub spending: Vec<i64>,
    /// Currencies with amounts left out for want of a rate.
    pub missing: BTreeSet<String>,
}

impl CashFlow {
    /// Income less spending of month `i`.
    pub fn net(&self, i: usize) -> i64 {
        self.income.get(i).copied().unwrap_or(0) - self.spending.get(i).copied().unwrap_or(0)
    }
}

/// Buckets income and expense into `months`. `in_target` are roll-up sums already in the
/// book's currency: (month, kind, total); `foreign` are per-day sums in other currencies:
/// (day, currency, kind, total), each converted at its day's rate. Transfers are neither
/// income nor spending and are ignored whichever list they come in.
pub fn cash_flow(
    months: &[Date],
    in_target: &[(Date, String, i64)],
    foreign: &[(Date, String, String, i64)],
    book: &RateBook,
) -> CashFlow {
    let index: HashMap<Date, usize> = months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut flow = CashFlow {
        months: months.to_vec(),
        income: vec![0; months.len()],
        spending: vec![0; months.len()],
        missing: BTreeSet::new(),
    };
    let mut add = |month: Date, kind: &str, amount: i64| {
        if let Some(&i) = index.get(&month_start(month)) {
            match kind {
                "income" => flow.income[i] = flow.income[i].saturating_add(amount),
                "expense" => flow.spending[i] = flow.spending[i].saturating_add(amount),
                _ => {}
            }
        }
    };
    for (month, kind, total) in in_target {
        add(*month, kind, *total);
    }
    let mut missing = BTreeSet::new();
    for (day, currency, kind, total) in foreign {
        if kind == "transfer" || !index.contains_key(&month_start(*day)) {
            continue;
        }
        match book.convert(*total, currency, *day) {
            Some(amount) => add(*day, kind, amount),
            None => {
                missing.insert(currency.clone());
            }
        }
    }
    flow.missing = missing;
    flow
}

/// An account as net worth needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub currency: String,
    pub opening_balance: i64,
}

/// A change to an account's balance in one month, in the account's currency (signed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flow {
    pub month: Date,
    pub account: i64,
    pub amount: i64,
}

/// Turns roll-up rows — (month, account, counter account or 0, kind, currency, total) —
/// into balance changes: income adds, expense and a transfer's source leg subtract, and a
/// transfer's arriving leg adds the same amount when both accounts share the currency.
/// Arrivals across currencies carry another amount, which the roll-ups do not hold: their
/// accounts are returned so the caller can add those flows from the ledger.
pub fn flows_from_rollups(
    rows: &[(Date, i64, i64, String, String, i64)],
    accounts: &[Account],
) -> (Vec<Flow>, BTreeSet<i64>) {
    let currency: HashMap<i64, &str> = accounts
        .iter()
        .map(|a| (a.id, a.currency.as_str()))
        .collect();
    let mut flows = Vec::new();
    let mut cross = BTreeSet::new();
    for (month, account, counter, kind, row_currency, total) in rows {
        let signed = match kind.as_str() {
            "income" => *total,
            "expense" | "transfer" => -*total,
            _ => continue,
        };
        flows.push(Flow {
            month: *month,
            account: *account,
            amount: signed,
        });
        if kind == "transfer" && *counter != 0 {
            if currency.get(counter).copied() == Some(row_currency.as_str()) {
                flows.push(Flow {
                    month: *month,
                    account: *counter,
                    amount: *total,
                });
            } else {
                cross.insert(*counter);
            }
        }
    }
    (flows, cross)
}

/// Net worth at the end of each of `months`, in the book's currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetWorth {
    pub months: Vec<Date>,
    pub values: Vec<i64>,
    pub missing: BTreeSet<String>,
}

/// Each account's balance (opening balance plus every flow up to the month) at the end of
/// each month, converted at the rate of that day — or of `today` for the current month —
/// and summed.
pub fn net_worth(
    accounts: &[Account],
    flows: &[Flow],
    months: &[Date],
    book: &RateBook,
    today: Date,
) -> NetWorth {
    let mut per_account: HashMap<i64, BTreeMap<Date, i64>> = HashMap::new();
    for flow in flows {
        let slot = per_account
            .entry(flow.account)
            .or_default()
            .entry(month_start(flow.month))
            .or_insert(0);
        *slot = slot.saturating_add(flow.amount);
    }
    let mut result = NetWorth {
        months: months.to_vec(),
        values: vec![0; months.len()],
        missing: BTreeSet::new(),
    };
    for account in accounts {
        let changes = per_account.get(&account.id);
        for (i, month) in months.iter().enumerate() {
            let balance = account
                .opening_balance
                .saturating_add(changes.map_or(0, |c| {
                    c.range(..=*month)
                        .map(|(_, v)| *v)
                        .fold(0_i64, i64::saturating_add)
                }));
            if balance == 0 {
                continue;
            }
            let on = month_last_day(*month).min(today);
            match book.convert(balance, &account.currency, on) {
                Some(amount) => result.values[i] = result.values[i].saturating_add(amount),
                None => {
                    result.missing.insert(account.currency.clone());
                }
            }
        }
    }
    result
}

/// The day before `date` (for "up to the end of last month" ranges); `date` itself at the
/// calendar's start.
pub fn day_before(date: Date) -> Date {
    date.checked_sub(Duration::days(1)).unwrap_or(date)
}

/// What a report groups income and spending by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grouping {
    Month,
    Category,
    Tag,
    Account,
    Payee,
}

impl Grouping {
    pub const ALL: [Self; 5] = [
        Self::Month,
        Self::Category,
        Self::Tag,
        Self::Account,
        Self::Payee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Category => "category",
            Self::Tag => "tag",
            Self::Account => "account",
            Self::Payee => "payee",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Month => "Month",
            Self::Category => "Category",
            Self::Tag => "Tag",
            Self::Account => "Account",
            Self::Payee => "Payee",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.as_str() == raw.trim())
    }
}

/// Income and spending of one group, in the target currency.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub income: i64,
    pub spending: i64,
}

impl Totals {
    pub fn net(self) -> i64 {
        self.income - self.spending
    }

    fn add(&mut self, kind: &str, amount: i64) {
        match kind {
            "income" => self.income = self.income.saturating_add(amount),
            "expense" => self.spending = self.spending.saturating_add(amount),
            _ => {}
        }
    }
}

/// Sums per group key. `in_target` are sums already in the book's currency: (key, kind,
/// total); `foreign` are per-day sums in other currencies: (key, currency, day, kind,
/// total), each converted at its day's rate. Transfers count as neither.
pub fn group_totals(
    in_target: &[(String, String, i64)],
    foreign: &[(String, String, Date, String, i64)],
    book: &RateBook,
) -> (BTreeMap<String, Totals>, BTreeSet<String>) {
    let mut groups: BTreeMap<String, Totals> = BTreeMap::new();
    let mut missing = BTreeSet::new();
    for (key, kind, total) in in_target {
        if kind != "transfer" {
            groups.entry(key.clone()).or_default().add(kind, *total);
        }
    }
    for (key, currency, day, kind, total) in foreign {
        if kind == "transfer" {
            continue;
        }
        match book.convert(*total, currency, *day) {
            Some(amount) => groups.entry(key.clone()).or_default().add(kind, amount),
            None => {
                missing.insert(currency.clone());
            }
        }
    }
    (groups, missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::rate_row;
    use time::macros::date;

    fn book() -> RateBook {
        RateBook::new(
            "USD",
            vec![
                rate_row("EUR", "USD", date!(2026 - 01 - 01), "1.1"),
                rate_row("EUR", "USD", date!(2026 - 02 - 15), "1.2"),
            ],
        )
    }

    #[test]
    fn the_last_months_cross_years_and_leap_februaries() {
        assert_eq!(
            last_months(date!(2024 - 03 - 31), 3),
            vec![
                date!(2024 - 01 - 01),
                date!(2024 - 02 - 01),
                date!(2024 - 03 - 01)
            ]
        );
        assert_eq!(
            last_months(date!(2026 - 01 - 15), 2),
            vec![date!(2025 - 12 - 01), date!(2026 - 01 - 01)]
        );
        assert_eq!(month_last_day(date!(2024 - 02 - 10)), date!(2024 - 02 - 29));
        assert_eq!(month_last_day(date!(2025 - 02 - 10)), date!(2025 - 02 - 28));
        assert_eq!(day_before(date!(2026 - 03 - 01)), date!(2026 - 02 - 28));
        assert_eq!(month_label(date!(2026 - 09 - 01)), "Sep 2026");
    }

    #[test]
    fn cash_flow_converts_each_day_at_its_rate_and_ignores_transfers() {
        let months = last_months(date!(2026 - 02 - 28), 2);
        let in_target = vec![
            (date!(2026 - 01 - 01), "income".to_owned(), 300_000),
            (date!(2026 - 01 - 01), "expense".to_owned(), 120_000),
            (date!(2026 - 01 - 01), "transfer".to_owned(), 50_000),
            (date!(2025 - 12 - 01), "expense".to_owned(), 999_999),
        ];
        let foreign = [
            // 100.00 EUR at 1.1 and 100.00 EUR at 1.2, both spending in February.
            (date!(2026 - 02 - 14), "EUR", "expense", 10_000),
            (date!(2026 - 02 - 15), "EUR", "expense", 10_000),
            (date!(2026 - 02 - 20), "EUR", "transfer", 10_000),
            (date!(2026 - 02 - 20), "GBP", "income", 5_000),
        ]
        .map(|(day, currency, kind, total)| (day, currency.to_owned(), kind.to_owned(), total));
        let flow = cash_flow(&months, &in_target, &foreign, &book());
        assert_eq!(flow.income, vec![300_000, 0]);
        assert_eq!(flow.spending, vec![120_000, 23_000]);
        assert_eq!(flow.net(0), 180_000);
        assert_eq!(flow.net(1), -23_000);
        assert_eq!(flow.missing, BTreeSet::from(["GBP".to_owned()]));
    }

    #[test]
    fn net_worth_follows_flows_and_converts_at_each_month_end() {
        let accounts = [(1, "USD", 100_000), (2, "EUR", 0), (3, "USD", 0)].map(
            |(id, currency, opening_balance)| Account {
                id,
                currency: currency.into(),
                opening_balance,
            },
        );
        let rows = [
            (date!(2026 - 01 - 01), 1, 0, "income", "USD", 50_000),
            (date!(2026 - 01 - 01), 1, 0, "expense", "USD", 20_000),
            // 100.00 USD moved to savings: net worth does not move.
            (date!(2026 - 02 - 01), 1, 3, "transfer", "USD", 10_000),
            // 110.00 USD sent to the EUR account; what arrived is in the ledger only.
            (date!(2026 - 02 - 01), 1, 2, "transfer", "USD", 11_000),
        ]
        .map(|(month, account, counter, kind, currency, total)| {
            (
                month,
                account,
                counter,
                kind.to_owned(),
                currency.to_owned(),
                total,
            )
        });
        let (mut flows, cross) = flows_from_rollups(&rows, &accounts);
        assert_eq!(cross, BTreeSet::from([2]));
        flows.push(Flow {
            month: date!(2026 - 02 - 01),
            account: 2,
            amount: 10_000,
        });
        let months = last_months(date!(2026 - 02 - 10), 3);
        let worth = net_worth(&accounts, &flows, &months, &book(), date!(2026 - 02 - 10));
        // December: the opening balance; January: +500 −200; February: −110 out, and
        // 100.00 EUR in at 1.1 (the rate of 10 February, "today").
        assert_eq!(
            worth.values,
            vec![100_000, 130_000, 130_000 - 11_000 + 11_000]
        );
        assert!(worth.missing.is_empty());
        let later = net_worth(&accounts, &flows, &months, &book(), date!(2026 - 03 - 05));
        // At the end of February the EUR account is worth 100.00 × 1.2.
        assert_eq!(later.values[2], 130_000 - 11_000 + 12_000);
        let no_rates = net_worth(
            &accounts,
            &flows,
            &months,
            &RateBook::new("USD", vec![]),
            date!(2026 - 03 - 05),
        );
        assert_eq!(no_rates.missing, BTreeSet::from(["EUR".to_owned()]));
        assert_eq!(no_rates.values[2], 119_000);
    }

    #[test]
    fn groups_add_up_per_key_in_the_target_currency() {
        let in_target = vec![
            ("Food".to_owned(), "expense".to_owned(), 12_000),
            ("Food".to_owned(), "income".to_owned(), 500),
            ("Rent".to_owned(), "expense".to_owned(), 90_000),
            ("Rent".to_owned(), "transfer".to_owned(), 1),
        ];
        let foreign = [
            ("Food", "EUR", date!(2026 - 01 - 05), "expense", 1_000),
            ("Food", "EUR", date!(2026 - 02 - 20), "expense", 1_000),
            ("Fun", "GBP", date!(2026 - 02 - 20), "expense", 1_000),
        ]
        .map(|(key, currency, day, kind, total)| {
            (
                key.to_owned(),
                currency.to_owned(),
                day,
                kind.to_owned(),
                total,
            )
        });
        let (groups, missing) = group_totals(&in_target, &foreign, &book());
        assert_eq!(
            groups["Food"],
            Totals {
                income: 500,
                spending: 12_000 + 1_100 + 1_200
            }
        );
        assert_eq!(groups["Food"].net(), 500 - 14_300);
        assert_eq!(
            groups["Rent"],
            Totals {
                income: 0,
                spending: 90_000
            }
        );
        assert!(!groups.contains_key("Fun"));
        assert_eq!(missing, BTreeSet::from(["GBP".to_owned()]));
        assert_eq!(Grouping::parse("payee"), Some(Grouping::Payee));
        assert_eq!(Grouping::parse("nonsense"), None);
    }
}
