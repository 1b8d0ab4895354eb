//! Budgets through the forms a browser without JavaScript posts, on SQLite and
//! PostgreSQL: the budget form and its field errors, entries (a sum above the total is
//! saved with a warning), actual spending by category over the period in the budget's
//! currency, copying to the next period, deleting, and isolation between organisations.

mod common;

use axum::http::StatusCode;
use common::builders::account::add_account;
use common::builders::budget::{add_budget, budget_fields, set_entry};
use common::builders::transaction::add_expense;
use common::query::{category_id, scalar};
use common::{Backend, PASSWORD, TestApp, assert_not_found, assert_shows, record_pages, text};
use florin::planning::copy_to_next_period;
use time::macros::date;

on_both!(
    the_budget_form_shows_field_errors_and_keeps_what_was_typed,
    actuals_are_summed_by_category_over_the_period_in_the_budget_currency,
    entries_above_the_total_are_saved_with_a_warning,
    copying_moves_to_the_next_period_with_the_entries,
    deleting_a_budget_takes_its_entries,
    another_organisation_gets_not_found_and_changes_nothing,
);

async fn the_budget_form_shows_field_errors_and_keeps_what_was_typed(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let form = ada.get("/budgets/new").await;
    assert_eq!(form.status, StatusCode::OK);
    form.has_values(&["USD"]);
    let back = ada
        .submit(
            "/api/budgets/save",
            "/budgets/new",
            &budget_fields(&[
                ("name", ""),
                ("starts_on", "2026-11-30"),
                ("ends_on", "2026-11-01"),
                ("total", "-5"),
            ]),
        )
        .await;
    back.shows(&[
        "Enter a name.",
        "The end date is before the start date.",
        "Amounts cannot be negative.",
    ]);
    back.has_values(&["-5", "2026-11-30"]);
    ada.submit(
        "/api/budgets/save",
        "/budgets/new",
        &budget_fields(&[("starts_on", "30/11/2026"), ("total", "1.234")]),
    )
    .await
    .shows(&[
        "Enter a date like 2026-01-31.",
        "USD amounts have at most 2 decimals.",
    ]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budgets").await, 0);

    let id = add_budget(&mut ada, "November", "2026-11-01", "2026-11-30", "1,000").await;
    let edit = ada.get(&format!("/budgets/{id}/edit")).await;
    edit.has_values(&["1,000.00"]);
    let posted = ada
        .post_form(
            "/api/budgets/save",
            &format!("/budgets/{id}/edit"),
            &budget_fields(&[
                ("id", &id.to_string()),
                ("name", "Late autumn"),
                ("ends_on", "2026-12-15"),
                ("total", "1,200"),
            ]),
        )
        .await;
    posted.redirects_to(&format!("/budgets/{id}"));
    ada.follow(&posted)
        .await
        .shows(&["Budget saved.", "Late autumn", "2026-11-01 – 2026-12-15"]);
    assert!(text(&ada.get("/budgets").await.body).contains("$1,200.00"));
}

async fn actuals_are_summed_by_category_over_the_period_in_the_budget_currency(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let usd = add_account(&app, &mut ada, "Checking", "USD").await;
    let eur = add_account(&app, &mut ada, "Euro account", "EUR").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    let rent = category_id(&app, "Rent").await.to_string();
    let travel = category_id(&app, "Travel").await.to_string();
    let id = add_budget(&mut ada, "November", "2026-11-01", "2026-11-30", "2,000").await;
    set_entry(&mut ada, id, &groceries, "400").await;
    set_entry(&mut ada, id, &rent, "1,200").await;

    add_expense(&mut ada, "2026-11-01", "150", &usd, &groceries).await;
    add_expense(&mut ada, "2026-11-30", "100.50", &usd, &groceries).await;
    add_expense(&mut ada, "2026-11-15", "1,300", &usd, &rent).await;
    add_expense(&mut ada, "2026-11-20", "80", &usd, &travel).await;
    add_expense(&mut ada, "2026-11-21", "25", &usd, "").await;
    // Outside the period, or in another currency: not counted.
    add_expense(&mut ada, "2026-10-31", "999", &usd, &groceries).await;
    add_expense(&mut ada, "2026-12-01", "999", &usd, &groceries).await;
    add_expense(&mut ada, "2026-11-10", "999", &eur, &groceries).await;

    let page = ada.get(&format!("/budgets/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.shows(&[
        "Groceries $400.00 $250.50 $149.50 62 %",
        "Rent $1,200.00 $1,300.00 -$100.00 108 % · over",
        "Travel — $80.00 — not planned",
        "Uncategorised — $25.00",
        "Total $2,000.00 $1,655.50 $344.50",
        "Actual spending counts expenses in USD",
    ]);
    assert!(page.body.contains("aria-valuenow=\"62\""));
    assert!(!shown.contains("Warning"), "{shown}");

    // Setting an entry again replaces it; removing it leaves the spending as unplanned.
    let shown = set_entry(&mut ada, id, &groceries, "250.50").await;
    assert_shows(&shown, &["Groceries $250.50 $250.50 $0.00 100 %"]);
    let removed = ada
        .post_form(
            "/api/budgets/entry/remove",
            &format!("/budgets/{id}"),
            &[("budget_id", &id.to_string()), ("category_id", &rent)],
        )
        .await;
    ada.follow(&removed)
        .await
        .shows(&["Entry removed.", "Rent — $1,300.00 — not planned"]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budget_entries").await, 1);

    // Entry field errors come back on the budget's page, as typed.
    let salary = category_id(&app, "Salary").await.to_string();
    let back = ada
        .submit(
            "/api/budgets/entry",
            &format!("/budgets/{id}"),
            &[
                ("budget_id", &id.to_string()),
                ("category_id", &salary),
                ("amount", "-3"),
            ],
        )
        .await;
    back.shows(&[
        "Choose a category from the list.",
        "Amounts cannot be negative.",
    ]);
    back.has_values(&["-3"]);
}

async fn entries_above_the_total_are_saved_with_a_warning(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_budget(&mut ada, "Trip", "2026-07-01", "2026-07-14", "500").await;
    let travel = category_id(&app, "Travel").await.to_string();
    let food = category_id(&app, "Food").await.to_string();
    let shown = set_entry(&mut ada, id, &travel, "400").await;
    assert!(!shown.contains("Warning"), "{shown}");
    let shown = set_entry(&mut ada, id, &food, "150.25").await;
    assert_shows(
        &shown,
        &[
            "Entry saved.",
            "Warning: the entries add up to $550.25, $50.25 more than the total of $500.00.",
        ],
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budget_entries").await, 2);
    assert!(text(&ada.get("/budgets").await.body).contains("above the total"));
}

async fn copying_moves_to_the_next_period_with_the_entries(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    let id = add_budget(&mut ada, "Winter", "2024-01-01", "2024-01-31", "900").await;
    set_entry(&mut ada, id, &groceries, "300").await;
    // With entries set, the currency is fixed.
    ada.submit(
        "/api/budgets/save",
        &format!("/budgets/{id}/edit"),
        &budget_fields(&[
            ("id", &id.to_string()),
            ("name", "Winter"),
            ("currency", "JPY"),
            ("starts_on", "2024-01-01"),
            ("ends_on", "2024-01-31"),
            ("total", "900"),
        ]),
    )
    .await
    .shows(&["The currency cannot change once entries are set"]);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM budgets WHERE currency = 'USD'").await,
        1
    );
    ada.get(&format!("/budgets/{id}"))
        .await
        .shows(&["A new budget for 2024-02-01 – 2024-02-29"]);
    let posted = ada
        .post_form(
            "/api/budgets/copy",
            &format!("/budgets/{id}"),
            &[("id", &id.to_string())],
        )
        .await;
    let location = posted.location.clone().expect("redirect");
    assert_ne!(location, format!("/budgets/{id}"));
    let copy = ada.follow(&posted).await;
    let shown = copy.shows(&["Budget copied to the next period."]);
    assert!(
        shown.contains("2024-02-01 – 2024-02-29"),
        "leap February: {shown}"
    );
    assert_shows(&shown, &["Groceries $300.00"]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budget_entries").await, 2);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM budgets WHERE total = 90000").await,
        2
    );

    // A span that is not whole months keeps its length: 10 days become the next 10.
    let trip = add_budget(&mut ada, "Trip", "2024-02-25", "2024-03-05", "100").await;
    ada.submit(
        "/api/budgets/copy",
        &format!("/budgets/{trip}"),
        &[("id", &trip.to_string())],
    )
    .await
    .shows(&["2024-03-06 – 2024-03-15"]);

    // The domain function over the 29 February boundary.
    assert_eq!(
        copy_to_next_period(date!(2024 - 02 - 01), date!(2024 - 02 - 29)),
        Ok((date!(2024 - 03 - 01), date!(2024 - 03 - 31)))
    );
    assert_eq!(
        copy_to_next_period(date!(2024 - 02 - 20), date!(2024 - 02 - 29)),
        Ok((date!(2024 - 03 - 01), date!(2024 - 03 - 10)))
    );
    assert_eq!(
        copy_to_next_period(date!(2023 - 12 - 01), date!(2024 - 02 - 29)),
        Ok((date!(2024 - 03 - 01), date!(2024 - 05 - 31)))
    );
}

async fn deleting_a_budget_takes_its_entries(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_budget(&mut ada, "November", "2026-11-01", "2026-11-30", "100").await;
    let bills = category_id(&app, "Bills").await.to_string();
    set_entry(&mut ada, id, &bills, "50").await;
    let confirm = ada.get(&format!("/budgets/{id}/delete")).await;
    confirm.shows(&["Delete November (2026-11-01 – 2026-11-30)"]);
    let posted = ada.delete("budgets", id).await;
    posted.redirects_to("/budgets");
    assert!(text(&ada.follow(&posted).await.body).contains("Budget deleted."));
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budgets").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budget_entries").await, 0);
    assert_eq!(
        ada.get(&format!("/budgets/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    let id = add_budget(&mut ada, "Secret plan", "2026-11-01", "2026-11-30", "100").await;
    set_entry(&mut ada, id, &groceries, "50").await;
    let id_s = id.to_string();

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    assert_not_found(&mut eve, &record_pages("budgets", id), "Secret plan").await;
    assert!(!eve.get("/budgets").await.body.contains("Secret plan"));
    let page = format!("/budgets/{id}");
    eve.post_form(
        "/api/budgets/save",
        &page,
        &budget_fields(&[("id", &id_s), ("name", "Mine"), ("total", "1")]),
    )
    .await;
    eve.post_form(
        "/api/budgets/entry",
        &page,
        &[
            ("budget_id", &id_s),
            ("category_id", &groceries),
            ("amount", "1"),
        ],
    )
    .await;
    eve.post_form(
        "/api/budgets/entry/remove",
        &page,
        &[("budget_id", &id_s), ("category_id", &groceries)],
    )
    .await;
    eve.post_form("/api/budgets/copy", &page, &[("id", &id_s)])
        .await;
    eve.post_form("/api/budgets/delete", &page, &[("id", &id_s)])
        .await;
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budgets").await, 1);
    assert_eq!(
        scalar(&app, "SELECT total FROM budgets").await,
        10_000,
        "unchanged"
    );
    assert_eq!(
        scalar(&app, "SELECT amount FROM budget_entries").await,
        5_000
    );
    // Nor can Eve plan with Ada's category in her own budget.
    let own = add_budget(&mut eve, "Eve's", "2026-11-01", "2026-11-30", "100").await;
    eve.submit(
        "/api/budgets/entry",
        &format!("/budgets/{own}"),
        &[
            ("budget_id", &own.to_string()),
            ("category_id", &groceries),
            ("amount", "1"),
        ],
    )
    .await
    .shows(&["Choose a category from the list."]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM budget_entries").await, 1);
}
