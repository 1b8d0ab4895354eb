//! Applying real payments to a debt: interest of the current period first, then
//! principal. Paying exactly the instalment each period follows the schedule to the unit.

use super::instalment::monthly_interest;
use super::rate::AnnualRate;
use serde::{Deserialize, Serialize};

/// Where a debt stands between payments: the principal still owed and the instalment
/// period in progress. Interest is charged once per period, on the balance at its start
/// (as in [`schedule`](crate::loan::schedule())); a payment pays that interest first and
/// the rest reduces the principal. The period ends, and the next one's interest becomes
/// due, when the payments in it reach the instalment with its interest paid, or when the
/// debt is cleared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// Principal still owed.
    pub balance: i64,
    /// Interest of the current period not yet paid; `None` until the period's first
    /// payment, when it is `balance · r` on the balance then (the balance at the period's
    /// start, since nothing was paid in it yet).
    pub period_interest: Option<i64>,
    /// Paid so far in the current period.
    pub period_paid: i64,
}

impl Standing {
    /// A debt nothing has been paid on in the current period.
    pub fn new(balance: i64) -> Self {
        Self {
            balance,
            period_interest: None,
            period_paid: 0,
        }
    }

    /// The current period's interest still to pay.
    pub fn interest_due(&self, rate: AnnualRate) -> i64 {
        self.period_interest
            .unwrap_or_else(|| monthly_interest(self.balance, rate))
    }

    /// What clears the debt today: the balance and the period's unpaid interest.
    pub fn payoff(&self, rate: AnnualRate) -> i64 {
        self.balance + self.interest_due(rate)
    }

    /// What is left of the current instalment (at least the unpaid interest, at most the
    /// payoff): the amount a payment form suggests.
    pub fn instalment_due(&self, rate: AnnualRate, instalment: i64) -> i64 {
        let left = instalment.saturating_sub(self.period_paid).max(0);
        left.max(self.interest_due(rate)).min(self.payoff(rate))
    }
}

/// How one payment was applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    pub interest: i64,
    pub principal: i64,
    /// The payment completed the period: the next payment date moves on one month.
    pub period_complete: bool,
    pub after: Standing,
}

/// Why a payment cannot be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentRefused {
    NotPositive,
    /// More than [`Standing::payoff`]; `max` is that payoff (0 when nothing is owed).
    OverPayment {
        max: i64,
    },
}

/// Applies a payment of `amount` to a debt standing at `standing`: interest first, then
/// principal. Paying exactly the instalment each period follows
/// [`schedule`](crate::loan::schedule()) to the minor unit; more reduces the principal
/// sooner (so later interest is smaller); less leaves the period open until its payments
/// add up to the instalment.
pub fn apply_payment(
    standing: &Standing,
    rate: AnnualRate,
    instalment: i64,
    amount: i64,
) -> Result<Applied, PaymentRefused> {
    if amount <= 0 {
        return Err(PaymentRefused::NotPositive);
    }
    let due = standing.interest_due(rate);
    let max = standing.balance + due;
    if amount > max {
        return Err(PaymentRefused::OverPayment { max });
    }
    let interest = amount.min(due);
    let principal = amount - interest;
    let balance = standing.balance - principal;
    let paid = standing.period_paid + amount;
    let interest_left = due - interest;
    let period_complete = balance == 0 || (paid >= instalment && interest_left == 0);
    let after = if period_complete {
        Standing::new(balance)
    } else {
        Standing {
            balance,
            period_interest: Some(interest_left),
            period_paid: paid,
        }
    };
    Ok(Applied {
        interest,
        principal,
        period_complete,
        after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loan::instalment::emi;
    use crate::loan::schedule::{Schedule, schedule};
    use crate::loan::test_support::{lcg, rate, sched};
    use time::macros::date;

    /// Paying a debt with its scheduled payments, one `apply_payment` each.
    fn pay_down(principal: i64, r: &str, months: u32) -> (Schedule, Vec<Applied>) {
        let s = sched(principal, r, months);
        let instalment = emi(principal, rate(r), months).expect("valid");
        let mut standing = Standing::new(principal);
        let mut applied = Vec::new();
        for row in &s.rows {
            let a = apply_payment(&standing, rate(r), instalment, row.payment).expect("fits");
            standing = a.after;
            applied.push(a);
        }
        (s, applied)
    }

    #[test]
    fn paying_each_instalment_follows_the_schedule_to_the_minor_unit() {
        for (principal, r, months) in [
            (350_000_000, "6.5", 240),
            (100_000, "12", 12),
            (99_999, "0", 7),
            (1, "24", 1),
        ] {
            let (s, applied) = pay_down(principal, r, months);
            for (row, a) in s.rows.iter().zip(&applied) {
                assert_eq!((a.interest, a.principal), (row.interest, row.principal));
                assert_eq!(a.after.balance, row.balance);
                assert!(a.period_complete, "row {} of {principal} at {r}", row.n);
            }
            assert_eq!(applied.last().map(|a| a.after), Some(Standing::new(0)));
        }
    }

    #[test]
    fn split_instalments_land_where_one_would() {
        let r = rate("12");
        let instalment = emi(100_000, r, 12).expect("valid");
        let whole = apply_payment(&Standing::new(100_000), r, instalment, instalment).expect("ok");
        let first = apply_payment(&Standing::new(100_000), r, instalment, 600).expect("ok");
        // 1 % of 1,000.00 is 10.00: the first 6.00 is all interest, the period stays open.
        assert_eq!((first.interest, first.principal), (600, 0));
        assert!(!first.period_complete);
        assert_eq!(
            first.after,
            Standing {
                balance: 100_000,
                period_interest: Some(400),
                period_paid: 600
            }
        );
        assert_eq!(first.after.instalment_due(r, instalment), instalment - 600);
        let second = apply_payment(&first.after, r, instalment, instalment - 600).expect("ok");
        assert_eq!(
            (second.interest, second.principal),
            (400, instalment - 1_000)
        );
        assert!(second.period_complete);
        assert_eq!(second.after, whole.after);
    }

    #[test]
    fn extra_principal_lowers_later_interest() {
        let r = rate("12");
        let instalment = emi(100_000, r, 12).expect("valid");
        let big = apply_payment(&Standing::new(100_000), r, instalment, 50_000).expect("ok");
        assert_eq!((big.interest, big.principal), (1_000, 49_000));
        assert!(big.period_complete);
        assert_eq!(big.after.interest_due(r), 510);
    }

    #[test]
    fn a_payment_above_the_payoff_is_refused_with_the_payoff() {
        let r = rate("12");
        let standing = Standing::new(100_000);
        assert_eq!(standing.payoff(r), 101_000);
        assert_eq!(
            apply_payment(&standing, r, 8_885, 101_001),
            Err(PaymentRefused::OverPayment { max: 101_000 })
        );
        assert_eq!(
            apply_payment(&standing, r, 8_885, 0),
            Err(PaymentRefused::NotPositive)
        );
        let cleared = apply_payment(&standing, r, 8_885, 101_000).expect("ok");
        assert_eq!((cleared.interest, cleared.principal), (1_000, 100_000));
        assert!(cleared.period_complete);
        assert_eq!(cleared.after.payoff(r), 0);
        assert_eq!(
            apply_payment(&cleared.after, r, 8_885, 1),
            Err(PaymentRefused::OverPayment { max: 0 })
        );
    }

    #[test]
    fn a_period_stays_open_until_its_interest_is_paid() {
        // The rate rose after the loan was set up: the interest is above the instalment.
        let r = rate("24");
        let standing = Standing::new(100_000);
        let a = apply_payment(&standing, r, 1_500, 1_500).expect("ok");
        assert_eq!((a.interest, a.principal), (1_500, 0));
        assert!(!a.period_complete, "500 of interest is still unpaid");
        assert_eq!(a.after.instalment_due(r, 1_500), 500);
        let b = apply_payment(&a.after, r, 1_500, 500).expect("ok");
        assert!(b.period_complete);
        assert_eq!(b.after, Standing::new(100_000));
    }

    #[test]
    fn random_loans_paid_instalment_by_instalment_match_their_schedules() {
        let mut next = lcg(0xf10_5eed);
        for _ in 0..300 {
            let principal = i64::try_from(next(1_000_000_000) + 1).expect("small");
            let scaled = u32::try_from(next(400_000)).expect("small");
            let months = u32::try_from(next(360) + 1).expect("small");
            let r = AnnualRate::from_scaled(scaled).expect("in range");
            let instalment = emi(principal, r, months).expect("valid");
            let s = schedule(principal, r, months, instalment, date!(2025 - 01 - 31)).expect("ok");
            let mut standing = Standing::new(principal);
            for row in &s.rows {
                let a = apply_payment(&standing, r, instalment, row.payment).expect("fits");
                assert_eq!((a.interest, a.after.balance), (row.interest, row.balance));
                standing = a.after;
            }
            assert_eq!(standing.payoff(r), 0);
        }
    }
}
