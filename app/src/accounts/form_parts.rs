//! The server side of the forms the ledger's features share (accounts, categories,
//! payment methods, transactions): which record a form edits, a required name, an
//! optional choice, and where a save or an archive leads.
//!
//! Rule: pure checks on posted text that add field errors; no database, no pages.

use crate::error::{AppError, FieldErrors};
use crate::session::Done;

/// The record a form edits: none for an empty `id` (the form adds one), else its number.
/// An id that is not a number names nothing the user can edit, so it is `NotFound`.
pub fn existing_id(raw: &str) -> Result<Option<i64>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        raw => raw.parse().map(Some).map_err(|_| AppError::NotFound),
    }
}

/// A required name, trimmed, of at most `max` characters; `what` names the record in the
/// message ("Give the account a name.").
pub fn name<'a>(raw: &'a str, what: &str, max: usize, errors: &mut FieldErrors) -> &'a str {
    let name = raw.trim();
    if name.is_empty() {
        errors.add("name", format!("Give the {what} a name."));
    } else {
        at_most("name", name, max, errors);
    }
    name
}

/// Refuses `value` in `field` when it is longer than `max` characters.
pub fn at_most(field: &str, value: &str, max: usize, errors: &mut FieldErrors) {
    if value.chars().count() > max {
        errors.add(field, format!("Use at most {max} characters."));
    }
}

/// An optional choice from a list: empty is none; anything but an id is refused in
/// `field` with `message`. Whether the id is the organisation's is for the write to check.
pub fn optional_id(raw: &str, field: &str, message: &str, errors: &mut FieldErrors) -> Option<i64> {
    match raw.trim() {
        "" => None,
        raw => raw.parse().map_err(|_| errors.add(field, message)).ok(),
    }
}

/// A refusal of the form for one reason, shown at `field`.
pub fn refused(field: &str, message: &str) -> AppError {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    AppError::Invalid(errors)
}

/// Where an archive leads: "Account archived." or "Account restored.".
pub fn after_archive(what: &str, archived: bool, to: &str) -> Done {
    let verb = if archived { "archived" } else { "restored" };
    Done::new(format!("{what} {verb}."), to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_id_adds_and_a_bad_one_is_not_found() {
        assert_eq!(existing_id(" ").ok(), Some(None));
        assert_eq!(existing_id(" 7 ").ok(), Some(Some(7)));
        assert!(matches!(existing_id("x"), Err(AppError::NotFound)));
    }

    #[test]
    fn names_are_required_and_bounded() {
        let mut errors = FieldErrors::new();
        assert_eq!(name("  Cash ", "account", 80, &mut errors), "Cash");
        assert!(errors.is_empty());
        name(" ", "account", 80, &mut errors);
        assert_eq!(errors.get("name"), Some("Give the account a name."));
        let mut errors = FieldErrors::new();
        name(&"x".repeat(61), "category", 60, &mut errors);
        assert_eq!(errors.get("name"), Some("Use at most 60 characters."));
    }

    #[test]
    fn saves_and_archives_say_what_happened() {
        assert_eq!(
            Done::saved("Account", true, "/accounts").message,
            "Account added."
        );
        assert_eq!(
            Done::saved("Category", false, "/c").message,
            "Category saved."
        );
        let done = after_archive("Payment method", false, "/payment-methods");
        assert_eq!(done.message, "Payment method restored.");
        assert_eq!(done.to, "/payment-methods");
    }

    #[test]
    fn an_optional_choice_is_empty_or_a_number() {
        let mut errors = FieldErrors::new();
        assert_eq!(optional_id("", "parent_id", "Pick one.", &mut errors), None);
        assert_eq!(
            optional_id(" 3", "parent_id", "Pick one.", &mut errors),
            Some(3)
        );
        assert!(errors.is_empty());
        assert_eq!(
            optional_id("x", "parent_id", "Pick one.", &mut errors),
            None
        );
        assert_eq!(errors.get("parent_id"), Some("Pick one."));
    }
}
