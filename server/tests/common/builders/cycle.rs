//! Expense templates and the cycles generated from them, through their forms.

use super::{form_fields, id_from_redirect};
use crate::common::query::scalar;
use crate::common::{Browser, TestApp, text};

/// The fields of a template: rent of 1,200 USD, monthly from 2026-01-01, no category;
/// `overrides` replace fields by name.
pub fn template_fields<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    form_fields(
        &[
            ("id", ""),
            ("name", "Rent"),
            ("description", ""),
            ("amount", "1,200"),
            ("currency", "USD"),
            ("category_id", ""),
            ("payment_method_id", ""),
            ("frequency", "monthly"),
            ("every_days", ""),
            ("starts_on", "2026-01-01"),
        ],
        overrides,
    )
}

/// Adds a template through the form, checks it lands on the list, and returns its id.
pub async fn add_template(app: &TestApp, browser: &mut Browser, overrides: &[(&str, &str)]) -> i64 {
    let posted = browser
        .post_form(
            "/api/templates/save",
            "/templates/new",
            &template_fields(overrides),
        )
        .await;
    assert_eq!(
        posted.location.as_deref(),
        Some("/templates"),
        "{}",
        text(&browser.follow(&posted).await.body)
    );
    scalar(app, "SELECT MAX(id) FROM expense_templates").await
}

/// The fields of a cycle: "Winter", 42 days from 2028-01-31 in USD with 4,000 expected
/// income, generated from the templates; `overrides` replace fields by name.
pub fn cycle_fields<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    form_fields(
        &[
            ("id", ""),
            ("name", "Winter"),
            ("starts_on", "2028-01-31"),
            ("length_days", "42"),
            ("currency", "USD"),
            ("expected_income", "4,000"),
            ("generate", "true"),
        ],
        overrides,
    )
}

/// Adds a cycle through the form; returns its id and the page it lands on, as text.
pub async fn add_cycle(browser: &mut Browser, overrides: &[(&str, &str)]) -> (i64, String) {
    let posted = browser
        .post_form("/api/cycles/save", "/cycles/new", &cycle_fields(overrides))
        .await;
    let id = id_from_redirect(&posted, "/cycles/");
    (id, text(&browser.follow(&posted).await.body))
}
