//! Types shared by the cycle pages and their server code: what forms post and what pages
//! show. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// One cycle in the list; amounts are formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleSummary {
    pub id: i64,
    pub name: String,
    /// "2026-11-01 – 2026-12-12 (42 days)".
    pub period: String,
    pub status: String,
    pub expected_income: String,
    pub expected_expenses: String,
}

/// One expected expense of a cycle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedExpense {
    pub id: i64,
    pub due_on: String,
    pub name: String,
    pub category: String,
    pub payment_method: Option<String>,
    pub amount: String,
}

/// One line of the expected-versus-actual table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleLine {
    pub category: String,
    pub expected: String,
    pub actual: String,
    pub left: String,
    /// Whole percent of the expectation spent, rounded down; None without one.
    pub percent: Option<u16>,
    pub over: bool,
}

/// A cycle with its expected expenses against the actual spending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleView {
    pub id: i64,
    pub name: String,
    pub currency: String,
    pub period: String,
    /// "draft", "active" or "completed".
    pub status: String,
    pub status_label: String,
    pub read_only: bool,
    /// The next status (value, button label), None once completed.
    pub next_status: Option<(String, String)>,
    pub expected_income: String,
    pub expenses: Vec<ExpectedExpense>,
    pub lines: Vec<CycleLine>,
    pub expected_total: String,
    pub actual_total: String,
    /// Expected minus actual spending, over all categories.
    pub expected_left: String,
    pub planned_left: String,
    pub left: String,
    pub over_total: bool,
}

/// What the cycle form starts from: every field as text, as the user would type it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleFields {
    /// Empty for a new cycle.
    pub id: String,
    pub name: String,
    pub starts_on: String,
    pub length_days: String,
    pub currency: String,
    pub expected_income: String,
    /// Whether "generate expected expenses from templates" starts ticked (new cycles).
    pub generate: bool,
    /// The cycle is completed: nothing on it can change.
    pub read_only: bool,
    /// The stored period in words; empty for a new cycle.
    pub period: String,
}

/// The cycle form as posted: every field as typed. An empty `id` adds a cycle;
/// `generate` is "true" when its expected expenses come from the active templates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CycleInput {
    pub id: String,
    pub name: String,
    pub starts_on: String,
    pub length_days: String,
    pub currency: String,
    pub expected_income: String,
    pub generate: String,
}

impl CycleInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        crate::url::editor_address("/cycles", &self.id)
    }

    /// Whether the new cycle lists its expected expenses from the templates.
    pub fn from_templates(&self) -> bool {
        self.generate.trim() == "true"
    }
}

/// A cycle's page, from the id a form posted.
pub fn cycle_page(raw_id: &str) -> String {
    format!("/cycles/{}", raw_id.trim())
}
