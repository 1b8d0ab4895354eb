//! What sign-in tells a person who is refused.
//!
//! Rule: every refusal of a password reads the same, whether or not the account exists,
//! so that the form cannot be used to learn which e-mail addresses have accounts; only a
//! lock (which the rightful owner needs to know about) says more.

/// The one answer to a wrong e-mail, a wrong password or a disabled account.
pub const REFUSED: &str = "That e-mail and password do not match an account.";

/// The answer while an account is locked, `minutes` before it opens again.
pub fn locked_message(minutes: i64) -> String {
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("Too many failed attempts. This account is locked; try again in {minutes} {unit}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_says_how_long_it_lasts_in_words() {
        assert_eq!(
            locked_message(1),
            "Too many failed attempts. This account is locked; try again in 1 minute."
        );
        assert!(locked_message(15).ends_with("try again in 15 minutes."));
    }
}
