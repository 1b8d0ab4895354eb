//! Expense templates: recurring expected expenses (amount, category, payment method and
//! how often) that a new cycle can turn into its expected expenses.
//!
//! Rule: a template only describes; it never writes to the ledger. Its rhythm is anchored
//! on its first date (`florin::planning::occurrences`), and only active templates in a
//! cycle's currency are used when a cycle is generated. Its words (frequency choices and
//! descriptions) come from `florin::plan_labels`.

mod delete;
mod edit;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteTemplate, DeleteTemplatePage, delete_template};
pub use edit::{EditTemplatePage, NewTemplatePage, SaveTemplate, save_template, template_form};
pub use list::{
    ListTemplates, SetTemplateActive, TemplatesPage, list_templates, set_template_active,
};
pub use types::{TemplateFields, TemplateInput, TemplateSummary};

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
