//! Why a loan, an instalment or a plan is refused, and the bounds that refuse them. The
//! bounds keep every total of a schedule or a plan far inside `i64`.

use crate::money::{Money, NumberFormat};
use std::fmt;

/// Longest tenure accepted (50 years).
pub const MAX_MONTHS: u32 = 600;

/// Largest principal, balance, instalment or monthly budget accepted: one trillion major
/// units at the largest exponent (3), as `money::MAX_MAJOR`. It keeps every total of a
/// schedule or a plan far inside `i64` (see [`plan`](crate::loan::plan) for the bound).
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;

/// Why a loan, an instalment or a plan is refused. Amounts are in minor units; use
/// [`LoanError::message`] to show them to a person in their currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoanError {
    /// The amount borrowed (or owed) is zero or negative.
    NonPositivePrincipal,
    /// A balance, minimum payment or extra amount is negative.
    NegativeAmount,
    /// Above [`MAX_AMOUNT`].
    TooLarge,
    ZeroMonths,
    TooManyMonths {
        max: u32,
    },
    /// The instalment is below what repays the loan within `months`; it does not even
    /// cover the first month's `interest`.
    InstalmentBelowInterest {
        interest: i64,
        minimum: i64,
    },
    /// The instalment is below `minimum`, the computed instalment for `months`.
    InstalmentTooSmall {
        minimum: i64,
        months: u32,
    },
    /// A payment date would fall outside the calendar (after the year 9999).
    DateOutOfRange,
}

impl LoanError {
    /// The message for a person, with amounts written in `currency` as `format` writes
    /// them.
    pub fn message(&self, currency: &str, format: NumberFormat) -> String {
        let money = |minor: i64| Money::new(minor, currency).format(format);
        match *self {
            Self::InstalmentBelowInterest { interest, minimum } => format!(
                "The instalment does not cover the first month's interest of {}; \
                 it must be at least {}.",
                money(interest),
                money(minimum)
            ),
            Self::InstalmentTooSmall { minimum, months } => format!(
                "That instalment does not repay the loan in {months} months; \
                 it must be at least {}.",
                money(minimum)
            ),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for LoanError {
    /// For logs and for errors without amounts; amounts here are raw minor units.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::NonPositivePrincipal => f.write_str("The amount must be more than zero."),
            Self::NegativeAmount => f.write_str("Amounts cannot be negative."),
            Self::TooLarge => f.write_str("That amount is too large."),
            Self::ZeroMonths => f.write_str("The tenure must be at least one month."),
            Self::TooManyMonths { max } => {
                write!(f, "The tenure can be at most {max} months.")
            }
            Self::InstalmentBelowInterest { interest, minimum } => write!(
                f,
                "The instalment does not cover the first month's interest of {interest} \
                 minor units; it must be at least {minimum} minor units."
            ),
            Self::InstalmentTooSmall { minimum, months } => write!(
                f,
                "That instalment does not repay the loan in {months} months; it must be at \
                 least {minimum} minor units."
            ),
            Self::DateOutOfRange => f.write_str("A payment date is out of range."),
        }
    }
}

impl std::error::Error for LoanError {}
