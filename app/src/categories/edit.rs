//! Saving a category, from the add form (on the list) or the rename form (on its page),
//! and the choices both forms offer.

use super::types::{CategoryFormInput, CategoryView};
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use florin::ledger::CategoryKind;
use leptos::prelude::*;

/// Creates a category (empty `id`) or renames, recolours or re-parents one.
#[server(endpoint = "categories/save")]
pub async fn save_category(#[server(flatten)] input: CategoryFormInput) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::ssr::save(&member, &input).await
    }
    .await;
    let page = input.page();
    let done = |created: &bool| Done::saved("Category", *created, "/categories");
    finish("category", &page, &input, result, done)
        .await
        .map(|_| ())
}

pub fn kind_options() -> Vec<(String, String)> {
    crate::components::choices(CategoryKind::ALL, |k: CategoryKind| (k.as_str(), k.label()))
}

/// The categories that may be a parent: active top-level ones, of `kind` when given,
/// other than `except` (the category being edited).
pub fn parent_options(
    all: &[CategoryView],
    kind: Option<&str>,
    except: Option<i64>,
) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "— none (top level) —".to_owned())];
    options.extend(
        all.iter()
            .filter(|c| c.parent_id.is_none() && !c.archived && Some(c.id) != except)
            .filter(|c| kind.is_none_or(|k| c.kind == k))
            .map(|c| (c.id.to_string(), format!("{} ({})", c.name, c.kind))),
    );
    options
}

/// Renames, recolours or re-parents `category`; its kind is fixed once created.
#[component]
pub fn EditCategoryForm(
    action: ServerAction<SaveCategory>,
    feedback: FormFeedback,
    category: CategoryView,
    parents: Vec<(String, String)>,
) -> impl IntoView {
    let errors = feedback.errors();
    let c = category;
    let parent = c.parent_id.map(|p| p.to_string()).unwrap_or_default();
    view! {
        <Card title="Rename or recolour" id="edit-category-title">
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <input type="hidden" name="id" value=c.id/>
                <input type="hidden" name="kind" value=c.kind.clone()/>
                <div class="row">
                    <TextField label="Name" name="name" value=feedback.value("name", &c.name) errors=errors required=true/>
                    <SelectField label="Parent" name="parent_id" value=feedback.value("parent_id", &parent) options=parents errors=errors/>
                    <TextField label="Colour" name="colour" kind="color" value=feedback.value("colour", &c.colour) errors=errors/>
                </div>
                <button type="submit" class="primary">"Save category"</button>
            </ActionForm>
        </Card>
    }
}
