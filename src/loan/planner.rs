//! The payoff planner: several debts paid month by month under one budget and strategy.
//! It stops, rather than overflows, as soon as a plan can no longer finish in the horizon.

use super::error::{LoanError, MAX_AMOUNT};
use super::instalment::monthly_interest;
use super::rate::AnnualRate;
use serde::{Deserialize, Serialize};

/// How far the payoff planner looks before it calls a plan hopeless (100 years).
pub const PLAN_HORIZON_MONTHS: u32 = 1200;

/// A debt as the payoff planner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDebt {
    pub id: i64,
    pub name: String,
    /// Owed now, in minor units.
    pub balance: i64,
    pub rate: AnnualRate,
    /// Paid every month while the debt is open (capped at what it owes).
    pub min_payment: i64,
}

/// Where the extra money goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Strategy {
    /// Highest rate first (ties: smaller balance, then smaller id).
    Avalanche,
    /// Smallest balance first (ties: higher rate, then smaller id).
    Snowball,
    /// Only each debt's minimum: no extra and no roll-over of freed minimums.
    MinimumOnly,
}

/// The outcome of a payoff plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// `None` when the debts are not all repaid within [`PLAN_HORIZON_MONTHS`].
    pub months_to_debt_free: Option<u32>,
    pub total_interest: i64,
    pub total_paid: i64,
    /// Debt ids with the month they close in, in closing order (0 for a debt already at
    /// zero). Within a month, debts closed by their own minimum come first, in input
    /// order, then those closed by the extra, in target order.
    pub payoff_order: Vec<(i64, u32)>,
    /// Total balance at the end of each simulated month.
    pub balance_by_month: Vec<i64>,
}

/// Simulates paying `debts` month by month. Each month, interest accrues on every open
/// balance (rounded half up, as in a schedule); each debt gets its minimum, capped at
/// what it owes; then, except for [`Strategy::MinimumOnly`], the rest of the monthly
/// budget — `extra_monthly` plus the minimums freed by closed debts ("snowball
/// roll-over") — goes to the debts in the strategy's order, recomputed every month.
///
/// The simulation stops as soon as repayment within the horizon has become impossible
/// (the total owed exceeds the budget times the months left; interest only adds), so for
/// a hopeless plan the totals and `balance_by_month` cover the months simulated until
/// then.
pub fn plan(debts: &[PlanDebt], extra_monthly: i64, strategy: Strategy) -> Result<Plan, LoanError> {
    let budget = validate_plan(debts, extra_monthly, strategy)?;
    let mut balances: Vec<i64> = debts.iter().map(|d| d.balance).collect();
    let mut plan = Plan {
        months_to_debt_free: None,
        total_interest: 0,
        total_paid: 0,
        payoff_order: debts
            .iter()
            .filter(|d| d.balance == 0)
            .map(|d| (d.id, 0))
            .collect(),
        balance_by_month: Vec::new(),
    };
    if balances.iter().all(|&b| b == 0) {
        plan.months_to_debt_free = Some(0);
        return Ok(plan);
    }
    // Bounds: the total owed never exceeds budget × 1200 ≤ 1.2·10^18 after the check
    // below, plus one month's interest, so no sum here overflows i64.
    for month in 1..=PLAN_HORIZON_MONTHS {
        plan_month(debts, &mut balances, budget, strategy, month, &mut plan);
        let total: i64 = balances.iter().sum();
        plan.balance_by_month.push(total);
        if total == 0 {
            plan.months_to_debt_free = Some(month);
            break;
        }
        if i128::from(total) > i128::from(PLAN_HORIZON_MONTHS - month) * i128::from(budget) {
            break;
        }
    }
    Ok(plan)
}

/// Checks the inputs and returns the monthly budget: every minimum plus the extra (none
/// for minimum-only, which never rolls anything over).
fn validate_plan(
    debts: &[PlanDebt],
    extra_monthly: i64,
    strategy: Strategy,
) -> Result<i64, LoanError> {
    let negative = extra_monthly < 0 || debts.iter().any(|d| d.balance < 0 || d.min_payment < 0);
    if negative {
        return Err(LoanError::NegativeAmount);
    }
    let sum = |f: fn(&PlanDebt) -> i64| debts.iter().map(|d| i128::from(f(d))).sum::<i128>();
    let extra = match strategy {
        Strategy::MinimumOnly => 0,
        Strategy::Avalanche | Strategy::Snowball => i128::from(extra_monthly),
    };
    let budget = sum(|d| d.min_payment) + extra;
    let max = i128::from(MAX_AMOUNT);
    if budget > max || sum(|d| d.balance) > max || i128::from(extra_monthly) > max {
        return Err(LoanError::TooLarge);
    }
    i64::try_from(budget).map_err(|_| LoanError::TooLarge)
}

/// One month of the plan: interest, minimums, then the rest of the budget to the targets.
fn plan_month(
    debts: &[PlanDebt],
    balances: &mut [i64],
    budget: i64,
    strategy: Strategy,
    month: u32,
    plan: &mut Plan,
) {
    let mut paid = 0;
    for (debt, balance) in debts.iter().zip(balances.iter_mut()) {
        if *balance == 0 {
            continue;
        }
        let interest = monthly_interest(*balance, debt.rate);
        *balance += interest;
        plan.total_interest += interest;
        let payment = debt.min_payment.min(*balance);
        *balance -= payment;
        paid += payment;
        if *balance == 0 {
            plan.payoff_order.push((debt.id, month));
        }
    }
    if strategy != Strategy::MinimumOnly {
        paid += pay_extra(debts, balances, budget - paid, strategy, month, plan);
    }
    plan.total_paid += paid;
}

/// Pays `available` to the open debts in the strategy's order; returns what was paid.
fn pay_extra(
    debts: &[PlanDebt],
    balances: &mut [i64],
    available: i64,
    strategy: Strategy,
    month: u32,
    plan: &mut Plan,
) -> i64 {
    let mut open: Vec<usize> = (0..debts.len()).filter(|&i| balances[i] > 0).collect();
    open.sort_by_key(|&i| {
        let (rate, balance, id) = (i64::from(debts[i].rate.scaled()), balances[i], debts[i].id);
        match strategy {
            Strategy::Snowball => (balance, -rate, id),
            // Minimum-only never reaches here; it shares an arm only to keep the match
            // exhaustive without a panic.
            Strategy::Avalanche | Strategy::MinimumOnly => (-rate, balance, id),
        }
    });
    let mut left = available;
    for i in open {
        if left == 0 {
            break;
        }
        let payment = left.min(balances[i]);
        balances[i] -= payment;
        left -= payment;
        if balances[i] == 0 {
            plan.payoff_order.push((debts[i].id, month));
        }
    }
    available - left
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loan::payments::Standing;
    use crate::loan::schedule::{Schedule, remaining_schedule};
    use crate::loan::test_support::{lcg, rate};
    use time::macros::date;

    fn debt(id: i64, balance: i64, r: &str, min_payment: i64) -> PlanDebt {
        PlanDebt {
            id,
            name: format!("debt {id}"),
            balance,
            rate: rate(r),
            min_payment,
        }
    }

    /// A card at 24 % (2 % a month), a car at 12 % (1 %), a friend at 0 %; 50.00 extra.
    fn three_debts() -> Vec<PlanDebt> {
        vec![
            debt(1, 100_000, "24", 5_000),
            debt(2, 30_000, "12", 5_000),
            debt(3, 60_000, "0", 10_000),
        ]
    }

    #[test]
    fn snowball_closes_the_smallest_balance_first_as_computed_by_hand() {
        // Budget 250.00 a month. Month 1: card 1,020.00 − 50 = 970.00, car 303.00 − 50 −
        // 50 extra = 203.00, friend 500.00: 1,673.00. Month 2: card 989.40 − 50, car
        // 205.03 − 100 = 105.03, friend 400: 1,444.43. Month 3: card 958.19 − 50 =
        // 908.19, car 106.08 − 100 = 6.08, friend 300: 1,214.27. Month 4: card 926.35 −
        // 50 = 876.35; the car's 6.14 is covered by its minimum, leaving 93.86 for the
        // friend (200 → 106.14): 982.49. Month 5: the friend's minimum leaves 6.14, the
        // extra 100 closes it and 93.86 goes to the card (843.88 → 750.02).
        let p = plan(&three_debts(), 5_000, Strategy::Snowball).expect("valid");
        assert_eq!(p.payoff_order, [(2, 4), (3, 5), (1, 9)]);
        assert_eq!(
            p.balance_by_month[..5],
            [167_300, 144_443, 121_427, 98_249, 75_002]
        );
        assert_eq!(p.months_to_debt_free, Some(9));
        assert_eq!((p.total_interest, p.total_paid), (13_145, 203_145));
        assert_eq!(p.balance_by_month.last(), Some(&0));
    }

    #[test]
    fn avalanche_targets_the_highest_rate_and_pays_less_interest() {
        let p = plan(&three_debts(), 5_000, Strategy::Avalanche).expect("valid");
        // The friend and the car close on their own minimums while the card takes the
        // extra; all three are gone in the same month as with snowball, cheaper.
        assert_eq!(p.payoff_order, [(3, 6), (2, 7), (1, 9)]);
        assert_eq!(p.months_to_debt_free, Some(9));
        assert_eq!((p.total_interest, p.total_paid), (12_198, 202_198));
        let m = plan(&three_debts(), 5_000, Strategy::MinimumOnly).expect("valid");
        assert_eq!(m.payoff_order, [(3, 6), (2, 7), (1, 26)]);
        assert_eq!(
            (m.months_to_debt_free, m.total_interest),
            (Some(26), 30_085)
        );
    }

    #[test]
    fn minimum_only_equals_each_debts_own_schedule() {
        let start = date!(2024 - 01 - 01);
        let debts = [
            debt(7, 350_000_000, "6.5", 2_609_506),
            debt(8, 1_000_000, "19.99", 50_000),
            debt(9, 120_000, "0", 7_000),
        ];
        let p = plan(&debts, 99_999, Strategy::MinimumOnly).expect("valid");
        let schedules: Vec<Schedule> = debts
            .iter()
            .map(|d| {
                remaining_schedule(&Standing::new(d.balance), d.rate, d.min_payment, start)
                    .expect("ok")
            })
            .collect();
        let interest: i64 = schedules.iter().map(|s| s.total_interest).sum();
        let paid: i64 = schedules.iter().map(|s| s.total_paid).sum();
        assert_eq!((p.total_interest, p.total_paid), (interest, paid));
        let longest = schedules.iter().map(|s| s.rows.len()).max();
        assert_eq!(p.months_to_debt_free.map(|m| m as usize), longest);
        for (month, total) in p.balance_by_month.iter().enumerate() {
            let expected: i64 = schedules
                .iter()
                .map(|s| s.rows.get(month).map_or(0, |r| r.balance))
                .sum();
            assert_eq!(*total, expected, "month {}", month + 1);
        }
        for (d, s) in debts.iter().zip(&schedules) {
            let closed = p.payoff_order.iter().find(|(id, _)| *id == d.id);
            assert_eq!(closed.map(|(_, m)| *m as usize), Some(s.rows.len()));
        }
    }

    #[test]
    fn a_minimum_below_the_interest_never_pays_off_unless_the_extra_covers_it() {
        // 10,000.00 at 24 % accrues 200.00 a month; the minimum is 150.00.
        let debts = [debt(1, 1_000_000, "24", 15_000)];
        for strategy in [
            Strategy::MinimumOnly,
            Strategy::Avalanche,
            Strategy::Snowball,
        ] {
            let p = plan(&debts, 0, strategy).expect("valid");
            assert_eq!(p.months_to_debt_free, None, "{strategy:?}");
            assert!(p.payoff_order.is_empty());
        }
        let p = plan(&debts, 10_000, Strategy::MinimumOnly).expect("valid");
        assert_eq!(p.months_to_debt_free, None);
        let p = plan(&debts, 10_000, Strategy::Avalanche).expect("valid");
        assert_eq!(p.payoff_order, [(1, 82)]);
        assert_eq!(p.months_to_debt_free, Some(82));
        assert_eq!(p.total_paid, 1_000_000 + p.total_interest);
    }

    #[test]
    fn a_hopeless_plan_stops_early_instead_of_overflowing() {
        let debts = [debt(1, MAX_AMOUNT, "100", 1)];
        let p = plan(&debts, 0, Strategy::Avalanche).expect("valid");
        assert_eq!(p.months_to_debt_free, None);
        assert!(p.balance_by_month.len() < PLAN_HORIZON_MONTHS as usize);
        let p = plan(&[debt(1, 5, "0", 0)], 0, Strategy::Snowball).expect("valid");
        assert_eq!((p.months_to_debt_free, p.balance_by_month.len()), (None, 1));
    }

    #[test]
    fn closed_debts_free_their_minimum_for_the_others() {
        let debts = [debt(1, 0, "5", 10_000), debt(2, 30_000, "0", 5_000)];
        let rolled = plan(&debts, 0, Strategy::Snowball).expect("valid");
        assert_eq!(rolled.payoff_order, [(1, 0), (2, 2)]);
        let alone = plan(&debts, 0, Strategy::MinimumOnly).expect("valid");
        assert_eq!(alone.payoff_order, [(1, 0), (2, 6)]);
        let none = plan(&[], 1_000, Strategy::Avalanche).expect("valid");
        assert_eq!(none.months_to_debt_free, Some(0));
    }

    #[test]
    fn avalanche_ties_go_to_the_smaller_balance_then_the_id() {
        let debts = [
            debt(3, 50_000, "10", 0),
            debt(1, 50_000, "10", 0),
            debt(2, 20_000, "10", 0),
        ];
        let p = plan(&debts, 100_000, Strategy::Avalanche).expect("valid");
        let order: Vec<i64> = p.payoff_order.iter().map(|(id, _)| *id).collect();
        assert_eq!(order, [2, 1, 3]);
        // Snowball ties go to the higher rate. Balances of 0.10 accrue no interest at
        // either rate, so they stay tied; 0.05 a month goes to the 9 % debt first.
        let debts = [debt(2, 10, "5", 0), debt(1, 10, "9", 0)];
        let p = plan(&debts, 5, Strategy::Snowball).expect("valid");
        assert_eq!(p.payoff_order, [(1, 2), (2, 4)]);
    }

    #[test]
    fn avalanche_never_pays_more_interest_than_snowball() {
        // A fixed pseudo-random sweep over small portfolios.
        let mut lcg = lcg(0x5eed);
        let mut next = |bound: u64| i64::try_from(lcg(bound)).expect("small");
        for case in 0..300 {
            let count = next(4) + 1;
            let debts: Vec<PlanDebt> = (0..count)
                .map(|id| PlanDebt {
                    id,
                    name: String::new(),
                    balance: next(2_000_000),
                    rate: AnnualRate::from_scaled(
                        u32::try_from(next(300_001)).expect("below 300,001"),
                    )
                    .expect("≤ 30 %"),
                    min_payment: next(60_000),
                })
                .collect();
            let extra = next(50_000);
            let a = plan(&debts, extra, Strategy::Avalanche).expect("valid");
            let s = plan(&debts, extra, Strategy::Snowball).expect("valid");
            if s.months_to_debt_free.is_some() {
                assert!(a.months_to_debt_free.is_some(), "case {case}");
                assert!(a.total_interest <= s.total_interest, "case {case}");
            }
        }
    }

    #[test]
    fn negative_or_oversized_plan_inputs_are_refused() {
        let neg = [debt(1, -1, "5", 100)];
        assert_eq!(
            plan(&neg, 0, Strategy::Avalanche),
            Err(LoanError::NegativeAmount)
        );
        let ok = [debt(1, 100, "5", 100)];
        assert_eq!(
            plan(&ok, -1, Strategy::Snowball),
            Err(LoanError::NegativeAmount)
        );
        let huge = [debt(1, MAX_AMOUNT, "5", 1), debt(2, 1, "5", 1)];
        assert_eq!(
            plan(&huge, 0, Strategy::Avalanche),
            Err(LoanError::TooLarge)
        );
        assert_eq!(
            plan(&ok, MAX_AMOUNT, Strategy::Avalanche),
            Err(LoanError::TooLarge)
        );
    }
}
