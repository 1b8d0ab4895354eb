//! What sign-in tells a person who is refused.
//!
//! Rule: every refusal of a password reads the same, whether or not the account exists,
//! so that the form cannot be used to learn which e-mail addresses have accounts; so does
//! the wait after too many failures, which depends on the client, not on the account.

/// The one answer to a wrong e-mail, a wrong password or a disabled account.
pub const REFUSED: &str = "That e-mail and password do not match an account.";

/// The answer while this client must wait, `minutes` before it is heard again; the same
/// whether or not the address has an account.
pub fn locked_message(minutes: i64) -> String {
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("Too many failed attempts. Try again in {minutes} {unit}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_says_how_long_it_lasts_in_words() {
        assert_eq!(
            locked_message(1),
            "Too many failed attempts. Try again in 1 minute."
        );
        assert!(locked_message(15).ends_with("Try again in 15 minutes."));
    }
}
