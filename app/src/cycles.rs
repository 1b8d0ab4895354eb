//! Cycles: budgeting periods of 1 to 45 days (42 by default) with an expected income and
//! expected expenses, compared with what was actually spent.
//!
//! Rule: a cycle goes draft → active → completed, and a completed cycle is history: every
//! write is refused with `PlanError::CycleReadOnly`, checked in the same statement that
//! would write (`… AND status <> 'completed'`), so a form posted from a stale page cannot
//! slip a change in. Dates, occurrences and figures come from `florin::planning`; actual
//! spending is the budgets' query (expenses in the cycle's currency, by category).

use serde::{Deserialize, Serialize};

mod delete;
mod detail;
mod edit;
mod list;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteCycle, DeleteCyclePage, delete_cycle};
pub use detail::{
    ChangeCycleStatus, CyclePage, GetCycle, RemoveExpectedExpense, change_cycle_status, get_cycle,
    remove_expected_expense,
};
pub use edit::{CycleFields, EditCyclePage, NewCyclePage, SaveCycle, cycle_form, save_cycle};
pub use list::{CyclesPage, ListCycles, list_cycles};

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

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn CycleRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/cycles") view=CyclesPage ssr=SsrMode::Async/>
        <Route path=path!("/cycles/new") view=NewCyclePage ssr=SsrMode::Async/>
        <Route path=path!("/cycles/:id") view=CyclePage ssr=SsrMode::Async/>
        <Route path=path!("/cycles/:id/edit") view=EditCyclePage ssr=SsrMode::Async/>
        <Route path=path!("/cycles/:id/delete") view=DeleteCyclePage ssr=SsrMode::Async/>
    }
    .into_inner()
}
