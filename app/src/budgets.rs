//! Budgets: a named period (both dates included) with a total and per-category entries,
//! compared with what was actually spent, and copied forward to the next period.
//!
//! Rule: every figure comes from `florin::planning` (`BudgetCheck`, `Threshold`,
//! `copy_to_next_period`); actual spending is summed in SQL over the period, expenses in
//! the budget's currency only. Entries may add up to more than the total: that is saved
//! and shown with a warning, not refused.

use serde::{Deserialize, Serialize};

mod copy;
mod delete;
mod detail;
mod edit;
mod entries;
mod list;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use copy::{CopyBudget, copy_budget};
pub use delete::{DeleteBudget, DeleteBudgetPage, delete_budget};
pub use detail::{BudgetPage, GetBudget, get_budget};
pub use edit::{BudgetFields, EditBudgetPage, NewBudgetPage, SaveBudget, budget_form, save_budget};
pub use entries::{RemoveEntry, SaveEntry, remove_entry, save_entry};
pub use list::{BudgetsPage, ListBudgets, list_budgets};

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

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn BudgetRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/budgets") view=BudgetsPage ssr=SsrMode::Async/>
        <Route path=path!("/budgets/new") view=NewBudgetPage ssr=SsrMode::Async/>
        <Route path=path!("/budgets/:id") view=BudgetPage ssr=SsrMode::Async/>
        <Route path=path!("/budgets/:id/edit") view=EditBudgetPage ssr=SsrMode::Async/>
        <Route path=path!("/budgets/:id/delete") view=DeleteBudgetPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
