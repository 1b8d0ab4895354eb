//! Types shared by the goal pages and their server code: what forms post and what pages
//! show. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// One goal as the list and the detail page show it; amounts are formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSummary {
    pub id: i64,
    pub title: String,
    pub kind_label: String,
    pub priority_label: String,
    /// `florin::planning::GoalStatus::as_str`.
    pub status: String,
    pub status_label: String,
    pub currency: String,
    pub target: String,
    pub saved: String,
    pub remaining: String,
    /// Whole percent saved, rounded down, 0 to 100.
    pub percent: u8,
    /// "2027-06-30", or empty without a target date.
    pub target_date: String,
    /// The monthly saving that reaches the target by its date, or why there is none.
    pub monthly: String,
}

/// One contribution, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionView {
    pub id: i64,
    pub date: String,
    pub amount: String,
    pub note: String,
    /// Recorded in the ledger as a transfer too.
    pub transfer: bool,
}

/// What the contribution form starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionDefaults {
    pub goal_id: i64,
    pub currency: String,
    pub date: String,
    /// (value, label) of the accounts in the goal's currency.
    pub accounts: Vec<(String, String)>,
}

/// Everything the goal page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalView {
    pub goal: GoalSummary,
    pub contributions: Vec<ContributionView>,
    /// (action, label) of the status changes that apply now.
    pub actions: Vec<(String, String)>,
    /// `None` when the goal takes no contributions (completed or cancelled).
    pub contribute: Option<ContributionDefaults>,
}

/// What the goal form starts from: every field as the user would type it (the `id`
/// empty for a new goal), and whether the currency is fixed by a contribution.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalFields {
    pub values: GoalInput,
    pub has_contributions: bool,
}

/// The goal form as posted: every field as typed. An empty `id` adds a goal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalInput {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub target_amount: String,
    pub currency: String,
    pub target_date: String,
    pub priority: String,
}

impl GoalInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        crate::url::editor_address("/goals", &self.id)
    }
}

/// The contribution form as posted: every field as typed. Both accounts empty records
/// no transfer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContributionInput {
    pub goal_id: String,
    pub amount: String,
    pub date: String,
    pub note: String,
    pub from_account_id: String,
    pub to_account_id: String,
}

impl ContributionInput {
    /// The goal's page, where the form is and where a plain post that fails returns.
    pub fn page(&self) -> String {
        format!("/goals/{}", self.goal_id.trim())
    }

    /// Whether either account was chosen, asking for a ledger transfer too.
    pub fn wants_transfer(&self) -> bool {
        !(self.from_account_id.trim().is_empty() && self.to_account_id.trim().is_empty())
    }
}
