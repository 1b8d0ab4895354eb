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

crate::routes!(TransactionRoutes {
    "/transactions" => TransactionsPage,
    "/transactions/new" => NewTransactionPage,
    "/transactions/:id" => EditTransactionPage,
    "/transactions/:id/delete" => DeleteTransactionPage,
});
