//! What a careless user or an attacker may send, on SQLite and PostgreSQL: text that
//! looks like markup stays text in the document's head; an outsized body or list is
//! refused by its size before any work; a request the server cannot read answers 4xx,
//! never 500; private answers are not cached; readiness proves the schema is there.

mod common;

use axum::http::StatusCode;
use common::builders::account::add_account;
use common::builders::debt::add_debt;
use common::builders::form_fields;
use common::builders::goal::add_goal;
use common::builders::transaction::post_new_transaction;
use common::query::scalar;
use common::{Backend, Browser, PASSWORD, TestApp, sign_in, text};

on_both!(
    markup_in_a_title_stays_text_in_the_document_head,
    an_outsized_form_is_refused_before_it_is_read,
    a_tags_field_over_its_limit_is_refused_with_a_message,
    a_request_the_server_cannot_read_answers_400_not_500,
    private_pages_and_answers_are_not_cached,
    readiness_fails_when_the_schema_is_gone,
    dates_outside_1900_to_2200_are_refused,
    a_search_longer_than_any_text_is_refused_and_control_characters_dropped,
    a_file_of_a_hundred_thousand_columns_is_refused,
    control_characters_are_refused_alike_on_both_databases,
    a_database_outage_answers_503_and_signs_nobody_out,
    a_client_that_keeps_failing_waits_whether_or_not_the_address_exists,
    the_owner_signs_in_from_elsewhere_while_an_attacker_waits,
    a_spray_over_many_addresses_waits_too,
);

/// An expense of 12.50 on 2026-03-01 from `account`; `overrides` replace fields by name.
fn expense<'a>(account: &'a str, overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let defaults = [
        ("kind", "expense"),
        ("date", "2026-03-01"),
        ("amount", "12.50"),
        ("account_id", account),
    ];
    form_fields(&defaults, overrides)
}

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
}

async fn an_outsized_form_is_refused_before_it_is_read(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    // 60,000 tags: de-duplicating them took seconds of CPU when the form was read first.
    let tags = (0..60_000)
        .map(|n| format!("t{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let fields = expense(&account, &[("tags", &tags)]);
    let posted = post_new_transaction(&mut ada, &fields).await;
    assert_eq!(posted.status, StatusCode::PAYLOAD_TOO_LARGE);
    let hydrated = ada
        .post_hydrated("/api/transactions/save", "/transactions/new", &fields)
        .await;
    assert_eq!(hydrated.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
}

async fn a_tags_field_over_its_limit_is_refused_with_a_message(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let tags = (0..150)
        .map(|n| format!("tag{n:04}"))
        .collect::<Vec<_>>()
        .join(",");
    let posted = post_new_transaction(&mut ada, &expense(&account, &[("tags", &tags)])).await;
    let page = ada.follow(&posted).await;
    let shown = text(&page.body);
    assert!(shown.contains("Use at most 1000 characters."), "{shown}");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
}

async fn a_request_the_server_cannot_read_answers_400_not_500(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let unreadable: [(&str, &[(&str, &str)]); 5] = [
        ("/api/rates/delete", &[("id", "abc")]),
        ("/api/rates/delete", &[("id", "99999999999999999999999")]),
        (
            "/api/accounts/archive",
            &[("id", "1"), ("archived", "maybe")],
        ),
        ("/api/accounts/archive", &[("archived", "true")]),
        ("/api/rates/delete", &[]),
    ];
    for (action, fields) in unreadable {
        let answer = ada.post_hydrated(action, "/rates", fields).await;
        assert_eq!(
            answer.status,
            StatusCode::BAD_REQUEST,
            "{action} {fields:?}: {}",
            answer.body
        );
    }
    let not_utf8 = ada
        .post_bytes(
            "/api/transactions/delete",
            "/transactions",
            b"id=%FF%FE".to_vec(),
        )
        .await;
    // Read as well as it can be (invalid bytes replaced), the id is no record's.
    assert_eq!(not_utf8.status, StatusCode::NOT_FOUND, "{}", not_utf8.body);
    let record_not_found = ada
        .post_hydrated(
            "/api/transactions/delete",
            "/transactions",
            &[("id", "12345")],
        )
        .await;
    assert_eq!(record_not_found.status, StatusCode::NOT_FOUND);
}

async fn private_pages_and_answers_are_not_cached(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let page = ada.get("/accounts").await;
    assert_eq!(page.status, StatusCode::OK);
    let answer = ada
        .post_hydrated("/api/transactions/delete", "/transactions", &[("id", "1")])
        .await;
    for (what, headers) in [("page", &page.headers), ("answer", &answer.headers)] {
        let cache = headers.get("cache-control").and_then(|v| v.to_str().ok());
        assert_eq!(cache, Some("no-store"), "the {what}");
    }
}

async fn readiness_fails_when_the_schema_is_gone(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut browser = app.browser();
    assert_eq!(browser.get("/health/db").await.status, StatusCode::OK);
    florin_app::sql!(&app.db, execute, "DROP TABLE _sqlx_migrations").expect("dropped");
    let ready = browser.get("/health/db").await;
    assert_eq!(
        ready.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        ready.body
    );
}

async fn dates_outside_1900_to_2200_are_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    for date in ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"] {
        let posted = post_new_transaction(&mut ada, &expense(&account, &[("date", date)])).await;
        let shown = text(&ada.follow(&posted).await.body);
        assert!(
            shown.contains("Dates run from 1900 to 2200."),
            "{date}: {shown}"
        );
    }
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    for date in ["1900-01-01", "2200-12-31"] {
        let posted = post_new_transaction(&mut ada, &expense(&account, &[("date", date)])).await;
        assert_eq!(posted.location.as_deref(), Some("/transactions"), "{date}");
    }
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 2);
}

async fn a_search_longer_than_any_text_is_refused_and_control_characters_dropped(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let long = "x".repeat(50_000);
    let list = ada.get(&format!("/transactions?q={long}")).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(text(&list.body).contains("Search for at most 200 characters."));
    let export = ada.get(&format!("/transactions/export.csv?q={long}")).await;
    assert!(export.status.is_redirection(), "{}", export.status);
    // NUL is refused by PostgreSQL in any text; no payee holds it, so the search drops it.
    let nul = ada.get("/transactions?q=%00cafe").await;
    assert_eq!(nul.status, StatusCode::OK);
    assert!(!text(&nul.body).contains("Something went wrong"));
}

async fn a_file_of_a_hundred_thousand_columns_is_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let header = (0..100_000)
        .map(|n| format!("c{n}"))
        .collect::<Vec<_>>()
        .join(",");
    let row = vec!["1"; 100_000].join(",");
    let csv = format!("{header}\n{row}\n");
    let posted = ada
        .post_file(
            "/import/upload",
            "/import",
            &[("account_id", &account)],
            ("file", "wide.csv", csv.as_bytes()),
        )
        .await;
    let shown = text(&ada.follow(&posted).await.body);
    assert!(
        shown.contains("That file has 100000 columns; Florin reads files of up to 100."),
        "{shown}"
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM import_batches").await, 0);
}

async fn control_characters_are_refused_alike_on_both_databases(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    for payee in ["Caf\u{0}e", "Bell\u{7}", "Del\u{7f}"] {
        let fields = expense(&account, &[("payee", payee)]);
        let plain = post_new_transaction(&mut ada, &fields).await;
        assert_eq!(plain.status, StatusCode::BAD_REQUEST, "{payee:?}");
        let hydrated = ada
            .post_hydrated("/api/transactions/save", "/transactions/new", &fields)
            .await;
        assert_eq!(hydrated.status, StatusCode::BAD_REQUEST, "{payee:?}");
        assert!(
            hydrated.body.contains("control characters"),
            "{}",
            hydrated.body
        );
    }
    // Tabs and line breaks are text: notes keep them.
    let kept = post_new_transaction(
        &mut ada,
        &expense(&account, &[("notes", "first line\r\nsecond\tline")]),
    )
    .await;
    assert_eq!(kept.location.as_deref(), Some("/transactions"));
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 1);

    let posted = ada
        .post_file(
            "/import/upload",
            "/import",
            &[("account_id", &account)],
            (
                "file",
                "nul.csv",
                b"Date,Amount,Payee\n2026-03-01,-5.00,Caf\x00e\n",
            ),
        )
        .await;
    let shown = text(&ada.follow(&posted).await.body);
    assert!(shown.contains("That file holds NUL bytes"), "{shown}");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM import_batches").await, 0);
}

async fn a_database_outage_answers_503_and_signs_nobody_out(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    assert_eq!(ada.get("/accounts").await.status, StatusCode::OK);
    // Every connection refused from now on, as when the database server is down.
    florin_app::on_db!(&app.db, |pool| pool.close().await);

    let page = ada.get("/accounts").await;
    assert_eq!(
        page.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        page.body
    );
    assert!(page.location.is_none(), "not sent to sign in");
    assert!(text(&page.body).contains("Florin cannot reach its database just now."));
    let answer = ada
        .post_hydrated("/api/transactions/delete", "/transactions", &[("id", "1")])
        .await;
    assert_eq!(
        answer.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        answer.body
    );
    assert_eq!(
        ada.get("/health/db").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
}

/// Signs in from `browser` and returns the text of the page it lands on.
async fn attempt(browser: &mut Browser, email: &str, password: &str) -> String {
    let posted = sign_in(browser, email, password).await;
    text(&browser.follow(&posted).await.body)
}

async fn a_client_that_keeps_failing_waits_whether_or_not_the_address_exists(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    for email in ["ada@example.org", "nobody@example.org"] {
        let mut browser = app.browser_at("198.51.100.7");
        for n in 1..=4 {
            let shown = attempt(&mut browser, email, "wrong wrong wrong").await;
            assert!(
                shown.contains("That e-mail and password do not match an account."),
                "{email} {n}"
            );
        }
        let fifth = attempt(&mut browser, email, "wrong wrong wrong").await;
        assert!(
            fifth.contains("Too many failed attempts. Try again in 15 minutes."),
            "{email}: {fifth}"
        );
        let sixth = attempt(&mut browser, email, PASSWORD).await;
        assert!(
            sixth.contains("Too many failed attempts. Try again in 15 minutes."),
            "{email}: {sixth}"
        );
    }
}

async fn the_owner_signs_in_from_elsewhere_while_an_attacker_waits(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut attacker = app.browser_at("203.0.113.66");
    for _ in 0..5 {
        attempt(&mut attacker, "ada@example.org", "guess guess guess").await;
    }
    assert!(
        attempt(&mut attacker, "ada@example.org", PASSWORD)
            .await
            .contains("Too many failed attempts")
    );
    let mut owner = app.browser_at("192.0.2.10");
    let signed_in = sign_in(&mut owner, "ada@example.org", PASSWORD).await;
    assert_eq!(
        signed_in.location.as_deref(),
        Some("/"),
        "the owner is not locked out"
    );
}

async fn a_spray_over_many_addresses_waits_too(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut sprayer = app.browser_at("203.0.113.99");
    for n in 0..19 {
        let shown = attempt(
            &mut sprayer,
            &format!("user{n}@example.org"),
            "password123456",
        )
        .await;
        assert!(shown.contains("do not match"), "{n}: {shown}");
    }
    let twentieth = attempt(&mut sprayer, "user19@example.org", "password123456").await;
    assert!(
        twentieth.contains("Too many failed attempts"),
        "{twentieth}"
    );
    let next = attempt(&mut sprayer, "ada@example.org", PASSWORD).await;
    assert!(next.contains("Too many failed attempts"), "{next}");
    let mut elsewhere = app.browser_at("192.0.2.10");
    let signed_in = sign_in(&mut elsewhere, "ada@example.org", PASSWORD).await;
    assert_eq!(signed_in.location.as_deref(), Some("/"));
}
