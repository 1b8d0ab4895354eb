//! Types shared by the transaction pages and their server code: the list's filter as the
//! URL carries it, what the list and the form show, and what the form posts.
//! Rule: pages and `ssr`/`repo` both import from here, never from each other.

use crate::error::FieldErrors;
use crate::url::encode_component;
use serde::{Deserialize, Serialize};

/// The list's filter exactly as it appears in the URL, so a view can be bookmarked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub from: String,
    pub to: String,
    pub account: String,
    pub category: String,
    pub tag: String,
    pub kind: String,
    pub min: String,
    pub max: String,
    pub q: String,
    /// The keyset cursor: `YYYY-MM-DD.id` of the last row of the previous page.
    pub after: String,
}

impl ListQuery {
    const KEYS: [&'static str; 10] = [
        "from", "to", "account", "category", "tag", "kind", "min", "max", "q", "after",
    ];

    fn get(&self, key: &str) -> &str {
        match key {
            "from" => &self.from,
            "to" => &self.to,
            "account" => &self.account,
            "category" => &self.category,
            "tag" => &self.tag,
            "kind" => &self.kind,
            "min" => &self.min,
            "max" => &self.max,
            "q" => &self.q,
            _ => &self.after,
        }
    }

    /// The query string (without `?`) of the non-empty parts.
    pub fn to_query(&self) -> String {
        Self::KEYS
            .iter()
            .filter(|k| !self.get(k).is_empty())
            .map(|k| format!("{k}={}", encode_component(self.get(k))))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// One row of the list, formatted for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub payee: String,
    pub notes: String,
    pub account: String,
    pub counter_account: Option<String>,
    pub category: Option<String>,
    pub colour: Option<String>,
    /// Signed for income and expense; for a transfer, both legs.
    pub amount: String,
    pub tags: Vec<String>,
}

/// One choice of a select: the value posted and the label shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl ToString, label: impl Into<String>) -> Self {
        Self {
            value: value.to_string(),
            label: label.into(),
        }
    }
}

/// `choices` as select options, after a first, empty one labelled `blank`.
pub fn with_blank(blank: &str, choices: &[Choice]) -> Vec<(String, String)> {
    std::iter::once((String::new(), blank.to_owned()))
        .chain(choices.iter().map(|o| (o.value.clone(), o.label.clone())))
        .collect()
}

/// One page of the list, with the totals of the whole filtered set.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage {
    pub items: Vec<ListItem>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
    /// "Income", "Spending", "Transfers" per currency, formatted.
    pub totals: Vec<(String, String, String, i64)>,
    pub errors: FieldErrors,
    pub accounts: Vec<Choice>,
    pub categories: Vec<Choice>,
}

/// What the transaction form starts from: its fields as they will be posted, and the
/// choices its selects offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxForm {
    /// An empty `id` for a new transaction.
    pub fields: TransactionInput,
    pub accounts: Vec<Choice>,
    pub payment_methods: Vec<Choice>,
    pub expense_categories: Vec<Choice>,
    pub income_categories: Vec<Choice>,
    /// For the delete confirmation: a one-line description.
    pub summary: String,
}

/// The transaction form as posted: every field as typed. An empty `id` adds one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TransactionInput {
    pub id: String,
    pub kind: String,
    pub date: String,
    pub amount: String,
    pub account_id: String,
    pub counter_account_id: String,
    pub counter_amount: String,
    pub category_id: String,
    pub payment_method_id: String,
    pub payee: String,
    pub notes: String,
    pub tags: String,
}

impl TransactionInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        match self.id.trim() {
            "" => "/transactions/new".to_owned(),
            raw => format!("/transactions/{raw}"),
        }
    }
}
