//! Deleting a budget and its entries, after a confirmation page (no script needed).

use super::detail::get_budget;
use crate::error::AppError;
use crate::pages::delete_page;
use leptos::prelude::*;

#[component]
pub fn DeleteBudgetPage() -> impl IntoView {
    delete_page(
        "Delete budget",
        get_budget,
        ServerAction::<DeleteBudget>::new(),
        |b| {
            let question = view! {
                "Delete " <strong>{b.name}</strong> {format!(" ({}) and its entries? ", b.period)}
                "The transactions it compared with stay in the ledger. This cannot be undone."
            };
            (question, format!("/budgets/{}", b.id))
        },
    )
}

#[server(endpoint = "budgets/delete")]
pub async fn delete_budget(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let budgets = Deletion::new(
        Area::Budgets,
        "budget-delete",
        "/budgets",
        "Budget deleted.",
    );
    delete_record(budgets, &id, super::repo::delete).await
}
