//! Amortization schedules: each payment split into interest and principal until the
//! balance is exactly zero, the last payment absorbing the instalment's rounding.

use super::error::{LoanError, MAX_MONTHS};
use super::instalment::{check_emi, monthly_interest};
use super::payments::Standing;
use super::rate::AnnualRate;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// One month of a schedule. `balance` is what is owed after this payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// 1 for the first payment.
    pub n: u32,
    pub date: Date,
    pub payment: i64,
    pub interest: i64,
    pub principal: i64,
    pub balance: i64,
}

/// An amortization schedule with its totals (`total_paid` = principal + `total_interest`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub rows: Vec<Row>,
    pub total_interest: i64,
    pub total_paid: i64,
}

/// The schedule of a new loan paid by `instalment` from `first_payment` (the date of
/// payment 1). The instalment is checked with [`check_emi`]; payment `months` absorbs the
/// rounding, and a larger instalment ends the schedule early.
pub fn schedule(
    principal: i64,
    rate: AnnualRate,
    months: u32,
    instalment: i64,
    first_payment: Date,
) -> Result<Schedule, LoanError> {
    check_emi(principal, rate, months, instalment)?;
    amortize(principal, rate, instalment, months, first_payment, None)
}

/// The rest of a partly paid debt standing at `standing`, repaid by `instalment` from
/// `next_payment` until it is zero. The first row pays what is left of the current period
/// (its unpaid interest at least); the rest follow [`schedule`]. The instalment must repay
/// the balance within [`MAX_MONTHS`]: it is checked as [`check_emi`] does for that tenure
/// (so a refusal names the minimum), and payment 600, if reached, absorbs the rounding. A
/// zero balance has an empty schedule.
pub fn remaining_schedule(
    standing: &Standing,
    rate: AnnualRate,
    instalment: i64,
    next_payment: Date,
) -> Result<Schedule, LoanError> {
    if standing.balance == 0 {
        return Ok(Schedule {
            rows: Vec::new(),
            total_interest: 0,
            total_paid: 0,
        });
    }
    check_emi(standing.balance, rate, MAX_MONTHS, instalment)?;
    let first = FirstPeriod {
        interest: standing.interest_due(rate),
        payment: standing.instalment_due(rate, instalment),
    };
    amortize(
        standing.balance,
        rate,
        instalment,
        MAX_MONTHS,
        next_payment,
        Some(first),
    )
}

/// The date of payment `index + 1`: `index` months after `first_payment`, on its day of
/// the month or the month's last day when shorter. `None` past the year 9999.
pub fn payment_date(first_payment: Date, index: u32) -> Option<Date> {
    let month0 = i64::from(first_payment.year()) * 12 + i64::from(u8::from(first_payment.month()))
        - 1
        + i64::from(index);
    let year = i32::try_from(month0.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(month0.rem_euclid(12) + 1).ok()?).ok()?;
    let day = first_payment.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// A period already under way: its unpaid interest and what is left to pay in it.
struct FirstPeriod {
    interest: i64,
    payment: i64,
}

/// Pays `instalment` monthly until the balance is zero; payment `months` pays whatever is
/// left. `first`, when given, replaces the first period's interest and payment. Callers
/// have checked the inputs, which bounds every total: at most 600 months of at most
/// `MAX_AMOUNT / 12` interest each.
fn amortize(
    principal: i64,
    rate: AnnualRate,
    instalment: i64,
    months: u32,
    first_payment: Date,
    first: Option<FirstPeriod>,
) -> Result<Schedule, LoanError> {
    let mut rows = Vec::new();
    let mut balance = principal;
    let (mut total_interest, mut total_paid) = (0_i64, 0_i64);
    let mut first = first;
    for n in 1..=months {
        let (interest, due) = match first.take() {
            Some(period) => (period.interest, period.payment),
            None => (monthly_interest(balance, rate), instalment),
        };
        let owed = balance + interest;
        let payment = if n == months || owed <= due {
            owed
        } else {
            due
        };
        balance = owed - payment;
        total_interest += interest;
        total_paid += payment;
        rows.push(Row {
            n,
            date: payment_date(first_payment, n - 1).ok_or(LoanError::DateOutOfRange)?,
            payment,
            interest,
            principal: payment - interest,
            balance,
        });
        if balance == 0 {
            break;
        }
    }
    Ok(Schedule {
        rows,
        total_interest,
        total_paid,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::currency;
    use crate::loan::instalment::emi;
    use crate::loan::payments::apply_payment;
    use crate::loan::test_support::{assert_consistent, rate, sched};
    use crate::test_support::day;
    use time::macros::date;

    #[test]
    fn published_home_loan_figures_match_to_the_cent() {
        // 3,500,000.00 at 6.5 % over 240 months. Exactly, the annuity is 26,095.0597…,
        // so the instalment is 26,095.06 (EMI calculators show ₹26,095 and total interest
        // ₹27,62,814). The figure 26,094.92 sometimes quoted for this loan does not follow
        // from the formula at any rounding.
        assert_eq!(currency::find("INR").map(|c| c.exponent), Some(2));
        let instalment = emi(350_000_000, rate("6.5"), 240);
        assert_eq!(instalment, Ok(2_609_506));
        let s = sched(350_000_000, "6.5", 240);
        assert_eq!(s.rows.len(), 240);
        assert_eq!(s.total_interest, 276_281_419);
        assert_eq!(s.total_paid, 626_281_419);
        let first = &s.rows[0];
        assert_eq!((first.interest, first.principal), (1_895_833, 713_673));
        assert_eq!(first.balance, 349_286_327);
        let last = &s.rows[239];
        assert_eq!((last.payment, last.interest), (2_609_485, 14_059));
        assert!(s.rows[..239].iter().all(|r| r.payment == 2_609_506));
        assert_consistent(&s, 350_000_000);
    }

    #[test]
    fn zero_interest_splits_evenly_and_the_last_payment_absorbs() {
        assert_eq!(emi(100_000, AnnualRate::ZERO, 3), Ok(33_333));
        let s = sched(100_000, "0", 3);
        let payments: Vec<i64> = s.rows.iter().map(|r| r.payment).collect();
        assert_eq!(payments, [33_333, 33_333, 33_334]);
        assert_eq!(s.total_interest, 0);
        assert_consistent(&s, 100_000);
        // 1000 / 7 = 142.86 rounds up to 143, so the last payment is the smaller one.
        let s = sched(1_000, "0", 7);
        assert_eq!(s.rows[0].payment, 143);
        assert_eq!(s.rows[6].payment, 142);
        assert_consistent(&s, 1_000);
    }

    /// Checks a loan's instalment, total interest and last payment, and that its schedule
    /// adds up; returns the schedule for any further checks.
    fn assert_loan(
        principal: i64,
        r: &str,
        months: u32,
        instalment: i64,
        total_interest: i64,
        last_payment: i64,
    ) -> Schedule {
        assert_eq!(emi(principal, rate(r), months), Ok(instalment));
        let s = sched(principal, r, months);
        assert_eq!(s.total_interest, total_interest);
        assert_eq!(s.rows.last().map(|row| row.payment), Some(last_payment));
        assert_consistent(&s, principal);
        s
    }

    #[test]
    fn yen_loans_round_to_whole_yen() {
        assert_eq!(currency::find("JPY").map(|c| c.exponent), Some(0));
        // ¥3,000,000 at 1.5 % over 35 years: exactly ¥9,185.6…, so ¥9,186, and the half
        // yen over-paid each month compounds into a smaller last payment.
        let s = assert_loan(3_000_000, "1.5", 420, 9_186, 857_860, 8_926);
        assert_eq!(s.rows.len(), 420);
    }

    #[test]
    fn dinar_loans_round_to_the_fils() {
        assert_eq!(currency::find("KWD").map(|c| c.exponent), Some(3));
        // KWD 25,000.000 at 4.25 % over 84 months.
        let s = assert_loan(25_000_000, "4.25", 84, 344_605, 3_946_784, 344_569);
        assert_eq!(s.rows.len(), 84);
    }

    #[test]
    fn a_one_month_loan_repays_principal_and_one_months_interest() {
        assert_eq!(emi(120_000, rate("12"), 1), Ok(121_200));
        let s = sched(120_000, "12", 1);
        assert_eq!(s.rows.len(), 1);
        assert_eq!((s.rows[0].interest, s.total_paid), (1_200, 121_200));
        assert_consistent(&s, 120_000);
    }

    #[test]
    fn a_larger_instalment_ends_the_schedule_early() {
        let s = schedule(1_000_000, rate("12"), 12, 500_000, date!(2024 - 01 - 15)).expect("ok");
        let payments: Vec<i64> = s.rows.iter().map(|r| r.payment).collect();
        // 10,000.00 + 100.00 − 5,000 → 5,100.00; + 51.00 − 5,000 → 151.00; + 1.51.
        assert_eq!(payments, [500_000, 500_000, 15_251]);
        assert_consistent(&s, 1_000_000);
    }

    #[test]
    fn payment_dates_clamp_to_month_end_without_drifting() {
        let first = date!(2024 - 01 - 31);
        let dates: Vec<Date> = (0..5).filter_map(|i| payment_date(first, i)).collect();
        assert_eq!(
            dates,
            [
                date!(2024 - 01 - 31),
                date!(2024 - 02 - 29),
                date!(2024 - 03 - 31),
                date!(2024 - 04 - 30),
                date!(2024 - 05 - 31),
            ]
        );
        // (first payment, months later, that payment's date)
        let cases = [
            ("2023-01-31", 1, Some("2023-02-28")),
            ("2024-02-29", 12, Some("2025-02-28")),
            ("2024-02-29", 48, Some("2028-02-29")),
            ("2024-11-30", 3, Some("2025-02-28")),
            ("2024-12-15", 1, Some("2025-01-15")),
            ("9999-12-01", 1, None),
        ];
        for (first, months, expected) in cases {
            let date = payment_date(day(first), months);
            assert_eq!(date, expected.map(day), "{first} + {months}");
        }
        let s = sched(350_000_000, "6.5", 240);
        assert_eq!(s.rows[1].date, date!(2024 - 02 - 29));
        assert_eq!(s.rows[239].date, date!(2043 - 12 - 31));
    }

    #[test]
    fn a_schedule_running_past_the_calendar_is_refused() {
        let late = date!(9990 - 01 - 01);
        assert_eq!(
            schedule(100_000, rate("5"), 240, 1_000, late),
            Err(LoanError::DateOutOfRange)
        );
    }

    #[test]
    fn the_remaining_schedule_continues_the_original_one() {
        let full = sched(350_000_000, "6.5", 240);
        let after = &full.rows[99];
        let rest = remaining_schedule(
            &Standing::new(after.balance),
            rate("6.5"),
            2_609_506,
            full.rows[100].date,
        )
        .expect("ok");
        assert_eq!(rest.rows.len(), 140);
        for (tail, row) in full.rows[100..].iter().zip(&rest.rows) {
            assert_eq!(row.n + 100, tail.n);
            assert_eq!(
                (row.date, row.payment, row.interest, row.balance),
                (tail.date, tail.payment, tail.interest, tail.balance)
            );
        }
        assert_consistent(&rest, after.balance);
    }

    #[test]
    fn a_remaining_schedule_needs_an_instalment_that_repays_in_600_months() {
        let start = date!(2024 - 06 - 01);
        let empty = remaining_schedule(&Standing::new(0), rate("6.5"), 100, start).expect("ok");
        assert!(empty.rows.is_empty() && empty.total_paid == 0);
        let minimum = emi(1_000_000, rate("12"), MAX_MONTHS).expect("valid");
        assert_eq!(
            remaining_schedule(&Standing::new(1_000_000), rate("12"), 10_000, start),
            Err(LoanError::InstalmentBelowInterest {
                interest: 10_000,
                minimum
            })
        );
        let s =
            remaining_schedule(&Standing::new(1_000_000), rate("12"), minimum, start).expect("ok");
        // 100.26 is 100.256… rounded up; the 0.4 of a cent over-paid each month compounds
        // at 1 % into nearly a whole instalment, so the debt closes in month 599 with 45.90.
        assert_eq!(minimum, 10_026);
        assert_eq!(s.rows.len(), 599);
        assert_eq!(s.rows[598].payment, 4_590);
        assert_consistent(&s, 1_000_000);
    }

    #[test]
    fn the_remaining_schedule_starts_with_what_is_left_of_the_period() {
        let r = rate("12");
        let instalment = emi(100_000, r, 12).expect("valid");
        let first = apply_payment(&Standing::new(100_000), r, instalment, 600).expect("ok");
        let start = date!(2026 - 02 - 15);
        let rest = remaining_schedule(&first.after, r, instalment, start).expect("ok");
        let full = sched(100_000, "12", 12);
        assert_eq!(rest.rows[0].payment, instalment - 600);
        assert_eq!(rest.rows[0].interest, 400);
        assert_eq!(rest.rows[0].balance, full.rows[0].balance);
        assert_eq!(rest.rows.len(), 12);
        assert_eq!(rest.total_interest + 600, full.total_interest);
    }
}
