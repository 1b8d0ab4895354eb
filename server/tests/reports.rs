//! Reports against hand-computed figures on both databases: each grouping, ragged month
//! ranges (roll-ups for whole months, the ledger for the ends), foreign currency at each
//! day's rate, transfers left out, drill-down links, CSV, field errors, saved definitions,
//! and another organisation's user seeing none of it.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::debt::loan_fields;
use common::builders::goal::post_new_goal;
use common::builders::repo::{
    insert_account, insert_eur_usd_rate, insert_expense_category, new_transaction,
};
use common::query::{member_scope, scalar};
use common::{Backend, PASSWORD, TestApp, assert_shows, text};
use florin::ledger::TransactionKind;
use florin::role::{Access, Area};
use florin_app::orgs::repo::Scope;
use florin_app::transactions::repo::{NewTransaction, create};
use time::macros::date;

on_both!(
    reports_group_and_convert_exactly,
    reports_refuse_bad_ranges_save_definitions_and_stay_private,
    goals_and_debts_summaries_total_per_currency_and_stay_private,
);

async fn seed(app: &TestApp, s: &Scope) -> (i64, i64, i64) {
    let checking = insert_account(app, s, "Checking", "USD", 100_000).await;
    let wise = insert_account(app, s, "Wise", "EUR", 0).await;
    let food = insert_expense_category(app, s, "Food shop").await;
    for (on, value) in [
        (date!(2026 - 01 - 01), "1.1"),
        (date!(2026 - 02 - 15), "1.2"),
    ] {
        insert_eur_usd_rate(app, s, on, value).await;
    }
    use TransactionKind::{Expense, Income, Transfer};
    let rows = vec![
        NewTransaction {
            payee: "Employer".into(),
            tags: vec!["work".into()],
            ..new_transaction(Income, date!(2026 - 01 - 10), 300_000, "USD", checking)
        },
        NewTransaction {
            payee: "Market".into(),
            category_id: Some(food),
            tags: vec!["food".into()],
            ..new_transaction(Expense, date!(2026 - 01 - 15), 12_050, "USD", checking)
        },
        // 50.00 EUR at 1.2 (the rate of 15 February): 60.00 USD.
        NewTransaction {
            payee: "Market".into(),
            category_id: Some(food),
            ..new_transaction(Expense, date!(2026 - 02 - 20), 5_000, "EUR", wise)
        },
        NewTransaction {
            payee: String::new(),
            ..new_transaction(Expense, date!(2026 - 02 - 28), 3_000, "USD", checking)
        },
        NewTransaction {
            counter_account_id: Some(wise),
            counter_amount: Some(10_000),
            ..new_transaction(Transfer, date!(2026 - 02 - 01), 11_000, "USD", checking)
        },
        new_transaction(Expense, date!(2026 - 03 - 01), 99_900, "USD", checking),
    ];
    for row in rows {
        create(&app.db, s, &row).await.expect("transaction");
    }
    (checking, wise, food)
}

async fn reports_group_and_convert_exactly(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let s = member_scope(&app, "ada@example.org", Access::Write(Area::Ledger)).await;
    let (checking, wise, food) = seed(&app, &s).await;
    let range = "from=2026-01-01&to=2026-02-28";

    let page = ada.get(&format!("/reports?group=category&{range}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.shows(&[
        "Uncategorised $3,000.00 $30.00 $2,970.00 Food shop $0.00 $180.50 -$180.50 \
             Total $3,000.00 $210.50 $2,789.50",
    ]);
    assert!(page.body.contains(&format!(
        "href=\"/transactions?from=2026-01-01&amp;to=2026-02-28&amp;category={food}\""
    )));
    assert!(page.body.contains("<svg"), "the chart is inline");

    ada.get(&format!("/reports?group=month&{range}"))
        .await
        .shows(&["Jan 2026 $3,000.00 $120.50 $2,879.50 Feb 2026 $0.00 $90.00 -$90.00"]);
    // Ragged ends come from the ledger: 12 January to 25 February.
    let ragged = ada
        .get("/reports?group=month&from=2026-01-12&to=2026-02-25")
        .await;
    ragged.shows(&["Jan 2026 $0.00 $120.50 -$120.50 Feb 2026 $0.00 $60.00 -$60.00"]);
    assert!(
        ragged
            .body
            .contains("href=\"/transactions?from=2026-02-01&amp;to=2026-02-25\"")
    );

    ada.get(&format!("/reports?group=payee&{range}")).await.shows(&[
            "Employer $3,000.00 $0.00 $3,000.00 Market $0.00 $180.50 -$180.50 (no payee) $0.00 $30.00 -$30.00",
        ]);
    ada.get(&format!("/reports?group=tag&{range}"))
        .await
        .shows(&["work $3,000.00 $0.00 $3,000.00 food $0.00 $120.50 -$120.50"]);
    let page = ada.get(&format!("/reports?group=account&{range}")).await;
    page.shows(&["Checking $3,000.00 $150.50 $2,849.50 Wise $0.00 $60.00 -$60.00"]);
    assert!(page.body.contains(&format!("account={checking}\"")));
    assert!(page.body.contains(&format!("account={wise}\"")));

    let csv = ada
        .get(&format!("/reports/export.csv?group=category&{range}"))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with('\u{feff}'), "BOM for spreadsheets");
    assert_eq!(
        csv.body.trim_start_matches('\u{feff}'),
        "Category,Income (USD),Spending (USD),Net (USD)\r\n\
         Uncategorised,3000.00,30.00,2970.00\r\n\
         Food shop,0.00,180.50,-180.50\r\n"
    );
}

async fn reports_refuse_bad_ranges_save_definitions_and_stay_private(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let s = member_scope(&app, "ada@example.org", Access::Write(Area::Ledger)).await;
    seed(&app, &s).await;

    let shown = text(
        &ada.get("/reports?group=colour&from=2026-03-01&to=2026-01-01")
            .await
            .body,
    );
    assert_shows(
        &shown,
        &[
            "Choose a report from the list.",
            "The end comes before the start.",
        ],
    );
    ada.get("/reports?from=yesterday")
        .await
        .shows(&["Enter a date like 2026-01-31."]);
    let back = ada.get("/reports/export.csv?from=nonsense").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);

    let query = "group=month&from=2026-01-01&to=2026-02-28";
    ada.submit(
        "/api/reports/save",
        &format!("/reports?{query}"),
        &[("name", ""), ("query", query)],
    )
    .await
    .shows(&["Enter a name for this report."]);
    let page = ada
        .submit(
            "/api/reports/save",
            &format!("/reports?{query}"),
            &[("name", "Winter"), ("query", query)],
        )
        .await;
    assert!(text(&page.body).contains("Report saved."));
    assert!(page.body.contains(&format!(
        "href=\"/reports?{}\"",
        query.replace('&', "&amp;")
    )));

    // Another organisation: no figures, no saved reports, cannot remove Ada's.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let shown = eve
        .get(&format!("/reports?{query}"))
        .await
        .shows(&["No income or spending in this range."]);
    assert!(!shown.contains("Winter"), "{shown}");
    let saved = scalar(&app, "SELECT id FROM saved_reports").await;
    eve.submit(
        "/api/reports/forget",
        "/reports",
        &[("id", &saved.to_string())],
    )
    .await
    .shows(&["We could not find that."]);
    let csv = eve.get(&format!("/reports/export.csv?{query}")).await;
    assert_eq!(
        csv.body.trim_start_matches('\u{feff}'),
        "Month,Income (USD),Spending (USD),Net (USD)\r\n"
    );
}

/// Posts `fields` to a goal's `action` from its page, naming the goal both as `goal_id`
/// and as `id`, and checks it goes back there.
async fn goal_post(
    browser: &mut common::Browser,
    action: &str,
    goal: i64,
    fields: &[(&str, &str)],
) {
    let id = goal.to_string();
    let mut all = vec![("goal_id", id.as_str()), ("id", id.as_str())];
    all.extend_from_slice(fields);
    let posted = browser
        .post_form(action, &format!("/goals/{goal}"), &all)
        .await;
    posted.redirects_to(&format!("/goals/{goal}"));
}

async fn goals_and_debts_summaries_total_per_currency_and_stay_private(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let mut goals = Vec::new();
    for (title, target, currency) in [
        ("New bike", "1,000.00", "USD"),
        ("Trip", "2,000.00", "USD"),
        ("Old plan", "500.00", "USD"),
        ("Rainy day", "400.00", "EUR"),
    ] {
        let fields = [
            ("title", title),
            ("target_amount", target),
            ("currency", currency),
        ];
        goals.push(post_new_goal(&mut ada, &fields).await);
    }
    let (bike, old) = (goals[0], goals[2]);
    goal_post(
        &mut ada,
        "/api/goals/contribute",
        bike,
        &[("amount", "250.00"), ("date", "2026-02-15")],
    )
    .await;
    goal_post(&mut ada, "/api/goals/status", old, &[("action", "cancel")]).await;
    let posted = ada
        .post_form("/api/debts/save", "/debts/new", &loan_fields(&[]))
        .await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);

    // Goals: every goal listed and linked; totals over the open ones, per currency
    // (the cancelled 500.00 is left out): 3,000.00 aimed for, 250.00 saved, 8\u{a0}%.
    let page = ada.get("/reports?group=goals").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("href=\"/goals/{bike}\"")));
    let shown = text(&page.body);
    for expected in [
        "Goals summary",
        "New bike",
        "Old plan",
        "Open goals in USD",
        "Open goals in EUR",
    ] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
    let csv = ada.get("/reports/export.csv?group=goals").await;
    assert_eq!(csv.status, StatusCode::OK);
    let body = csv.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(
        lines[0],
        "Goal,Status,Target,Saved,Remaining,Progress,Target date,Monthly saving needed"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("New bike,Active,\"$1,000.00\",$250.00,$750.00,25\u{a0}%,")),
        "{body}"
    );
    assert!(
        lines.contains(&"Open goals in USD,2 open,\"$3,000.00\",$250.00,\"$2,750.00\",8\u{a0}%,,"),
        "{body}"
    );
    assert_eq!(lines.len(), 1 + 4 + 2, "{body}");

    // Debts: the loan with its instalment (1,000.00 at 12\u{a0}% over 12 months: 88.85).
    let csv = ada.get("/reports/export.csv?group=debts").await;
    let body = csv.body.trim_start_matches('\u{feff}');
    assert!(
        body.lines().any(|l| l.starts_with(
            "Car loan,Car loan,12\u{a0}%,\"$1,000.00\",\"$1,000.00\",$0.00,$0.00,$88.85,2026-02-15"
        )),
        "{body}"
    );
    assert!(
        body.lines().any(|l| l.starts_with(
            "All debts in USD,,12\u{a0}%,\"$1,000.00\",\"$1,000.00\",$0.00,,$88.85,Debt-free: January 2027"
        )),
        "{body}"
    );

    // Saved like any report, without a range.
    let page = ada
        .submit(
            "/api/reports/save",
            "/reports?group=debts",
            &[
                ("name", "Debts now"),
                ("query", "group=debts&from=2026-01-01"),
            ],
        )
        .await;
    assert!(
        page.body.contains("href=\"/reports?group=debts\""),
        "{}",
        page.body
    );

    // Another organisation sees neither.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let shown = eve
        .get("/reports?group=goals")
        .await
        .shows(&["No goals yet."]);
    assert!(!shown.contains("New bike"), "{shown}");
    let shown = eve
        .get("/reports?group=debts")
        .await
        .shows(&["No debts recorded."]);
    assert!(!shown.contains("Debts now"), "{shown}");
}
