//! Rows written straight through the repositories, for tests that need many of them or
//! exact dates and amounts the forms would take longer to reach.

use crate::common::TestApp;
use florin::fx::Rate;
use florin::ledger::{AccountKind, CategoryKind, Source, TransactionKind};
use florin_app::accounts::repo::{self as accounts, AccountInput};
use florin_app::categories::repo::{self as categories, CategoryInput};
use florin_app::orgs::repo::Scope;
use florin_app::rates::repo as rates;
use florin_app::transactions::repo::NewTransaction;
use time::Date;

/// Creates a checking account in `scope` opening at `opening` (minor units) and returns
/// its id.
pub async fn insert_account(
    app: &TestApp,
    scope: &Scope,
    name: &str,
    currency: &str,
    opening: i64,
) -> i64 {
    accounts::create(
        &app.db,
        scope,
        &AccountInput {
            name: name.into(),
            kind: AccountKind::Checking,
            currency: currency.into(),
            institution: String::new(),
            opening_balance: opening,
        },
    )
    .await
    .expect("account")
}

/// A manual transaction with nothing optional set and a payee naming its kind and
/// amount; override fields with struct update syntax.
pub fn new_transaction(
    kind: TransactionKind,
    on: Date,
    amount: i64,
    currency: &str,
    account: i64,
) -> NewTransaction {
    NewTransaction {
        kind,
        occurred_on: on,
        amount,
        currency: currency.into(),
        account_id: account,
        counter_account_id: None,
        counter_amount: None,
        category_id: None,
        payment_method_id: None,
        payee: format!("{kind:?} {amount}"),
        notes: String::new(),
        tags: Vec::new(),
        source: Source::Manual,
        external_id: None,
    }
}

/// Creates a top-level expense category in `scope` and returns its id.
pub async fn insert_expense_category(app: &TestApp, scope: &Scope, name: &str) -> i64 {
    categories::create(
        &app.db,
        scope,
        &CategoryInput {
            name: name.into(),
            kind: CategoryKind::Expense,
            parent_id: None,
            colour: String::new(),
        },
    )
    .await
    .expect("category")
}

/// Records by hand, for `scope`'s organisation, that one EUR was worth `rate` USD on `on`.
pub async fn insert_eur_usd_rate(app: &TestApp, scope: &Scope, on: Date, rate: &str) {
    let rate = Rate::parse(rate).expect("rate");
    rates::upsert(&app.db, scope.org_id, on, "EUR", "USD", rate, "manual")
        .await
        .expect("rate");
}
