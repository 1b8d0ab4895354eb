//! Transactions through the transaction form.

use crate::common::query::scalar;
use crate::common::{Browser, Page, TestApp};

/// Posts the form for a new transaction: an empty `id`, then `fields`; the answer is
/// left to the caller.
pub async fn post_new_transaction(browser: &mut Browser, fields: &[(&str, &str)]) -> Page {
    let mut all: Vec<(&str, &str)> = vec![("id", "")];
    all.extend_from_slice(fields);
    browser
        .post_form("/api/transactions/save", "/transactions/new", &all)
        .await
}

/// Adds a transaction of `fields` and checks it lands on the list.
pub async fn add_transaction(browser: &mut Browser, fields: &[(&str, &str)]) {
    let posted = post_new_transaction(browser, fields).await;
    assert_redirected_to_list(&posted);
}

/// Adds an expense with no payee; `category` may be empty for an uncategorised one.
pub async fn add_expense(
    browser: &mut Browser,
    date: &str,
    amount: &str,
    account: &str,
    category: &str,
) {
    add_transaction(
        browser,
        &[
            ("kind", "expense"),
            ("date", date),
            ("amount", amount),
            ("account_id", account),
            ("category_id", category),
        ],
    )
    .await;
}

/// Records an expense at the payee "Market" (or, with a non-empty `id`, edits that
/// transaction into one), checks it lands on the list, and returns its id.
pub async fn save_market_expense(
    app: &TestApp,
    browser: &mut Browser,
    id: &str,
    date: &str,
    amount: &str,
    account: &str,
    category: &str,
) -> String {
    let posted = browser
        .post_form(
            "/api/transactions/save",
            "/transactions/new",
            &[
                ("id", id),
                ("kind", "expense"),
                ("date", date),
                ("amount", amount),
                ("account_id", account),
                ("category_id", category),
                ("payee", "Market"),
            ],
        )
        .await;
    assert_redirected_to_list(&posted);
    if id.is_empty() {
        scalar(app, "SELECT MAX(id) FROM transactions")
            .await
            .to_string()
    } else {
        id.to_owned()
    }
}

fn assert_redirected_to_list(posted: &Page) {
    assert_eq!(
        posted.location.as_deref(),
        Some("/transactions"),
        "{}",
        posted.body
    );
}
