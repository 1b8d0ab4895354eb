//! Expense templates: recurring expected expenses (amount, category, payment method and
//! how often) that a new cycle can turn into its expected expenses.
//!
//! Rule: a template only describes; it never writes to the ledger. Its rhythm is anchored
//! on its first date (`florin::planning::occurrences`), and only active templates in a
//! cycle's currency are used when a cycle is generated.

use serde::{Deserialize, Serialize};

mod delete;
mod edit;
mod list;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteTemplate, DeleteTemplatePage, delete_template};
pub use edit::{
    EditTemplatePage, NewTemplatePage, SaveTemplate, TemplateFields, save_template, template_form,
};
pub use list::{
    ListTemplates, SetTemplateActive, TemplatesPage, list_templates, set_template_active,
};

/// One template in the list; amounts and dates are formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub amount: String,
    pub category: String,
    pub payment_method: Option<String>,
    /// "Every 10 days from 2026-01-05".
    pub frequency: String,
    pub active: bool,
}

/// The frequencies a template may have, as (value, label) for the form.
pub fn frequency_options() -> Vec<(String, String)> {
    [
        ("weekly", "Weekly"),
        ("every_n_days", "Every N days"),
        ("monthly", "Monthly"),
        ("per_cycle", "Once per cycle"),
    ]
    .into_iter()
    .map(|(value, label)| (value.to_owned(), label.to_owned()))
    .collect()
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn TemplateRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/templates") view=TemplatesPage ssr=SsrMode::Async/>
        <Route path=path!("/templates/new") view=NewTemplatePage ssr=SsrMode::Async/>
        <Route path=path!("/templates/:id/edit") view=EditTemplatePage ssr=SsrMode::Async/>
        <Route path=path!("/templates/:id/delete") view=DeleteTemplatePage ssr=SsrMode::Async/>
    }
    .into_inner()
}
