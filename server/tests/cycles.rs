//! Cycles and expense templates through the forms a browser without JavaScript posts, on
//! SQLite and PostgreSQL: template and cycle forms with their field errors, expected
//! expenses generated from the active templates (weekly, every N days, monthly, per
//! cycle) across a month end and 29 February 2028, expected versus actual spending by
//! category, draft → active → completed, a completed cycle refusing every change (plain
//! post and hydrated call alike), and isolation between organisations.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::account::add_account;
use common::builders::cycle::{add_cycle, add_template, cycle_fields, template_fields};
use common::builders::transaction::add_expense;
use common::query::{category_id, scalar, text_of};
use common::{Backend, Browser, PASSWORD, TestApp, assert_not_found, assert_shows, text};

const READ_ONLY: &str = "This cycle is completed and can no longer be changed.";

on_both!(
    templates_are_added_edited_switched_off_and_deleted,
    a_cycle_from_templates_lists_every_date_each_template_falls_on,
    expected_and_actual_spending_are_compared_by_category,
    the_cycle_form_checks_length_and_fields_and_the_status_moves_forward,
    a_completed_cycle_refuses_every_change,
    another_organisation_gets_not_found_and_changes_nothing,
);

/// Asks from `cycle`'s page to move it to `status`; returns the page it goes back to, as
/// text.
async fn set_status(browser: &mut Browser, cycle: i64, status: &str) -> String {
    let page = format!("/cycles/{cycle}");
    let posted = browser
        .post_form(
            "/api/cycles/status",
            &page,
            &[("id", &cycle.to_string()), ("status", status)],
        )
        .await;
    posted.redirects_to(&page);
    text(&browser.follow(&posted).await.body)
}

async fn templates_are_added_edited_switched_off_and_deleted(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let form = ada.get("/templates/new").await;
    assert_eq!(form.status, StatusCode::OK);
    form.has_values(&["USD"]);
    let salary = category_id(&app, "Salary").await.to_string();
    let back = ada
        .submit(
            "/api/templates/save",
            "/templates/new",
            &template_fields(&[
                ("name", ""),
                ("amount", "-5"),
                ("category_id", &salary),
                ("frequency", "every_n_days"),
                ("every_days", "0"),
                ("starts_on", "31/01/2026"),
            ]),
        )
        .await;
    back.shows(&[
        "Enter a name.",
        "Amounts cannot be negative.",
        "Choose a category from the list.",
        "Repeat at least every 1 day.",
        "Enter a date like 2026-01-31.",
    ]);
    back.has_values(&["-5", "31/01/2026"]);
    ada.submit(
        "/api/templates/save",
        "/templates/new",
        &template_fields(&[
            ("category_id", ""),
            ("frequency", "fortnightly"),
            ("amount", "1.234"),
        ]),
    )
    .await
    .shows(&[
        "Choose an expense category.",
        "Choose how often the expense repeats.",
        "USD amounts have at most 2 decimals.",
    ]);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM expense_templates").await,
        0
    );

    let rent = category_id(&app, "Rent").await.to_string();
    let id = add_template(
        &app,
        &mut ada,
        &[
            ("category_id", &rent),
            ("description", "Flat on Elm Street"),
            ("starts_on", "2026-01-31"),
        ],
    )
    .await;
    assert_eq!(
        scalar(&app, "SELECT frequency_value FROM expense_templates").await,
        31,
        "monthly on the first date's day"
    );
    ada.get("/templates").await.shows(&[
        "Template added.",
        "Rent Flat on Elm Street $1,200.00 Rent — Monthly on day 31 from 2026-01-31 Active",
    ]);
    let edit = ada.get(&format!("/templates/{id}/edit")).await;
    edit.has_values(&["1,200.00"]);
    let id_s = id.to_string();
    let education = category_id(&app, "Education").await.to_string();
    let posted = ada
        .post_form(
            "/api/templates/save",
            &format!("/templates/{id}/edit"),
            &template_fields(&[
                ("id", &id_s),
                ("name", "Piano lesson"),
                ("amount", "45"),
                ("category_id", &education),
                ("frequency", "every_n_days"),
                ("every_days", "14"),
                ("starts_on", "2026-02-03"),
            ]),
        )
        .await;
    posted.redirects_to("/templates");
    ada.follow(&posted).await.shows(&[
        "Template saved.",
        "Piano lesson $45.00 Education — Every 14 days from 2026-02-03 Active",
    ]);

    ada.submit(
        "/api/templates/active",
        "/templates",
        &[("id", &id_s), ("active", "false")],
    )
    .await
    .shows(&["Template deactivated.", "Inactive Activate"]);
    assert!(
        ada.submit(
            "/api/templates/active",
            "/templates",
            &[("id", &id_s), ("active", "true")]
        )
        .await
        .text()
        .contains("Template activated.")
    );

    ada.get(&format!("/templates/{id}/delete"))
        .await
        .shows(&["Delete Piano lesson (Every 14 days from 2026-02-03)?"]);
    let posted = ada.delete("templates", &id_s).await;
    posted.redirects_to("/templates");
    assert!(text(&ada.follow(&posted).await.body).contains("Template deleted."));
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM expense_templates").await,
        0
    );
    assert_eq!(
        ada.get(&format!("/templates/{id}/edit")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn a_cycle_from_templates_lists_every_date_each_template_falls_on(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    let rent = category_id(&app, "Rent").await.to_string();
    let bills = category_id(&app, "Bills").await.to_string();
    // The cycle runs 2028-01-31 to 2028-03-12: a month end, then all of a leap February.
    for (name, amount, category, frequency, every_days) in [
        ("Groceries", "100", &groceries, "weekly", None),
        ("Fuel", "40", &bills, "every_n_days", Some("10")),
        ("Rent", "1,000", &rent, "monthly", None),
        ("Insurance", "75.50", &bills, "per_cycle", None),
    ] {
        let mut fields = vec![
            ("starts_on", "2028-01-31"),
            ("name", name),
            ("amount", amount),
            ("category_id", category.as_str()),
            ("frequency", frequency),
        ];
        fields.extend(every_days.map(|days| ("every_days", days)));
        add_template(&app, &mut ada, &fields).await;
    }
    // Not used: switched off, in another currency, or starting after the cycle.
    let off = add_template(
        &app,
        &mut ada,
        &[
            ("name", "Gym"),
            ("category_id", &bills),
            ("frequency", "weekly"),
        ],
    )
    .await;
    ada.post_form(
        "/api/templates/active",
        "/templates",
        &[("id", &off.to_string()), ("active", "false")],
    )
    .await;
    add_template(
        &app,
        &mut ada,
        &[
            ("name", "Euro rent"),
            ("currency", "EUR"),
            ("category_id", &rent),
        ],
    )
    .await;
    add_template(
        &app,
        &mut ada,
        &[
            ("name", "Later"),
            ("category_id", &rent),
            ("frequency", "per_cycle"),
            ("starts_on", "2028-03-13"),
        ],
    )
    .await;

    let (id, shown) = add_cycle(&mut ada, &[]).await;
    assert_shows(
        &shown,
        &[
            "Cycle added with 14 expected expenses from 4 templates.",
            "2028-01-31 – 2028-03-12 (42 days)",
        ],
    );
    let count = |name: &str| {
        format!("SELECT COUNT(*) FROM cycle_expenses WHERE cycle_id = {id} AND name = '{name}'")
    };
    assert_eq!(scalar(&app, &count("Groceries")).await, 6, "weekly");
    assert_eq!(scalar(&app, &count("Fuel")).await, 5, "every 10 days");
    assert_eq!(scalar(&app, &count("Rent")).await, 2, "monthly");
    assert_eq!(scalar(&app, &count("Insurance")).await, 1, "per cycle");
    assert_eq!(
        text_of(
            &app,
            "SELECT CAST(due_on AS TEXT) FROM cycle_expenses WHERE name = 'Rent' ORDER BY due_on DESC"
        )
        .await,
        "2028-02-29",
        "the 31st falls on the leap day in February"
    );
    assert_shows(
        &shown,
        &[
            "2028-02-29 Rent Rent — $1,000.00",
            "2028-03-11 Fuel Bills — $40.00",
        ],
    );
    // Expected 600 + 200 + 2,000 + 75.50 against an income of 4,000.
    assert_shows(
        &shown,
        &[
            "Expected income $4,000.00 Expected expenses $2,875.50 Planned to be left $1,124.50",
            "Draft",
        ],
    );

    // Without the box ticked, a cycle starts empty.
    let (other, shown) = add_cycle(&mut ada, &[("name", "Bare"), ("generate", "")]).await;
    assert_shows(&shown, &["Cycle added."]);
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT COUNT(*) FROM cycle_expenses WHERE cycle_id = {other}")
        )
        .await,
        0
    );

    // Removing one expected expense from a draft.
    let expense = scalar(
        &app,
        &format!("SELECT MIN(id) FROM cycle_expenses WHERE cycle_id = {id} AND name = 'Insurance'"),
    )
    .await;
    ada.submit(
        "/api/cycles/expenses/remove",
        &format!("/cycles/{id}"),
        &[("cycle_id", &id.to_string()), ("id", &expense.to_string())],
    )
    .await
    .shows(&["Expected expense removed.", "Expected expenses $2,800.00"]);
    ada.get("/cycles")
        .await
        .shows(&["Winter 2028-01-31 – 2028-03-12 (42 days) Draft $4,000.00 $2,800.00"]);
}

async fn expected_and_actual_spending_are_compared_by_category(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let usd = add_account(&app, &mut ada, "Checking", "USD").await;
    let eur = add_account(&app, &mut ada, "Euro account", "EUR").await;
    let groceries = category_id(&app, "Groceries").await.to_string();
    let rent = category_id(&app, "Rent").await.to_string();
    let travel = category_id(&app, "Travel").await.to_string();
    // Rent on the 1st: 2026-11-01 and 2026-12-01. Groceries weekly from Monday
    // 2026-11-02: the 2nd, 9th, 16th, 23rd, 30th and 7 December.
    add_template(
        &app,
        &mut ada,
        &[("category_id", &rent), ("starts_on", "2026-11-01")],
    )
    .await;
    add_template(
        &app,
        &mut ada,
        &[
            ("name", "Groceries"),
            ("amount", "100"),
            ("category_id", &groceries),
            ("frequency", "weekly"),
            ("starts_on", "2026-11-02"),
        ],
    )
    .await;
    let (id, _) = add_cycle(&mut ada, &[("starts_on", "2026-11-01")]).await;

    add_expense(&mut ada, "2026-11-01", "1,200", &usd, &rent).await;
    add_expense(&mut ada, "2026-12-01", "1,250", &usd, &rent).await;
    add_expense(&mut ada, "2026-11-05", "150", &usd, &groceries).await;
    add_expense(&mut ada, "2026-12-12", "99.50", &usd, &groceries).await;
    add_expense(&mut ada, "2026-11-20", "80", &usd, &travel).await;
    add_expense(&mut ada, "2026-11-21", "25", &usd, "").await;
    // Outside the cycle, or in another currency: not counted.
    add_expense(&mut ada, "2026-10-31", "999", &usd, &groceries).await;
    add_expense(&mut ada, "2026-12-13", "999", &usd, &rent).await;
    add_expense(&mut ada, "2026-11-10", "999", &eur, &groceries).await;

    let page = ada.get(&format!("/cycles/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.shows(&["2026-11-01 – 2026-12-12 (42 days)"]);
    // 249.50 of 600 is 41.58 %: shown as 41.
    assert_shows(
        &shown,
        &[
            "Groceries $600.00 $249.50 $350.50 41 %",
            "Rent $2,400.00 $2,450.00 -$50.00 102 % · over",
            "Travel $0.00 $80.00 -$80.00 not expected",
            "Uncategorised $0.00 $25.00 -$25.00 not expected",
            "Total $3,000.00 $2,804.50 $195.50",
            "Expected income $4,000.00 Expected expenses $3,000.00 Planned to be left $1,000.00 \
             Actually spent $2,804.50 Left of the income $1,195.50",
        ],
    );
    assert!(page.body.contains("aria-valuenow=\"41\""));
}

async fn the_cycle_form_checks_length_and_fields_and_the_status_moves_forward(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let form = ada.get("/cycles/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"42\""), "the default length");
    form.has_values(&["USD"]);

    for (length, message) in [
        ("46", "A cycle lasts at most 45 days."),
        ("0", "A cycle lasts at least 1 day."),
        ("six weeks", "Enter a whole number of days."),
    ] {
        let back = ada
            .submit(
                "/api/cycles/save",
                "/cycles/new",
                &cycle_fields(&[("length_days", length), ("name", "")]),
            )
            .await;
        let shown = text(&back.body);
        assert!(shown.contains(message), "{length}: {shown}");
        assert_shows(&shown, &["Enter a name."]);
        assert!(
            back.body.contains(&format!("value=\"{length}\"")),
            "kept as typed"
        );
    }
    ada.submit(
        "/api/cycles/save",
        "/cycles/new",
        &cycle_fields(&[
            ("expected_income", "-1"),
            ("starts_on", "2026-02-30"),
            ("currency", "XYZ"),
        ]),
    )
    .await
    .shows(&[
        "Enter a date like 2026-01-31.",
        "Choose a currency from the list.",
    ]);
    ada.submit(
        "/api/cycles/save",
        "/cycles/new",
        &cycle_fields(&[("expected_income", "-1")]),
    )
    .await
    .shows(&["Amounts cannot be negative."]);
    // A hydrated client gets the refusal as 422 with the field messages.
    ada.refused_hydrated(
        "/api/cycles/save",
        "/cycles/new",
        &cycle_fields(&[("length_days", "46")]),
        "A cycle lasts at most 45 days.",
    )
    .await;
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM cycles").await, 0);

    // 45 days is allowed, and a one-day cycle ends where it starts.
    let (longest, shown) = add_cycle(&mut ada, &[("length_days", "45")]).await;
    assert_shows(&shown, &["2028-01-31 – 2028-03-15 (45 days)"]);
    let (_, shown) = add_cycle(&mut ada, &[("length_days", "1"), ("name", "Day")]).await;
    assert_shows(&shown, &["2028-01-31 – 2028-01-31 (1 day)"]);

    // Editing a draft; the generate box is for new cycles only.
    let edit = ada.get(&format!("/cycles/{longest}/edit")).await;
    edit.has_values(&["4,000.00"]);
    assert!(!edit.body.contains("name=\"generate\""));
    let id_s = longest.to_string();
    let posted = ada
        .post_form(
            "/api/cycles/save",
            &format!("/cycles/{longest}/edit"),
            &cycle_fields(&[
                ("id", &id_s),
                ("name", "Spring"),
                ("starts_on", "2028-02-28"),
                ("length_days", "30"),
                ("expected_income", "3,500.25"),
            ]),
        )
        .await;
    posted.redirects_to(&format!("/cycles/{longest}"));
    ada.follow(&posted).await.shows(&[
        "Cycle saved.",
        "Spring 2028-02-28 – 2028-03-28 (30 days)",
        "expected income $3,500.25",
    ]);

    // Draft → active → completed, one step at a time.
    let shown = set_status(&mut ada, longest, "completed").await;
    assert_shows(&shown, &["it cannot go from draft to completed."]);
    let shown = set_status(&mut ada, longest, "active").await;
    assert_shows(&shown, &["Cycle activated.", "Complete cycle"]);
    let shown = set_status(&mut ada, longest, "draft").await;
    assert_shows(
        &shown,
        &["A cycle goes from draft to active to completed; it cannot go from active to draft."],
    );
    let shown = set_status(&mut ada, longest, "completed").await;
    assert_shows(&shown, &["Cycle completed."]);
    assert!(shown.contains(READ_ONLY), "{shown}");
    assert!(!shown.contains("Edit cycle"), "{shown}");
    assert_eq!(
        text_of(
            &app,
            &format!("SELECT status FROM cycles WHERE id = {longest}")
        )
        .await,
        "completed"
    );
}

async fn a_completed_cycle_refuses_every_change(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    add_template(
        &app,
        &mut ada,
        &[
            ("category_id", &category_id(&app, "Rent").await.to_string()),
            ("starts_on", "2028-01-01"),
        ],
    )
    .await;
    let (id, _) = add_cycle(&mut ada, &[]).await;
    let id_s = id.to_string();
    set_status(&mut ada, id, "active").await;
    set_status(&mut ada, id, "completed").await;
    let expenses = scalar(&app, "SELECT COUNT(*) FROM cycle_expenses").await;
    assert_eq!(expenses, 2);
    let page = format!("/cycles/{id}");
    let unchanged = format!(
        "SELECT COUNT(*) FROM cycles WHERE id = {id} AND name = 'Winter' \
         AND length_days = 42 AND expected_income = 400000 AND status = 'completed'"
    );

    // The edit page says so instead of offering the form.
    let edit = ada.get(&format!("/cycles/{id}/edit")).await;
    assert!(text(&edit.body).contains(READ_ONLY));
    assert!(!edit.body.contains("name=\"expected_income\""));

    // A plain form post, as from a page opened before the cycle was completed.
    let stale = cycle_fields(&[
        ("id", &id_s),
        ("name", "Rewritten"),
        ("expected_income", "1"),
    ]);
    let posted = ada
        .post_form("/api/cycles/save", &format!("/cycles/{id}/edit"), &stale)
        .await;
    posted.redirects_to(&format!("/cycles/{id}/edit"));
    assert!(text(&ada.follow(&posted).await.body).contains(READ_ONLY));
    // Even with invalid fields the refusal is about the cycle, not the fields.
    let shown = ada
        .submit(
            "/api/cycles/save",
            &format!("/cycles/{id}/edit"),
            &cycle_fields(&[("id", &id_s), ("length_days", "99")]),
        )
        .await
        .text();
    assert!(shown.contains(READ_ONLY), "{shown}");
    assert!(!shown.contains("at most 45"), "{shown}");
    // The hydrated client's call: 422 with the same message.
    ada.refused_hydrated(
        "/api/cycles/save",
        &format!("/cycles/{id}/edit"),
        &stale,
        READ_ONLY,
    )
    .await;

    for status in ["draft", "active", "completed"] {
        let shown = set_status(&mut ada, id, status).await;
        assert!(shown.contains(READ_ONLY), "{status}: {shown}");
    }
    assert!(
        ada.submit("/api/cycles/delete", &page, &[("id", &id_s)])
            .await
            .text()
            .contains(READ_ONLY)
    );
    let delete_page = text(&ada.get(&format!("/cycles/{id}/delete")).await.body);
    assert!(delete_page.contains(READ_ONLY), "{delete_page}");
    let expense = scalar(&app, "SELECT MIN(id) FROM cycle_expenses").await;
    let shown = ada
        .submit(
            "/api/cycles/expenses/remove",
            &page,
            &[("cycle_id", &id_s), ("id", &expense.to_string())],
        )
        .await
        .text();
    assert!(shown.contains(READ_ONLY), "{shown}");
    assert!(!shown.contains("Remove"), "no remove buttons: {shown}");

    assert_eq!(scalar(&app, &unchanged).await, 1);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM cycle_expenses").await,
        expenses
    );
    // The page still shows the cycle, read-only.
    assert_eq!(ada.get(&page).await.status, StatusCode::OK);
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let rent = category_id(&app, "Rent").await.to_string();
    let template = add_template(
        &app,
        &mut ada,
        &[
            ("name", "Secret rent"),
            ("category_id", &rent),
            ("starts_on", "2028-01-01"),
        ],
    )
    .await;
    let (id, _) = add_cycle(&mut ada, &[("name", "Secret plan")]).await;
    let (id_s, template_s) = (id.to_string(), template.to_string());
    let expense = scalar(&app, "SELECT MIN(id) FROM cycle_expenses")
        .await
        .to_string();

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    assert_not_found(
        &mut eve,
        &[
            format!("/cycles/{id}"),
            format!("/cycles/{id}/edit"),
            format!("/cycles/{id}/delete"),
            format!("/templates/{template}/edit"),
            format!("/templates/{template}/delete"),
        ],
        "Secret",
    )
    .await;
    assert!(!eve.get("/cycles").await.body.contains("Secret plan"));
    assert!(!eve.get("/templates").await.body.contains("Secret rent"));
    let page = format!("/cycles/{id}");
    eve.post_form(
        "/api/cycles/save",
        &page,
        &cycle_fields(&[("id", &id_s), ("name", "Mine")]),
    )
    .await;
    eve.post_form(
        "/api/cycles/status",
        &page,
        &[("id", &id_s), ("status", "active")],
    )
    .await;
    eve.post_form(
        "/api/cycles/expenses/remove",
        &page,
        &[("cycle_id", &id_s), ("id", &expense)],
    )
    .await;
    eve.post_form("/api/cycles/delete", &page, &[("id", &id_s)])
        .await;
    eve.post_form(
        "/api/templates/save",
        "/templates",
        &template_fields(&[
            ("id", &template_s),
            ("name", "Mine"),
            ("category_id", &rent),
        ]),
    )
    .await;
    eve.post_form(
        "/api/templates/active",
        "/templates",
        &[("id", &template_s), ("active", "false")],
    )
    .await;
    eve.post_form(
        "/api/templates/delete",
        "/templates",
        &[("id", &template_s)],
    )
    .await;
    let json = eve
        .post_hydrated(
            "/api/cycles/status",
            &page,
            &[("id", &id_s), ("status", "active")],
        )
        .await;
    assert_eq!(json.status, StatusCode::NOT_FOUND);

    assert_eq!(
        text_of(&app, "SELECT name || ' ' || status FROM cycles").await,
        "Secret plan draft"
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM cycle_expenses").await, 2);
    assert_eq!(
        text_of(&app, "SELECT name FROM expense_templates").await,
        "Secret rent"
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM expense_templates WHERE active = TRUE"
        )
        .await,
        1
    );
    // Eve can neither plan with Ada's category nor generate from Ada's templates.
    eve.submit(
        "/api/templates/save",
        "/templates/new",
        &template_fields(&[("category_id", &rent)]),
    )
    .await
    .shows(&["Choose a category from the list."]);
    let (_, shown) = add_cycle(&mut eve, &[]).await;
    assert_shows(&shown, &["Cycle added."]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM cycle_expenses").await, 2);
}
