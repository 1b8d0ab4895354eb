//! Accounts: where money sits. Balances are derived from the opening balance and the
//! transactions, never stored, and shown in the account's currency and the base currency.
//!
//! Rule: this file is the feature's face (its modules, what others use, its routes);
//! the pages and server code import `types` and each other, never this file.

mod detail;
mod edit;
#[cfg(feature = "ssr")]
pub mod form_parts;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use detail::{AccountPage, GetAccount, SetAccountArchived, get_account, set_account_archived};
pub use edit::{SaveAccount, save_account};
pub use list::{AccountsPage, ListAccounts, list_accounts};
pub use types::{AccountFormInput, AccountView, AccountsOverview};

crate::routes!(AccountRoutes {
    "/accounts" => AccountsPage,
    "/accounts/:id" => AccountPage,
});
