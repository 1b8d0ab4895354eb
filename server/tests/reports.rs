//! Reports against hand-computed figures on both databases: each grouping, ragged month
//! ranges (roll-ups for whole months, the ledger for the ends), foreign currency at each
//! day's rate, transfers left out, drill-down links, CSV, field errors, saved definitions,
//! and another organisation's user seeing none of it.

mod common;

use axum::http::StatusCode;
use common::{Backend, TestApp, text};
use florin::fx::Rate;
use florin::ledger::{AccountKind, CategoryKind, Source, TransactionKind};
use florin::role::{Access, Area};
use florin_app::accounts::repo::{self as accounts, AccountInput};
use florin_app::categories::repo::{self as categories, CategoryInput};
use florin_app::on_db;
use florin_app::orgs::repo::Scope;
use florin_app::transactions::repo::{NewTransaction, create};
use time::Date;
use time::macros::date;

const PASSWORD: &str = "correct horse battery";

on_both!(
    reports_group_and_convert_exactly,
    reports_refuse_bad_ranges_save_definitions_and_stay_private,
    goals_and_debts_summaries_total_per_currency_and_stay_private,
);

async fn account(app: &TestApp, scope: &Scope, name: &str, currency: &str, opening: i64) -> i64 {
    accounts::create(
        &app.db,
        scope,
        &AccountInput {
            name: name.into(),
            kind: AccountKind::Checking,
            currency: currency.into(),
            institution: String::new(),
            opening_balance: opening,
        },
    )
    .await
    .expect("account")
}

fn tx(
    kind: TransactionKind,
    on: Date,
    amount: i64,
    currency: &str,
    account: i64,
) -> NewTransaction {
    NewTransaction {
        kind,
        occurred_on: on,
        amount,
        currency: currency.into(),
        account_id: account,
        counter_account_id: None,
        counter_amount: None,
        category_id: None,
        payment_method_id: None,
        payee: format!("{kind:?} {amount}"),
        notes: String::new(),
        tags: Vec::new(),
        source: Source::Manual,
        external_id: None,
    }
}

async fn seed(app: &TestApp, s: &Scope) -> (i64, i64, i64) {
    let checking = account(app, s, "Checking", "USD", 100_000).await;
    let wise = account(app, s, "Wise", "EUR", 0).await;
    let food = categories::create(
        &app.db,
        s,
        &CategoryInput {
            name: "Food shop".into(),
            kind: CategoryKind::Expense,
            parent_id: None,
            colour: String::new(),
        },
    )
    .await
    .expect("category");
    let rate = |raw: &str| Rate::parse(raw).expect("rate");
    for (on, value) in [
        (date!(2026 - 01 - 01), "1.1"),
        (date!(2026 - 02 - 15), "1.2"),
    ] {
        florin_app::rates::repo::upsert(&app.db, s.org_id, on, "EUR", "USD", rate(value), "manual")
            .await
            .expect("rate");
    }
    use TransactionKind::{Expense, Income, Transfer};
    let rows = vec![
        NewTransaction {
            payee: "Employer".into(),
            tags: vec!["work".into()],
            ..tx(Income, date!(2026 - 01 - 10), 300_000, "USD", checking)
        },
        NewTransaction {
            payee: "Market".into(),
            category_id: Some(food),
            tags: vec!["food".into()],
            ..tx(Expense, date!(2026 - 01 - 15), 12_050, "USD", checking)
        },
        // 50.00 EUR at 1.2 (the rate of 15 February): 60.00 USD.
        NewTransaction {
            payee: "Market".into(),
            category_id: Some(food),
            ..tx(Expense, date!(2026 - 02 - 20), 5_000, "EUR", wise)
        },
        NewTransaction {
            payee: String::new(),
            ..tx(Expense, date!(2026 - 02 - 28), 3_000, "USD", checking)
        },
        NewTransaction {
            counter_account_id: Some(wise),
            counter_amount: Some(10_000),
            ..tx(Transfer, date!(2026 - 02 - 01), 11_000, "USD", checking)
        },
        tx(Expense, date!(2026 - 03 - 01), 99_900, "USD", checking),
    ];
    for row in rows {
        create(&app.db, s, &row).await.expect("transaction");
    }
    (checking, wise, food)
}

async fn reports_group_and_convert_exactly(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let s = common::query::member_scope(&app, "ada@example.org", Access::Write(Area::Ledger)).await;
    let (checking, wise, food) = seed(&app, &s).await;
    let range = "from=2026-01-01&to=2026-02-28";

    let page = ada.get(&format!("/reports?group=category&{range}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = text(&page.body);
    assert!(
        shown.contains(
            "Uncategorised $3,000.00 $30.00 $2,970.00 Food shop $0.00 $180.50 -$180.50 \
             Total $3,000.00 $210.50 $2,789.50"
        ),
        "{shown}"
    );
    assert!(page.body.contains(&format!(
        "href=\"/transactions?from=2026-01-01&amp;to=2026-02-28&amp;category={food}\""
    )));
    assert!(page.body.contains("<svg"), "the chart is inline");

    let shown = text(&ada.get(&format!("/reports?group=month&{range}")).await.body);
    assert!(
        shown.contains("Jan 2026 $3,000.00 $120.50 $2,879.50 Feb 2026 $0.00 $90.00 -$90.00"),
        "{shown}"
    );
    // Ragged ends come from the ledger: 12 January to 25 February.
    let ragged = ada
        .get("/reports?group=month&from=2026-01-12&to=2026-02-25")
        .await;
    let shown = text(&ragged.body);
    assert!(
        shown.contains("Jan 2026 $0.00 $120.50 -$120.50 Feb 2026 $0.00 $60.00 -$60.00"),
        "{shown}"
    );
    assert!(
        ragged
            .body
            .contains("href=\"/transactions?from=2026-02-01&amp;to=2026-02-25\"")
    );

    let shown = text(&ada.get(&format!("/reports?group=payee&{range}")).await.body);
    assert!(
        shown.contains("Employer $3,000.00 $0.00 $3,000.00 Market $0.00 $180.50 -$180.50 (no payee) $0.00 $30.00 -$30.00"),
        "{shown}"
    );
    let shown = text(&ada.get(&format!("/reports?group=tag&{range}")).await.body);
    assert!(
        shown.contains("work $3,000.00 $0.00 $3,000.00 food $0.00 $120.50 -$120.50"),
        "{shown}"
    );
    let page = ada.get(&format!("/reports?group=account&{range}")).await;
    let shown = text(&page.body);
    assert!(
        shown.contains("Checking $3,000.00 $150.50 $2,849.50 Wise $0.00 $60.00 -$60.00"),
        "{shown}"
    );
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
    app.finish().await;
}

async fn reports_refuse_bad_ranges_save_definitions_and_stay_private(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let s = common::query::member_scope(&app, "ada@example.org", Access::Write(Area::Ledger)).await;
    seed(&app, &s).await;

    let shown = text(
        &ada.get("/reports?group=colour&from=2026-03-01&to=2026-01-01")
            .await
            .body,
    );
    assert!(shown.contains("Choose a report from the list."), "{shown}");
    assert!(shown.contains("The end comes before the start."), "{shown}");
    let shown = text(&ada.get("/reports?from=yesterday").await.body);
    assert!(shown.contains("Enter a date like 2026-01-31."), "{shown}");
    let back = ada.get("/reports/export.csv?from=nonsense").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);

    let query = "group=month&from=2026-01-01&to=2026-02-28";
    let posted = ada
        .post_form(
            "/api/reports/save",
            &format!("/reports?{query}"),
            &[("name", ""), ("query", query)],
        )
        .await;
    let shown = text(&ada.follow(&posted).await.body);
    assert!(shown.contains("Enter a name for this report."), "{shown}");
    let posted = ada
        .post_form(
            "/api/reports/save",
            &format!("/reports?{query}"),
            &[("name", "Winter"), ("query", query)],
        )
        .await;
    let page = ada.follow(&posted).await;
    assert!(text(&page.body).contains("Report saved."));
    assert!(page.body.contains(&format!(
        "href=\"/reports?{}\"",
        query.replace('&', "&amp;")
    )));

    // Another organisation: no figures, no saved reports, cannot remove Ada's.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let shown = text(&eve.get(&format!("/reports?{query}")).await.body);
    assert!(
        shown.contains("No income or spending in this range."),
        "{shown}"
    );
    assert!(!shown.contains("Winter"), "{shown}");
    let saved: i64 = on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT id FROM saved_reports"
    )
    .fetch_one(pool)
    .await)
    .expect("saved");
    let posted = eve
        .post_form(
            "/api/reports/forget",
            "/reports",
            &[("id", &saved.to_string())],
        )
        .await;
    let shown = text(&eve.follow(&posted).await.body);
    assert!(shown.contains("We could not find that."), "{shown}");
    let csv = eve.get(&format!("/reports/export.csv?{query}")).await;
    assert_eq!(
        csv.body.trim_start_matches('\u{feff}'),
        "Month,Income (USD),Spending (USD),Net (USD)\r\n"
    );
    app.finish().await;
}

/// Adds a goal through the form and returns its id.
async fn add_goal(browser: &mut common::Browser, title: &str, target: &str, currency: &str) -> i64 {
    let fields = [
        ("id", ""),
        ("title", title),
        ("kind", "purchase"),
        ("target_amount", target),
        ("currency", currency),
        ("target_date", ""),
        ("priority", "high"),
    ];
    let posted = browser
        .post_form("/api/goals/save", "/goals/new", &fields)
        .await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);
    let location = posted.location.clone().expect("redirect");
    location
        .strip_prefix("/goals/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("to the new goal, got {location}"))
}

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
    assert_eq!(
        posted.location.as_deref(),
        Some(format!("/goals/{goal}").as_str()),
        "{}",
        posted.body
    );
}

async fn goals_and_debts_summaries_total_per_currency_and_stay_private(backend: Backend) {
    let app = TestApp::new(backend).await;
    let mut ada = app.signed_up("ada@example.org", PASSWORD).await;
    let bike = add_goal(&mut ada, "New bike", "1,000.00", "USD").await;
    add_goal(&mut ada, "Trip", "2,000.00", "USD").await;
    let old = add_goal(&mut ada, "Old plan", "500.00", "USD").await;
    add_goal(&mut ada, "Rainy day", "400.00", "EUR").await;
    goal_post(
        &mut ada,
        "/api/goals/contribute",
        bike,
        &[("amount", "250.00"), ("date", "2026-02-15")],
    )
    .await;
    goal_post(&mut ada, "/api/goals/status", old, &[("action", "cancel")]).await;
    let loan = [
        ("id", ""),
        ("name", "Car loan"),
        ("kind", "car"),
        ("principal", "1,000.00"),
        ("currency", "USD"),
        ("annual_rate", "12"),
        ("tenure_months", "12"),
        ("emi", ""),
        ("lender", "Acme Bank"),
        ("start_date", "2026-01-15"),
        ("next_payment_date", ""),
        ("reminder_days", ""),
        ("account_id", ""),
    ];
    let posted = ada.post_form("/api/debts/save", "/debts/new", &loan).await;
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
    let posted = ada
        .post_form(
            "/api/reports/save",
            "/reports?group=debts",
            &[
                ("name", "Debts now"),
                ("query", "group=debts&from=2026-01-01"),
            ],
        )
        .await;
    let page = ada.follow(&posted).await;
    assert!(
        page.body.contains("href=\"/reports?group=debts\""),
        "{}",
        page.body
    );

    // Another organisation sees neither.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let shown = text(&eve.get("/reports?group=goals").await.body);
    assert!(shown.contains("No goals yet."), "{shown}");
    assert!(!shown.contains("New bike"), "{shown}");
    let shown = text(&eve.get("/reports?group=debts").await.body);
    assert!(shown.contains("No debts recorded."), "{shown}");
    assert!(!shown.contains("Debts now"), "{shown}");
}
