//! The instalment (EMI) and one month's interest, each rounded once, half up, to the
//! minor unit. The annuity is evaluated as an exact fraction, never in floating point.

use super::big::Big;
use super::error::{LoanError, MAX_AMOUNT, MAX_MONTHS};
use super::rate::{AnnualRate, MONTHLY_DENOMINATOR};
use std::cmp::Ordering;

/// The instalment that repays `principal` (minor units) at `rate` in `months` equal
/// payments: the exact annuity rounded half up to the minor unit (at least one unit). The
/// last payment of the schedule absorbs what that rounding leaves.
pub fn emi(principal: i64, rate: AnnualRate, months: u32) -> Result<i64, LoanError> {
    validate_loan(principal, months)?;
    let instalment = if rate.is_zero() {
        round_half_up(i128::from(principal), i128::from(months))
    } else {
        annuity(principal, rate, months)
    };
    Ok(instalment.max(1))
}

/// Accepts a given instalment when it is at least the computed [`emi`]: anything less
/// cannot repay the loan within the tenure under these conventions. The refusal names the
/// minimum, and says so when the instalment does not even cover the first month's
/// interest.
pub fn check_emi(
    principal: i64,
    rate: AnnualRate,
    months: u32,
    given: i64,
) -> Result<(), LoanError> {
    let minimum = emi(principal, rate, months)?;
    if given >= minimum {
        return Ok(());
    }
    let interest = monthly_interest(principal, rate);
    if given <= interest && interest > 0 {
        Err(LoanError::InstalmentBelowInterest { interest, minimum })
    } else {
        Err(LoanError::InstalmentTooSmall { minimum, months })
    }
}

/// The interest of one month on `balance` (never negative): `balance · r`, rounded half
/// up. The product fits `i128` and the quotient is at most `balance / 12`.
pub(super) fn monthly_interest(balance: i64, rate: AnnualRate) -> i64 {
    let num = i128::from(balance) * i128::from(rate.monthly_numerator());
    round_half_up(num, i128::from(MONTHLY_DENOMINATOR))
}

fn validate_loan(principal: i64, months: u32) -> Result<(), LoanError> {
    if principal <= 0 {
        return Err(LoanError::NonPositivePrincipal);
    }
    if principal > MAX_AMOUNT {
        return Err(LoanError::TooLarge);
    }
    if months == 0 {
        return Err(LoanError::ZeroMonths);
    }
    if months > MAX_MONTHS {
        return Err(LoanError::TooManyMonths { max: MAX_MONTHS });
    }
    Ok(())
}

/// `num / den` rounded half up, for `num ≥ 0` and `den > 0`, narrowed to `i64`. Callers
/// bound their inputs so the quotient fits; saturating keeps a broken bound from
/// panicking.
fn round_half_up(num: i128, den: i128) -> i64 {
    let rounded = (2 * num + den) / (2 * den);
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// The exact annuity for a non-zero rate, rounded half up. With `r = s / D` the formula
/// `P·r·(1+r)^n / ((1+r)^n − 1)` is the fraction `P·s·A / (D·(A − B))` with
/// `A = (D+s)^n` and `B = D^n`; half up is `floor((2·P·s·A + D·(A−B)) / (2·D·(A−B)))`.
fn annuity(principal: i64, rate: AnnualRate, months: u32) -> i64 {
    let d = MONTHLY_DENOMINATOR;
    let s = rate.monthly_numerator();
    let a = Big::pow(d + s, months);
    let b = Big::pow(d, months);
    let a_minus_b = a.sub(&b);
    let p = principal.unsigned_abs();
    let num = a.mul_small(p).mul_small(2 * s).add(&a_minus_b.mul_small(d));
    let den = a_minus_b.mul_small(2 * d);
    // The instalment is at most P·(1 + r) ≤ 2P < 2^62, so 62 quotient bits suffice.
    let mut quotient: u64 = 0;
    for bit in (0..62).rev() {
        let candidate = quotient | (1 << bit);
        if den.mul_small(candidate).cmp(&num) != Ordering::Greater {
            quotient = candidate;
        }
    }
    i64::try_from(quotient).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loan::schedule::schedule;
    use crate::loan::test_support::{assert_consistent, rate, sched};
    use crate::money::NumberFormat;
    use time::macros::date;

    #[test]
    fn exact_annuity_matches_closed_forms() {
        // n = 2 at 12 %: P·1.01² / 2.01 = 10,000 · 1.0201 / 2.01 = 5,075.1243…
        assert_eq!(emi(1_000_000, rate("12"), 2), Ok(507_512));
        // Half up, not half even: 1 unit at 0 % over 2 months is 0.5 → 1.
        assert_eq!(emi(1, AnnualRate::ZERO, 2), Ok(1));
        // 3 units over 2 months is 1.5 → 2.
        assert_eq!(emi(3, AnnualRate::ZERO, 2), Ok(2));
    }

    #[test]
    fn a_tiny_loan_still_has_an_instalment_of_one_unit() {
        assert_eq!(emi(1, rate("1"), 600), Ok(1));
        let s = sched(1, "1", 600);
        assert_eq!(s.rows.len(), 1);
        assert_consistent(&s, 1);
    }

    #[test]
    fn the_largest_loan_at_the_highest_rate_does_not_overflow() {
        let instalment = emi(MAX_AMOUNT, rate("100"), MAX_MONTHS).expect("valid loan");
        // About P·r = 10^15 / 12, a hair above it.
        assert_eq!(instalment, 83_333_333_333_333);
        let s = sched(MAX_AMOUNT, "100", MAX_MONTHS);
        assert_consistent(&s, MAX_AMOUNT);
        let s = sched(MAX_AMOUNT, "0.0001", MAX_MONTHS);
        assert_consistent(&s, MAX_AMOUNT);
    }

    #[test]
    fn invalid_loans_are_refused() {
        assert_eq!(emi(0, rate("5"), 12), Err(LoanError::NonPositivePrincipal));
        assert_eq!(
            emi(-100, rate("5"), 12),
            Err(LoanError::NonPositivePrincipal)
        );
        assert_eq!(emi(MAX_AMOUNT + 1, rate("5"), 12), Err(LoanError::TooLarge));
        assert_eq!(emi(100, rate("5"), 0), Err(LoanError::ZeroMonths));
        assert_eq!(
            emi(100, rate("5"), 601),
            Err(LoanError::TooManyMonths { max: 600 })
        );
    }

    #[test]
    fn an_instalment_below_the_computed_one_is_refused_with_the_minimum() {
        let r = rate("6.5");
        assert_eq!(check_emi(350_000_000, r, 240, 2_609_506), Ok(()));
        assert_eq!(check_emi(350_000_000, r, 240, 3_000_000), Ok(()));
        let too_small = LoanError::InstalmentTooSmall {
            minimum: 2_609_506,
            months: 240,
        };
        assert_eq!(check_emi(350_000_000, r, 240, 2_609_505), Err(too_small));
        let below_interest = LoanError::InstalmentBelowInterest {
            interest: 1_895_833,
            minimum: 2_609_506,
        };
        assert_eq!(
            check_emi(350_000_000, r, 240, 1_895_833),
            Err(below_interest)
        );
        assert_eq!(check_emi(350_000_000, r, 240, 0), Err(below_interest));
        let start = date!(2024 - 01 - 01);
        assert_eq!(
            schedule(350_000_000, r, 240, 2_000_000, start),
            Err(too_small)
        );
        let en = NumberFormat::for_locale("en");
        assert_eq!(
            below_interest.message("USD", en),
            "The instalment does not cover the first month's interest of $18,958.33; it must \
             be at least $26,095.06."
        );
        assert_eq!(
            too_small.message("EUR", NumberFormat::for_locale("de")),
            "That instalment does not repay the loan in 240 months; it must be at least \
             26.095,06\u{a0}€."
        );
    }

    #[test]
    fn at_zero_interest_any_positive_shortfall_is_too_small() {
        let too_small = LoanError::InstalmentTooSmall {
            minimum: 33_333,
            months: 3,
        };
        assert_eq!(check_emi(100_000, AnnualRate::ZERO, 3, 0), Err(too_small));
        assert_eq!(check_emi(100_000, AnnualRate::ZERO, 3, -5), Err(too_small));
        assert_eq!(
            check_emi(100_000, AnnualRate::ZERO, 3, 33_332),
            Err(too_small)
        );
    }
}
