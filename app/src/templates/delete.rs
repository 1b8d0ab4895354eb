//! Deleting an expense template, after a confirmation page (no script needed).

use super::edit::template_form;
use crate::error::AppError;
use crate::pages::delete_page;
use leptos::prelude::*;

#[component]
pub fn DeleteTemplatePage() -> impl IntoView {
    let load = |id| template_form(Some(id));
    let delete = ServerAction::<DeleteTemplate>::new();
    delete_page("Delete expense template", load, delete, |t| {
        let question = view! {
            "Delete " <strong>{t.values.name}</strong> {format!(" ({})? ", t.described)}
            "Expected expenses already generated from it stay in their cycles. This cannot be undone."
        };
        (question, "/templates".to_owned())
    })
}

#[server(endpoint = "templates/delete")]
pub async fn delete_template(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let templates = Deletion::new(
        Area::Budgets,
        "template-delete",
        "/templates",
        "Template deleted.",
    );
    delete_record(templates, &id, super::repo::delete).await
}
