//! Money: an integer count of minor units with its currency. Never floating point.
//!
//! Parsing and formatting follow a [`NumberFormat`] (the user's locale): which character
//! separates decimals and which groups thousands. Parsing is strict where leniency would
//! misread money — "12.345" in USD is an error, not 12345 or 12.35.

use crate::currency::{self, Currency};
use crate::decimal::{self, DecimalError};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount in minor units of a currency (cents for USD, yen for JPY, fils for KWD).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: String,
}

/// Amounts are bounded so that sums of millions of them cannot overflow `i64`: at most
/// one trillion major units (10^12) whatever the exponent.
pub const MAX_MAJOR: i64 = 1_000_000_000_000;

/// How digits are grouped in the integer part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// 1,234,567
    Thousands,
    /// 12,34,567 (India)
    Indian,
}

/// Separators and grouping of a locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    pub decimal: char,
    pub group: char,
    pub grouping: Grouping,
    /// Currency symbol after the number ("1.234,56 €") rather than before ("€1,234.56").
    pub symbol_after: bool,
}

/// Locales offered to users, with their number formats.
pub const LOCALES: &[(&str, &str, NumberFormat)] = &[
    ("en", "English (1,234.56)", ENGLISH),
    ("en-IN", "English, India (12,34,567.89)", INDIAN),
    ("de", "Deutsch (1.234,56)", CONTINENTAL),
    ("fr", "Français (1 234,56)", FRENCH),
    ("es", "Español (1.234,56)", CONTINENTAL),
    ("it", "Italiano (1.234,56)", CONTINENTAL),
    ("nl", "Nederlands (1.234,56)", DUTCH),
    ("pt-BR", "Português, Brasil (1.234,56)", DUTCH),
    ("de-CH", "Deutsch, Schweiz (1’234.56)", SWISS),
];

/// "$1,234.56"
const ENGLISH: NumberFormat = fmt_of('.', ',', Grouping::Thousands, false);
/// "₹12,34,567.89"
const INDIAN: NumberFormat = fmt_of('.', ',', Grouping::Indian, false);
/// "1.234,56 €"
const CONTINENTAL: NumberFormat = fmt_of(',', '.', Grouping::Thousands, true);
/// "€1.234,56", the symbol first (Dutch and Brazilian).
const DUTCH: NumberFormat = fmt_of(',', '.', Grouping::Thousands, false);
/// "1 234,56 €", grouped with a narrow no-break space.
const FRENCH: NumberFormat = fmt_of(',', '\u{202f}', Grouping::Thousands, true);
/// "CHF 1’234.56"
const SWISS: NumberFormat = fmt_of('.', '’', Grouping::Thousands, false);

const fn fmt_of(
    decimal: char,
    group: char,
    grouping: Grouping,
    symbol_after: bool,
) -> NumberFormat {
    NumberFormat {
        decimal,
        group,
        grouping,
        symbol_after,
    }
}

impl NumberFormat {
    /// The format of a locale tag; unknown tags get English.
    pub fn for_locale(tag: &str) -> Self {
        LOCALES
            .iter()
            .find(|(t, _, _)| *t == tag)
            .map_or(LOCALES[0].2, |(_, _, f)| *f)
    }
}

/// Why text is not an amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    NotANumber,
    /// More decimals than the currency has.
    TooManyDecimals {
        currency: String,
        max: u8,
    },
    /// Thousands separators in the wrong places (often a decimal typed in the wrong locale).
    BadGrouping {
        decimal: char,
    },
    TooLarge,
    UnknownCurrency,
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Enter an amount."),
            Self::NotANumber => f.write_str("Enter an amount using digits, like 1234.56."),
            Self::TooManyDecimals { currency, max: 0 } => {
                write!(f, "{currency} amounts have no decimals.")
            }
            Self::TooManyDecimals { currency, max: 1 } => {
                write!(f, "{currency} amounts have at most 1 decimal.")
            }
            Self::TooManyDecimals { currency, max } => {
                write!(f, "{currency} amounts have at most {max} decimals.")
            }
            Self::BadGrouping { decimal } => write!(
                f,
                "That number is not written as expected; use “{decimal}” for decimals."
            ),
            Self::TooLarge => f.write_str("That amount is too large."),
            Self::UnknownCurrency => f.write_str("Choose a currency from the list."),
        }
    }
}

impl Money {
    pub fn new(minor: i64, currency: &str) -> Self {
        Self {
            minor,
            currency: currency.to_owned(),
        }
    }

    /// Parses user input such as "1,234.56", "1234.5" or "-12" in `currency`, written in
    /// `format`. A leading `-` or `+` is allowed; spaces around the number are ignored.
    pub fn parse(
        input: &str,
        currency_code: &str,
        format: NumberFormat,
    ) -> Result<Self, AmountError> {
        let currency = currency::find(currency_code).ok_or(AmountError::UnknownCurrency)?;
        let minor = parse_minor(input, currency, format)?;
        Ok(Self::new(minor, currency.code))
    }

    pub fn exponent(&self) -> u8 {
        currency::find(&self.currency).map_or(2, |c| c.exponent)
    }

    /// The plain number with the locale's separators: "-1,234.56".
    pub fn format_number(&self, format: NumberFormat) -> String {
        format_minor(self.minor, self.exponent(), format)
    }

    /// The amount with its currency, as the locale writes it: "-$1,234.56", "1.234,56 €",
    /// "CHF 12.00".
    pub fn format(&self, format: NumberFormat) -> String {
        let number = format_minor(self.minor.abs(), self.exponent(), format);
        let sign = if self.minor < 0 { "-" } else { "" };
        match symbol(&self.currency) {
            Some(symbol) if format.symbol_after => format!("{sign}{number}\u{a0}{symbol}"),
            Some(symbol) => format!("{sign}{symbol}{number}"),
            None if format.symbol_after => format!("{sign}{number}\u{a0}{}", self.currency),
            None => format!("{sign}{}\u{a0}{number}", self.currency),
        }
    }
}

/// Symbols for currencies whose symbol is unambiguous enough to stand alone.
fn symbol(code: &str) -> Option<&'static str> {
    Some(match code {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "NGN" => "₦",
        "ILS" => "₪",
        "VND" => "₫",
        "PHP" => "₱",
        "UAH" => "₴",
        "TRY" => "₺",
        _ => return None,
    })
}

fn parse_minor(input: &str, currency: Currency, format: NumberFormat) -> Result<i64, AmountError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let (negative, body) = decimal::split_sign(trimmed);
    // Users type a plain space where the locale groups with a narrow or no-break space.
    let is_group = |c: char| {
        c == format.group
            || (format.group.is_whitespace() && (c == ' ' || c == '\u{a0}' || c == '\u{202f}'))
            || (format.group == '’' && c == '\'')
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == format.decimal || is_group(c))
    {
        return Err(AmountError::NotANumber);
    }
    let mut parts = body.split(format.decimal);
    let int_part = parts.next().unwrap_or_default();
    let frac_part = parts.next();
    if parts.next().is_some() {
        return Err(AmountError::NotANumber);
    }
    let frac = frac_part.unwrap_or_default();
    if frac.chars().any(is_group) {
        return Err(AmountError::BadGrouping {
            decimal: format.decimal,
        });
    }
    if int_part.is_empty() && frac.is_empty() {
        return Err(AmountError::NotANumber);
    }
    let groups: Vec<&str> = int_part.split(is_group).collect();
    if groups.len() > 1 && !grouping_ok(&groups, format.grouping) {
        return Err(AmountError::BadGrouping {
            decimal: format.decimal,
        });
    }
    // Thirteen integer digits are enough for MAX_MAJOR; the exact bound is checked after.
    let magnitude = decimal::parse_scaled(&groups.concat(), frac, currency.exponent, 13).map_err(
        |e| match e {
            DecimalError::NotANumber => AmountError::NotANumber,
            DecimalError::TooPrecise => AmountError::TooManyDecimals {
                currency: currency.code.to_owned(),
                max: currency.exponent,
            },
            DecimalError::TooLarge => AmountError::TooLarge,
        },
    )?;
    let scale = 10_i64.pow(u32::from(currency.exponent));
    let magnitude = i64::try_from(magnitude).map_err(|_| AmountError::TooLarge)?;
    if magnitude > MAX_MAJOR * scale {
        return Err(AmountError::TooLarge);
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// Checks separator positions: the first group 1–3 digits (1–2 for Indian, except when it
/// is the only group before the last three), every other group exactly 3 (Indian: 2, and
/// the last 3).
fn grouping_ok(groups: &[&str], grouping: Grouping) -> bool {
    let Some((first, rest)) = groups.split_first() else {
        return false;
    };
    if first.is_empty() || first.len() > 3 {
        return false;
    }
    match grouping {
        Grouping::Thousands => rest.iter().all(|g| g.len() == 3),
        Grouping::Indian => {
            let Some((last, middle)) = rest.split_last() else {
                return false;
            };
            let first_ok = if middle.is_empty() {
                first.len() <= 3
            } else {
                first.len() <= 2
            };
            last.len() == 3 && middle.iter().all(|g| g.len() == 2) && first_ok
        }
    }
}

/// Formats a count of minor units with `exponent` decimals in `format`.
pub fn format_minor(minor: i64, exponent: u8, format: NumberFormat) -> String {
    let negative = minor < 0;
    let magnitude = minor.unsigned_abs();
    let scale = 10_u64.pow(u32::from(exponent));
    let major = (magnitude / scale).to_string();
    let frac = magnitude % scale;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group_digits(&major, format));
    if exponent > 0 {
        out.push(format.decimal);
        out.push_str(&format!("{frac:0width$}", width = usize::from(exponent)));
    }
    out
}

fn group_digits(digits: &str, format: NumberFormat) -> String {
    let bytes = digits.as_bytes();
    let n = bytes.len();
    let mut out = String::with_capacity(n + n / 2);
    for (i, b) in bytes.iter().enumerate() {
        let from_end = n - i;
        let boundary = match format.grouping {
            Grouping::Thousands => from_end.is_multiple_of(3),
            Grouping::Indian => from_end == 3 || (from_end > 3 && (from_end - 3).is_multiple_of(2)),
        };
        if i > 0 && boundary {
            out.push(format.group);
        }
        out.push(char::from(*b));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> NumberFormat {
        NumberFormat::for_locale("en")
    }

    /// Each case: the input, its currency, and the minor units or the error.
    fn assert_parses(format: NumberFormat, cases: &[(&str, &str, Result<i64, AmountError>)]) {
        for (input, currency, expected) in cases {
            let parsed = Money::parse(input, currency, format).map(|m| m.minor);
            assert_eq!(parsed, *expected, "{input} in {currency}");
        }
    }

    #[test]
    fn parses_the_usual_shapes_in_usd() {
        assert_parses(
            en(),
            &[
                ("1,234.56", "USD", Ok(123_456)),
                ("1234.5", "USD", Ok(123_450)),
                ("-12", "USD", Ok(-1_200)),
                (" +0.07 ", "USD", Ok(7)),
                (".5", "USD", Ok(50)),
                ("12.", "USD", Ok(1_200)),
                ("1,234,567.89", "USD", Ok(123_456_789)),
                ("0", "USD", Ok(0)),
            ],
        );
    }

    #[test]
    fn respects_the_currency_exponent() {
        let too_many = |currency: &str, max| {
            Err(AmountError::TooManyDecimals {
                currency: currency.into(),
                max,
            })
        };
        assert_parses(
            en(),
            &[
                ("1,234", "JPY", Ok(1_234)),
                ("12.5", "JPY", too_many("JPY", 0)),
                ("1.234", "KWD", Ok(1_234)),
                ("1.5", "KWD", Ok(1_500)),
                ("12.345", "USD", too_many("USD", 2)),
            ],
        );
    }

    #[test]
    fn refuses_empty_letters_and_stray_symbols() {
        use AmountError::{Empty, NotANumber};
        assert_parses(
            en(),
            &[
                ("", "USD", Err(Empty)),
                ("   ", "USD", Err(Empty)),
                ("abc", "USD", Err(NotANumber)),
                ("12a", "USD", Err(NotANumber)),
                ("1e5", "USD", Err(NotANumber)),
                ("-", "USD", Err(NotANumber)),
                (".", "USD", Err(NotANumber)),
                ("1.2.3", "USD", Err(NotANumber)),
                ("--5", "USD", Err(NotANumber)),
                ("$5", "USD", Err(NotANumber)),
            ],
        );
    }

    #[test]
    fn refuses_misplaced_group_separators() {
        for input in ["1,5", "12,34.5", ",123", "1.23,4"] {
            let parsed = Money::parse(input, "USD", en());
            assert_eq!(
                parsed,
                Err(AmountError::BadGrouping { decimal: '.' }),
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_amounts_beyond_the_bound() {
        assert_parses(
            en(),
            &[
                ("1,000,000,000,000", "USD", Ok(100_000_000_000_000)),
                ("1000000000000.01", "USD", Err(AmountError::TooLarge)),
                ("99999999999999999999999", "USD", Err(AmountError::TooLarge)),
                ("-1000000000001", "JPY", Err(AmountError::TooLarge)),
            ],
        );
    }

    #[test]
    fn parses_other_locales() {
        let de = NumberFormat::for_locale("de");
        assert_parses(
            de,
            &[
                ("1.234,56", "EUR", Ok(123_456)),
                ("12.345", "EUR", Ok(1_234_500)),
            ],
        );
        let fr = NumberFormat::for_locale("fr");
        assert_parses(fr, &[("1 234,5", "EUR", Ok(123_450))]);
        let india = NumberFormat::for_locale("en-IN");
        assert_parses(
            india,
            &[
                ("12,34,567.89", "INR", Ok(123_456_789)),
                ("1,234.00", "INR", Ok(123_400)),
            ],
        );
        assert!(Money::parse("1,234,567.89", "INR", india).is_err());
        let ch = NumberFormat::for_locale("de-CH");
        assert_parses(ch, &[("1'234.50", "CHF", Ok(123_450))]);
    }

    #[test]
    fn formats_per_locale_and_currency() {
        let cases = [
            (123_456, "USD", "en", "$1,234.56"),
            (-123_456, "USD", "en", "-$1,234.56"),
            (5, "USD", "en", "$0.05"),
            (1_234, "JPY", "en", "¥1,234"),
            (1_234, "KWD", "en", "KWD\u{a0}1.234"),
            (123_456, "EUR", "de", "1.234,56\u{a0}€"),
            (12_345_678_900, "INR", "en-IN", "₹12,34,56,789.00"),
        ];
        for (minor, currency, locale, expected) in cases {
            let format = NumberFormat::for_locale(locale);
            assert_eq!(Money::new(minor, currency).format(format), expected);
        }
        assert_eq!(
            Money::new(i64::MIN + 1, "USD")
                .format_number(en())
                .chars()
                .next(),
            Some('-')
        );
    }

    #[test]
    fn formatting_then_parsing_round_trips() {
        for locale in LOCALES.iter().map(|(tag, _, _)| *tag) {
            let format = NumberFormat::for_locale(locale);
            for currency in ["USD", "JPY", "KWD", "INR", "EUR"] {
                for minor in [0, 1, -1, 99, 100, 123_456, -987_654_321, 1_000_000_000_000] {
                    let money = Money::new(minor, currency);
                    let text = money.format_number(format);
                    let back = Money::parse(&text, currency, format);
                    assert_eq!(back, Ok(money.clone()), "{locale} {currency} {text}");
                }
            }
        }
    }
}
