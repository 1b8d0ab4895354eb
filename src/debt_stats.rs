//! The debt pages' figures that are arithmetic and labels rather than storage: what kind
//! a debt is, a rate as text, the statistics per currency, the payments by month and the
//! payoff planner's comparison, month labels and balance series.
//!
//! Rule: exact integer sums over minor units of one currency; amounts are formatted by
//! the caller, month and rate labels here.

use crate::calendar::{long_month_label, month_start, month_start_back, short_month_label};
use crate::loan::{self, AnnualRate, LoanError, Plan, PlanDebt, Strategy};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use time::Date;

/// What kind of debt it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DebtKind {
    Home,
    Car,
    Personal,
    Student,
    CreditCard,
    Other,
}

impl DebtKind {
    pub const ALL: [Self; 6] = [
        Self::Home,
        Self::Car,
        Self::Personal,
        Self::Student,
        Self::CreditCard,
        Self::Other,
    ];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::Car => "car",
            Self::Personal => "personal",
            Self::Student => "student",
            Self::CreditCard => "credit_card",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Home => "Home loan",
            Self::Car => "Car loan",
            Self::Personal => "Personal loan",
            Self::Student => "Student loan",
            Self::CreditCard => "Credit card",
            Self::Other => "Other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }
}

/// "6.5 %", with a no-break space so the sign never wraps onto its own line.
pub fn rate_text(rate: AnnualRate) -> String {
    format!("{rate}\u{a0}%")
}

/// The average of `rates` weighted by the paired amounts, exactly (128-bit sums, one
/// half-up rounding to the rate's 1/10 000 of a percent). `None` when the weights are
/// all zero.
pub fn weighted_rate(debts: &[(AnnualRate, i64)]) -> Option<AnnualRate> {
    let weight: i128 = debts.iter().map(|(_, w)| i128::from(*w.max(&0))).sum();
    if weight == 0 {
        return None;
    }
    let sum: i128 = debts
        .iter()
        .map(|(rate, w)| i128::from(rate.scaled()) * i128::from(*w.max(&0)))
        .sum();
    let rounded = (2 * sum + weight) / (2 * weight);
    u32::try_from(rounded)
        .ok()
        .and_then(AnnualRate::from_scaled)
}

/// The distinct currencies of `codes`, in alphabetical order.
pub fn currencies<'a>(codes: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    codes
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// Payment totals of one month: its first day and the total per currency.
pub type MonthTotals = (Date, Vec<i64>);

/// Sums daily totals into the twelve months ending with `today`'s, oldest first: for each
/// month its first day and the total per currency (in the returned currencies' order).
pub fn monthly_history(
    daily: &[(String, Date, i64)],
    today: Date,
) -> (Vec<String>, Vec<MonthTotals>) {
    let currencies = currencies(daily.iter().map(|(c, _, _)| c.as_str()));
    let months: Vec<Date> = (0..12)
        .rev()
        .map(|back| month_start_back(today, back))
        .collect();
    let mut totals = vec![vec![0_i64; currencies.len()]; months.len()];
    for (currency, day, amount) in daily {
        let start = month_start(*day);
        if let (Some(m), Some(c)) = (
            months.iter().position(|d| *d == start),
            currencies.iter().position(|x| x == currency),
        ) {
            totals[m][c] = totals[m][c].saturating_add(*amount);
        }
    }
    (currencies, months.into_iter().zip(totals).collect())
}

/// The month a plan's `month` (1 for the first month paid) falls in, counted from the
/// earliest next payment among the debts.
pub fn plan_month(first_due: Date, month: u32) -> String {
    match month
        .checked_sub(1)
        .and_then(|i| loan::payment_date(first_due, i))
    {
        Some(date) => long_month_label(date),
        None if month == 0 => "now".to_owned(),
        None => "—".to_owned(),
    }
}

/// "Now", "March 2029", or that it does not happen within the planner's horizon.
pub fn debt_free_text(plan: &Plan, first_due: Date) -> String {
    match plan.months_to_debt_free {
        Some(0) => "Now".to_owned(),
        Some(months) => plan_month(first_due, months),
        None => format!("Not within {} years", loan::PLAN_HORIZON_MONTHS / 12),
    }
}

/// How long a plan takes: "1 month", "30 months", or more than the planner's horizon.
pub fn duration_text(plan: &Plan) -> String {
    match plan.months_to_debt_free {
        Some(1) => "1 month".to_owned(),
        Some(n) => format!("{n} months"),
        None => format!("More than {} years", loan::PLAN_HORIZON_MONTHS / 12),
    }
}

/// One debt as the statistics see it; amounts in minor units of its currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebtFigures {
    /// What remains, at which rate, repaid by which instalment.
    pub debt: PlanDebt,
    pub principal: i64,
    /// Principal and interest paid.
    pub paid: i64,
    /// What clears it today: what remains and the current period's unpaid interest.
    pub payoff: i64,
    /// The next due date; `None` once it is paid off.
    pub next_payment: Option<Date>,
}

/// Statistics over the debts of one currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyStats {
    pub principal: i64,
    pub remaining: i64,
    pub paid: i64,
    /// What the active debts' instalments take each month.
    pub monthly: i64,
    /// Weighted by what remains of each debt; `None` when nothing remains.
    pub average_rate: Option<AnnualRate>,
    /// "Now" or the month the last debt closes paying the instalments as they are.
    pub debt_free: Result<String, LoanError>,
}

/// The statistics of `debts`, which share one currency.
pub fn currency_stats(debts: &[DebtFigures]) -> CurrencyStats {
    let sum = |f: fn(&DebtFigures) -> i64| debts.iter().map(f).fold(0_i64, i64::saturating_add);
    let active: Vec<&DebtFigures> = debts.iter().filter(|d| d.next_payment.is_some()).collect();
    let monthly = active
        .iter()
        .map(|d| d.debt.min_payment.min(d.payoff))
        .fold(0_i64, i64::saturating_add);
    let rates: Vec<(AnnualRate, i64)> = debts
        .iter()
        .map(|d| (d.debt.rate, d.debt.balance))
        .collect();
    let plan_debts: Vec<PlanDebt> = active.iter().map(|d| d.debt.clone()).collect();
    let debt_free = match active.iter().filter_map(|d| d.next_payment).min() {
        None => Ok("Now".to_owned()),
        Some(first_due) => loan::plan(&plan_debts, 0, Strategy::MinimumOnly)
            .map(|plan| debt_free_text(&plan, first_due)),
    };
    CurrencyStats {
        principal: sum(|d| d.principal),
        remaining: sum(|d| d.debt.balance),
        paid: sum(|d| d.paid),
        monthly,
        average_rate: weighted_rate(&rates),
        debt_free,
    }
}

/// The strategies the planner compares, in the order it shows them.
pub const STRATEGIES: [(&str, Strategy); 3] = [
    ("Avalanche", Strategy::Avalanche),
    ("Snowball", Strategy::Snowball),
    ("Minimum payments only", Strategy::MinimumOnly),
];

/// The plan of each of [`STRATEGIES`] for `debts` with `extra` on top each month; none
/// when there are no debts, and the first refusal when one cannot be planned.
pub fn compare_strategies(
    debts: &[PlanDebt],
    extra: i64,
) -> Result<Vec<(&'static str, Plan)>, LoanError> {
    if debts.is_empty() {
        return Ok(Vec::new());
    }
    STRATEGIES
        .into_iter()
        .map(|(name, strategy)| loan::plan(debts, extra, strategy).map(|plan| (name, plan)))
        .collect()
}

/// The currency a plan covers: the one asked for (any case) when it has debts, else the
/// base currency when it has, else the first of `currencies`, else the base currency.
pub fn plan_currency(currencies: &[String], wanted: &str, base: &str) -> String {
    let wanted = wanted.trim().to_ascii_uppercase();
    [wanted.as_str(), base]
        .into_iter()
        .find(|c| currencies.iter().any(|x| x == c))
        .map(str::to_owned)
        .or_else(|| currencies.first().cloned())
        .unwrap_or_else(|| base.to_owned())
}

/// A balance per month label, `None` where a plan has no figure.
pub type BalanceSeries = (Vec<String>, Vec<Vec<Option<i64>>>);

/// The planner chart's months: index 0 is `start` (today's total), index `m` the end of
/// plan month `m`; each plan's totals padded with zero after it closes (or left short
/// when hopeless).
pub fn balance_series<'a>(
    start: i64,
    first_due: Date,
    plans: impl IntoIterator<Item = &'a Plan> + Clone,
) -> BalanceSeries {
    let len = plans
        .clone()
        .into_iter()
        .map(|p| p.balance_by_month.len())
        .max()
        .unwrap_or(0)
        + 1;
    let labels = (0..len)
        .map(|i| match i {
            0 => "Now".to_owned(),
            m => u32::try_from(m)
                .ok()
                .and_then(|m| loan::payment_date(first_due, m - 1))
                .map(short_month_label)
                .unwrap_or_default(),
        })
        .collect();
    let series = plans
        .into_iter()
        .map(|plan| {
            let done = plan.months_to_debt_free.is_some();
            (0..len)
                .map(|i| match i {
                    0 => Some(start),
                    m => plan
                        .balance_by_month
                        .get(m - 1)
                        .copied()
                        .or(done.then_some(0)),
                })
                .collect()
        })
        .collect();
    (labels, series)
}

/// The points of a series of `len` months a yearly table shows: now, every twelve
/// months, and the last month when it falls between.
pub fn yearly_points(len: usize) -> impl Iterator<Item = usize> {
    let last = len.saturating_sub(1);
    (0..len).filter(move |i| i % 12 == 0 || *i == last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;
    use time::macros::date;

    fn rate(raw: &str) -> AnnualRate {
        AnnualRate::parse(raw).expect("rate")
    }

    fn figures(id: i64, balance: i64, emi: i64, next: Option<Date>) -> DebtFigures {
        DebtFigures {
            debt: PlanDebt {
                id,
                name: format!("Debt {id}"),
                balance,
                rate: rate("12"),
                min_payment: emi,
            },
            principal: 100_000,
            paid: 100_000 - balance,
            payoff: balance + balance / 100,
            next_payment: next,
        }
    }

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        assert_names_round_trip!(DebtKind);
        assert_eq!(DebtKind::parse(" credit_card "), Some(DebtKind::CreditCard));
        assert_eq!(DebtKind::CreditCard.label(), "Credit card");
        assert_eq!(DebtKind::parse("mortgage"), None);
    }

    #[test]
    fn weighted_rate_is_exact_and_weighted_by_what_remains() {
        assert_eq!(weighted_rate(&[]), None);
        assert_eq!(weighted_rate(&[(rate("10"), 0)]), None);
        assert_eq!(weighted_rate(&[(rate("6.5"), 1_000)]), Some(rate("6.5")));
        // (10 × 3 + 4 × 1) / 4 = 8.5
        assert_eq!(
            weighted_rate(&[(rate("10"), 300), (rate("4"), 100)]),
            Some(rate("8.5"))
        );
        // (1 × 1 + 0 × 2) / 3 = 0.33333… → 0.3333
        assert_eq!(
            weighted_rate(&[(rate("1"), 1), (rate("0"), 2)]),
            Some(rate("0.3333"))
        );
        // 2/3 = 0.66666… → 0.6667, half up.
        assert_eq!(
            weighted_rate(&[(rate("1"), 2), (rate("0"), 1)]),
            Some(rate("0.6667"))
        );
        // Huge balances do not overflow.
        assert_eq!(
            weighted_rate(&[
                (rate("100"), loan::MAX_AMOUNT),
                (rate("0"), loan::MAX_AMOUNT)
            ]),
            Some(rate("50"))
        );
    }

    #[test]
    fn history_buckets_days_into_the_last_twelve_months() {
        let daily = vec![
            ("USD".to_owned(), date!(2025 - 01 - 31), 999),
            ("USD".to_owned(), date!(2025 - 02 - 01), 100),
            ("USD".to_owned(), date!(2025 - 02 - 28), 50),
            ("EUR".to_owned(), date!(2026 - 01 - 10), 7),
        ];
        let (currencies, months) = monthly_history(&daily, date!(2026 - 01 - 20));
        assert_eq!(currencies, vec!["EUR".to_owned(), "USD".to_owned()]);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], (date!(2025 - 02 - 01), vec![0, 150]));
        assert_eq!(months[11], (date!(2026 - 01 - 01), vec![7, 0]));
        // January 2025 is outside the window.
        let total: i64 = months.iter().flat_map(|(_, t)| t.iter()).sum();
        assert_eq!(total, 157);
    }

    #[test]
    fn labels_read_as_months() {
        assert_eq!(rate_text(rate("6.5")), "6.5\u{a0}%");
        let first_due = date!(2029 - 01 - 31);
        assert_eq!(plan_month(first_due, 0), "now");
        assert_eq!(plan_month(first_due, 1), "January 2029");
        assert_eq!(plan_month(first_due, 3), "March 2029");
        let plan = |months| Plan {
            months_to_debt_free: months,
            total_interest: 0,
            total_paid: 0,
            payoff_order: Vec::new(),
            balance_by_month: Vec::new(),
        };
        assert_eq!(debt_free_text(&plan(Some(0)), first_due), "Now");
        assert_eq!(debt_free_text(&plan(Some(2)), first_due), "February 2029");
        assert_eq!(
            debt_free_text(&plan(None), first_due),
            "Not within 100 years"
        );
        assert_eq!(duration_text(&plan(Some(1))), "1 month");
        assert_eq!(duration_text(&plan(Some(30))), "30 months");
        assert_eq!(duration_text(&plan(None)), "More than 100 years");
    }

    #[test]
    fn statistics_sum_every_debt_and_plan_the_active_ones() {
        let due = date!(2026 - 03 - 15);
        let debts = [
            figures(1, 60_000, 10_000, Some(due)),
            figures(2, 0, 5_000, None),
        ];
        let stats = currency_stats(&debts);
        assert_eq!(stats.principal, 200_000);
        assert_eq!(stats.remaining, 60_000);
        assert_eq!(stats.paid, 140_000);
        // Only the active debt's instalment.
        assert_eq!(stats.monthly, 10_000);
        assert_eq!(stats.average_rate, Some(rate("12")));
        // 60,000 at 1 % a month, 10,000 a month: seven instalments, March to September.
        assert_eq!(stats.debt_free, Ok("September 2026".to_owned()));

        let paid_off = currency_stats(&debts[1..]);
        assert_eq!(paid_off.monthly, 0);
        assert_eq!(paid_off.average_rate, None);
        assert_eq!(paid_off.debt_free, Ok("Now".to_owned()));
    }

    #[test]
    fn an_instalment_is_capped_at_what_clears_the_debt() {
        let stats = currency_stats(&[figures(1, 1_000, 10_000, Some(date!(2026 - 01 - 01)))]);
        assert_eq!(stats.monthly, 1_010);
    }

    #[test]
    fn strategies_are_compared_in_order_or_refused_together() {
        let debts: Vec<PlanDebt> = [
            figures(1, 50_000, 5_000, None),
            figures(2, 20_000, 2_000, None),
        ]
        .into_iter()
        .map(|f| f.debt)
        .collect();
        let plans = compare_strategies(&debts, 1_000).expect("plans");
        let names: Vec<&str> = plans.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["Avalanche", "Snowball", "Minimum payments only"]);
        assert_eq!(compare_strategies(&[], 1_000), Ok(Vec::new()));
        assert_eq!(
            compare_strategies(&debts, -1),
            Err(LoanError::NegativeAmount)
        );
    }

    #[test]
    fn the_plan_covers_the_asked_then_the_base_then_the_first_currency() {
        let currencies = vec!["EUR".to_owned(), "USD".to_owned()];
        assert_eq!(plan_currency(&currencies, " usd ", "EUR"), "USD");
        assert_eq!(plan_currency(&currencies, "GBP", "USD"), "USD");
        assert_eq!(plan_currency(&currencies, "", "INR"), "EUR");
        assert_eq!(plan_currency(&[], "USD", "INR"), "INR");
    }

    #[test]
    fn balance_series_start_now_and_pad_closed_plans_with_zero() {
        let plan = |months, balances: Vec<i64>| Plan {
            months_to_debt_free: months,
            total_interest: 0,
            total_paid: 0,
            payoff_order: Vec::new(),
            balance_by_month: balances,
        };
        let plans = [plan(Some(2), vec![50, 0]), plan(None, vec![90, 80, 70])];
        let (labels, series) = balance_series(100, date!(2026 - 11 - 30), &plans);
        assert_eq!(labels, ["Now", "Nov 2026", "Dec 2026", "Jan 2027"]);
        assert_eq!(
            series,
            vec![
                vec![Some(100), Some(50), Some(0), Some(0)],
                vec![Some(100), Some(90), Some(80), Some(70)],
            ]
        );
        let (labels, series) = balance_series(100, date!(2026 - 11 - 30), &[]);
        assert_eq!(labels, ["Now"]);
        assert!(series.is_empty());
    }

    #[test]
    fn a_yearly_table_shows_now_every_twelve_months_and_the_end() {
        assert_eq!(yearly_points(30).collect::<Vec<_>>(), [0, 12, 24, 29]);
        assert_eq!(yearly_points(25).collect::<Vec<_>>(), [0, 12, 24]);
        assert_eq!(yearly_points(1).collect::<Vec<_>>(), [0]);
        assert_eq!(yearly_points(0).count(), 0);
    }
}
