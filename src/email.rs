//! E-mail addresses as identities: normalised once (trimmed, lower-cased) so that
//! uniqueness is case-insensitive everywhere without each query having to remember it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically plausible, normalised e-mail address.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

/// Why a string is not accepted as an e-mail address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    Malformed,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "Enter your e-mail address.",
            Self::TooLong => "That e-mail address is too long.",
            Self::Malformed => "Enter an e-mail address like name@example.com.",
        })
    }
}

/// RFC 5321 caps a forward path at 254 octets.
const MAX_LEN: usize = 254;

impl Email {
    /// Trims and lower-cases `raw`, then checks the shape `local@domain.tld` without
    /// whitespace or control characters. Deliverability is checked by sending mail, not here.
    pub fn parse(raw: &str) -> Result<Self, EmailError> {
        let normalised = raw.trim().to_lowercase();
        if normalised.is_empty() {
            return Err(EmailError::Empty);
        }
        if normalised.len() > MAX_LEN {
            return Err(EmailError::TooLong);
        }
        if normalised
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';'))
        {
            return Err(EmailError::Malformed);
        }
        let (local, domain) = normalised.rsplit_once('@').ok_or(EmailError::Malformed)?;
        let domain_ok = domain.contains('.')
            && !domain.contains('@')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .split('.')
                .all(|label| !label.is_empty() && !label.starts_with('-'));
        if local.is_empty() || local.contains('@') || local.len() > 64 || !domain_ok {
            return Err(EmailError::Malformed);
        }
        Ok(Self(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_whitespace() {
        let email = Email::parse("  Ada.Lovelace@Example.ORG ").expect("valid");
        assert_eq!(email.as_str(), "ada.lovelace@example.org");
    }

    #[test]
    fn accepts_plus_addressing_and_subdomains() {
        assert!(Email::parse("a+bills@mail.example.co.uk").is_ok());
    }

    #[test]
    fn rejects_empty_and_blank() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
    }

    #[test]
    fn rejects_malformed_shapes() {
        for raw in [
            "plainaddress",
            "@example.com",
            "ada@",
            "ada@localhost",
            "ada@example..com",
            "ada@.example.com",
            "ada@example.com.",
            "ada lovelace@example.com",
            "ada@@example.com",
            "<ada@example.com>",
            "ada@-example.com",
        ] {
            assert_eq!(Email::parse(raw), Err(EmailError::Malformed), "{raw}");
        }
    }

    #[test]
    fn rejects_overlong_addresses() {
        let raw = format!("{}@example.com", "a".repeat(250));
        assert_eq!(Email::parse(&raw), Err(EmailError::TooLong));
        let local = format!("{}@example.com", "a".repeat(65));
        assert_eq!(Email::parse(&local), Err(EmailError::Malformed));
    }
}
