//! Cycles: budgeting periods of 1 to 45 days (42 by default) with an expected income and
//! expected expenses, compared with what was actually spent.
//!
//! Rule: a cycle goes draft → active → completed, and a completed cycle is history: every
//! write is refused with `PlanError::CycleReadOnly`, checked in the same statement that
//! would write (`… AND status <> 'completed'`), so a form posted from a stale page cannot
//! slip a change in. Dates, occurrences and figures come from `florin::planning`; actual
//! spending is the budgets' query (expenses in the cycle's currency, by category).

mod delete;
mod detail;
mod edit;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteCycle, DeleteCyclePage, delete_cycle};
pub use detail::{
    ChangeCycleStatus, CyclePage, GetCycle, RemoveExpectedExpense, change_cycle_status, get_cycle,
    remove_expected_expense,
};
pub use edit::{EditCyclePage, NewCyclePage, SaveCycle, cycle_form, save_cycle};
pub use list::{CyclesPage, ListCycles, list_cycles};
pub use types::{CycleFields, CycleInput, CycleLine, CycleSummary, CycleView, ExpectedExpense};

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
