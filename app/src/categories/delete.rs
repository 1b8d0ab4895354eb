//! Deleting a category from its page: its transactions move to another category of the
//! same kind (a merge); without one, only an unused category can go.

use super::types::{CategoryDeleteInput, CategoryView};
use crate::components::{FormError, SelectField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use leptos::prelude::*;

/// Deletes a category; its transactions move to `into` (a merge). Without a destination
/// only an unused category can be deleted.
#[server(endpoint = "categories/delete")]
pub async fn delete_category(
    #[server(flatten)] input: CategoryDeleteInput,
) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::ssr::delete(&member, &input).await
    }
    .await;
    let page = format!("/categories/{}", input.id.trim());
    let deleted = finish("category-delete", &page, &input, result, |moved| {
        Done::new(super::ssr::deleted_message(*moved), "/categories")
    });
    deleted.await.map(|_| ())
}

/// The delete form for `category`, offering the others of its kind as destinations.
#[component]
pub fn DeleteSection(
    action: ServerAction<DeleteCategory>,
    feedback: FormFeedback,
    category: CategoryView,
    all: Vec<CategoryView>,
) -> impl IntoView {
    let errors = feedback.errors();
    let mut targets = vec![(String::new(), "— nowhere (only if unused) —".to_owned())];
    targets.extend(
        all.iter()
            .filter(|o| o.kind == category.kind && o.id != category.id)
            .map(|o| (o.id.to_string(), o.name.clone())),
    );
    view! {
        <Card title="Delete or merge" id="delete-category-title">
            <p>"Deleting moves this category's transactions to the category you choose, then removes it. This cannot be undone."</p>
            <ActionForm action=action attr:novalidate=true>
                <FormError errors/>
                <input type="hidden" name="id" value=category.id/>
                <SelectField label="Move its transactions to" name="into" value=feedback.value("into", "") options=targets errors/>
                <button type="submit" class="danger">"Delete category"</button>
            </ActionForm>
        </Card>
    }
}
