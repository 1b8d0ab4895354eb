//! The dashboard against hand-computed figures on both databases: base-currency and
//! foreign-currency income and spending (each day at its own rate), transfers (neither
//! income nor spending; a cross-currency transfer moves net worth only by its rates),
//! spending by category, net worth at each month's end, and another organisation's user
//! seeing none of it.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::repo::{
    insert_account, insert_eur_usd_rate, insert_expense_category, new_transaction,
};
use common::query::member_scope;
use common::{Backend, PASSWORD, TestApp, assert_shows, text, today};
use florin::ledger::TransactionKind;
use florin::role::{Access, Area};
use florin_app::on_db;
use florin_app::transactions::repo::{NewTransaction, create};
use time::{Date, Duration};

on_both!(
    the_dashboard_adds_up_in_the_base_currency,
    a_new_user_is_invited_to_start_and_sees_no_one_elses_books,
);

fn month_start(date: Date) -> Date {
    date.replace_day(1).expect("day 1")
}

async fn the_dashboard_adds_up_in_the_base_currency(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let s = member_scope(&app, "ada@example.org", Access::Write(Area::Ledger)).await;
    let today = today();
    let this_month = month_start(today);
    let last_month = month_start(this_month - Duration::days(1));

    let checking = insert_account(&app, &s, "Checking", "USD", 100_000).await;
    let savings = insert_account(&app, &s, "Savings", "USD", 0).await;
    let wise = insert_account(&app, &s, "Wise", "EUR", 10_000).await;
    let food = insert_expense_category(&app, &s, "Food shop").await;
    for (on, value) in [
        (
            Date::from_calendar_date(2000, time::Month::January, 1).expect("date"),
            "1",
        ),
        (last_month, "1.1"),
        (this_month, "1.2"),
    ] {
        insert_eur_usd_rate(&app, &s, on, value).await;
    }

    use TransactionKind::{Expense, Income, Transfer};
    let mut rows = vec![
        new_transaction(Income, this_month, 300_000, "USD", checking),
        NewTransaction {
            category_id: Some(food),
            ..new_transaction(Expense, this_month, 12_050, "USD", checking)
        },
        // 50.00 EUR at 1.2: 60.00 USD.
        NewTransaction {
            category_id: Some(food),
            ..new_transaction(Expense, this_month, 5_000, "EUR", wise)
        },
        new_transaction(Expense, this_month, 3_000, "USD", checking),
        NewTransaction {
            counter_account_id: Some(savings),
            counter_amount: Some(50_000),
            ..new_transaction(Transfer, this_month, 50_000, "USD", checking)
        },
        NewTransaction {
            counter_account_id: Some(wise),
            counter_amount: Some(10_000),
            ..new_transaction(Transfer, this_month, 11_000, "USD", checking)
        },
        new_transaction(Expense, last_month, 20_000, "USD", checking),
        // 10.00 EUR at 1.1: 11.00 USD.
        new_transaction(Income, last_month, 1_000, "EUR", wise),
    ];
    for row in rows.drain(..) {
        create(&app.db, &s, &row).await.expect("transaction");
    }

    let page = ada.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = text(&page.body);
    // This month: income 3,000.00; spending 120.50 + 60.00 + 30.00; transfers neither.
    assert_shows(&shown, &["Income $3,000.00 Spending $210.50 Net $2,789.50"]);
    let label = |d: Date| format!("{} {}", &d.month().to_string()[..3], d.year());
    // The cash-flow table, newest month first.
    assert!(
        shown.contains(&format!(
            "{} $3,000.00 $210.50 $2,789.50 {} $11.00 $200.00 -$189.00",
            label(this_month),
            label(last_month)
        )),
        "{shown}"
    );
    // Categories this month: 180.50 of food (86 %) and 30.00 uncategorised (14 %).
    assert_shows(
        &shown,
        &["Food shop $180.50 86 % Uncategorised $30.00 14 %"],
    );
    // Net worth at each month's end. This month: Checking 1,000 + 3,000 − 120.50 − 30
    // − 500 − 110 − 200 = 3,039.50; Savings 500; Wise 100 − 50 + 100 + 10 = 160 EUR at
    // 1.2 = 192.00. Last month: Checking 800 and 110 EUR at 1.1 = 121.00.
    let before = month_start(last_month - Duration::days(1));
    assert!(
        shown.contains(&format!(
            "{} $3,731.50 {} $921.00 {} $1,100.00",
            label(this_month),
            label(last_month),
            label(before)
        )),
        "{shown}"
    );
    // The charts are inline SVG with their captions; the latest transactions and the
    // links to the rest.
    assert!(page.body.contains("<svg"), "inline charts");
    assert!(shown.contains("Income and spending in USD for each of the last 12 months"));
    assert!(shown.contains("Recent transactions"));
    assert_shows(&shown, &["Expense 12050"]);
    assert!(!shown.contains("Left out for want of an exchange rate"));
    assert_shows(&shown, &["No active goals.", "No active debts."]);

    // Without the EUR rates, EUR amounts are left out and the page says so.
    on_db!(&app.db, |pool| {
        sqlx::query("DELETE FROM exchange_rates")
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
    })
    .expect("delete rates");
    ada.get("/").await.shows(&[
        "Left out for want of an exchange rate into USD: EUR.",
        "Spending $150.50",
    ]);
}

async fn a_new_user_is_invited_to_start_and_sees_no_one_elses_books(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let s = member_scope(&app, "ada@example.org", Access::Write(Area::Ledger)).await;
    let checking = insert_account(&app, &s, "Secret checking", "USD", 100_000).await;
    create(
        &app.db,
        &s,
        &new_transaction(TransactionKind::Expense, today(), 4_200, "USD", checking),
    )
    .await
    .expect("transaction");

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let page = eve.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.shows(&["Getting started"]);
    assert!(
        !shown.contains("Secret checking") && !shown.contains("42.00"),
        "{shown}"
    );
    // Signed out: the welcome page, no figures.
    let mut stranger = app.browser();
    stranger
        .get("/")
        .await
        .shows(&["Your money, on your server."]);
}
