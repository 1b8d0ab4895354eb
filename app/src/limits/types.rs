//! Types shared by the limit pages and their server code: what forms post and what pages
//! show. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// One limit with the month's spending, formatted for the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitView {
    pub id: i64,
    pub category: String,
    pub currency: String,
    pub limit: String,
    pub spent: String,
    /// Negative once the limit is exceeded.
    pub remaining: String,
    /// Whole percent of the limit spent, rounded down (capped at 999).
    pub percent: u16,
    pub alert_pct: u8,
    /// "under", "alert" or "over", for the bar's style.
    pub status: String,
    /// "Under the alert threshold", "Alert threshold reached", "Limit reached".
    pub status_label: String,
}

/// The limits page: every limit with one month's spending.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitsOverview {
    /// "November 2026": the month shown, by default the current one where the user lives.
    pub month: String,
    /// The months before and after, as `YYYY-MM` for the links.
    pub previous: String,
    pub next: String,
    pub previous_label: String,
    pub next_label: String,
    pub limits: Vec<LimitView>,
}

/// What the limit form starts from: every field as text, as the user would type it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitFields {
    /// Empty for a new limit.
    pub id: String,
    pub category_id: String,
    pub amount: String,
    pub currency: String,
    pub alert_pct: String,
    /// (value, label) of the organisation's expense categories.
    pub categories: Vec<(String, String)>,
}

/// The limit form as posted: every field as typed. An empty `id` adds a limit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LimitInput {
    pub id: String,
    pub category_id: String,
    pub amount: String,
    pub currency: String,
    pub alert_pct: String,
}

impl LimitInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        crate::url::editor_address("/limits", &self.id)
    }
}
