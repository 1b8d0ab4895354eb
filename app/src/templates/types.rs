//! Types shared by the template pages and their server code: what forms post and what
//! pages show. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

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

/// What the template form starts from: every field as the user would type it (the `id`
/// empty for a new template), with the choices for its selects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateFields {
    pub values: TemplateInput,
    /// The stored frequency in words; empty for a new template.
    pub described: String,
    /// (value, label) of the expense categories, the first one empty.
    pub categories: Vec<(String, String)>,
    /// (value, label) of the active payment methods, the first one "none".
    pub payment_methods: Vec<(String, String)>,
}

/// The template form as posted: every field as typed. An empty `id` adds a template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateInput {
    pub id: String,
    pub name: String,
    pub description: String,
    pub amount: String,
    pub currency: String,
    pub category_id: String,
    pub payment_method_id: String,
    pub frequency: String,
    pub every_days: String,
    pub starts_on: String,
}

impl TemplateInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        crate::url::editor_address("/templates", &self.id)
    }
}
