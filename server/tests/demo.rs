//! `florin demo`'s generator on SQLite and PostgreSQL: the rows it writes belong to the
//! demo user alone, hold together as a ledger over three years, come out the same for the
//! same seed, and the demo user signs in through the ordinary form.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::query::{date_of, scalar};
use common::{Backend, PASSWORD, TestApp, sign_in, text, today};
use florin_server::demo::{self, DemoError, Options};

on_both!(
    demo_rows_belong_to_the_demo_user_and_hold_together_over_three_years,
    the_same_seed_gives_the_same_rows,
    the_demo_user_signs_in_and_pages_through_the_list,
    a_second_demo_with_the_same_email_is_refused,
);

const ROWS: u64 = 2_000;

/// The demo for `email`, with [`ROWS`] transactions.
fn options(email: &str) -> Options {
    Options {
        email: email.into(),
        transactions: Some(ROWS),
        ..Options::default()
    }
}

async fn demo_rows_belong_to_the_demo_user_and_hold_together_over_three_years(backend: Backend) {
    let app = TestApp::new(backend).await;
    // Someone else's books must stay untouched.
    app.signed_up("ada@example.org", PASSWORD).await;
    let summary = demo::generate(&app.db, &options("demo@florin.test"))
        .await
        .expect("demo data");
    let org = summary.org_id;

    let written = scalar(&app, "SELECT COUNT(*) FROM transactions").await;
    assert_eq!(written.cast_unsigned(), summary.transactions);
    assert!(
        (ROWS * 9 / 10..=ROWS * 11 / 10).contains(&summary.transactions),
        "about {ROWS} rows, got {}",
        summary.transactions
    );
    let elsewhere = format!("SELECT COUNT(*) FROM transactions WHERE organisation_id <> {org}");
    assert_eq!(scalar(&app, &elsewhere).await, 0);
    let owner = format!(
        "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = {org} AND m.role = 'owner' AND u.email = 'demo@florin.test'"
    );
    assert_eq!(scalar(&app, &owner).await, 1);

    // Every leg's account is the organisation's and in the row's currency.
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id \
             WHERE a.organisation_id <> t.organisation_id OR a.currency <> t.currency"
        )
        .await,
        0
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(DISTINCT currency) FROM accounts").await,
        3,
        "USD, EUR and JPY"
    );
    // Transfers have a counter leg in another account of the same organisation, and some
    // cross currencies.
    let transfers = scalar(
        &app,
        "SELECT COUNT(*) FROM transactions WHERE kind = 'transfer'",
    )
    .await;
    assert!(transfers > 30, "card payments, savings, cash: {transfers}");
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM transactions t LEFT JOIN accounts c ON c.id = t.counter_account_id \
             WHERE t.kind = 'transfer' AND (c.id IS NULL OR c.organisation_id <> t.organisation_id \
                   OR c.id = t.account_id OR t.counter_amount IS NULL OR t.counter_amount <= 0 \
                   OR t.category_id IS NOT NULL)"
        )
        .await,
        0
    );
    assert!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM transactions t JOIN accounts c ON c.id = t.counter_account_id \
             WHERE c.currency <> t.currency"
        )
        .await
            > 0
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM transactions WHERE kind <> 'transfer' \
             AND (counter_account_id IS NOT NULL OR category_id IS NULL)"
        )
        .await,
        0,
        "income and expenses have a category and no counter leg"
    );

    // Tags land on the organisation's rows.
    let tags = scalar(&app, "SELECT COUNT(*) FROM transaction_tags").await;
    assert_eq!(tags.cast_unsigned(), summary.tags);
    assert!(tags > 0);
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM transaction_tags g JOIN transactions t ON t.id = g.transaction_id \
             WHERE g.organisation_id <> t.organisation_id"
        )
        .await,
        0
    );
    for tag in ["holiday", "work", "reimbursable", "subscription"] {
        let sql = format!("SELECT COUNT(*) FROM transaction_tags WHERE tag = '{tag}'");
        assert!(scalar(&app, &sql).await > 0, "some rows tagged {tag}");
    }

    // Three years up to today, with a rate for every month.
    let today = today();
    let first = date_of(
        &app,
        "SELECT occurred_on FROM transactions ORDER BY occurred_on LIMIT 1",
    )
    .await;
    let last = date_of(
        &app,
        "SELECT occurred_on FROM transactions ORDER BY occurred_on DESC LIMIT 1",
    )
    .await;
    assert_eq!((first, last), (summary.first, summary.last));
    assert!(
        last <= today && (today - last).whole_days() <= 3,
        "ends today: {last}"
    );
    let span = (last - first).whole_days();
    assert!(
        (3 * 365 - 5..=3 * 365).contains(&span),
        "three years: {first} to {last}"
    );
    let rates = scalar(
        &app,
        "SELECT COUNT(*) FROM exchange_rates WHERE quote = 'USD'",
    )
    .await;
    assert!(rates >= 2 * 36, "monthly EUR and JPY rates: {rates}");
}

async fn the_same_seed_gives_the_same_rows(backend: Backend) {
    let app = TestApp::new(backend).await;
    let one = demo::generate(&app.db, &options("one@florin.test"))
        .await
        .expect("first");
    let two = demo::generate(&app.db, &options("two@florin.test"))
        .await
        .expect("second");
    assert_eq!(one.transactions, two.transactions);
    assert_eq!(one.tags, two.tags);
    let fingerprint = |org: i64| {
        format!(
            "SELECT CAST(SUM(t.amount * (1 + LENGTH(t.payee))) AS BIGINT) FROM transactions t \
             WHERE t.organisation_id = {org}"
        )
    };
    assert_eq!(
        scalar(&app, &fingerprint(one.org_id)).await,
        scalar(&app, &fingerprint(two.org_id)).await
    );
    let other_seed = Options {
        seed: 99,
        ..options("three@florin.test")
    };
    let three = demo::generate(&app.db, &other_seed).await.expect("third");
    assert_ne!(
        scalar(&app, &fingerprint(one.org_id)).await,
        scalar(&app, &fingerprint(three.org_id)).await
    );
}

async fn the_demo_user_signs_in_and_pages_through_the_list(backend: Backend) {
    let app = TestApp::new(backend).await;
    demo::generate(&app.db, &options(demo::DEFAULT_EMAIL))
        .await
        .expect("demo data");
    let mut browser = app.browser();
    let signed_in = sign_in(&mut browser, demo::DEFAULT_EMAIL, demo::DEFAULT_PASSWORD).await;
    assert_eq!(signed_in.status, StatusCode::FOUND, "{}", signed_in.body);
    signed_in.redirects_to("/");

    let list = browser.get("/transactions").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("rel=\"next\""), "an older page");
    let older = list
        .body
        .split("rel=\"next\"")
        .next()
        .and_then(|before| before.rsplit("href=\"").next())
        .and_then(|href| href.split('"').next())
        .expect("the older page's link")
        .replace("&amp;", "&");
    let page_two = browser.get(&older).await;
    assert_eq!(page_two.status, StatusCode::OK, "{older}");

    let groceries = browser.get("/transactions?q=grocer").await;
    assert_eq!(groceries.status, StatusCode::OK);
    let shown = text(&groceries.body);
    assert!(
        shown.contains("Corner Grocer") || shown.contains("Green Valley Grocers"),
        "{shown}"
    );
    let accounts = text(&browser.get("/accounts").await.body);
    assert!(
        accounts.contains("Wise EUR") && accounts.contains("Visa Signature"),
        "{accounts}"
    );
}

async fn a_second_demo_with_the_same_email_is_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let first = demo::generate(&app.db, &options(demo::DEFAULT_EMAIL))
        .await
        .expect("demo data");
    let again = demo::generate(&app.db, &options(" DEMO@florin.test "))
        .await
        .expect_err("the e-mail is taken");
    assert!(matches!(again, DemoError::Exists(_)), "{again:?}");
    assert!(again.to_string().contains("already exists"), "{again}");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM users").await, 1);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM transactions")
            .await
            .cast_unsigned(),
        first.transactions
    );
    // A weak password is refused before anything is written.
    let weak = Options {
        password: "short".into(),
        ..options("weak@florin.test")
    };
    let refused = demo::generate(&app.db, &weak)
        .await
        .expect_err("weak password");
    assert!(matches!(refused, DemoError::Invalid(_)), "{refused:?}");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM users").await, 1);
}
