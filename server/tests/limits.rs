//! Category limits through the forms a browser without JavaScript posts, on SQLite and
//! PostgreSQL: the limit form and its field errors, the month's spending and its progress
//! bar, exactly one notice per category, level and month however the ledger is written
//! (insert, edit back and forth, delete), what does not count (another currency, another
//! category, another month), and isolation between organisations.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::account::add_account;
use common::builders::limit::{post_limit, set_limit};
use common::builders::organisation::add_to_household;
use common::builders::repo::new_transaction;
use common::builders::transaction::{post_new_transaction, save_market_expense};
use common::query::{category_id, scalar, texts, user_id};
use common::{Backend, PASSWORD, TestApp, assert_not_found, assert_shows, text, today};
use florin::ledger::TransactionKind;
use florin::role::{Access, Area, MemberRole, Rights};
use florin_app::error::AppError;
use florin_app::on_db;
use florin_app::orgs::repo::scope;
use florin_app::transactions::repo::{self as tx_repo, NewTransaction};
use time::macros::date;

on_both!(
    the_limit_form_shows_field_errors_and_keeps_what_was_typed,
    passing_the_threshold_notifies_once_and_editing_back_and_forth_does_not_repeat,
    a_new_month_notifies_again,
    deleting_expenses_and_limits,
    other_currencies_and_categories_do_not_count,
    the_stored_date_decides_the_month_whatever_the_time_zone,
    another_organisation_gets_not_found_and_changes_nothing,
    every_member_gets_one_notice_and_limits_need_the_budgets_right,
);

/// How many expense alerts have been sent, to anyone.
async fn notices(app: &TestApp) -> i64 {
    scalar(
        app,
        "SELECT COUNT(*) FROM notifications WHERE kind = 'expense_alert'",
    )
    .await
}

async fn the_limit_form_shows_field_errors_and_keeps_what_was_typed(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let form = ada.get("/limits/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"80\""), "alert defaults to 80 %");
    assert!(text(&form.body).contains("Only expenses in this currency count"));

    let posted = post_limit(&mut ada, "", "", "12.345", "150").await;
    let back = ada.follow(&posted).await;
    back.shows(&[
        "Choose an expense category.",
        "USD amounts have at most 2 decimals.",
    ]);
    back.has_values(&["12.345", "150"]);

    let groceries = category_id(&app, "Groceries").await.to_string();
    let salary = category_id(&app, "Salary").await.to_string();
    for (field, value, message) in [
        (
            "alert_pct",
            "150",
            "The alert threshold is a whole percentage from 1 to 100.",
        ),
        (
            "alert_pct",
            "0",
            "The alert threshold is a whole percentage from 1 to 100.",
        ),
        (
            "alert_pct",
            "eighty",
            "The alert threshold is a whole percentage from 1 to 100.",
        ),
        ("amount", "0", "A limit must be more than zero."),
        ("amount", "-5", "A limit must be more than zero."),
        ("amount", "", "Enter an amount."),
        (
            "category_id",
            salary.as_str(),
            "Choose a category from the list.",
        ),
    ] {
        let mut fields = vec![
            ("id", ""),
            ("category_id", groceries.as_str()),
            ("amount", "400"),
            ("currency", "USD"),
            ("alert_pct", "80"),
        ];
        if let Some(f) = fields.iter_mut().find(|(n, _)| *n == field) {
            f.1 = value;
        }
        let shown = ada
            .submit("/api/limits/save", "/limits/new", &fields)
            .await
            .text();
        assert!(shown.contains(message), "{field}={value}: {shown}");
    }
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM category_limits").await,
        0
    );

    set_limit(&mut ada, "", &groceries, "400", "").await;
    assert_eq!(
        scalar(&app, "SELECT alert_pct FROM category_limits").await,
        80,
        "a blank threshold is 80 %"
    );
    assert_eq!(
        scalar(&app, "SELECT amount FROM category_limits").await,
        40_000
    );
    // A second limit on the same category is refused on the field.
    let posted = post_limit(&mut ada, "", &groceries, "50", "90").await;
    ada.follow(&posted)
        .await
        .shows(&["This category already has a limit"]);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM category_limits").await,
        1
    );

    // Editing keeps the id and shows the stored values.
    let id = scalar(&app, "SELECT id FROM category_limits")
        .await
        .to_string();
    let edit = ada.get(&format!("/limits/{id}/edit")).await;
    edit.has_values(&["400.00"]);
    set_limit(&mut ada, &id, &groceries, "450.50", "90").await;
    assert_eq!(
        scalar(&app, "SELECT amount FROM category_limits").await,
        45_050
    );
    assert_eq!(
        scalar(&app, "SELECT alert_pct FROM category_limits").await,
        90
    );
    ada.get("/limits").await.shows(&["Groceries", "$450.50"]);
}

async fn passing_the_threshold_notifies_once_and_editing_back_and_forth_does_not_repeat(
    backend: Backend,
) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    set_limit(&mut ada, "", &groceries, "100", "80").await;
    let today = today().to_string();

    save_market_expense(&app, &mut ada, "", &today, "50", &account, &groceries).await;
    assert_eq!(notices(&app).await, 0, "50 % is under the threshold");
    let second = save_market_expense(&app, &mut ada, "", &today, "35", &account, &groceries).await;
    assert_eq!(notices(&app).await, 1, "85 % passes the 80 % threshold");

    // Down under the threshold and back over it: still one notice.
    save_market_expense(&app, &mut ada, &second, &today, "10", &account, &groceries).await;
    save_market_expense(&app, &mut ada, &second, &today, "35", &account, &groceries).await;
    save_market_expense(&app, &mut ada, &second, &today, "5", &account, &groceries).await;
    save_market_expense(&app, &mut ada, &second, &today, "30", &account, &groceries).await;
    assert_eq!(
        notices(&app).await,
        1,
        "editing back and forth does not spam"
    );

    let page = ada.get("/limits").await;
    let shown = page.shows(&["80 %", "alert threshold reached"]);
    assert!(page.body.contains("role=\"progressbar\""));
    assert!(page.body.contains("aria-valuenow=\"80\""), "{}", page.body);
    assert!(shown.contains("$20.00"), "remaining: {shown}");

    // Reaching the limit itself is the second notice, once.
    let third = save_market_expense(&app, &mut ada, "", &today, "20", &account, &groceries).await;
    assert_eq!(notices(&app).await, 2, "100 % reaches the limit");
    save_market_expense(&app, &mut ada, &third, &today, "1", &account, &groceries).await;
    save_market_expense(&app, &mut ada, &third, &today, "40", &account, &groceries).await;
    assert_eq!(notices(&app).await, 2);
    let month = &today[..7];
    let keys = texts(
        &app,
        "SELECT dedup_key FROM notifications WHERE kind = 'expense_alert' ORDER BY id",
    )
    .await;
    assert_eq!(
        keys,
        vec![
            format!("limit:{groceries}:{month}:warning"),
            format!("limit:{groceries}:{month}:exceeded"),
        ]
    );
    let page = ada.get("/limits").await;
    page.shows(&["120 %", "limit reached", "-$20.00"]);
    assert!(page.body.contains("aria-valuenow=\"100\""));

    ada.get("/notifications").await.shows(&[
        "Groceries: 80 % of the monthly limit reached",
        "Groceries: monthly limit reached",
        "$100.00 spent of $100.00",
    ]);
    assert_eq!(
        texts(
            &app,
            "SELECT action_link FROM notifications WHERE kind = 'expense_alert'"
        )
        .await,
        vec!["/limits".to_owned(), "/limits".to_owned()]
    );
}

async fn a_new_month_notifies_again(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let food = category_id(&app, "Food").await.to_string();
    set_limit(&mut ada, "", &food, "200", "50").await;
    save_market_expense(&app, &mut ada, "", "2026-09-10", "120", &account, &food).await;
    assert_eq!(notices(&app).await, 1);
    save_market_expense(&app, &mut ada, "", "2026-10-10", "99.99", &account, &food).await;
    assert_eq!(notices(&app).await, 1, "49.99 % in October");
    save_market_expense(&app, &mut ada, "", "2026-10-11", "0.01", &account, &food).await;
    assert_eq!(notices(&app).await, 2, "exactly 50 % counts as reached");
    let october = ada.get("/limits?month=2026-10").await;
    let shown = october.shows(&["Spending in October 2026"]);
    assert!(
        shown.contains("Food $100.00 $200.00"),
        "spent and limit: {shown}"
    );
    assert_shows(&shown, &["50 % · alert threshold reached"]);
    assert!(october.body.contains("href=\"/limits?month=2026-09\""));
    assert!(october.body.contains("href=\"/limits?month=2026-11\""));
    ada.get("/limits?month=2026-09")
        .await
        .shows(&["Spending in September 2026", "60 %"]);
    // One expense that jumps past both levels at once notifies both.
    save_market_expense(&app, &mut ada, "", "2026-08-01", "250", &account, &food).await;
    assert_eq!(notices(&app).await, 4);
    let keys = texts(
        &app,
        "SELECT dedup_key FROM notifications WHERE kind = 'expense_alert' ORDER BY dedup_key",
    )
    .await;
    assert_eq!(
        keys,
        vec![
            format!("limit:{food}:2026-08:exceeded"),
            format!("limit:{food}:2026-08:warning"),
            format!("limit:{food}:2026-09:warning"),
            format!("limit:{food}:2026-10:warning"),
        ]
    );
}

async fn deleting_expenses_and_limits(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let bills = category_id(&app, "Bills").await.to_string();
    set_limit(&mut ada, "", &bills, "100", "80").await;
    let big = save_market_expense(&app, &mut ada, "", "2026-10-05", "90", &account, &bills).await;
    assert_eq!(notices(&app).await, 1);
    let posted = ada
        .post_form("/api/transactions/delete", "/transactions", &[("id", &big)])
        .await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    // The month is back at zero; passing the threshold again in it does not repeat.
    save_market_expense(&app, &mut ada, "", "2026-10-06", "85", &account, &bills).await;
    assert_eq!(notices(&app).await, 1);

    let id = scalar(&app, "SELECT id FROM category_limits")
        .await
        .to_string();
    let confirm = ada.get(&format!("/limits/{id}/delete")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(text(&confirm.body).contains("Delete the monthly limit of Bills"));
    let posted = ada.delete("limits", &id).await;
    posted.redirects_to("/limits");
    assert!(text(&ada.follow(&posted).await.body).contains("Limit deleted."));
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM category_limits").await,
        0
    );
    save_market_expense(&app, &mut ada, "", "2026-11-06", "500", &account, &bills).await;
    assert_eq!(notices(&app).await, 1, "no limit, no notice");
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM notifications").await,
        1,
        "notices already sent stay"
    );
    let again = ada.get(&format!("/limits/{id}/edit")).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
}

async fn other_currencies_and_categories_do_not_count(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let usd = add_account(&app, &mut ada, "Checking", "USD").await;
    let eur = add_account(&app, &mut ada, "Euro account", "EUR").await;
    let rent = category_id(&app, "Rent").await.to_string();
    let travel = category_id(&app, "Travel").await.to_string();
    set_limit(&mut ada, "", &rent, "1000", "80").await;
    save_market_expense(&app, &mut ada, "", "2026-10-01", "5000", &eur, &rent).await;
    save_market_expense(&app, &mut ada, "", "2026-10-01", "5000", &usd, &travel).await;
    let salary = category_id(&app, "Salary").await.to_string();
    let income = post_new_transaction(
        &mut ada,
        &[
            ("kind", "income"),
            ("date", "2026-10-01"),
            ("amount", "5000"),
            ("account_id", &usd),
            ("category_id", &salary),
        ],
    )
    .await;
    income.redirects_to("/transactions");
    assert_eq!(notices(&app).await, 0);

    // Moving the travel expense into Rent counts it; moving it out again does not notify.
    let moved = scalar(
        &app,
        &format!("SELECT id FROM transactions WHERE category_id = {travel}"),
    )
    .await
    .to_string();
    save_market_expense(&app, &mut ada, &moved, "2026-10-02", "900", &usd, &rent).await;
    assert_eq!(notices(&app).await, 1, "90 % of the rent limit");
    save_market_expense(&app, &mut ada, &moved, "2026-10-02", "900", &usd, &travel).await;
    save_market_expense(&app, &mut ada, &moved, "2026-10-02", "900", &eur, &rent).await;
    assert_eq!(notices(&app).await, 1);
    // Moving it into another month of the category is that month's first notice.
    save_market_expense(&app, &mut ada, &moved, "2026-09-30", "1000", &usd, &rent).await;
    assert_eq!(notices(&app).await, 3);
}

async fn the_stored_date_decides_the_month_whatever_the_time_zone(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    on_db!(&app.db, |pool| sqlx::query(
        "UPDATE profiles SET time_zone = 'Pacific/Kiritimati'"
    )
    .execute(pool)
    .await
    .map(|_| ()))
    .expect("time zone");
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let health = category_id(&app, "Health").await.to_string();
    set_limit(&mut ada, "", &health, "100", "80").await;
    save_market_expense(&app, &mut ada, "", "2026-10-31", "60", &account, &health).await;
    save_market_expense(&app, &mut ada, "", "2026-11-01", "60", &account, &health).await;
    assert_eq!(
        notices(&app).await,
        0,
        "60 % in each month, not 120 % in one"
    );
    save_market_expense(&app, &mut ada, "", "2026-10-31", "20", &account, &health).await;
    assert_eq!(
        texts(&app, "SELECT dedup_key FROM notifications").await,
        vec![format!("limit:{health}:2026-10:warning")]
    );
    save_market_expense(&app, &mut ada, "", "2026-12-01", "100", &account, &health).await;
    save_market_expense(&app, &mut ada, "", "2026-11-30", "40", &account, &health).await;
    let keys = texts(
        &app,
        "SELECT dedup_key FROM notifications ORDER BY dedup_key",
    )
    .await;
    assert_eq!(
        keys,
        vec![
            format!("limit:{health}:2026-10:warning"),
            format!("limit:{health}:2026-11:exceeded"),
            format!("limit:{health}:2026-11:warning"),
            format!("limit:{health}:2026-12:exceeded"),
            format!("limit:{health}:2026-12:warning"),
        ]
    );
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    set_limit(&mut ada, "", &groceries, "321", "80").await;
    let id = scalar(&app, "SELECT id FROM category_limits")
        .await
        .to_string();

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let paths = [format!("/limits/{id}/edit"), format!("/limits/{id}/delete")];
    assert_not_found(&mut eve, &paths, "321").await;
    assert!(!text(&eve.get("/limits").await.body).contains("$321.00"));
    let edit = post_limit(&mut eve, &id, &groceries, "1", "80").await;
    assert_ne!(edit.location.as_deref(), Some("/limits"));
    let delete = eve.delete("limits", &id).await;
    assert_ne!(delete.location.as_deref(), Some("/limits"));
    // Nor can Eve put a limit on Ada's category.
    let new = post_limit(&mut eve, "", &groceries, "1", "80").await;
    eve.follow(&new)
        .await
        .shows(&["Choose a category from the list."]);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM category_limits").await,
        1
    );
    assert_eq!(
        scalar(&app, "SELECT amount FROM category_limits").await,
        32_100
    );

    // Ada's spending notifies Ada only.
    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    save_market_expense(
        &app,
        &mut ada,
        "",
        "2026-10-01",
        "300",
        &account,
        &groceries,
    )
    .await;
    assert_eq!(notices(&app).await, 1);
    assert!(!text(&eve.get("/notifications").await.body).contains("Groceries"));
}

async fn every_member_gets_one_notice_and_limits_need_the_budgets_right(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    app.signed_up("bob@example.org", PASSWORD).await;
    let ada_id = user_id(&app, "ada@example.org").await;
    let bob_id = user_id(&app, "bob@example.org").await;
    let household = add_to_household(
        &app,
        "ada@example.org",
        "bob@example.org",
        MemberRole::Member,
        Rights::NONE.with(Area::Ledger),
    )
    .await;
    // Bob may record expenses but not set limits.
    assert_eq!(
        scope(&app.db, bob_id, household, Access::Write(Area::Budgets)).await,
        Err(AppError::Forbidden)
    );
    let bob = scope(&app.db, bob_id, household, Access::Write(Area::Ledger))
        .await
        .expect("bob writes the ledger");

    let account = add_account(&app, &mut ada, "Checking", "USD").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    set_limit(&mut ada, "", &groceries, "100", "80").await;
    let new = |amount: i64| NewTransaction {
        category_id: Some(groceries.parse().expect("id")),
        payee: "Market".into(),
        ..new_transaction(
            TransactionKind::Expense,
            date!(2026 - 10 - 15),
            amount,
            "USD",
            account.parse().expect("id"),
        )
    };
    let first = tx_repo::create(&app.db, &bob, &new(8_000))
        .await
        .expect("expense");
    assert_eq!(notices(&app).await, 2, "one copy for Ada, one for Bob");
    tx_repo::update(&app.db, &bob, first, &new(1_000))
        .await
        .expect("down");
    tx_repo::update(&app.db, &bob, first, &new(9_000))
        .await
        .expect("up");
    assert_eq!(notices(&app).await, 2);
    for user in [ada_id, bob_id] {
        assert_eq!(
            scalar(
                &app,
                &format!("SELECT COUNT(*) FROM notifications WHERE user_id = {user}")
            )
            .await,
            1
        );
    }
}
