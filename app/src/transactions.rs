//! Transactions: the list (filters in the URL, keyset pagination, totals of the filtered
//! set) and the form to add, edit, duplicate and delete one.
//!
//! Rule: this file is the feature's face (its modules, what others use, its routes);
//! the pages and server code import `types` and each other, never this file.

mod delete;
mod edit;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteTransaction, DeleteTransactionPage, delete_transaction};
pub use edit::{
    EditTransactionPage, NewTransactionPage, SaveTransaction, TransactionForm, save_transaction,
    transaction_form,
};
pub use list::{ListTransactions, TransactionsPage, list_transactions};
pub use types::{Choice, ListItem, ListPage, ListQuery, TransactionInput, TxForm};

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn TransactionRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/transactions") view=TransactionsPage ssr=SsrMode::Async/>
        <Route path=path!("/transactions/new") view=NewTransactionPage ssr=SsrMode::Async/>
        <Route path=path!("/transactions/:id") view=EditTransactionPage ssr=SsrMode::Async/>
        <Route path=path!("/transactions/:id/delete") view=DeleteTransactionPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
