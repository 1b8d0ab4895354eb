//! Savings goals and their contributions through the goal forms.

use super::{for_record, form_fields, id_from_redirect};
use crate::common::{Browser, Page, text};
use axum::http::StatusCode;

/// The fields of a simple goal: a new bike for 1,000.00 USD, high priority, no date;
/// `overrides` replace fields by name.
pub fn goal_fields<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    form_fields(
        &[
            ("id", ""),
            ("title", "New bike"),
            ("kind", "purchase"),
            ("target_amount", "1,000.00"),
            ("currency", "USD"),
            ("target_date", ""),
            ("priority", "high"),
        ],
        overrides,
    )
}

/// Posts the new-goal form and returns the new goal's id, from the redirect to its page
/// (which is not visited).
pub async fn post_new_goal(browser: &mut Browser, overrides: &[(&str, &str)]) -> i64 {
    post_goal_form(browser, overrides).await.0
}

/// Adds a goal through the form, checks its page says so, and returns its id.
pub async fn add_goal(browser: &mut Browser, overrides: &[(&str, &str)]) -> i64 {
    let (id, posted) = post_goal_form(browser, overrides).await;
    let page = browser.follow(&posted).await;
    assert!(text(&page.body).contains("Goal added."));
    id
}

async fn post_goal_form(browser: &mut Browser, overrides: &[(&str, &str)]) -> (i64, Page) {
    let posted = browser
        .post_form("/api/goals/save", "/goals/new", &goal_fields(overrides))
        .await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);
    (id_from_redirect(&posted, "/goals/"), posted)
}

/// Posts a contribution to `goal` from its page: `fields`, dated 2026-02-15 unless they
/// say otherwise; the answer is left to the caller.
pub async fn contribute(browser: &mut Browser, goal: i64, fields: &[(&str, &str)]) -> Page {
    let id = goal.to_string();
    let all = for_record(("goal_id", &id), fields, &[("date", "2026-02-15")]);
    browser
        .post_form("/api/goals/contribute", &format!("/goals/{goal}"), &all)
        .await
}

/// Contributes `amount` and checks it was accepted; returns the page shown after, as
/// text.
pub async fn contribute_ok(browser: &mut Browser, goal: i64, amount: &str) -> String {
    let posted = contribute(browser, goal, &[("amount", amount)]).await;
    assert_eq!(
        posted.location.as_deref(),
        Some(format!("/goals/{goal}").as_str())
    );
    let shown = text(&browser.follow(&posted).await.body);
    assert!(shown.contains("Contribution added."), "{shown}");
    shown
}
