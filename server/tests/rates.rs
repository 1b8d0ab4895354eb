//! Exchange rates through their forms and pages, as a browser without JavaScript uses
//! them, on SQLite and PostgreSQL: added by hand, imported from CSV all or nothing with
//! upserts, deleted after a confirmation, looked up for a date, and isolated per
//! organisation.

mod common;

use axum::http::StatusCode;
use common::query::{member_scope, scalar};
use common::{Backend, Browser, PASSWORD, TestApp, text};
use florin::fx::Rate;
use florin::role::Access;
use florin_app::on_db;
use florin_app::rates::repo::{self as rates, NewRate};
use time::macros::date;

on_both!(
    a_rate_added_by_hand_is_listed_replaced_and_deleted,
    bad_rates_get_field_errors_and_write_nothing,
    a_csv_import_adds_and_updates_in_one_go,
    one_bad_csv_line_writes_nothing_and_names_each_bad_line,
    the_list_filters_by_date_and_currency,
    on_or_before_picks_the_latest_rate_and_inverts_the_reverse_pair,
    another_organisation_gets_not_found_and_changes_nothing,
);

/// Every stored rate as `date base quote rate source`, in a stable order.
async fn table(app: &TestApp) -> Vec<String> {
    let rows: Vec<(time::Date, String, String, i64, String)> = on_db!(&app.db, |pool| {
        sqlx::query_as(
            "SELECT rate_date, base, quote, rate_scaled, source FROM exchange_rates \
             ORDER BY organisation_id, rate_date, base, quote",
        )
        .fetch_all(pool)
        .await
    })
    .expect("rates");
    rows.into_iter()
        .map(|(date, base, quote, scaled, source)| {
            let rate = Rate::from_scaled(scaled).expect("positive");
            format!("{date} {base} {quote} {rate} {source}")
        })
        .collect()
}

async fn add_rate(
    browser: &mut Browser,
    date: &str,
    base: &str,
    quote: &str,
    rate: &str,
) -> common::Page {
    browser
        .post_form(
            "/api/rates/add",
            "/rates",
            &[
                ("date", date),
                ("base", base),
                ("quote", quote),
                ("rate", rate),
            ],
        )
        .await
}

async fn import(browser: &mut Browser, csv: &str) -> common::Page {
    browser
        .post_form("/api/rates/import", "/rates", &[("csv", csv)])
        .await
}

async fn a_rate_added_by_hand_is_listed_replaced_and_deleted(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let empty = browser.get("/rates").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(text(&empty.body).contains("No rates yet."));

    let posted = add_rate(&mut browser, "2026-01-31", "eur", "USD", "1.0845").await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);
    posted.redirects_to("/rates");
    browser
        .follow(&posted)
        .await
        .shows(&["Rate added.", "2026-01-31 EUR USD 1.0845 manual"]);
    assert_eq!(table(&app).await, ["2026-01-31 EUR USD 1.0845 manual"]);

    let posted = add_rate(&mut browser, "2026-01-31", "EUR", "USD", "1.09").await;
    browser
        .follow(&posted)
        .await
        .shows(&["it replaced the one for that date"]);
    assert_eq!(table(&app).await, ["2026-01-31 EUR USD 1.09 manual"]);

    let id = scalar(&app, "SELECT id FROM exchange_rates").await;
    let confirm = browser.get(&format!("/rates/{id}/delete")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    let shown = text(&confirm.body);
    assert!(
        shown.contains("Delete this rate?") && shown.contains("On 2026-01-31, 1 EUR = 1.09 USD"),
        "{shown}"
    );
    assert!(
        browser
            .get("/rates")
            .await
            .body
            .contains(&format!("/rates/{id}/delete")),
        "the list links to the confirmation"
    );
    let deleted = browser.delete("rates", id).await;
    deleted.redirects_to("/rates");
    assert!(text(&browser.follow(&deleted).await.body).contains("Rate deleted."));
    assert!(table(&app).await.is_empty());
    assert_eq!(
        browser.get(&format!("/rates/{id}/delete")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn bad_rates_get_field_errors_and_write_nothing(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    for (date, base, quote, rate, message) in [
        (
            "2026-02-30",
            "EUR",
            "USD",
            "1.1",
            "Enter a date like 2026-01-31.",
        ),
        (
            "yesterday",
            "EUR",
            "USD",
            "1.1",
            "Enter a date like 2026-01-31.",
        ),
        (
            "2026-01-31",
            "EUR",
            "eur",
            "1.1",
            "Choose a currency different from the first.",
        ),
        (
            "2026-01-31",
            "XYZ",
            "USD",
            "1.1",
            "Choose a currency from the list.",
        ),
        (
            "2026-01-31",
            "EUR",
            "USD",
            "1,1",
            "Enter a rate using digits and a point",
        ),
        (
            "2026-01-31",
            "EUR",
            "USD",
            "0",
            "A rate must be more than zero.",
        ),
        ("2026-01-31", "EUR", "USD", "", "Enter a rate."),
        (
            "2026-01-31",
            "EUR",
            "USD",
            "1.0000000000001",
            "Use at most 12 decimals.",
        ),
    ] {
        let posted = add_rate(&mut browser, date, base, quote, rate).await;
        assert_eq!(
            posted.location.as_deref(),
            Some("/rates"),
            "{date} {base} {quote} {rate}"
        );
        let page = browser.follow(&posted).await;
        let shown = text(&page.body);
        assert!(
            shown.contains(message),
            "{date} {base} {quote} {rate}: {shown}"
        );
        assert!(
            page.body.contains(&format!("value=\"{rate}\"")),
            "the form keeps what was typed"
        );
    }
    assert!(table(&app).await.is_empty());
}

async fn a_csv_import_adds_and_updates_in_one_go(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    add_rate(&mut browser, "2026-01-31", "EUR", "USD", "1.05").await;
    let csv = "date,base,quote,rate\r\n\
               2026-01-31,EUR,USD,1.0845\r\n\
               2026-02-01,EUR,USD,1.09\r\n\
               \r\n\
               2026-02-01,usd,INR,83.125\r\n";
    let posted = import(&mut browser, csv).await;
    posted.redirects_to("/rates");
    browser
        .follow(&posted)
        .await
        .shows(&["Imported 3 rates: 2 added, 1 updated."]);
    assert_eq!(
        table(&app).await,
        [
            "2026-01-31 EUR USD 1.0845 csv",
            "2026-02-01 EUR USD 1.09 csv",
            "2026-02-01 USD INR 83.125 csv",
        ]
    );
    let list = text(&browser.get("/rates").await.body);
    let newest = list.find("2026-02-01").expect("listed");
    let oldest = list.find("2026-01-31").expect("listed");
    assert!(newest < oldest, "newest first: {list}");

    // The same file again only updates.
    let posted = import(&mut browser, csv).await;
    assert!(
        text(&browser.follow(&posted).await.body).contains("Imported 3 rates: 0 added, 3 updated.")
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM exchange_rates").await, 3);
}

async fn one_bad_csv_line_writes_nothing_and_names_each_bad_line(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    add_rate(&mut browser, "2026-01-31", "EUR", "USD", "1.05").await;
    let before = table(&app).await;
    let csv = "2026-01-31,EUR,USD,1.0845\n\
               2026-02-01,EUR,USD,1.09\n\
               2026-02-31,EUR,USD,1.1\n\
               2026-02-02,EUR,GBP\n\
               2026-02-03,EUR,USD,abc\n";
    let posted = import(&mut browser, csv).await;
    posted.redirects_to("/rates");
    let page = browser.follow(&posted).await;
    let shown = page.shows(&[
        "Line 3: “2026-02-31” is not a date like 2026-01-31.",
        "Line 4: expected 4 values (date,base,quote,rate), found 3.",
        "Line 5: Enter a rate using digits and a point",
    ]);
    assert!(!shown.contains("Line 1:") && !shown.contains("Line 2:"));
    assert!(
        page.body.contains("2026-02-02,EUR,GBP"),
        "the text area keeps what was pasted"
    );
    assert_eq!(
        table(&app).await,
        before,
        "nothing written, nothing updated"
    );

    let posted = import(&mut browser, "").await;
    assert!(text(&browser.follow(&posted).await.body).contains("There are no rates in the text."));
    assert_eq!(table(&app).await, before);
}

async fn the_list_filters_by_date_and_currency(backend: Backend) {
    let (_app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let posted = import(
        &mut browser,
        "2026-01-01,EUR,USD,1.1\n2026-01-02,EUR,USD,1.2\n2026-01-03,GBP,JPY,190\n2026-01-04,USD,INR,83\n",
    )
    .await;
    posted.redirects_to("/rates");
    let dated = text(
        &browser
            .get("/rates?from=2026-01-02&to=2026-01-03")
            .await
            .body,
    );
    assert!(
        dated.contains("2026-01-02") && dated.contains("2026-01-03"),
        "{dated}"
    );
    assert!(!dated.contains("2026-01-01 EUR") && !dated.contains("2026-01-04 USD"));
    let usd = text(&browser.get("/rates?currency=USD").await.body);
    assert!(usd.contains("2026-01-01 EUR USD") && usd.contains("2026-01-04 USD INR"));
    assert!(!usd.contains("GBP JPY"), "{usd}");
    browser
        .get("/rates?from=soon")
        .await
        .shows(&["Enter a date like 2026-01-31."]);
}

async fn on_or_before_picks_the_latest_rate_and_inverts_the_reverse_pair(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    app.signed_up("eve@example.org", PASSWORD).await;
    let ada = member_scope(&app, "ada@example.org", Access::Read).await;
    let eve = member_scope(&app, "eve@example.org", Access::Read).await;
    let rate = |raw: &str| Rate::parse(raw).expect("rate");
    let new = |date, base: &str, quote: &str, raw: &str| NewRate {
        date,
        base: base.to_owned(),
        quote: quote.to_owned(),
        rate: rate(raw),
    };
    rates::save_all(
        &app.db,
        &ada,
        &[
            new(date!(2026 - 01 - 01), "EUR", "USD", "1.25"),
            new(date!(2026 - 02 - 01), "EUR", "USD", "1.1"),
            // Stored the other way round on a later date.
            new(date!(2026 - 03 - 01), "USD", "EUR", "0.5"),
        ],
        "manual",
    )
    .await
    .expect("save");
    let look = |org: i64, from: &'static str, to: &'static str, on| {
        let db = app.db.clone();
        async move {
            rates::on_or_before(&db, org, from, to, on)
                .await
                .expect("query")
        }
    };
    let a = ada.org_id;
    assert_eq!(
        look(a, "EUR", "USD", date!(2026 - 01 - 15)).await,
        Some(rate("1.25"))
    );
    assert_eq!(
        look(a, "EUR", "USD", date!(2026 - 02 - 01)).await,
        Some(rate("1.1"))
    );
    assert_eq!(
        look(a, "USD", "EUR", date!(2026 - 01 - 15)).await,
        Some(rate("0.8")),
        "the reverse pair is inverted"
    );
    assert_eq!(
        look(a, "EUR", "USD", date!(2026 - 03 - 02)).await,
        Some(rate("2")),
        "the newest date wins, whichever way it was stored"
    );
    assert_eq!(
        look(a, "EUR", "USD", date!(2025 - 12 - 31)).await,
        None,
        "none before"
    );
    assert_eq!(
        look(a, "GBP", "USD", date!(2026 - 06 - 01)).await,
        None,
        "no such pair"
    );
    assert_eq!(
        look(a, "GBP", "GBP", date!(2026 - 06 - 01)).await,
        Some(rate("1"))
    );
    assert_eq!(
        look(eve.org_id, "EUR", "USD", date!(2026 - 06 - 01)).await,
        None,
        "another organisation's rates are not used"
    );
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    add_rate(&mut ada, "2026-01-31", "EUR", "USD", "1.2345").await;
    let id = scalar(&app, "SELECT id FROM exchange_rates").await;
    let before = table(&app).await;

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let page = eve.get(&format!("/rates/{id}/delete")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("1.2345"), "the page leaks");
    assert!(!eve.get("/rates").await.body.contains("1.2345"));
    let refused = eve
        .post_form("/api/rates/delete", "/rates", &[("id", &id.to_string())])
        .await;
    refused.redirects_to("/rates");
    eve.follow(&refused)
        .await
        .shows(&["We could not find that."]);
    let posted = eve.delete("rates", id).await;
    let page = eve.follow(&posted).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    // Eve's own rate for the same pair and date is hers alone.
    add_rate(&mut eve, "2026-01-31", "EUR", "USD", "9").await;
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM exchange_rates").await, 2);
    assert_eq!(table(&app).await[0], before[0]);
}
