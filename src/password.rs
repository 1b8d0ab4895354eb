//! The password policy: long enough to resist guessing, and not one of the passwords
//! attackers try first. Strength beyond that is the user's business; length is what counts.

use std::fmt;

/// Minimum length in characters (not bytes), as NIST SP 800-63B recommends for
/// user-chosen secrets when no second factor is in place.
pub const MIN_CHARS: usize = 10;
/// Upper bound so that hashing cost stays bounded for hostile inputs.
pub const MAX_CHARS: usize = 256;

/// Passwords of at least ten characters that appear near the top of public breach
/// corpora. Compared case-insensitively.
const COMMON: &str = include_str!("password/common.txt");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordError {
    TooShort,
    TooLong,
    Common,
    SameAsEmail,
}

impl fmt::Display for PasswordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooShort => {
                write!(f, "Use at least {MIN_CHARS} characters.")
            }
            Self::TooLong => write!(f, "Use at most {MAX_CHARS} characters."),
            Self::Common => {
                f.write_str("That password is too common; choose one that is harder to guess.")
            }
            Self::SameAsEmail => f.write_str("Your password must not be your e-mail address."),
        }
    }
}

/// Checks a new password against the policy. `email` is the account's address, which
/// must not double as its password.
pub fn check_new(password: &str, email: &str) -> Result<(), PasswordError> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordError::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(PasswordError::TooLong);
    }
    if is_common(password) {
        return Err(PasswordError::Common);
    }
    if !email.is_empty() && password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(PasswordError::SameAsEmail);
    }
    Ok(())
}

/// True when the password is in the common list, ignoring case and surrounding spaces.
pub fn is_common(password: &str) -> bool {
    let candidate = password.trim().to_lowercase();
    COMMON
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .any(|line| line == candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nine_characters_are_too_short_and_ten_are_enough() {
        assert_eq!(check_new("k3#Lp9!xQ", ""), Err(PasswordError::TooShort));
        assert_eq!(check_new("k3#Lp9!xQz", ""), Ok(()));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Nine two-byte characters are still nine characters.
        assert_eq!(check_new("ééééééééé", ""), Err(PasswordError::TooShort));
        assert_eq!(check_new("éèêëēėęàáâ", ""), Ok(()));
    }

    #[test]
    fn overlong_passwords_are_refused() {
        assert_eq!(
            check_new(&"x".repeat(MAX_CHARS + 1), ""),
            Err(PasswordError::TooLong)
        );
    }

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(check_new("password123", ""), Err(PasswordError::Common));
        assert_eq!(check_new("PassWord123", ""), Err(PasswordError::Common));
        assert_eq!(check_new("1234567890", ""), Err(PasswordError::Common));
        assert_eq!(check_new("qwertyuiop", ""), Err(PasswordError::Common));
    }

    #[test]
    fn the_list_holds_only_entries_the_length_rule_would_not_catch() {
        for line in COMMON
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(
                line.chars().count() >= MIN_CHARS,
                "{line} is caught by length already"
            );
            assert_eq!(
                line,
                line.trim().to_lowercase(),
                "{line} must be stored lower-case"
            );
        }
    }

    #[test]
    fn the_email_address_is_not_a_password() {
        assert_eq!(
            check_new("ada@example.org", "ada@example.org"),
            Err(PasswordError::SameAsEmail)
        );
    }
}
