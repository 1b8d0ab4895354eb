//! The ledger's vocabulary and rules: account, transaction and payment-method kinds, how
//! a transaction moves account balances, tags, and the default categories.

use serde::{Deserialize, Serialize};

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal, $label:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The name stored in the database and used in URLs and forms.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// The name shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            pub fn parse(raw: &str) -> Option<Self> {
                match raw.trim() { $($text => Some($name::$variant),)* _ => None }
            }
        }
    };
}

string_enum!(
    /// What kind of account money sits in.
    AccountKind {
        Checking => "checking", "Checking",
        Savings => "savings", "Savings",
        CreditCard => "credit_card", "Credit card",
        Cash => "cash", "Cash",
        Wallet => "wallet", "Wallet",
        Loan => "loan", "Loan",
        Investment => "investment", "Investment",
    }
);

string_enum!(
    /// Income and expense change one account; a transfer moves money between two.
    TransactionKind {
        Income => "income", "Income",
        Expense => "expense", "Expense",
        Transfer => "transfer", "Transfer",
    }
);

string_enum!(
    /// Whether a category is for income or for spending.
    CategoryKind {
        Expense => "expense", "Expense",
        Income => "income", "Income",
    }
);

string_enum!(
    /// How a payment was made.
    PaymentMethodKind {
        Card => "card", "Card",
        BankTransfer => "bank_transfer", "Bank transfer",
        Cash => "cash", "Cash",
        Upi => "upi", "UPI",
        Cheque => "cheque", "Cheque",
        Other => "other", "Other",
    }
);

string_enum!(
    /// Where a transaction came from.
    Source {
        Manual => "manual", "Entered by hand",
        Import => "import", "Imported",
        Template => "template", "From a template",
        DebtPayment => "debt_payment", "Debt payment",
    }
);

/// The effect of one transaction on one account's balance, in that account's minor units.
///
/// A transaction stores a positive `amount` in the currency of its `account`; a transfer
/// also stores the positive `counter_amount` that arrived in `counter_account` (equal to
/// `amount` when both accounts share a currency). So the legs of a transfer always add
/// up: what left one account is exactly what the other received, in its own currency.
pub fn balance_effect(
    kind: TransactionKind,
    amount: i64,
    counter_amount: Option<i64>,
    account_is_source: bool,
) -> i64 {
    match (kind, account_is_source) {
        (TransactionKind::Income, _) => amount,
        (TransactionKind::Expense, _) => -amount,
        (TransactionKind::Transfer, true) => -amount,
        (TransactionKind::Transfer, false) => counter_amount.unwrap_or(amount),
    }
}

/// Normalises free-text tags: trimmed, inner whitespace collapsed, lower-cased, without a
/// leading `#`, at most 40 characters, de-duplicated, in first-seen order. Input is split
/// on commas.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for part in raw.split(',') {
        let tag = part
            .trim()
            .trim_start_matches('#')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let tag: String = tag.chars().take(40).collect();
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// The categories every new organisation starts with: (name, kind, colour).
pub const DEFAULT_CATEGORIES: &[(&str, CategoryKind, &str)] = &[
    ("Food", CategoryKind::Expense, "#e07a5f"),
    ("Groceries", CategoryKind::Expense, "#81b29a"),
    ("Bills", CategoryKind::Expense, "#3d405b"),
    ("Rent", CategoryKind::Expense, "#8d5a97"),
    ("Transportation", CategoryKind::Expense, "#f2cc8f"),
    ("Health", CategoryKind::Expense, "#4ea8de"),
    ("Entertainment", CategoryKind::Expense, "#ef476f"),
    ("Shopping", CategoryKind::Expense, "#ffb703"),
    ("Education", CategoryKind::Expense, "#6a994e"),
    ("Travel", CategoryKind::Expense, "#219ebc"),
    ("Other", CategoryKind::Expense, "#8d99ae"),
    ("Salary", CategoryKind::Income, "#2a9d8f"),
    ("Interest", CategoryKind::Income, "#52b788"),
    ("Gifts", CategoryKind::Income, "#b5838d"),
    ("Other income", CategoryKind::Income, "#90be6d"),
];

/// True for a CSS hex colour `#rgb` or `#rrggbb`.
pub fn is_colour(raw: &str) -> bool {
    let hex = raw.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for kind in AccountKind::ALL {
            assert_eq!(AccountKind::parse(kind.as_str()), Some(*kind));
        }
        for kind in TransactionKind::ALL {
            assert_eq!(TransactionKind::parse(kind.as_str()), Some(*kind));
        }
        for kind in PaymentMethodKind::ALL {
            assert_eq!(PaymentMethodKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(AccountKind::parse("piggy_bank"), None);
    }

    #[test]
    fn transfers_move_money_without_creating_or_losing_any() {
        let out = balance_effect(TransactionKind::Transfer, 10_000, Some(10_000), true);
        let into = balance_effect(TransactionKind::Transfer, 10_000, Some(10_000), false);
        assert_eq!(out + into, 0);
        // Across currencies each side moves by its own amount.
        assert_eq!(
            balance_effect(TransactionKind::Transfer, 10_000, Some(9_215), false),
            9_215
        );
        assert_eq!(
            balance_effect(TransactionKind::Transfer, 10_000, Some(9_215), true),
            -10_000
        );
    }

    #[test]
    fn income_adds_and_expense_subtracts() {
        assert_eq!(
            balance_effect(TransactionKind::Income, 500, None, true),
            500
        );
        assert_eq!(
            balance_effect(TransactionKind::Expense, 500, None, true),
            -500
        );
    }

    #[test]
    fn tags_are_normalised_and_deduplicated() {
        assert_eq!(
            parse_tags(" #Holiday , work  trip,holiday,, WORK TRIP "),
            vec!["holiday".to_owned(), "work trip".to_owned()]
        );
        assert!(parse_tags(" , ,").is_empty());
        assert_eq!(parse_tags(&"x".repeat(50))[0].len(), 40);
    }

    #[test]
    fn default_categories_cover_both_kinds_with_valid_colours() {
        assert!(
            DEFAULT_CATEGORIES
                .iter()
                .any(|c| c.1 == CategoryKind::Income)
        );
        assert!(DEFAULT_CATEGORIES.iter().all(|c| is_colour(c.2)));
        assert!(is_colour("#abc"));
        assert!(!is_colour("red"));
        assert!(!is_colour("#abcd"));
    }
}
