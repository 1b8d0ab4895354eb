//! Types shared by the account pages and their server code: what pages show and what the
//! form posts. Rule: pages and `ssr`/`repo` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// One account as the pages show it; amounts are already formatted for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub currency: String,
    pub institution: String,
    /// The opening balance as the user would type it (for the edit form).
    pub opening_balance_input: String,
    pub balance: String,
    /// The balance in the base currency; `None` when no exchange rate is known.
    pub base_balance: Option<String>,
    pub archived: bool,
}

/// The accounts page: every account with its balance, and their total.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsOverview {
    pub accounts: Vec<AccountView>,
    pub base_currency: String,
    /// Sum of the balances that could be converted, in the base currency.
    pub total: String,
    /// How many balances could not be converted for want of a rate.
    pub unconverted: usize,
}

/// The account form as posted: every field as typed. An empty `id` adds an account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountFormInput {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub currency: String,
    pub institution: String,
    pub opening_balance: String,
}

impl AccountFormInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        match self.id.trim() {
            "" => "/accounts".to_owned(),
            raw => format!("/accounts/{raw}"),
        }
    }
}
