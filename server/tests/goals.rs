//! Savings goals through the forms a browser without JavaScript posts, on SQLite and
//! PostgreSQL: adding and editing (field errors, the form kept as typed), contributions
//! and the progress derived from them, milestone notices once each, the monthly saving
//! to reach the target date, status changes, the optional ledger transfer, deleting,
//! and isolation between organisations.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::account::AccountBuilder;
use common::builders::goal::{add_goal, contribute, contribute_ok, goal_fields};
use common::query::{member_scope, scalar, text_of, texts};
use common::{
    Backend, Browser, PASSWORD, TestApp, assert_not_found, assert_shows, iso, record_pages, text,
    today,
};
use florin::money::NumberFormat;
use florin::planning::Month;
use florin::role::{Access, Area};
use florin_app::goals::repo::{self as goal_repo, NewContribution};
use florin_app::on_db;
use time::Duration;

on_both!(
    adding_and_editing_a_goal_reports_field_errors_and_keeps_what_was_typed,
    contributions_raise_the_derived_progress_and_deleting_one_lowers_it,
    each_milestone_notifies_once_even_when_crossed_again,
    lowering_the_target_notifies_the_milestones_it_reaches,
    the_monthly_saving_reaches_the_target_by_its_date,
    status_changes_and_a_cancelled_goal_refuses_contributions,
    a_contribution_can_record_a_transfer_in_the_ledger,
    deleting_a_goal_asks_first_and_takes_its_contributions,
    concurrent_contributions_cross_each_milestone_exactly_once,
    a_contribution_that_fails_leaves_no_transfer_behind,
    another_organisation_gets_not_found_and_changes_nothing,
);

/// How many contributions are recorded, to any goal.
async fn contributions(app: &TestApp) -> i64 {
    scalar(app, "SELECT COUNT(*) FROM goal_contributions").await
}

/// Posts `action` (complete, pause, cancel…) from `goal`'s page; returns the page it goes
/// back to, as text.
async fn change_status(browser: &mut Browser, goal: i64, action: &str) -> String {
    let id = goal.to_string();
    browser
        .submit(
            "/api/goals/status",
            &format!("/goals/{goal}"),
            &[("id", &id), ("action", action)],
        )
        .await
        .text()
}

/// The dedup keys of the milestone notices sent so far, oldest first.
async fn milestone_notices(app: &TestApp) -> Vec<String> {
    texts(
        app,
        "SELECT dedup_key FROM notifications WHERE kind = 'goal_milestone' ORDER BY id",
    )
    .await
}

async fn adding_and_editing_a_goal_reports_field_errors_and_keeps_what_was_typed(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    ada.get("/goals").await.shows(&["No goals yet."]);

    let yesterday = iso(today() - Duration::days(1));
    let fields = goal_fields(&[
        ("title", "  "),
        ("kind", "yacht"),
        ("target_amount", "12.345"),
        ("target_date", &yesterday),
        ("priority", "urgent"),
    ]);
    let posted = ada
        .post_form("/api/goals/save", "/goals/new", &fields)
        .await;
    posted.redirects_to("/goals/new");
    let back = ada.follow(&posted).await;
    back.shows(&[
        "Give the goal a title.",
        "Choose a type of goal.",
        "USD amounts have at most 2 decimals.",
        "Choose a target date from today on.",
        "Choose a priority.",
    ]);
    back.has_values(&["12.345"]);
    assert!(back.body.contains(&format!("value=\"{yesterday}\"")));
    let back = ada
        .submit(
            "/api/goals/save",
            "/goals/new",
            &goal_fields(&[("target_amount", "0"), ("target_date", "31/12/2030")]),
        )
        .await;
    back.shows(&[
        "A goal's target must be more than zero.",
        "Enter a date like 2026-01-31.",
    ]);
    back.has_values(&["New bike"]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM goals").await, 0);

    // A hydrated client gets the refusal as 422 with the field messages.
    ada.refused_hydrated(
        "/api/goals/save",
        "/goals/new",
        &goal_fields(&[("currency", "XYZ")]),
        "Choose a currency from the list.",
    )
    .await;

    let id = add_goal(&mut ada, &[("target_date", "2030-06-30")]).await;
    assert_eq!(
        scalar(&app, "SELECT target_amount FROM goals").await,
        100_000
    );
    assert_eq!(text_of(&app, "SELECT status FROM goals").await, "active");
    ada.get("/goals")
        .await
        .shows(&["New bike", "0 % saved: $0.00 of $1,000.00"]);

    // Editing shows the stored values and keeps a bad edit as typed.
    let id_s = id.to_string();
    let edit = ada.get(&format!("/goals/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    edit.has_values(&["1,000.00", "2030-06-30"]);
    let posted = ada
        .post_form(
            "/api/goals/save",
            &format!("/goals/{id}/edit"),
            &goal_fields(&[
                ("id", &id_s),
                ("title", "Cargo bike"),
                ("target_amount", "lots"),
            ]),
        )
        .await;
    posted.redirects_to(&format!("/goals/{id}/edit"));
    let back = ada.follow(&posted).await;
    assert!(
        text(&back.body).contains("Enter an amount using digits, like 1234.56."),
        "{}",
        text(&back.body)
    );
    back.has_values(&["Cargo bike", "lots"]);
    assert_eq!(text_of(&app, "SELECT title FROM goals").await, "New bike");

    let posted = ada
        .post_form(
            "/api/goals/save",
            &format!("/goals/{id}/edit"),
            &goal_fields(&[
                ("id", &id_s),
                ("title", "Cargo bike"),
                ("target_amount", "2,500"),
                ("kind", "travel"),
                ("priority", "low"),
            ]),
        )
        .await;
    posted.redirects_to(&format!("/goals/{id}"));
    let shown = ada.follow(&posted).await.shows(&["Goal saved."]);
    assert!(shown.contains("Cargo bike"));
    assert!(shown.contains("Travel") && shown.contains("Low"), "{shown}");
    assert_eq!(
        scalar(&app, "SELECT target_amount FROM goals").await,
        250_000
    );

    // Once a contribution exists, the currency is fixed.
    contribute_ok(&mut ada, id, "100").await;
    ada.submit(
        "/api/goals/save",
        &format!("/goals/{id}/edit"),
        &goal_fields(&[("id", &id_s), ("currency", "EUR")]),
    )
    .await
    .shows(&["Contributions are recorded in USD; the currency cannot change."]);
    assert_eq!(text_of(&app, "SELECT currency FROM goals").await, "USD");
}

async fn contributions_raise_the_derived_progress_and_deleting_one_lowers_it(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_goal(&mut ada, &[]).await;

    // Malformed contributions are field errors and write nothing.
    for (amount, message) in [
        ("abc", "Enter an amount using digits, like 1234.56."),
        ("0", "Enter an amount more than zero."),
        ("-5", "Enter an amount more than zero."),
        ("1.005", "USD amounts have at most 2 decimals."),
    ] {
        let posted = contribute(&mut ada, id, &[("amount", amount)]).await;
        posted.redirects_to(&format!("/goals/{id}"));
        let back = ada.follow(&posted).await;
        let shown = text(&back.body);
        assert!(shown.contains(message), "{amount}: {shown}");
        assert!(back.body.contains(&format!("value=\"{amount}\"")));
    }
    let posted = contribute(&mut ada, id, &[("amount", "10"), ("date", "soon")]).await;
    assert!(text(&ada.follow(&posted).await.body).contains("Enter a date like 2026-01-31."));
    assert_eq!(contributions(&app).await, 0);

    let shown = contribute_ok(&mut ada, id, "123.45").await;
    assert_shows(
        &shown,
        &["12 % saved: $123.45 of $1,000.00", "$876.55 to go"],
    );
    let page = ada.get(&format!("/goals/{id}")).await;
    assert!(page.body.contains("<progress"), "{}", page.body);
    page.has_values(&["12"]);
    let shown = contribute_ok(&mut ada, id, "100").await;
    assert_shows(
        &shown,
        &["22 % saved: $223.45 of $1,000.00", "2026-02-15 $100.00"],
    );

    // Deleting a contribution: the progress is a sum, so it simply follows.
    let first = scalar(&app, "SELECT MIN(id) FROM goal_contributions").await;
    ada.submit(
        "/api/goals/contributions/delete",
        &format!("/goals/{id}"),
        &[("goal_id", &id.to_string()), ("id", &first.to_string())],
    )
    .await
    .shows(&["Contribution deleted.", "10 % saved: $100.00 of $1,000.00"]);
    assert_eq!(contributions(&app).await, 1);

    // Saving past the target shows 100 % and nothing to go.
    let shown = contribute_ok(&mut ada, id, "950").await;
    assert_shows(
        &shown,
        &["100 % saved: $1,050.00 of $1,000.00", "$0.00 to go"],
    );
}

async fn each_milestone_notifies_once_even_when_crossed_again(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_goal(
        &mut ada,
        &[("title", "Rainy day"), ("kind", "emergency_fund")],
    )
    .await;

    contribute_ok(&mut ada, id, "100").await;
    assert!(milestone_notices(&app).await.is_empty());
    // One contribution from 10 % to 60 % crosses 25 and 50: one notice each.
    let shown = contribute_ok(&mut ada, id, "500").await;
    assert_shows(&shown, &["50 % of the target is saved."]);
    assert_eq!(
        milestone_notices(&app).await,
        vec![
            format!("goal:{id}:milestone:25"),
            format!("goal:{id}:milestone:50")
        ]
    );
    let page = ada.get("/notifications").await;
    page.shows(&[
        "Rainy day: 25 % saved",
        "Rainy day: 50 % saved",
        "$600.00 of $1,000.00 saved towards Rainy day.",
    ]);
    assert!(page.body.contains(&format!("href=\"/goals/{id}\"")));

    // Deleting the big contribution and adding it again crosses 25 and 50 again, but
    // they were notified already.
    let big = scalar(&app, "SELECT MAX(id) FROM goal_contributions").await;
    ada.submit(
        "/api/goals/contributions/delete",
        &format!("/goals/{id}"),
        &[("goal_id", &id.to_string()), ("id", &big.to_string())],
    )
    .await;
    contribute_ok(&mut ada, id, "500").await;
    assert_eq!(milestone_notices(&app).await.len(), 2);

    // 75 and 100 come once each, however often the total passes them.
    contribute_ok(&mut ada, id, "150").await;
    let shown = contribute_ok(&mut ada, id, "250").await;
    assert_shows(&shown, &["The target is reached!"]);
    contribute_ok(&mut ada, id, "10").await;
    let keys = milestone_notices(&app).await;
    assert_eq!(
        keys,
        [25, 50, 75, 100]
            .iter()
            .map(|m| format!("goal:{id}:milestone:{m}"))
            .collect::<Vec<_>>()
    );
    assert!(text(&ada.get("/notifications").await.body).contains("Rainy day: target reached"));
}

async fn the_monthly_saving_reaches_the_target_by_its_date(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    // Twelve whole months from today.
    let today = today();
    let in_a_year = Month::of(today)
        .add_months(12)
        .expect("in range")
        .day_or_last(today.day());
    let date = iso(in_a_year);
    let id = add_goal(&mut ada, &[("target_date", &date)]).await;
    // 1,000.00 over twelve months is 83.333…, rounded up so the target is met.
    let shown = text(&ada.get(&format!("/goals/{id}")).await.body);
    assert!(
        shown.contains(&format!("$83.34 a month until {date}")),
        "{shown}"
    );
    let shown = contribute_ok(&mut ada, id, "400").await;
    assert!(
        shown.contains(&format!("$50.00 a month until {date}")),
        "{shown}"
    );
    let list = text(&ada.get("/goals").await.body);
    assert!(
        list.contains(&format!("$50.00 a month until {date}")),
        "{list}"
    );

    // Without a date there is nothing to compute; a passed date says so.
    let other = add_goal(&mut ada, &[("title", "Someday")]).await;
    assert!(text(&ada.get(&format!("/goals/{other}")).await.body).contains("No target date set."));
    on_db!(&app.db, |pool| sqlx::query(
        "UPDATE goals SET target_date = $1 WHERE id = $2"
    )
    .bind(today - Duration::days(3))
    .bind(other)
    .execute(pool)
    .await
    .map(|_| ()))
    .expect("backdate");
    ada.get(&format!("/goals/{other}"))
        .await
        .shows(&["has passed; $1,000.00 is still to save."]);

    // A reached target needs nothing more.
    contribute_ok(&mut ada, id, "600").await;
    ada.get(&format!("/goals/{id}"))
        .await
        .shows(&["Nothing more: the target is reached."]);
}

async fn status_changes_and_a_cancelled_goal_refuses_contributions(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_goal(&mut ada, &[]).await;
    let status = || format!("SELECT status FROM goals WHERE id = {id}");

    let shown = change_status(&mut ada, id, "pause").await;
    assert_shows(&shown, &["Goal paused."]);
    assert_eq!(text_of(&app, &status()).await, "paused");
    // A paused goal still takes money put aside.
    contribute_ok(&mut ada, id, "10").await;
    // Pausing twice is refused, and says why.
    let shown = change_status(&mut ada, id, "pause").await;
    assert_shows(&shown, &["A goal that is paused cannot be paused."]);
    let shown = change_status(&mut ada, id, "resume").await;
    assert_shows(&shown, &["Goal resumed."]);
    assert_eq!(text_of(&app, &status()).await, "active");

    let shown = change_status(&mut ada, id, "cancel").await;
    assert_shows(
        &shown,
        &[
            "Goal cancelled.",
            "This goal is cancelled; resume it to add contributions.",
        ],
    );
    let posted = contribute(&mut ada, id, &[("amount", "25")]).await;
    let back = ada.follow(&posted).await;
    let shown = back.shows(&["This goal is cancelled; resume it to add contributions."]);
    assert!(!shown.contains("Contribution added."));
    assert_eq!(contributions(&app).await, 1);
    ada.refused_hydrated(
        "/api/goals/contribute",
        &format!("/goals/{id}"),
        &[
            ("goal_id", &id.to_string()),
            ("amount", "25"),
            ("date", "2026-02-01"),
        ],
        "This goal is cancelled",
    )
    .await;

    // Resumed, it takes contributions again; completed, it refuses them.
    change_status(&mut ada, id, "resume").await;
    contribute_ok(&mut ada, id, "25").await;
    let shown = change_status(&mut ada, id, "complete").await;
    assert_shows(&shown, &["Goal completed."]);
    let posted = contribute(&mut ada, id, &[("amount", "5")]).await;
    ada.follow(&posted)
        .await
        .shows(&["This goal is completed; resume it to add contributions."]);
    let shown = change_status(&mut ada, id, "explode").await;
    assert_shows(&shown, &["Choose what to do with the goal."]);
    assert_eq!(text_of(&app, &status()).await, "completed");
}

async fn a_contribution_can_record_a_transfer_in_the_ledger(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let everyday = AccountBuilder::new("Everyday", "USD")
        .kind("savings")
        .create(&app, &mut ada)
        .await
        .to_string();
    let savings = AccountBuilder::new("Savings", "USD")
        .kind("savings")
        .create(&app, &mut ada)
        .await
        .to_string();
    let euro = AccountBuilder::new("Euro savings", "EUR")
        .kind("savings")
        .create(&app, &mut ada)
        .await
        .to_string();
    let id = add_goal(&mut ada, &[]).await;
    let page = ada
        .get(&format!("/goals/{id}"))
        .await
        .shows(&["Everyday (USD)"]);
    assert!(!page.contains("Euro savings (EUR)"), "{page}");

    // An account in another currency, one account alone, or the same account twice are
    // refused, and nothing is written.
    for (from, to, message) in [
        (
            everyday.as_str(),
            euro.as_str(),
            "Choose an account in USD.",
        ),
        (
            everyday.as_str(),
            "",
            "Choose the savings account the money goes to, or neither account.",
        ),
        (
            savings.as_str(),
            savings.as_str(),
            "Choose two different accounts.",
        ),
    ] {
        let posted = contribute(
            &mut ada,
            id,
            &[
                ("amount", "200"),
                ("from_account_id", from),
                ("to_account_id", to),
            ],
        )
        .await;
        let back = ada.follow(&posted).await;
        let shown = text(&back.body);
        assert!(shown.contains(message), "{message}: {shown}");
        back.has_values(&["200"]);
    }
    assert_eq!(contributions(&app).await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);

    let posted = contribute(
        &mut ada,
        id,
        &[
            ("amount", "200"),
            ("note", "February"),
            ("from_account_id", &everyday),
            ("to_account_id", &savings),
        ],
    )
    .await;
    ada.follow(&posted)
        .await
        .shows(&["Contribution added.", "Transfer recorded"]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 1);
    assert_eq!(
        text_of(&app, "SELECT kind FROM transactions").await,
        "transfer"
    );
    assert_eq!(
        scalar(&app, "SELECT account_id FROM transactions")
            .await
            .to_string(),
        everyday
    );
    assert_eq!(
        scalar(&app, "SELECT counter_account_id FROM transactions")
            .await
            .to_string(),
        savings
    );
    assert_eq!(
        scalar(&app, "SELECT amount FROM transactions").await,
        20_000
    );
    assert_eq!(
        scalar(&app, "SELECT counter_amount FROM transactions").await,
        20_000
    );
    assert_eq!(
        scalar(&app, "SELECT transaction_id FROM goal_contributions").await,
        scalar(&app, "SELECT id FROM transactions").await
    );
    assert!(
        text_of(&app, "SELECT notes FROM transactions")
            .await
            .contains("Towards the goal New bike: February")
    );
    // The ledger shows it like any other transfer.
    ada.get("/transactions")
        .await
        .shows(&["Towards the goal New bike"]);

    // Without accounts, no transfer is recorded.
    contribute_ok(&mut ada, id, "50").await;
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 1);
}

async fn deleting_a_goal_asks_first_and_takes_its_contributions(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let keep = add_goal(&mut ada, &[("title", "Keep me")]).await;
    let id = add_goal(&mut ada, &[("title", "Trip")]).await;
    contribute_ok(&mut ada, id, "300").await;
    contribute_ok(&mut ada, keep, "300").await;
    let confirm = ada.get(&format!("/goals/{id}/delete")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    confirm.shows(&["Trip ( $300.00 of $1,000.00 saved)? Its contribution is deleted with it."]);
    let posted = ada.delete("goals", id).await;
    posted.redirects_to("/goals");
    let shown = ada.follow(&posted).await.shows(&["Goal deleted."]);
    assert!(!shown.contains("Trip"), "{shown}");
    assert!(shown.contains("Keep me"));
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM goals").await, 1);
    assert_eq!(contributions(&app).await, 1);
    // Its milestone notice went with it; the other goal's stayed.
    assert_eq!(
        milestone_notices(&app).await,
        vec![format!("goal:{keep}:milestone:25")]
    );
    assert_eq!(
        ada.get(&format!("/goals/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_goal(&mut ada, &[("title", "Secret goal")]).await;
    contribute_ok(&mut ada, id, "100").await;
    let id_s = id.to_string();
    let contribution = scalar(&app, "SELECT id FROM goal_contributions")
        .await
        .to_string();

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    for page in assert_not_found(&mut eve, &record_pages("goals", id), "Secret goal").await {
        assert!(page.text().contains("We could not find that."));
    }
    assert!(!eve.get("/goals").await.body.contains("Secret goal"));

    let json = [
        (
            "/api/goals/contribute",
            vec![
                ("goal_id", id_s.as_str()),
                ("amount", "10"),
                ("date", "2026-02-01"),
            ],
        ),
        (
            "/api/goals/status",
            vec![("id", id_s.as_str()), ("action", "cancel")],
        ),
        ("/api/goals/delete", vec![("id", id_s.as_str())]),
        (
            "/api/goals/contributions/delete",
            vec![("goal_id", id_s.as_str()), ("id", contribution.as_str())],
        ),
    ];
    for (action, fields) in &json {
        let refused = eve
            .post_hydrated(action, &format!("/goals/{id}"), fields)
            .await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{action}");
        // The plain form post comes back with the same refusal.
        let shown = eve
            .submit(action, &format!("/goals/{id}"), fields)
            .await
            .text();
        assert!(
            shown.contains("We could not find that."),
            "{action}: {shown}"
        );
    }
    eve.post_form(
        "/api/goals/save",
        &format!("/goals/{id}/edit"),
        &goal_fields(&[("id", &id_s), ("title", "Hacked")]),
    )
    .await;

    assert_eq!(
        text_of(&app, "SELECT title FROM goals").await,
        "Secret goal"
    );
    assert_eq!(text_of(&app, "SELECT status FROM goals").await, "active");
    assert_eq!(contributions(&app).await, 1);
    assert_eq!(
        scalar(
            &app,
            "SELECT CAST(SUM(amount) AS BIGINT) FROM goal_contributions"
        )
        .await,
        10_000
    );
}

async fn concurrent_contributions_cross_each_milestone_exactly_once(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_goal(&mut ada, &[]).await;
    let scope = member_scope(&app, "ada@example.org", Access::Write(Area::Goals)).await;
    // Twelve contributions of 100.00 towards 1,000.00, all at once: each sees the total
    // before it, so each milestone is crossed by exactly one of them.
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..12 {
        let db = app.db.clone();
        tasks.spawn(async move {
            let new = NewContribution {
                amount: 10_000,
                contributed_on: today(),
                note: String::new(),
                transfer: None,
                recorded_by: scope.user_id,
            };
            goal_repo::contribute(&db, &scope, id, &new, NumberFormat::for_locale("en")).await
        });
    }
    let mut crossed = Vec::new();
    let mut totals = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        let recorded = joined.expect("task").expect("recorded");
        crossed.extend(recorded.milestones);
        totals.push(recorded.saved);
    }
    crossed.sort_unstable();
    assert_eq!(crossed, vec![25, 50, 75, 100]);
    totals.sort_unstable();
    assert_eq!(totals, (1..=12).map(|n| n * 10_000).collect::<Vec<i64>>());
    assert_eq!(milestone_notices(&app).await.len(), 4);
    assert_eq!(
        scalar(
            &app,
            "SELECT CAST(SUM(amount) AS BIGINT) FROM goal_contributions"
        )
        .await,
        120_000
    );
}

fn save<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn lowering_the_target_notifies_the_milestones_it_reaches(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_goal(&mut ada, &[("title", "Laptop")]).await;
    let id_s = id.to_string();
    contribute_ok(&mut ada, id, "300").await;
    assert_eq!(
        milestone_notices(&app).await,
        vec![format!("goal:{id}:milestone:25")]
    );
    let edit = |target: &'static str| {
        goal_fields(&[("id", "ID"), ("title", "Laptop"), ("target_amount", target)])
            .into_iter()
            .map(|(k, v)| {
                (
                    k,
                    if v == "ID" {
                        id_s.clone()
                    } else {
                        v.to_owned()
                    },
                )
            })
            .collect::<Vec<(&str, String)>>()
    };
    // 300 of 500 is 60 %: the 50 % milestone is reached without a contribution.
    let fields = edit("500");
    assert!(
        ada.submit(
            "/api/goals/save",
            &format!("/goals/{id}/edit"),
            &save(&fields)
        )
        .await
        .text()
        .contains("Goal saved.")
    );
    assert_eq!(
        milestone_notices(&app).await,
        vec![
            format!("goal:{id}:milestone:25"),
            format!("goal:{id}:milestone:50")
        ]
    );
    assert!(text(&ada.get("/notifications").await.body).contains("Laptop: 50 % saved"));
    // Raising it and lowering it again reaches 50 % again, but it was notified already.
    for target in ["1,000", "500"] {
        let fields = edit(target);
        ada.post_form(
            "/api/goals/save",
            &format!("/goals/{id}/edit"),
            &save(&fields),
        )
        .await;
    }
    assert_eq!(
        scalar(&app, "SELECT target_amount FROM goals").await,
        50_000
    );
    assert_eq!(milestone_notices(&app).await.len(), 2);
}

async fn a_contribution_that_fails_leaves_no_transfer_behind(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let everyday = AccountBuilder::new("Everyday", "USD")
        .kind("savings")
        .create(&app, &mut ada)
        .await;
    let savings = AccountBuilder::new("Savings", "USD")
        .kind("savings")
        .create(&app, &mut ada)
        .await;
    let id = add_goal(&mut ada, &[("target_amount", "400")]).await;
    let scope = member_scope(&app, "ada@example.org", Access::Write(Area::Goals)).await;
    let rollups = scalar(&app, "SELECT COUNT(*) FROM monthly_totals").await;
    // The contribution row is written after the transfer; a recorder that does not exist
    // makes it fail there, and the transfer written before it is rolled back with it.
    let new = NewContribution {
        amount: 40_000,
        contributed_on: today(),
        note: String::new(),
        transfer: Some((everyday, savings)),
        recorded_by: i64::MAX,
    };
    let failed =
        goal_repo::contribute(&app.db, &scope, id, &new, NumberFormat::for_locale("en")).await;
    assert!(failed.is_err(), "{failed:?}");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM monthly_totals").await,
        rollups
    );
    assert_eq!(contributions(&app).await, 0);
    assert!(milestone_notices(&app).await.is_empty());

    // The same contribution by a real member writes all three together.
    let recorded = goal_repo::contribute(
        &app.db,
        &scope,
        id,
        &NewContribution {
            recorded_by: scope.user_id,
            ..new
        },
        NumberFormat::for_locale("en"),
    )
    .await
    .expect("recorded");
    assert_eq!(recorded.milestones, vec![25, 50, 75, 100]);
    assert_eq!(
        recorded.transaction_id,
        Some(scalar(&app, "SELECT id FROM transactions").await)
    );
    assert_eq!(milestone_notices(&app).await.len(), 4);
}
