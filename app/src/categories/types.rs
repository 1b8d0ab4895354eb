//! Types shared by the category pages and their server code: what pages show and what
//! forms post. Rule: pages and `ssr`/`repo` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// One category as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    pub colour: String,
    pub archived: bool,
    pub transactions: i64,
}

/// The category form as posted: every field as typed. An empty `id` adds a category.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryFormInput {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub parent_id: String,
    pub colour: String,
}

impl CategoryFormInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        match self.id.trim() {
            "" => "/categories".to_owned(),
            raw => format!("/categories/{raw}"),
        }
    }
}

/// The delete form as posted: the category, and the one its transactions move to (empty
/// to delete an unused category).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryDeleteInput {
    pub id: String,
    pub into: String,
}
