//! Monthly category limits through the limit form.

use crate::common::Browser;

/// Posts the limit form in USD (a new limit with an empty `id`, else an edit of that
/// one) and checks it lands on the list.
pub async fn set_limit(browser: &mut Browser, id: &str, category: &str, amount: &str, alert: &str) {
    let page = if id.is_empty() {
        "/limits/new".to_owned()
    } else {
        format!("/limits/{id}/edit")
    };
    let posted = browser
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
        .await;
    assert_eq!(
        posted.location.as_deref(),
        Some("/limits"),
        "{}",
        posted.body
    );
}
