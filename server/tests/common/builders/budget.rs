//! Budgets and their entries through the budget forms.

use super::{form_fields, id_from_redirect};
use crate::common::{Browser, text};

/// The fields of a budget: "November", 1,000 USD over November 2026; `overrides`
/// replace fields by name.
pub fn budget_fields<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    form_fields(
        &[
            ("id", ""),
            ("name", "November"),
            ("currency", "USD"),
            ("starts_on", "2026-11-01"),
            ("ends_on", "2026-11-30"),
            ("total", "1,000"),
        ],
        overrides,
    )
}

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
            &budget_fields(&[
                ("name", name),
                ("starts_on", from),
                ("ends_on", to),
                ("total", total),
            ]),
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
