//! Types shared by the debt pages and their server code: what forms post and what pages
//! show. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// The debt form as posted: every field as typed. An empty `id` adds a debt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DebtInput {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub principal: String,
    pub currency: String,
    pub annual_rate: String,
    pub tenure_months: String,
    pub emi: String,
    pub lender: String,
    pub start_date: String,
    pub next_payment_date: String,
    pub reminder_days: String,
    pub account_id: String,
}

impl DebtInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        match self.id.trim() {
            "" => "/debts/new".to_owned(),
            raw => format!("/debts/{raw}/edit"),
        }
    }
}
