//! What a careless user or an attacker may post, on SQLite and PostgreSQL: text that
//! looks like markup stays text in the document's head, and an outsized list is refused
//! by its size before any work that grows faster than it.

mod common;

use common::builders::account::add_account;
use common::builders::debt::add_debt;
use common::builders::goal::add_goal;
use common::builders::transaction::post_new_transaction;
use common::query::scalar;
use common::{Backend, PASSWORD, TestApp, text};
use std::time::{Duration, Instant};

on_both!(
    markup_in_a_title_stays_text_in_the_document_head,
    a_form_with_sixty_thousand_tags_is_refused_at_once,
);

/// A name that would end the `<title>` and send the browser elsewhere if written as it is.
const BREAKOUT: &str =
    "</title><meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\">";

async fn markup_in_a_title_stays_text_in_the_document_head(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let goal = add_goal(&mut ada, &[("title", BREAKOUT)]).await;
    let debt = add_debt(&app, &mut ada, &[("name", BREAKOUT)]).await;

    for page in [format!("/goals/{goal}"), format!("/debts/{debt}")] {
        let shown = ada.get(&page).await;
        assert!(
            !shown.body.contains("<meta http-equiv=\"refresh\""),
            "{page} wrote the name as markup"
        );
        assert!(
            shown
                .body
                .contains("<title>&lt;/title&gt;&lt;meta http-equiv"),
            "{page}: {}",
            shown.body
        );
        assert!(
            shown.body.matches("&lt;/title&gt;&lt;meta").count() >= 2,
            "{page} shows the name as typed, in its title and its heading"
        );
    }
    app.finish().await;
}

async fn a_form_with_sixty_thousand_tags_is_refused_at_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let tags = (0..60_000)
        .map(|n| format!("t{n}"))
        .collect::<Vec<_>>()
        .join(",");

    let started = Instant::now();
    let posted = post_new_transaction(
        &mut ada,
        &[
            ("kind", "expense"),
            ("date", "2026-03-01"),
            ("amount", "12.50"),
            ("account_id", &account),
            ("tags", &tags),
        ],
    )
    .await;
    let took = started.elapsed();

    let page = ada.follow(&posted).await;
    assert!(
        text(&page.body).contains("Use at most 1000 characters."),
        "{}",
        text(&page.body)
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    // Comparing each tag with every other took seconds of CPU here; bounded, it is the
    // time of a form post.
    assert!(took < Duration::from_secs(2), "took {took:?}");
    app.finish().await;
}
