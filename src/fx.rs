//! Exchange rates and conversion. A rate is an exact decimal with up to twelve places,
//! stored as an integer scaled by 10^12; conversion is done in 128-bit integers and
//! rounded once, half to even, to the target currency's minor unit.

use crate::currency;
use crate::decimal::{self, DecimalError};
use std::fmt;

/// Rates are stored multiplied by this.
pub const SCALE: i64 = 1_000_000_000_000;
const SCALE_DIGITS: u8 = 12;

/// "1 unit of `base` is worth `rate` units of `quote`", exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rate(i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateError {
    Empty,
    NotANumber,
    NotPositive,
    TooPrecise,
    TooLarge,
}

impl fmt::Display for RateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "Enter a rate.",
            Self::NotANumber => "Enter a rate using digits and a point, like 1.0845.",
            Self::NotPositive => "A rate must be more than zero.",
            Self::TooPrecise => "Use at most 12 decimals.",
            Self::TooLarge => "That rate is too large.",
        })
    }
}

impl Rate {
    pub fn from_scaled(scaled: i64) -> Option<Self> {
        (scaled > 0).then_some(Self(scaled))
    }

    pub fn scaled(self) -> i64 {
        self.0
    }

    /// Parses "1.0845" (a point for decimals, no grouping: rates come from files and
    /// bank sites far more often than from typing).
    pub fn parse(raw: &str) -> Result<Self, RateError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(RateError::Empty);
        }
        if raw.starts_with('-') {
            return Err(RateError::NotPositive);
        }
        let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
        // Six integer digits: no currency is worth a million of another.
        let scaled = decimal::parse_scaled(int, frac, SCALE_DIGITS, 6).map_err(|e| match e {
            DecimalError::NotANumber => RateError::NotANumber,
            DecimalError::TooPrecise => RateError::TooPrecise,
            DecimalError::TooLarge => RateError::TooLarge,
        })?;
        let scaled = i64::try_from(scaled).map_err(|_| RateError::TooLarge)?;
        Self::from_scaled(scaled).ok_or(RateError::NotPositive)
    }

    /// The inverse rate, rounded half to even at twelve places.
    pub fn inverse(self) -> Self {
        let num = i128::from(SCALE) * i128::from(SCALE);
        let inverse = round_div(num, i128::from(self.0)).clamp(1, i128::from(i64::MAX));
        Self(i64::try_from(inverse).unwrap_or(i64::MAX))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A rate is always positive, so its magnitude is its value.
        decimal::fmt_scaled(f, self.0.unsigned_abs(), SCALE_DIGITS)
    }
}

/// Converts `minor` units of `from` into minor units of `to` at `rate` (units of `to` per
/// unit of `from`). `None` when a currency is unknown or the result does not fit.
pub fn convert(minor: i64, from: &str, to: &str, rate: Rate) -> Option<i64> {
    let from_exp = u32::from(currency::find(from)?.exponent);
    let to_exp = u32::from(currency::find(to)?.exponent);
    let num = i128::from(minor)
        .checked_mul(i128::from(rate.0))?
        .checked_mul(10_i128.pow(to_exp))?;
    let den = i128::from(SCALE) * 10_i128.pow(from_exp);
    i64::try_from(round_div(num, den)).ok()
}

/// Integer division rounded half to even (banker's rounding), for any signs with den > 0.
fn round_div(num: i128, den: i128) -> i128 {
    let quotient = num.div_euclid(den);
    let remainder = num.rem_euclid(den);
    let twice = remainder * 2;
    if twice > den || (twice == den && quotient % 2 != 0) {
        quotient + 1
    } else {
        quotient
    }
}

/// The exchange rates of one organisation that involve one target currency, for converting
/// many amounts at many dates without a query each: the rate on a date is the latest
/// entered on or before it, stored either way round (a direct rate is preferred to an
/// inverted one on the same date). `None` when there is none — never a silent 1.
#[derive(Clone, Debug, Default)]
pub struct RateBook {
    target: String,
    /// Per other currency: (date, rate into the target), sorted by date, one per date.
    into_target: std::collections::HashMap<String, Vec<(time::Date, Rate)>>,
}

impl RateBook {
    /// `rows` are (base, quote, date, rate) as stored; rows not involving `target` are
    /// ignored.
    pub fn new(
        target: &str,
        rows: impl IntoIterator<Item = (String, String, time::Date, Rate)>,
    ) -> Self {
        // (currency, date) → (direct?, rate): a direct rate wins over an inverse.
        let mut best: std::collections::BTreeMap<(String, time::Date), (bool, Rate)> =
            std::collections::BTreeMap::new();
        for (base, quote, date, rate) in rows {
            let (other, direct, rate) = if quote == target && base != target {
                (base, true, rate)
            } else if base == target && quote != target {
                (quote, false, rate.inverse())
            } else {
                continue;
            };
            let slot = best.entry((other, date)).or_insert((direct, rate));
            if direct && !slot.0 {
                *slot = (true, rate);
            }
        }
        let mut into_target: std::collections::HashMap<String, Vec<(time::Date, Rate)>> =
            std::collections::HashMap::new();
        for ((other, date), (_, rate)) in best {
            into_target.entry(other).or_default().push((date, rate));
        }
        Self {
            target: target.to_owned(),
            into_target,
        }
    }

    pub fn target(&self) -> &str {
        &self.target
    }

    /// The rate from `from` into the target on `on`.
    pub fn rate(&self, from: &str, on: time::Date) -> Option<Rate> {
        if from == self.target {
            return Rate::from_scaled(SCALE);
        }
        let rates = self.into_target.get(from)?;
        let after = rates.partition_point(|(date, _)| *date <= on);
        after.checked_sub(1).map(|i| rates[i].1)
    }

    /// `minor` units of `from` in the target currency at the rate of `on`.
    pub fn convert(&self, minor: i64, from: &str, on: time::Date) -> Option<i64> {
        if from == self.target {
            return Some(minor);
        }
        convert(minor, from, &self.target, self.rate(from, on)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(raw: &str) -> Rate {
        Rate::parse(raw).expect("valid rate")
    }

    #[test]
    fn parses_and_prints_rates_exactly() {
        assert_eq!(rate("1.0845").scaled(), 1_084_500_000_000);
        let printed = [
            ("1.0845", "1.0845"),
            ("83", "83"),
            ("0.000041", "0.000041"),
            (".5", "0.5"),
        ];
        for (raw, expected) in printed {
            assert_eq!(rate(raw).to_string(), expected);
        }
    }

    #[test]
    fn refuses_bad_rates() {
        let refused = [
            ("", RateError::Empty),
            ("0", RateError::NotPositive),
            ("-1.2", RateError::NotPositive),
            ("1,08", RateError::NotANumber),
            ("abc", RateError::NotANumber),
            ("1.0000000000001", RateError::TooPrecise),
            ("10000000", RateError::TooLarge),
        ];
        for (raw, error) in refused {
            assert_eq!(Rate::parse(raw), Err(error), "{raw}");
        }
    }

    #[test]
    fn converts_across_exponents() {
        // 100.00 EUR at 1.0845 USD/EUR = 108.45 USD
        assert_eq!(convert(10_000, "EUR", "USD", rate("1.0845")), Some(10_845));
        // 1,000 JPY at 0.0067 USD/JPY = 6.70 USD
        assert_eq!(convert(1_000, "JPY", "USD", rate("0.0067")), Some(670));
        // 10.00 USD at 150.25 JPY/USD = 1,502.5 JPY → 1,502 (half to even)
        assert_eq!(convert(1_000, "USD", "JPY", rate("150.25")), Some(1_502));
        // 1.000 KWD at 3.25 USD/KWD = 3.25 USD
        assert_eq!(convert(1_000, "KWD", "USD", rate("3.25")), Some(325));
        assert_eq!(
            convert(-10_000, "EUR", "USD", rate("1.0845")),
            Some(-10_845)
        );
    }

    #[test]
    fn rounds_half_to_even_both_ways() {
        let cases = [
            (5, 2, 2),
            (7, 2, 4),
            (-5, 2, -2),
            (-7, 2, -4),
            (-6, 4, -2),
            (10, 3, 3),
        ];
        for (num, den, expected) in cases {
            assert_eq!(round_div(num, den), expected, "{num} / {den}");
        }
    }

    #[test]
    fn unknown_currencies_and_overflow_give_none() {
        assert_eq!(convert(1, "XXX", "USD", rate("1")), None);
        assert_eq!(convert(i64::MAX, "USD", "JPY", rate("999999")), None);
    }

    #[test]
    fn inverse_round_trips_simple_rates() {
        assert_eq!(rate("2").inverse(), rate("0.5"));
        assert_eq!(rate("0.25").inverse(), rate("4"));
    }

    #[test]
    fn a_rate_book_finds_the_latest_rate_on_or_before_a_date_either_way_round() {
        use crate::test_support::rate_row;
        use time::macros::date;
        let book = RateBook::new(
            "USD",
            vec![
                rate_row("EUR", "USD", date!(2026 - 01 - 10), "1.1"),
                rate_row("EUR", "USD", date!(2026 - 02 - 01), "1.2"),
                // The inverse on the same date loses to the direct rate.
                rate_row("USD", "EUR", date!(2026 - 02 - 01), "0.5"),
                rate_row("USD", "JPY", date!(2026 - 01 - 01), "150"),
                rate_row("EUR", "GBP", date!(2026 - 01 - 01), "0.9"),
            ],
        );
        let euro_rates = [
            (date!(2026 - 01 - 09), None),
            (date!(2026 - 01 - 10), Some("1.1")),
            (date!(2026 - 01 - 31), Some("1.1")),
            (date!(2026 - 02 - 01), Some("1.2")),
            (date!(2027 - 01 - 01), Some("1.2")),
        ];
        for (on, expected) in euro_rates {
            assert_eq!(book.rate("EUR", on), expected.map(rate), "{on}");
        }
        assert_eq!(
            book.convert(10_000, "EUR", date!(2026 - 01 - 15)),
            Some(11_000)
        );
        // 1,500 yen at 1/150 is 10.00 dollars.
        assert_eq!(
            book.convert(1_500, "JPY", date!(2026 - 03 - 01)),
            Some(1_000)
        );
        assert_eq!(
            book.rate("GBP", date!(2026 - 03 - 01)),
            None,
            "no path via EUR"
        );
        assert_eq!(book.convert(123, "USD", date!(1999 - 01 - 01)), Some(123));
    }
}
