//! Category limits: a monthly ceiling per expense category with an alert threshold, the
//! month's spending against each, and one notice per (category, level, month) when a
//! ledger write crosses the threshold or the limit.
//!
//! Rule: every figure comes from `florin::planning::Threshold` (exact integer
//! arithmetic); the crossing check runs inside the ledger's own database transaction
//! (`repo::after_write`, called from `transactions::repo`), so a notice exists exactly
//! when the expense that caused it was committed. Only expenses in the limit's currency
//! count.

mod delete;
mod edit;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteLimit, DeleteLimitPage, delete_limit};
pub use edit::{LimitEditorPage, SaveLimit, limit_form, save_limit};
pub use list::{LimitsPage, ListLimits, list_limits};
pub use types::{LimitFields, LimitView, LimitsOverview};

crate::routes!(LimitRoutes {
    "/limits" => LimitsPage,
    "/limits/new" => LimitEditorPage,
    "/limits/:id/edit" => LimitEditorPage,
    "/limits/:id/delete" => DeleteLimitPage,
});
