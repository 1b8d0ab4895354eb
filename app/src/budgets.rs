//! Budgets: a named period (both dates included) with a total and per-category entries,
//! compared with what was actually spent, and copied forward to the next period.
//!
//! Rule: every figure comes from the core (`florin::planning`'s `BudgetCheck` and
//! `copy_to_next_period`, `florin::budget_lines`); actual spending is summed in SQL over
//! the period, expenses in the budget's currency only. Entries may add up to more than the
//! total: that is saved and shown with a warning, not refused.
//!
//! `plan_fields` holds the field checks that cycles and expense templates share with
//! budgets.

mod copy;
mod delete;
mod detail;
mod edit;
mod entries;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod plan_fields;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use copy::{CopyBudget, copy_budget};
pub use delete::{DeleteBudget, DeleteBudgetPage, delete_budget};
pub use detail::{BudgetPage, GetBudget, get_budget};
pub use edit::{BudgetEditorPage, SaveBudget, budget_form, save_budget};
pub use entries::{RemoveEntry, SaveEntry, remove_entry, save_entry};
pub use list::{BudgetsPage, ListBudgets, list_budgets};
pub use types::{BudgetFields, BudgetInput, BudgetLine, BudgetSummary, BudgetView, EntryInput};

crate::routes!(BudgetRoutes {
    "/budgets" => BudgetsPage,
    "/budgets/new" => BudgetEditorPage,
    "/budgets/:id" => BudgetPage,
    "/budgets/:id/edit" => BudgetEditorPage,
    "/budgets/:id/delete" => DeleteBudgetPage,
});
