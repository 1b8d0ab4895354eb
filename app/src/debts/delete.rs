//! Deleting a debt, after a confirmation page (a plain link and form: no script needed).

use super::detail::get_debt;
use crate::error::AppError;
use crate::pages::delete_page;
use leptos::prelude::*;

#[component]
pub fn DeleteDebtPage() -> impl IntoView {
    let load = |id| get_debt(id, false);
    delete_page(
        "Delete debt",
        load,
        ServerAction::<DeleteDebt>::new(),
        |view| {
            let d = view.debt;
            let what = match view.payments.len() {
                0 => "It has no payments recorded.".to_owned(),
                1 => "Its payment is deleted with it.".to_owned(),
                n => format!("Its {n} payments are deleted with it."),
            };
            let question = view! {
                "Delete " <strong>{d.name}</strong> " (" {d.kind_label} ", " {d.principal}
                " borrowed)? " {what}
                " Expenses recorded in the ledger for its payments stay there. This cannot be undone."
            };
            (question, format!("/debts/{}", d.id))
        },
    )
}

#[server(endpoint = "debts/delete")]
pub async fn delete_debt(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let debts = Deletion::new(Area::Debts, "debt-delete", "/debts", "Debt deleted.");
    delete_record(debts, &id, super::repo::delete).await
}
