//! Deleting a limit, after a confirmation page (a plain link and form: no script needed).
//! Notices already sent stay.

use super::edit::limit_form;
use crate::error::AppError;
use crate::pages::delete_page;
use leptos::prelude::*;

#[component]
pub fn DeleteLimitPage() -> impl IntoView {
    let load = |id| limit_form(Some(id));
    delete_page(
        "Delete limit",
        load,
        ServerAction::<DeleteLimit>::new(),
        |form| {
            let category = form
                .categories
                .iter()
                .find(|(value, _)| *value == form.category_id)
                .map(|(_, name)| name.clone())
                .unwrap_or_default();
            let question = view! {
                "Delete the monthly limit of " <strong>{category}</strong> " (" {form.amount} " "
                {form.currency} ")? Its spending stays in the ledger; no further alerts are sent for it."
            };
            (question, "/limits".to_owned())
        },
    )
}

#[server(endpoint = "limits/delete")]
pub async fn delete_limit(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let limits = Deletion::new(Area::Budgets, "limit-delete", "/limits", "Limit deleted.");
    delete_record(limits, &id, super::repo::delete).await
}
