//! Payment methods through their forms and pages, as a browser without JavaScript uses
//! them, on SQLite and PostgreSQL: add, edit, archive, names unique per organisation
//! ignoring case, linked accounts only from the same organisation, and isolation.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::account::add_empty_account;
use common::query::{member_scope, scalar};
use common::{Backend, Browser, PASSWORD, Page, TestApp, text};
use florin::role::Access;
use florin_app::on_db;
use florin_app::payment_methods::repo as methods;

on_both!(
    methods_are_added_edited_and_archived_through_plain_forms,
    names_are_unique_per_organisation_ignoring_case,
    bad_input_gets_field_errors_and_writes_nothing,
    an_account_of_another_organisation_cannot_be_linked,
    another_organisation_gets_not_found_and_changes_nothing,
);

async fn save_method(
    browser: &mut Browser,
    from_page: &str,
    id: &str,
    name: &str,
    kind: &str,
    account: &str,
) -> common::Page {
    browser
        .post_form(
            "/api/payment-methods/save",
            from_page,
            &[
                ("id", id),
                ("name", name),
                ("kind", kind),
                ("account_id", account),
            ],
        )
        .await
}

/// The method's (name, kind, account_id, archived) as stored.
async fn stored(app: &TestApp, id: i64) -> (String, String, Option<i64>, bool) {
    on_db!(&app.db, |pool| {
        sqlx::query_as("SELECT name, kind, account_id, archived FROM payment_methods WHERE id = $1")
            .bind(id)
            .fetch_one(pool)
            .await
    })
    .expect("payment method")
}

/// Archives the payment method `id` (`archived` "true") or restores it ("false") from its
/// page; the answer is left to the caller.
async fn set_archived(browser: &mut Browser, id: i64, archived: &str) -> Page {
    browser
        .post_form(
            "/api/payment-methods/archive",
            &format!("/payment-methods/{id}"),
            &[("id", &id.to_string()), ("archived", archived)],
        )
        .await
}

async fn methods_are_added_edited_and_archived_through_plain_forms(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_empty_account(&app, &mut browser, "Everyday", "USD").await;

    let page = browser.get("/payment-methods").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(text(&page.body).contains("No payment methods yet"));

    let posted = save_method(
        &mut browser,
        "/payment-methods",
        "",
        "  Visa  ",
        "card",
        &account,
    )
    .await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);
    posted.redirects_to("/payment-methods");
    let shown = browser
        .follow(&posted)
        .await
        .shows(&["Payment method added."]);
    assert!(
        shown.contains("Visa Card Everyday"),
        "name, kind label and linked account: {shown}"
    );
    let id = scalar(&app, "SELECT id FROM payment_methods").await;
    assert_eq!(
        stored(&app, id).await,
        (
            "Visa".to_owned(),
            "card".to_owned(),
            account.parse().ok(),
            false
        )
    );

    let edit = browser.get(&format!("/payment-methods/{id}")).await;
    assert_eq!(edit.status, StatusCode::OK);
    edit.has_values(&["Visa"]);

    let posted = save_method(
        &mut browser,
        &format!("/payment-methods/{id}"),
        &id.to_string(),
        "PhonePe",
        "upi",
        "",
    )
    .await;
    posted.redirects_to("/payment-methods");
    assert!(text(&browser.follow(&posted).await.body).contains("Payment method saved."));
    assert_eq!(
        stored(&app, id).await,
        ("PhonePe".to_owned(), "upi".to_owned(), None, false)
    );
    assert!(text(&browser.get("/payment-methods").await.body).contains("PhonePe UPI"));

    let scope = member_scope(&app, "ada@example.org", Access::Read).await;
    assert_eq!(
        methods::options(&app.db, &scope).await.expect("options"),
        vec![(id, "PhonePe".to_owned())]
    );

    let archived = set_archived(&mut browser, id, "true").await;
    archived.redirects_to("/payment-methods");
    let shown = text(&browser.follow(&archived).await.body);
    assert!(
        shown.contains("Payment method archived.") && shown.contains("archived"),
        "{shown}"
    );
    assert!(stored(&app, id).await.3);
    assert!(
        methods::options(&app.db, &scope)
            .await
            .expect("options")
            .is_empty(),
        "archived methods leave the pickers"
    );
    browser
        .get(&format!("/payment-methods/{id}"))
        .await
        .shows(&["Restore payment method"]);

    let restored = set_archived(&mut browser, id, "false").await;
    assert!(text(&browser.follow(&restored).await.body).contains("Payment method restored."));
    assert!(!stored(&app, id).await.3);
}

async fn names_are_unique_per_organisation_ignoring_case(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    for name in ["Cash", "Épargne"] {
        let posted = save_method(&mut ada, "/payment-methods", "", name, "cash", "").await;
        assert_eq!(
            posted.location.as_deref(),
            Some("/payment-methods"),
            "{name}"
        );
    }
    for duplicate in ["cash", " CASH ", "ÉPARGNE"] {
        let posted = save_method(&mut ada, "/payment-methods", "", duplicate, "other", "").await;
        assert_eq!(
            posted.location.as_deref(),
            Some("/payment-methods"),
            "back to the form"
        );
        let page = ada.follow(&posted).await;
        let shown = text(&page.body);
        assert!(
            shown.contains("A payment method with that name already exists."),
            "{duplicate}: {shown}"
        );
        assert!(
            page.body.contains(&format!("value=\"{duplicate}\"")),
            "the form keeps what was typed"
        );
    }
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM payment_methods").await,
        2
    );

    // Renaming onto another method's name is refused; changing a method's own case is not.
    let epargne = scalar(
        &app,
        "SELECT id FROM payment_methods WHERE kind = 'cash' AND name <> 'Cash'",
    )
    .await
    .to_string();
    let page = format!("/payment-methods/{epargne}");
    let posted = save_method(&mut ada, &page, &epargne, "cash", "cash", "").await;
    assert_eq!(posted.location.as_deref(), Some(page.as_str()));
    assert!(text(&ada.follow(&posted).await.body).contains("already exists"));
    let posted = save_method(&mut ada, &page, &epargne, "épargne", "cash", "").await;
    posted.redirects_to("/payment-methods");

    // Another organisation may use the same name.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let posted = save_method(&mut eve, "/payment-methods", "", "Cash", "cash", "").await;
    posted.redirects_to("/payment-methods");
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM payment_methods").await,
        3
    );
}

async fn bad_input_gets_field_errors_and_writes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let posted = save_method(&mut ada, "/payment-methods", "", "   ", "bitcoin", "abc").await;
    posted.redirects_to("/payment-methods");
    ada.follow(&posted).await.shows(&[
        "Give the payment method a name.",
        "Choose a kind of payment method.",
        "Choose an account from the list.",
    ]);
    let long = "x".repeat(61);
    let posted = save_method(&mut ada, "/payment-methods", "", &long, "card", "").await;
    assert!(text(&ada.follow(&posted).await.body).contains("Use at most 60 characters."));
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM payment_methods").await,
        0
    );
}

async fn an_account_of_another_organisation_cannot_be_linked(backend: Backend) {
    let (app, mut eve) = TestApp::with_user(backend, "eve@example.org").await;
    let eves = add_empty_account(&app, &mut eve, "Eve's bank", "USD").await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let adas = add_empty_account(&app, &mut ada, "Ada's bank", "USD").await;

    let page = text(&ada.get("/payment-methods").await.body);
    assert!(page.contains("Ada's bank") || page.contains("Ada&#x27;s bank"));
    assert!(
        !page.contains("Eve"),
        "only the organisation's accounts are offered"
    );

    let posted = save_method(&mut ada, "/payment-methods", "", "Debit", "card", &eves).await;
    posted.redirects_to("/payment-methods");
    ada.follow(&posted)
        .await
        .shows(&["Choose an account from the list."]);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM payment_methods").await,
        0
    );

    // Nor can an existing method be re-linked to it.
    let posted = save_method(&mut ada, "/payment-methods", "", "Debit", "card", &adas).await;
    posted.redirects_to("/payment-methods");
    let id = scalar(&app, "SELECT id FROM payment_methods").await;
    let page = format!("/payment-methods/{id}");
    let posted = save_method(&mut ada, &page, &id.to_string(), "Debit", "card", &eves).await;
    posted.redirects_to(&page);
    assert!(text(&ada.follow(&posted).await.body).contains("Choose an account from the list."));
    assert_eq!(stored(&app, id).await.2, adas.parse().ok());
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let posted = save_method(&mut ada, "/payment-methods", "", "Secret card", "card", "").await;
    posted.redirects_to("/payment-methods");
    let id = scalar(&app, "SELECT id FROM payment_methods").await;

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let page = eve.get(&format!("/payment-methods/{id}")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("Secret card"), "the page leaks");
    assert!(text(&page.body).contains("We could not find that."));
    assert_eq!(
        eve.get("/payment-methods/not-a-number").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !eve.get("/payment-methods")
            .await
            .body
            .contains("Secret card")
    );

    let refused = save_method(
        &mut eve,
        "/payment-methods",
        &id.to_string(),
        "Hacked",
        "cash",
        "",
    )
    .await;
    assert!(text(&eve.follow(&refused).await.body).contains("We could not find that."));
    eve.post_form(
        "/api/payment-methods/archive",
        "/payment-methods",
        &[("id", &id.to_string()), ("archived", "true")],
    )
    .await;
    assert_eq!(
        stored(&app, id).await,
        ("Secret card".to_owned(), "card".to_owned(), None, false)
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM payment_methods").await,
        1
    );

    // Without a session, the page sends the visitor to sign in.
    let mut stranger = app.browser();
    let page = stranger.get(&format!("/payment-methods/{id}")).await;
    assert_eq!(page.status, StatusCode::FOUND);
    assert!(!page.body.contains("Secret card"));
}
