//! Fixed-point decimals written as digits: the one reader and writer behind money
//! amounts, exchange rates and interest rates, which differ only in their places and
//! bounds. Each caller words the errors for its own field.

use std::fmt;

/// Why digits are not a fixed-point number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecimalError {
    NotANumber,
    /// More decimals than the places kept.
    TooPrecise,
    /// More integer digits (leading zeros aside) than allowed.
    TooLarge,
}

/// Whether trimmed text starts with a minus (`-` or `−`), and the text after any sign
/// ("+12" is 12).
pub(crate) fn split_sign(text: &str) -> (bool, &str) {
    let minus = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'));
    match (minus, text.strip_prefix('+')) {
        (Some(rest), _) => (true, rest.trim_start()),
        (None, Some(rest)) => (false, rest.trim_start()),
        (None, None) => (false, text),
    }
}

/// The digits `int`.`frac` as a count of 10^-`places`: ("12", "5", 2) is 1 250. Both
/// parts must be ASCII digits and not both empty; `frac` may have at most `places`
/// digits and `int`, leading zeros aside, at most `max_int_digits`. The checks run in
/// that order, so the first one failed names the error.
pub(crate) fn parse_scaled(
    int: &str,
    frac: &str,
    places: u8,
    max_int_digits: usize,
) -> Result<u64, DecimalError> {
    let digits_only = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_only(int) || !digits_only(frac) {
        return Err(DecimalError::NotANumber);
    }
    if frac.len() > usize::from(places) {
        return Err(DecimalError::TooPrecise);
    }
    let int = int.trim_start_matches('0');
    if int.len() > max_int_digits {
        return Err(DecimalError::TooLarge);
    }
    let value = |digits: &str| -> Result<u64, DecimalError> {
        if digits.is_empty() {
            Ok(0)
        } else {
            digits.parse().map_err(|_| DecimalError::TooLarge)
        }
    };
    let mut frac_value = value(frac)?;
    for _ in frac.len()..usize::from(places) {
        frac_value *= 10;
    }
    value(int)?
        .checked_mul(10_u64.pow(u32::from(places)))
        .and_then(|scaled| scaled.checked_add(frac_value))
        .ok_or(DecimalError::TooLarge)
}

/// Writes `scaled` / 10^`places` exactly, without trailing zeros: 1 250 at 2 places is
/// "12.5", 1 200 is "12".
pub(crate) fn fmt_scaled(f: &mut fmt::Formatter<'_>, scaled: u64, places: u8) -> fmt::Result {
    let scale = 10_u64.pow(u32::from(places));
    let int = scaled / scale;
    let frac = format!("{:0width$}", scaled % scale, width = usize::from(places));
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        write!(f, "{int}")
    } else {
        write!(f, "{int}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_are_split_off_once() {
        let cases = [
            ("12", (false, "12")),
            ("-12", (true, "12")),
            ("\u{2212} 12", (true, "12")),
            ("+ 12", (false, "12")),
            ("--12", (true, "-12")),
        ];
        for (text, expected) in cases {
            assert_eq!(split_sign(text), expected, "{text}");
        }
    }

    #[test]
    fn digits_are_scaled_after_their_checks() {
        use DecimalError::{NotANumber, TooLarge, TooPrecise};
        let cases = [
            ("12", "5", 2, 3, Ok(1_250)),
            ("", "05", 2, 3, Ok(5)),
            ("007", "", 4, 3, Ok(70_000)),
            ("0", "", 0, 0, Ok(0)),
            ("", "", 2, 3, Err(NotANumber)),
            ("1a", "", 2, 3, Err(NotANumber)),
            ("1", "-5", 2, 3, Err(NotANumber)),
            ("1", "123", 2, 3, Err(TooPrecise)),
            ("1234", "123", 2, 3, Err(TooPrecise)),
            ("1234", "", 2, 3, Err(TooLarge)),
            ("99999999999999999999", "", 0, 20, Err(TooLarge)),
            ("9999999999999999999", "", 1, 19, Err(TooLarge)),
        ];
        for (int, frac, places, max_int_digits, expected) in cases {
            assert_eq!(
                parse_scaled(int, frac, places, max_int_digits),
                expected,
                "{int}.{frac}"
            );
        }
    }

    #[test]
    fn scaled_values_print_without_trailing_zeros() {
        struct Shown(u64, u8);
        impl fmt::Display for Shown {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt_scaled(f, self.0, self.1)
            }
        }
        let cases = [
            (1_250, 2, "12.5"),
            (1_200, 2, "12"),
            (5, 4, "0.0005"),
            (7, 0, "7"),
        ];
        for (scaled, places, expected) in cases {
            assert_eq!(Shown(scaled, places).to_string(), expected);
        }
    }
}
