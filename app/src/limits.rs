//! Category limits: a monthly ceiling per expense category with an alert threshold, the
//! month's spending against each, and one notice per (category, level, month) when a
//! ledger write crosses the threshold or the limit.
//!
//! Rule: every figure comes from `florin::planning::Threshold` (exact integer
//! arithmetic); the crossing check runs inside the ledger's own database transaction
//! (`repo::after_write`, called from `transactions::repo`), so a notice exists exactly
//! when the expense that caused it was committed. Only expenses in the limit's currency
//! count.

use serde::{Deserialize, Serialize};

mod delete;
mod edit;
mod list;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteLimit, DeleteLimitPage, delete_limit};
pub use edit::{EditLimitPage, LimitFields, NewLimitPage, SaveLimit, limit_form, save_limit};
pub use list::{LimitsOverview, LimitsPage, ListLimits, list_limits};

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

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn LimitRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/limits") view=LimitsPage ssr=SsrMode::Async/>
        <Route path=path!("/limits/new") view=NewLimitPage ssr=SsrMode::Async/>
        <Route path=path!("/limits/:id/edit") view=EditLimitPage ssr=SsrMode::Async/>
        <Route path=path!("/limits/:id/delete") view=DeleteLimitPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
