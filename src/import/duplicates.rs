//! When two statement lines are the same transaction: the same day, the same signed
//! amount and the same payee up to case and spacing, so a re-imported file adds nothing.

use time::Date;

/// What makes two rows the same transaction when a statement is imported twice: the day,
/// the signed amount and the payee, ignoring case and spacing ("ACME  Corp " is "acme
/// corp").
pub fn duplicate_key(date: Date, signed_minor: i64, payee: &str) -> String {
    let payee = payee
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    format!("{date}|{signed_minor}|{payee}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rows::parse_rows;
    use crate::import::test_support::{simple_mapping, table};
    use time::macros::date;

    #[test]
    fn duplicate_keys_ignore_case_and_spacing_of_the_payee() {
        let day = date!(2026 - 01 - 31);
        assert_eq!(
            duplicate_key(day, -1250, "ACME  Corp "),
            duplicate_key(day, -1250, "acme corp")
        );
        assert_eq!(
            duplicate_key(day, -1250, " Café\tRöst "),
            duplicate_key(day, -1250, "café röst")
        );
        assert_ne!(
            duplicate_key(day, -1250, "acme"),
            duplicate_key(day, 1250, "acme")
        );
        assert_ne!(
            duplicate_key(day, -1250, "acme"),
            duplicate_key(date!(2026 - 02 - 01), -1250, "acme")
        );
        assert_ne!(
            duplicate_key(day, -1250, "acme"),
            duplicate_key(day, -1250, "acme corp")
        );
        assert_eq!(duplicate_key(day, -1250, "A"), "2026-01-31|-1250|a");
        let t = table("Date,Payee,Amount\n2026-01-31, ACME  Corp,-12.50\n");
        let row = parse_rows(&t, &simple_mapping(), "USD")
            .remove(0)
            .expect("row");
        assert_eq!(row.duplicate_key(), duplicate_key(day, -1250, "acme corp"));
    }
}
