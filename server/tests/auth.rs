//! Sign-up, sign-in, lockout, sessions, CSRF and profile, posted as a browser without
//! JavaScript posts them, on SQLite and PostgreSQL.

mod common;

use axum::http::StatusCode;
use common::query::scalar;
use common::{Backend, PASSWORD, TestApp, assert_shows, sign_in, text};
use florin_app::on_db;
use time::Duration;

/// For the user `email`: how many sign-ins failed in a row, whether the last failure is
/// recorded, and whether the account is locked.
async fn failures(app: &TestApp, email: &str) -> (i64, bool, bool) {
    let row: (
        i64,
        Option<time::OffsetDateTime>,
        Option<time::OffsetDateTime>,
    ) = on_db!(&app.db, |pool| {
        sqlx::query_as(
            "SELECT c.failed_count, c.last_failed_at, c.locked_until FROM credentials c \
             JOIN users u ON u.id = c.user_id WHERE u.email = $1",
        )
        .bind(email)
        .fetch_one(pool)
        .await
    })
    .expect("credentials");
    (row.0, row.1.is_some(), row.2.is_some())
}

on_both!(
    sign_up_creates_identity_credentials_profile_and_personal_organisation,
    sign_up_refuses_bad_input_keeps_the_form_and_writes_nothing,
    sign_up_refuses_a_duplicate_email_whatever_its_case,
    wrong_password_and_unknown_email_get_the_same_generic_message,
    five_failures_lock_the_account_and_the_lock_expires,
    session_id_rotates_at_sign_in,
    sign_out_deletes_the_session_on_the_server,
    cross_site_posts_are_refused_and_change_nothing,
    protected_page_sends_anonymous_visitors_to_sign_in_and_back,
    profile_edit_validates_and_saves,
    password_change_ends_every_other_session,
    health_endpoints_and_security_headers,
    unknown_pages_are_404,
    sessions_end_at_the_absolute_limit_however_busy,
);

async fn sessions_end_at_the_absolute_limit_however_busy(backend: Backend) {
    let app = TestApp::with_config(backend, |config| {
        config.auth.session_absolute = Duration::seconds(1);
    })
    .await;
    let mut browser = app.signed_up("ada@example.org", PASSWORD).await;
    assert_eq!(browser.get("/profile").await.status, StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let page = browser.get("/profile").await;
    assert_eq!(
        page.status,
        StatusCode::FOUND,
        "signed out although recently active"
    );
}

async fn sign_up_creates_identity_credentials_profile_and_personal_organisation(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "  Ada@Example.ORG ").await;
    let home = browser.get("/").await;
    assert!(text(&home.body).contains("Welcome to Florin! Your account is ready."));
    assert!(text(&home.body).contains("Hello, Test"));

    let (email, role, hash, algorithm, failed): (String, String, String, String, i64) =
        on_db!(&app.db, |pool| {
            sqlx::query_as(
                "SELECT u.email, u.role, c.password_hash, c.algorithm, c.failed_count \
             FROM users u JOIN credentials c ON c.user_id = u.id",
            )
            .fetch_one(pool)
            .await
        })
        .expect("user");
    assert_eq!(email, "ada@example.org");
    assert_eq!(role, "personal");
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert_eq!(algorithm, "argon2id");
    assert_eq!(failed, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM profiles").await, 1);
    let (kind, member_role): (String, String) = on_db!(&app.db, |pool| {
        sqlx::query_as(
            "SELECT o.kind, m.role FROM organisations o JOIN memberships m ON m.organisation_id = o.id",
        )
        .fetch_one(pool)
        .await
    })
    .expect("membership");
    assert_eq!((kind.as_str(), member_role.as_str()), ("personal", "owner"));
}

async fn sign_up_refuses_bad_input_keeps_the_form_and_writes_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut browser = app.browser();
    for (email, password, field_message) in [
        ("ada@example.org", "short", "Use at least 10 characters."),
        (
            "ada@example.org",
            "Password123",
            "That password is too common",
        ),
        (
            "not-an-email",
            PASSWORD,
            "Enter an e-mail address like name@example.com.",
        ),
        ("", PASSWORD, "Enter your e-mail address."),
    ] {
        let posted = browser
            .post_form(
                "/api/sign-up",
                "/sign-up",
                &[
                    ("email", email),
                    ("password", password),
                    ("first_name", "Ada"),
                ],
            )
            .await;
        assert_eq!(posted.status, StatusCode::FOUND);
        posted.redirects_to("/sign-up");
        let page = browser.follow(&posted).await;
        assert!(
            text(&page.body).contains(field_message),
            "{field_message}: {}",
            text(&page.body)
        );
        assert!(
            page.body.contains(&format!("value=\"{email}\"")),
            "e-mail kept as typed"
        );
        assert!(page.body.contains("value=\"Ada\""), "first name kept");
        assert!(
            !page.body.contains(password),
            "the password is never echoed"
        );
        // The stash is shown once.
        let again = browser.get("/sign-up").await;
        assert!(!text(&again.body).contains(field_message));
    }
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM users").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM credentials").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM organisations").await, 0);
}

async fn sign_up_refuses_a_duplicate_email_whatever_its_case(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut other = app.browser();
    let page = other
        .submit(
            "/api/sign-up",
            "/sign-up",
            &[
                ("email", "ADA@example.org"),
                ("password", "another long secret"),
                ("first_name", ""),
            ],
        )
        .await;
    assert!(text(&page.body).contains("An account with that e-mail address already exists."));
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM users").await, 1);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM organisations").await, 1);
}

async fn wrong_password_and_unknown_email_get_the_same_generic_message(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut browser = app.browser();
    let wrong = sign_in(&mut browser, "ada@example.org", "not the password").await;
    let wrong_page = browser.follow(&wrong).await;
    let unknown = sign_in(&mut browser, "nobody@example.org", "not the password").await;
    let unknown_page = browser.follow(&unknown).await;
    let generic = "That e-mail and password do not match an account.";
    assert!(text(&wrong_page.body).contains(generic));
    assert!(text(&unknown_page.body).contains(generic));
    wrong_page.has_values(&["ada@example.org"]);
    assert_eq!(failures(&app, "ada@example.org").await, (1, true, false));

    let ok = sign_in(&mut browser, "ADA@example.org", PASSWORD).await;
    ok.redirects_to("/");
    let (count_after, last_failed_kept, locked) = failures(&app, "ada@example.org").await;
    assert_eq!((count_after, last_failed_kept, locked), (0, true, false));
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE event = 'sign_in_failed'"
        )
        .await,
        1
    );
}

async fn five_failures_lock_the_account_and_the_lock_expires(backend: Backend) {
    let app = TestApp::with_config(backend, |config| {
        config.auth.lockout.duration = Duration::seconds(2);
    })
    .await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut browser = app.browser();
    for attempt in 1..=4 {
        let page = sign_in(&mut browser, "ada@example.org", "wrong wrong wrong").await;
        let page = browser.follow(&page).await;
        assert!(
            text(&page.body).contains("do not match"),
            "attempt {attempt}"
        );
    }
    let fifth = sign_in(&mut browser, "ada@example.org", "wrong wrong wrong").await;
    let fifth = browser.follow(&fifth).await;
    assert!(text(&fifth.body).contains("Too many failed attempts"));
    assert_eq!(failures(&app, "ada@example.org").await, (5, true, true));

    let refused = sign_in(&mut browser, "ada@example.org", PASSWORD).await;
    assert_eq!(
        refused.location.as_deref(),
        Some("/sign-in"),
        "locked even with the right password"
    );
    let refused = browser.follow(&refused).await;
    assert!(text(&refused.body).contains("Too many failed attempts"));
    assert_eq!(
        failures(&app, "ada@example.org").await.0,
        5,
        "attempts while locked are not counted"
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE event = 'lockout'"
        )
        .await,
        1
    );

    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let ok = sign_in(&mut browser, "ada@example.org", PASSWORD).await;
    assert_eq!(ok.location.as_deref(), Some("/"), "the lock has expired");
    assert_eq!(failures(&app, "ada@example.org").await, (0, true, false));
}

async fn session_id_rotates_at_sign_in(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut browser = app.browser();
    // A failed attempt leaves a session (with the form stash) before sign-in.
    let failed = sign_in(&mut browser, "ada@example.org", "wrong wrong wrong").await;
    let before = browser.cookie.clone().expect("a pre-sign-in session");
    browser.follow(&failed).await;
    sign_in(&mut browser, "ada@example.org", PASSWORD).await;
    let after = browser.cookie.clone().expect("a session");
    assert_ne!(before, after, "the id changes at sign-in");

    let mut planted = app.browser();
    planted.cookie = Some(before);
    let page = planted.get("/profile").await;
    assert_eq!(page.status, StatusCode::FOUND, "the old id grants nothing");
}

async fn sign_out_deletes_the_session_on_the_server(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let stolen = browser.cookie.clone().expect("session");
    let sessions_table = match backend {
        Backend::Sqlite => "tower_sessions",
        Backend::Postgres => "tower_sessions.session",
    };
    let before = scalar(&app, &format!("SELECT COUNT(*) FROM {sessions_table}")).await;
    let out = browser.post_form("/api/sign-out", "/", &[]).await;
    out.redirects_to("/sign-in");
    let page = browser.follow(&out).await;
    assert!(text(&page.body).contains("You are signed out."));
    let exists = scalar(
        &app,
        &format!("SELECT COUNT(*) FROM {sessions_table} WHERE id = '{stolen}'"),
    )
    .await;
    assert_eq!(exists, 0, "the signed-in session row is gone");
    assert!(scalar(&app, &format!("SELECT COUNT(*) FROM {sessions_table}")).await <= before);

    let mut replay = app.browser();
    replay.cookie = Some(stolen);
    assert_eq!(replay.get("/profile").await.status, StatusCode::FOUND);
}

async fn cross_site_posts_are_refused_and_change_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut browser = app.browser();
    let fields = [
        ("email", "eve@example.org"),
        ("password", PASSWORD),
        ("first_name", ""),
    ];
    let by_fetch_metadata = browser
        .post_form_with(
            "/api/sign-up",
            "/sign-up",
            &fields,
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(by_fetch_metadata.status, StatusCode::FORBIDDEN);
    let by_origin = browser
        .post_form_with(
            "/api/sign-up",
            "/sign-up",
            &fields,
            &[("origin", "https://evil.example")],
        )
        .await;
    assert_eq!(by_origin.status, StatusCode::FORBIDDEN);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM users").await, 0);

    // A signed-in user's session cannot be used from another site either.
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let out = ada
        .post_form_with(
            "/api/sign-out",
            "/",
            &[],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(out.status, StatusCode::FORBIDDEN);
    assert_eq!(
        ada.get("/profile").await.status,
        StatusCode::OK,
        "still signed in"
    );
}

async fn protected_page_sends_anonymous_visitors_to_sign_in_and_back(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let mut browser = app.browser();
    let page = browser.get("/profile").await;
    assert_eq!(page.status, StatusCode::FOUND);
    page.redirects_to("/sign-in?next=/profile");
    let posted = browser
        .post_form(
            "/api/sign-in",
            "/sign-in?next=/profile",
            &[
                ("email", "ada@example.org"),
                ("password", PASSWORD),
                ("next", "/profile"),
            ],
        )
        .await;
    posted.redirects_to("/profile");
    let profile = browser.follow(&posted).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert!(text(&profile.body).contains("Profile and settings"));

    // `next` never leads off the site.
    let mut other = app.browser();
    let posted = other
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[
                ("email", "ada@example.org"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    posted.redirects_to("/");
}

async fn profile_edit_validates_and_saves(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let page = browser
        .submit(
            "/api/profile/update",
            "/profile",
            &[
                ("first_name", "Ada"),
                ("last_name", "Lovelace"),
                ("phone", "call me"),
                ("base_currency", "XYZ"),
                ("time_zone", "Mars/Base"),
            ],
        )
        .await;
    let shown = page.shows(&["Enter a phone number of 5 to 20 digits"]);
    assert!(shown.contains("Choose a currency from the list."));
    assert!(shown.contains("Choose a time zone from the list."));
    assert!(
        page.body.contains("value=\"Lovelace\""),
        "typed values kept"
    );
    page.has_values(&["call me"]);
    let unchanged: String = on_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT last_name FROM profiles")
            .fetch_one(pool)
            .await
    })
    .expect("profile");
    assert_eq!(unchanged, "");

    let page = browser
        .submit(
            "/api/profile/update",
            "/profile",
            &[
                ("first_name", " Ada "),
                ("last_name", "Lovelace"),
                ("phone", "+44 20 7946 0958"),
                ("base_currency", "EUR"),
                ("time_zone", "Europe/Paris"),
            ],
        )
        .await;
    assert!(text(&page.body).contains("Profile saved."));
    assert!(page.body.contains("<option value=\"EUR\" selected"));
    assert!(
        page.body
            .contains("<option value=\"Europe/Paris\" selected")
    );
    let saved: (String, String, String, String) = on_db!(&app.db, |pool| {
        sqlx::query_as("SELECT first_name, phone, base_currency, time_zone FROM profiles")
            .fetch_one(pool)
            .await
    })
    .expect("profile");
    assert_eq!(
        saved,
        (
            "Ada".into(),
            "+44 20 7946 0958".into(),
            "EUR".into(),
            "Europe/Paris".into()
        )
    );
}

async fn password_change_ends_every_other_session(backend: Backend) {
    let (app, mut first) = TestApp::with_user(backend, "ada@example.org").await;
    let mut second = app.browser();
    assert_eq!(
        sign_in(&mut second, "ada@example.org", PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/")
    );
    assert_eq!(second.get("/profile").await.status, StatusCode::OK);

    let page = first
        .submit(
            "/api/profile/password",
            "/profile",
            &[
                ("current_password", "not my password"),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    assert!(text(&page.body).contains("That is not your current password."));

    let changed = first
        .post_form(
            "/api/profile/password",
            "/profile",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a brand new passphrase"),
            ],
        )
        .await;
    let page = first.follow(&changed).await;
    assert_eq!(page.status, StatusCode::OK, "this session stays signed in");
    assert!(
        text(&page.body).contains("Password changed. Every other session has been signed out.")
    );
    assert_eq!(
        second.get("/profile").await.status,
        StatusCode::FOUND,
        "the other session ended"
    );

    let mut third = app.browser();
    assert_eq!(
        sign_in(&mut third, "ada@example.org", PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/sign-in")
    );
    assert_eq!(
        sign_in(&mut third, "ada@example.org", "a brand new passphrase")
            .await
            .location
            .as_deref(),
        Some("/")
    );
}

async fn health_endpoints_and_security_headers(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut browser = app.browser();
    let live = browser.get("/health").await;
    assert_eq!(live.status, StatusCode::OK);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&live.body).expect("json")["status"],
        "ok"
    );
    let ready = browser.get("/health/db").await;
    let json: serde_json::Value = serde_json::from_str(&ready.body).expect("json");
    assert_eq!(json["status"], "ok");
    let expected = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    assert_eq!(json["database"], expected);

    let page = browser.get("/sign-in").await;
    let header = |name: &str| {
        page.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("referrer-policy"), "same-origin");
    assert!(header("content-security-policy").contains("frame-ancestors 'none'"));
    assert!(header("content-security-policy").contains("'nonce-"));
    assert!(header("content-security-policy").contains("'wasm-unsafe-eval'"));
    assert!(header("strict-transport-security").contains("max-age="));
    assert!(!header("x-request-id").is_empty());

    // Session cookies: HttpOnly, SameSite=Lax, Secure outside development.
    let mut anon = app.browser();
    let posted = sign_in(&mut anon, "x@example.org", "whatever whatever").await;
    let cookie = posted
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_shows(&cookie, &["HttpOnly", "SameSite=Lax", "Secure"]);
}

async fn unknown_pages_are_404(backend: Backend) {
    let app = TestApp::new(backend).await;
    let page = app.browser().get("/no/such/page").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(text(&page.body).contains("Page not found"));
}
