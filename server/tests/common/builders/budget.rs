//! Budgets and their entries through the budget forms.

use super::id_from_redirect;
use crate::common::{Browser, text};

/// Adds a budget in USD through the form and returns its id.
pub async fn add_budget(
    browser: &mut Browser,
    name: &str,
    from: &str,
    to: &str,
    total: &str,
) -> i64 {
    let posted = browser
        .post_form(
            "/api/budgets/save",
            "/budgets/new",
            &[
                ("id", ""),
                ("name", name),
                ("currency", "USD"),
                ("starts_on", from),
                ("ends_on", to),
                ("total", total),
            ],
        )
        .await;
    id_from_redirect(&posted, "/budgets/")
}

/// Sets `budget`'s entry for `category` from its page, checks it goes back there, and
/// returns that page as text.
pub async fn set_entry(browser: &mut Browser, budget: i64, category: &str, amount: &str) -> String {
    let page = format!("/budgets/{budget}");
    let posted = browser
        .post_form(
            "/api/budgets/entry",
            &page,
            &[
                ("budget_id", &budget.to_string()),
                ("category_id", category),
                ("amount", amount),
            ],
        )
        .await;
    assert_eq!(posted.location.as_deref(), Some(page.as_str()));
    text(&browser.follow(&posted).await.body)
}
