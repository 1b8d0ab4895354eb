//! The ledger's vocabulary and rules: account, transaction and payment-method kinds, how
//! a transaction moves account balances, tags, and the default categories.

use serde::{Deserialize, Serialize};
use time::Date;

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
/// on commas. Linear in the input: a form of 60,000 tags is refused by its count, not
/// after seconds of comparing each with the others.
pub fn parse_tags(raw: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
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
        if !tag.is_empty() && seen.insert(tag.clone()) {
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

/// How a date range splits for the monthly roll-ups: whole calendar months are summed
/// from the roll-ups, the ragged ends from the transactions themselves. Bounds are
/// inclusive; `None` is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RollupSplit {
    /// First days of the first and last whole months, when there is at least one.
    pub months: Option<(Option<Date>, Option<Date>)>,
    /// Up to two date ranges read from the transactions.
    pub edges: [Option<(Option<Date>, Option<Date>)>; 2],
}

use crate::calendar::month_end;
/// The first day of `date`'s month: the key of its roll-up row.
pub use crate::calendar::month_start;

fn next_month_start(date: Date) -> Option<Date> {
    month_end(date).next_day()
}

/// Splits `from..=to` into whole months and ragged ends. An empty range (from after to)
/// yields nothing to read.
pub fn split_for_rollups(from: Option<Date>, to: Option<Date>) -> RollupSplit {
    let nothing = RollupSplit {
        months: None,
        edges: [None, None],
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return nothing;
    }
    // The first whole month starts on or after `from`; the last ends on or before `to`.
    let first_full = match from {
        None => None,
        Some(f) if f.day() == 1 => Some(f),
        Some(f) => match next_month_start(f) {
            Some(next) => Some(next),
            None => return raw_only(from, to),
        },
    };
    let last_full = match to {
        None => None,
        Some(t) if t == month_end(t) => Some(month_start(t)),
        Some(t) => match month_start(t).previous_day() {
            Some(prev) => Some(month_start(prev)),
            None => return raw_only(from, to),
        },
    };
    if let (Some(first), Some(last)) = (first_full, last_full)
        && first > last
    {
        return raw_only(from, to);
    }
    let head = match (from, first_full) {
        (Some(f), Some(first)) if f < first => first.previous_day().map(|end| (Some(f), Some(end))),
        _ => None,
    };
    let tail = match (to, last_full) {
        (Some(t), Some(last)) if month_end(last) < t => {
            next_month_start(last).map(|start| (Some(start), Some(t)))
        }
        // `to` inside the very first month of an open range: no whole month before it.
        _ => None,
    };
    RollupSplit {
        months: Some((first_full, last_full)),
        edges: [head, tail],
    }
}

fn raw_only(from: Option<Date>, to: Option<Date>) -> RollupSplit {
    RollupSplit {
        months: None,
        edges: [Some((from, to)), None],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;
    use time::macros::date;

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        assert_names_round_trip!(AccountKind, TransactionKind, PaymentMethodKind);
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

    #[test]
    fn rollup_splits_cover_every_day_exactly_once() {
        use time::Duration;
        let days = |from: Option<Date>, to: Option<Date>| {
            let split = split_for_rollups(from, to);
            let lo = date!(2023 - 12 - 01);
            let hi = date!(2025 - 03 - 31);
            let mut covered = Vec::new();
            let mut d = lo;
            while d <= hi {
                let in_months = split.months.is_some_and(|(a, b)| {
                    a.is_none_or(|a| month_start(d) >= a) && b.is_none_or(|b| month_start(d) <= b)
                });
                let in_edges = split
                    .edges
                    .iter()
                    .flatten()
                    .filter(|(a, b)| a.is_none_or(|a| d >= a) && b.is_none_or(|b| d <= b))
                    .count();
                covered.push((d, usize::from(in_months) + in_edges));
                d += Duration::days(1);
            }
            covered
        };
        let bounds = [
            None,
            Some(date!(2024 - 01 - 01)),
            Some(date!(2024 - 01 - 15)),
            Some(date!(2024 - 01 - 31)),
            Some(date!(2024 - 02 - 29)),
            Some(date!(2024 - 02 - 10)),
            Some(date!(2024 - 03 - 01)),
            Some(date!(2024 - 12 - 31)),
            Some(date!(2025 - 01 - 20)),
        ];
        for from in bounds {
            for to in bounds {
                for (d, times) in days(from, to) {
                    let wanted = from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
                    assert_eq!(times, usize::from(wanted), "{from:?}..{to:?} on {d}");
                }
            }
        }
    }

    #[test]
    fn whole_months_come_from_rollups() {
        let split = split_for_rollups(Some(date!(2024 - 01 - 15)), Some(date!(2024 - 04 - 10)));
        assert_eq!(
            split.months,
            Some((Some(date!(2024 - 02 - 01)), Some(date!(2024 - 03 - 01))))
        );
        assert_eq!(
            split.edges,
            [
                Some((Some(date!(2024 - 01 - 15)), Some(date!(2024 - 01 - 31)))),
                Some((Some(date!(2024 - 04 - 01)), Some(date!(2024 - 04 - 10))))
            ]
        );
        let open = split_for_rollups(None, None);
        assert_eq!(open.months, Some((None, None)));
        assert_eq!(open.edges, [None, None]);
    }
}
