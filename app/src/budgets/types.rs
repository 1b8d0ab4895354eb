//! Types shared by the budget pages and their server code: what forms post and what pages
//! show. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// One budget in the list; amounts are formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetSummary {
    pub id: i64,
    pub name: String,
    /// "2026-11-01 – 2026-11-30".
    pub period: String,
    pub total: String,
    pub entries_sum: String,
    /// The entries add up to more than the total.
    pub over: bool,
}

/// One line of the budget-versus-actual table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    /// None for spending without a category.
    pub category_id: Option<i64>,
    pub category: String,
    /// None for spending in a category the budget has no entry for.
    pub planned: Option<String>,
    pub actual: String,
    pub remaining: Option<String>,
    /// Whole percent of the entry spent, rounded down; None without a positive entry.
    pub percent: Option<u16>,
    pub over: bool,
}

/// A budget with its entries against the period's actual spending.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    pub id: i64,
    pub name: String,
    pub currency: String,
    pub period: String,
    /// The period a copy would cover.
    pub next_period: Option<String>,
    pub total: String,
    pub entries_sum: String,
    /// Set when the entries add up to more than the total.
    pub warning: Option<String>,
    pub lines: Vec<BudgetLine>,
    pub actual_total: String,
    pub remaining_total: String,
    pub over_total: bool,
    /// (value, label) of the expense categories an entry may be set for.
    pub categories: Vec<(String, String)>,
}

/// What the budget form starts from: every field as the user would type it, the `id`
/// empty for a new budget.
pub type BudgetFields = BudgetInput;

/// The budget form as posted: every field as typed. An empty `id` adds a budget.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BudgetInput {
    pub id: String,
    pub name: String,
    pub currency: String,
    pub starts_on: String,
    pub ends_on: String,
    pub total: String,
}

impl BudgetInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        crate::url::editor_address("/budgets", &self.id)
    }
}

/// The entry form on a budget's page, as posted: the amount planned for one category.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryInput {
    pub budget_id: String,
    pub category_id: String,
    pub amount: String,
}

impl EntryInput {
    /// The budget's page, where the form is.
    pub fn page(&self) -> String {
        budget_page(&self.budget_id)
    }
}

/// A budget's page, from the id a form posted.
pub fn budget_page(raw_id: &str) -> String {
    format!("/budgets/{}", raw_id.trim())
}
