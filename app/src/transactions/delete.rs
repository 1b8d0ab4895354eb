//! Deleting a transaction, after a confirmation page (a plain link and form: no script
//! needed).

use super::edit::transaction_form;
use crate::error::AppError;
use crate::pages::delete_page;
use leptos::prelude::*;

#[component]
pub fn DeleteTransactionPage() -> impl IntoView {
    let load = |id| transaction_form(Some(id), None);
    let delete = ServerAction::<DeleteTransaction>::new();
    delete_page("Delete transaction", load, delete, |form| {
        let question = view! {
            "Delete this transaction? This cannot be undone." <br/>
            <strong>{form.summary}</strong>
        };
        (question, "/transactions".to_owned())
    })
}

#[server(endpoint = "transactions/delete")]
pub async fn delete_transaction(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let transactions = Deletion::new(
        Area::Ledger,
        "transaction-delete",
        "/transactions",
        "Transaction deleted.",
    );
    delete_record(transactions, &id, super::repo::delete).await
}
