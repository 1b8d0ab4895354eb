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
pub use edit::{CycleEditorPage, SaveCycle, cycle_form, save_cycle};
pub use list::{CyclesPage, ListCycles, list_cycles};
pub use types::{CycleFields, CycleInput, CycleLine, CycleSummary, CycleView, ExpectedExpense};

crate::routes!(CycleRoutes {
    "/cycles" => CyclesPage,
    "/cycles/new" => CycleEditorPage,
    "/cycles/:id" => CyclePage,
    "/cycles/:id/edit" => CycleEditorPage,
    "/cycles/:id/delete" => DeleteCyclePage,
});
