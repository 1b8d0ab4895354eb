//! Which way an amount went, as lists show it beside the amount.
//!
//! Rule: income reads "+", spending reads "−" (the minus sign, not a hyphen), and a
//! transfer, which is neither, reads plain.

/// `amount` (already formatted) with the sign of the transaction `kind` it belongs to.
pub fn signed(kind: &str, amount: String) -> String {
    match kind {
        "income" => format!("+{amount}"),
        "expense" => format!("−{amount}"),
        _ => amount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn income_and_spending_are_signed_and_transfers_are_not() {
        assert_eq!(signed("expense", "$10.50".to_owned()), "−$10.50");
        assert_eq!(signed("income", "$3.00".to_owned()), "+$3.00");
        assert_eq!(signed("transfer", "$1.00".to_owned()), "$1.00");
    }
}
