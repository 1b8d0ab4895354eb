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
pub use edit::{SaveTemplate, TemplateEditorPage, save_template, template_form};
pub use list::{
    ListTemplates, SetTemplateActive, TemplatesPage, list_templates, set_template_active,
};
pub use types::{TemplateFields, TemplateInput, TemplateSummary};

crate::routes!(TemplateRoutes {
    "/templates" => TemplatesPage,
    "/templates/new" => TemplateEditorPage,
    "/templates/:id/edit" => TemplateEditorPage,
    "/templates/:id/delete" => DeleteTemplatePage,
});
