//! Monthly category limits through the limit form.

use crate::common::{Browser, Page};

/// Posts the limit form in USD, from the new-limit page with an empty `id`, else from
/// that limit's edit page; the answer is left to the caller.
pub async fn post_limit(
    browser: &mut Browser,
    id: &str,
    category: &str,
    amount: &str,
    alert: &str,
) -> Page {
    let page = if id.is_empty() {
        "/limits/new".to_owned()
    } else {
        format!("/limits/{id}/edit")
    };
    browser
        .post_form(
            "/api/limits/save",
            &page,
            &[
                ("id", id),
                ("category_id", category),
                ("amount", amount),
                ("currency", "USD"),
                ("alert_pct", alert),
            ],
        )
        .await
}

/// Posts the limit form as [`post_limit`] does and checks it lands on the list.
pub async fn set_limit(browser: &mut Browser, id: &str, category: &str, amount: &str, alert: &str) {
    let posted = post_limit(browser, id, category, amount, alert).await;
    assert_eq!(
        posted.location.as_deref(),
        Some("/limits"),
        "{}",
        posted.body
    );
}
