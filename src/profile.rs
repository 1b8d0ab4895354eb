//! A person's details as they may be typed: names of at most 100 characters and phone
//! numbers of 5 to 20 digits with the usual separators.
//!
//! Rule: each check takes the text as typed (surrounding spaces do not count) and names
//! what is wrong in a sentence the form shows beside the field.

use std::fmt;

/// The longest first or last name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Why a detail is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DetailError {
    NameTooLong,
    Phone,
}

impl fmt::Display for DetailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NameTooLong => write!(f, "Use at most {MAX_NAME_CHARS} characters."),
            Self::Phone => {
                f.write_str("Enter a phone number of 5 to 20 digits, like +44 20 7946 0958.")
            }
        }
    }
}

/// A first or last name; empty is allowed.
pub fn check_name(raw: &str) -> Result<(), DetailError> {
    if raw.trim().chars().count() > MAX_NAME_CHARS {
        return Err(DetailError::NameTooLong);
    }
    Ok(())
}

/// A phone number of 5 to 20 digits written with `+`, spaces, dashes, dots or brackets;
/// empty is allowed.
pub fn check_phone(raw: &str) -> Result<(), DetailError> {
    let phone = raw.trim();
    if phone.is_empty() {
        return Ok(());
    }
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.');
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if phone.chars().all(allowed) && (5..=20).contains(&digits) {
        Ok(())
    } else {
        Err(DetailError::Phone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_may_be_empty_but_not_longer_than_a_hundred_characters() {
        assert_eq!(check_name(""), Ok(()));
        assert_eq!(check_name(&"é".repeat(100)), Ok(()));
        assert_eq!(check_name(&format!(" {} ", "a".repeat(100))), Ok(()));
        assert_eq!(check_name(&"a".repeat(101)), Err(DetailError::NameTooLong));
    }

    #[test]
    fn phones_count_digits_and_allow_the_usual_separators() {
        assert_eq!(check_phone(""), Ok(()));
        assert_eq!(check_phone("+44 20 7946 0958"), Ok(()));
        assert_eq!(check_phone("(030) 123.45-67"), Ok(()));
        assert_eq!(check_phone("1234"), Err(DetailError::Phone));
        assert_eq!(check_phone(&"1".repeat(21)), Err(DetailError::Phone));
        assert_eq!(check_phone("call me"), Err(DetailError::Phone));
        assert_eq!(
            DetailError::Phone.to_string(),
            "Enter a phone number of 5 to 20 digits, like +44 20 7946 0958."
        );
    }
}
