//! Annual interest rates held exactly, as whole 1/10 000 of a percent from 0 to 100 %,
//! so the monthly rate is an exact fraction and no floating point enters a loan.

use crate::decimal::{self, DecimalError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// [`AnnualRate`] counts this many units per percent (four decimals).
pub const RATE_SCALE: u32 = 10_000;
/// 100 %: a rate above this is refused as a typing mistake rather than a loan.
pub const MAX_RATE: u32 = 100 * RATE_SCALE;

/// `r = scaled / MONTHLY_DENOMINATOR`: 12 months × 100 percent × [`RATE_SCALE`].
pub(super) const MONTHLY_DENOMINATOR: u64 = 12 * 100 * RATE_SCALE as u64;
const RATE_DECIMALS: u8 = 4;

/// A nominal annual interest rate in percent, exactly, with at most four decimals:
/// an integer count of 1/10 000 of a percent, from 0 to 100 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct AnnualRate(u32);

/// Why text is not an interest rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnualRateError {
    Empty,
    NotANumber,
    Negative,
    AboveHundred,
    TooManyDecimals,
}

impl fmt::Display for AnnualRateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "Enter an interest rate.",
            Self::NotANumber => "Enter the rate as a number, like 6.5.",
            Self::Negative => "An interest rate cannot be negative.",
            Self::AboveHundred => "An annual rate can be at most 100 %.",
            Self::TooManyDecimals => "Use at most 4 decimals in the rate.",
        })
    }
}

impl std::error::Error for AnnualRateError {}

impl AnnualRate {
    pub const ZERO: Self = Self(0);

    /// From a count of 1/10 000 of a percent (65 000 is 6.5 %); `None` above 100 %.
    pub fn from_scaled(scaled: u32) -> Option<Self> {
        (scaled <= MAX_RATE).then_some(Self(scaled))
    }

    /// The count of 1/10 000 of a percent, as stored.
    pub fn scaled(self) -> u32 {
        self.0
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// Parses "6.5", "6,5", "0.0125", "12 %". Either a point or a comma is read as the
    /// decimal separator: a rate is at most 100, so no grouping separator can occur.
    pub fn parse(raw: &str) -> Result<Self, AnnualRateError> {
        let raw = raw.trim();
        let raw = raw.strip_suffix('%').unwrap_or(raw).trim_end();
        if raw.is_empty() {
            return Err(AnnualRateError::Empty);
        }
        let (negative, body) = decimal::split_sign(raw);
        let scaled = parse_unsigned_rate(body)?;
        if negative && scaled > 0 {
            return Err(AnnualRateError::Negative);
        }
        Self::from_scaled(scaled).ok_or(AnnualRateError::AboveHundred)
    }

    /// The monthly rate as the exact fraction `numerator / MONTHLY_DENOMINATOR`.
    pub(super) fn monthly_numerator(self) -> u64 {
        u64::from(self.0)
    }
}

/// Digits with at most one decimal separator and four decimals, scaled by [`RATE_SCALE`].
fn parse_unsigned_rate(body: &str) -> Result<u32, AnnualRateError> {
    let (int, frac) = body.split_once(['.', ',']).unwrap_or((body, ""));
    // More than three integer digits is above 100 whatever follows.
    let scaled = decimal::parse_scaled(int, frac, RATE_DECIMALS, 3).map_err(|e| match e {
        DecimalError::NotANumber => AnnualRateError::NotANumber,
        DecimalError::TooPrecise => AnnualRateError::TooManyDecimals,
        DecimalError::TooLarge => AnnualRateError::AboveHundred,
    })?;
    u32::try_from(scaled).map_err(|_| AnnualRateError::AboveHundred)
}

impl TryFrom<u32> for AnnualRate {
    type Error = AnnualRateError;

    fn try_from(scaled: u32) -> Result<Self, Self::Error> {
        Self::from_scaled(scaled).ok_or(AnnualRateError::AboveHundred)
    }
}

impl From<AnnualRate> for u32 {
    fn from(rate: AnnualRate) -> Self {
        rate.0
    }
}

impl fmt::Display for AnnualRate {
    /// "6.5", "12", "0.0125": the exact value without trailing zeros, no percent sign.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        decimal::fmt_scaled(f, u64::from(self.0), RATE_DECIMALS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loan::test_support::rate;

    #[test]
    fn parses_rates_exactly() {
        let scaled = [
            ("6.5", 65_000),
            ("6,5", 65_000),
            (" 12 % ", 120_000),
            ("0.0125", 125),
            (".5", 5_000),
            ("100", MAX_RATE),
        ];
        for (raw, expected) in scaled {
            assert_eq!(rate(raw).scaled(), expected, "{raw}");
        }
        assert_eq!(rate("0"), AnnualRate::ZERO);
        let printed = [
            ("007.25", "7.25"),
            ("6.5000", "6.5"),
            ("12", "12"),
            ("0.0001", "0.0001"),
        ];
        for (raw, expected) in printed {
            assert_eq!(rate(raw).to_string(), expected);
        }
    }

    #[test]
    fn refuses_bad_rates_with_a_reason() {
        use AnnualRateError::*;
        let refused = [
            ("", Empty),
            (" % ", Empty),
            ("-1", Negative),
            ("\u{2212}0.5", Negative),
            ("100.0001", AboveHundred),
            ("250", AboveHundred),
            ("99999999999999999999", AboveHundred),
            ("6.12345", TooManyDecimals),
            ("six", NotANumber),
            ("6.5a", NotANumber),
            ("6.5.1", NotANumber),
            (".", NotANumber),
            ("1e2", NotANumber),
        ];
        for (raw, error) in refused {
            assert_eq!(AnnualRate::parse(raw), Err(error), "{raw}");
        }
        assert_eq!(AnnualRate::from_scaled(MAX_RATE + 1), None);
        assert_eq!(AnnualRate::try_from(MAX_RATE + 1), Err(AboveHundred));
    }
}
