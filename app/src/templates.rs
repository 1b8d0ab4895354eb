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

/// The id in a `/templates/:id…` path, or -1 (which matches nothing) when it is not a
/// number.
fn id_param() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = leptos_router::hooks::use_params_map();
    move || {
        use leptos::prelude::Read;
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    }
}
