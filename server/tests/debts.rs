//! Debts through the forms a browser without JavaScript posts, on SQLite and PostgreSQL:
//! adding a loan (instalment computed or checked), its schedule, payments (atomic under
//! concurrency, over-payment refused, paid off at zero, the ledger expense, the next due
//! date), statistics, the payoff planner and its chart, notifications and their privacy,
//! the reminder job and its lease, and isolation between organisations.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::account::{AccountBuilder, add_account};
use common::builders::debt::{add_debt, loan_fields, pay};
use common::query::{date_of, member_scope, scalar, text_of};
use common::{
    Backend, PASSWORD, TestApp, assert_not_found, assert_shows, iso, record_pages, text, today,
};
use florin::ledger::PaymentMethodKind;
use florin::loan::{AnnualRate, Standing};
use florin::money::NumberFormat;
use florin::role::{Access, Area};
use florin_app::db::Db;
use florin_app::debts::repo::{self as debt_repo, NewPayment, PaymentError, PaymentRecorded};
use florin_app::notifications::NotificationKind;
use florin_app::notifications::repo::{NewNotification, Recipients, notify_now};
use florin_app::orgs::repo::Scope;
use florin_server::jobs;
use std::time::Duration;
use time::OffsetDateTime;

on_both!(
    adding_a_loan_computes_the_instalment_and_shows_its_schedule,
    an_instalment_that_cannot_repay_the_loan_is_refused_with_the_minimum,
    malformed_amounts_and_rates_are_field_errors_and_nothing_is_written,
    paying_an_instalment_updates_the_balance_the_due_date_and_the_ledger,
    overpayment_is_refused_with_the_maximum_and_the_balance_unchanged,
    paying_the_rest_marks_the_debt_paid_off,
    concurrent_payments_never_overpay_or_lose_an_update,
    concurrent_form_posts_never_overpay,
    editing_keeps_what_was_paid,
    deleting_a_debt_takes_its_payments_and_keeps_the_ledger_expense,
    the_debts_page_shows_statistics_and_monthly_history,
    the_planner_compares_strategies_and_serves_its_chart,
    another_organisation_gets_not_found_and_changes_nothing,
    notifications_are_private_and_can_be_marked_read,
    notify_creates_each_deduplicated_notice_once,
    the_reminder_job_creates_one_notice_per_due_date,
    two_job_instances_take_turns_with_the_lease,
    the_job_loop_runs_on_its_timer_and_stops_on_shutdown,
);

/// Records a cash payment of `amount` on `debt` straight through the repository, as
/// `scope`, under `reference` or a generated one.
async fn record_cash(
    db: &Db,
    scope: &Scope,
    debt: i64,
    amount: i64,
    reference: Option<&str>,
) -> Result<PaymentRecorded, PaymentError> {
    let payment = payment(scope, amount, reference);
    debt_repo::record_payment(db, scope, debt, &payment, NumberFormat::for_locale("en")).await
}

/// A cash payment of `amount` today by `scope`'s user, under `reference` or a generated one.
fn payment(scope: &Scope, amount: i64, reference: Option<&str>) -> NewPayment {
    NewPayment {
        amount,
        method: PaymentMethodKind::Cash,
        paid_on: today(),
        reference: reference.map_or_else(
            || florin_app::debts::ssr::generate_reference(today()),
            str::to_owned,
        ),
        expense_account: None,
        recorded_by: scope.user_id,
    }
}

/// A fresh app where Ada has a debt, started 20 days ago, with a payment due tomorrow.
async fn with_a_debt_due_tomorrow(backend: Backend) -> TestApp {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let soon = iso(today() + time::Duration::days(1));
    let start = iso(today() - time::Duration::days(20));
    add_debt(
        &app,
        &mut ada,
        &[("start_date", &start), ("next_payment_date", &soon)],
    )
    .await;
    app
}

/// Whether the job instance `instance` gets the "test" lease for a minute at `at`.
async fn lease(app: &TestApp, instance: &str, at: OffsetDateTime) -> bool {
    jobs::try_lease(&app.db, "test", instance, at, Duration::from_secs(60))
        .await
        .expect("lease")
}

/// Applies `count` payments of `amount` one after the other, as the database must: how
/// many fit, and where the debt stands after them.
fn replay(principal: i64, rate: &str, emi: i64, amount: i64, count: usize) -> (i64, Standing) {
    let rate = AnnualRate::parse(rate).expect("rate");
    let mut standing = Standing::new(principal);
    let mut fits = 0;
    for _ in 0..count {
        if let Ok(applied) = florin::loan::apply_payment(&standing, rate, emi, amount) {
            standing = applied.after;
            fits += 1;
        }
    }
    (fits, standing)
}

async fn adding_a_loan_computes_the_instalment_and_shows_its_schedule(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    // The published home loan: 3,500,000 at 6.5 % over 240 months.
    let id = add_debt(
        &app,
        &mut ada,
        &[
            ("name", "Home loan"),
            ("kind", "home"),
            ("principal", "3,500,000"),
            ("currency", "INR"),
            ("annual_rate", "6.5"),
            ("tenure_months", "240"),
            ("start_date", "2026-01-31"),
        ],
    )
    .await;
    assert_eq!(scalar(&app, "SELECT emi FROM debts").await, 2_609_506);
    assert_eq!(scalar(&app, "SELECT annual_rate FROM debts").await, 65_000);
    assert_eq!(
        scalar(&app, "SELECT remaining FROM debts").await,
        350_000_000
    );
    assert_eq!(scalar(&app, "SELECT reminder_days FROM debts").await, 3);
    assert_eq!(text_of(&app, "SELECT status FROM debts").await, "active");
    // The first payment falls a month after the start, on the last day of February.
    assert_eq!(
        iso(date_of(&app, "SELECT next_payment_date FROM debts").await),
        "2026-02-28"
    );

    let page = ada.get(&format!("/debts/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = page.shows(&["Amortization schedule", "₹26,095.06"]);
    // 240 rows; the schedule's totals match the published figures to the paisa.
    // A header row, 240 months and the totals.
    let table = page
        .body
        .split("<table class=\"schedule\"")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .expect("the schedule table");
    assert_eq!(table.matches("</tr>").count(), 242, "rows");
    assert_shows(&shown, &["Total ₹6,262,814.19 ₹2,762,814.19"]);
    assert!(shown.contains("2046-01-31"), "the last payment: {shown}");

    // The whole loan from its start is the same schedule while nothing is paid.
    let full = ada.get(&format!("/debts/{id}?schedule=full")).await;
    assert!(text(&full.body).contains("Schedule of the whole loan"));
    assert!(text(&full.body).contains("Total ₹6,262,814.19 ₹2,762,814.19"));

    // A given instalment above the minimum is kept, and ends the schedule early.
    let quick = add_debt(
        &app,
        &mut ada,
        &[("name", "Quick"), ("emi", "500"), ("annual_rate", "0")],
    )
    .await;
    assert_eq!(
        scalar(&app, &format!("SELECT emi FROM debts WHERE id = {quick}")).await,
        50_000
    );
    let page = ada.get(&format!("/debts/{quick}")).await;
    assert!(
        text(&page.body).contains("Total $1,000.00 $0.00"),
        "{}",
        text(&page.body)
    );
}

async fn an_instalment_that_cannot_repay_the_loan_is_refused_with_the_minimum(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let fields = loan_fields(&[
        ("principal", "3,500,000"),
        ("currency", "INR"),
        ("annual_rate", "6.5"),
        ("tenure_months", "240"),
        ("emi", "26,000"),
    ]);
    let posted = ada
        .post_form("/api/debts/save", "/debts/new", &fields)
        .await;
    assert_eq!(posted.status, StatusCode::FOUND);
    posted.redirects_to("/debts/new");
    let back = ada.follow(&posted).await;
    back.shows(&[
        "That instalment does not repay the loan in 240 months; it must be at least ₹26,095.06.",
    ]);
    // The form keeps what was typed.
    back.has_values(&["26,000", "Car loan"]);

    // Below the first month's interest, the message says so.
    let fields = loan_fields(&[
        ("principal", "10,000"),
        ("annual_rate", "12"),
        ("emi", "100"),
    ]);
    ada.submit("/api/debts/save", "/debts/new", &fields)
        .await
        .shows(&[
            "does not cover the first month",
            "$100.00; it must be at least $888.49.",
        ]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debts").await, 0);
}

async fn malformed_amounts_and_rates_are_field_errors_and_nothing_is_written(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let fields = loan_fields(&[
        ("principal", "12.345"),
        ("annual_rate", "six"),
        ("tenure_months", "0"),
        ("start_date", "31/01/2026"),
        ("reminder_days", "99"),
    ]);
    let back = ada.submit("/api/debts/save", "/debts/new", &fields).await;
    back.shows(&[
        "USD amounts have at most 2 decimals.",
        "Enter the rate as a number, like 6.5.",
        "The tenure must be at least one month.",
        "Enter a date like 2026-01-31.",
        "Enter a number of days from 0 to 60.",
    ]);
    back.has_values(&["12.345", "six"]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debts").await, 0);

    // A hydrated client gets the refusal as 422 with the field messages.
    ada.refused_hydrated(
        "/api/debts/save",
        "/debts/new",
        &loan_fields(&[("annual_rate", "101")]),
        "An annual rate can be at most 100 %.",
    )
    .await;

    // Malformed payments are refused the same way, and change nothing.
    let id = add_debt(&app, &mut ada, &[]).await;
    for (amount, message) in [
        ("abc", "Enter an amount using digits, like 1234.56."),
        ("0", "Enter an amount more than zero."),
        ("-5", "Enter an amount more than zero."),
        ("1.005", "USD amounts have at most 2 decimals."),
    ] {
        let posted = pay(&mut ada, id, &[("amount", amount)]).await;
        posted.redirects_to(&format!("/debts/{id}"));
        let shown = text(&ada.follow(&posted).await.body);
        assert!(shown.contains(message), "{amount}: {shown}");
    }
    let posted = pay(
        &mut ada,
        id,
        &[("amount", "10"), ("date", "yesterday"), ("method", "gold")],
    )
    .await;
    let shown = text(&ada.follow(&posted).await.body);
    assert!(
        shown.contains("Enter a date like 2026-01-31.")
            && shown.contains("Choose a method from the list.")
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 0);
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 100_000);
}

async fn paying_an_instalment_updates_the_balance_the_due_date_and_the_ledger(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let everyday = AccountBuilder::new("Everyday", "USD")
        .create(&app, &mut ada)
        .await;
    let euro = AccountBuilder::new("Euro", "EUR")
        .create(&app, &mut ada)
        .await;
    let id = add_debt(
        &app,
        &mut ada,
        &[("start_date", "2026-01-31"), ("principal", "10,000")],
    )
    .await;
    assert_eq!(scalar(&app, "SELECT emi FROM debts").await, 88_849);

    // An account in another currency is refused.
    let euro_s = euro.to_string();
    let posted = pay(
        &mut ada,
        id,
        &[("amount", "888.49"), ("account_id", &euro_s)],
    )
    .await;
    ada.follow(&posted)
        .await
        .shows(&["Choose an account in USD."]);

    let everyday_s = everyday.to_string();
    let posted = pay(
        &mut ada,
        id,
        &[
            ("amount", "888.49"),
            ("account_id", &everyday_s),
            ("date", "2026-02-27"),
        ],
    )
    .await;
    posted.redirects_to(&format!("/debts/{id}"));
    let page = ada.follow(&posted).await;
    let shown = page.shows(&["Payment recorded.", "$9,211.51 of $10,000.00 still owed"]);
    // 1 % of 10,000.00 is the month's interest; the rest of the instalment is principal,
    // exactly as the schedule's first row says.
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 921_151);
    assert_eq!(scalar(&app, "SELECT total_paid FROM debts").await, 78_849);
    assert_eq!(
        scalar(&app, "SELECT interest_paid FROM debts").await,
        10_000
    );
    assert_eq!(
        scalar(&app, "SELECT interest FROM debt_payments").await,
        10_000
    );
    // 31 Jan → 28 Feb → 31 Mar: the due date advances without drifting.
    assert_eq!(
        iso(date_of(&app, "SELECT next_payment_date FROM debts").await),
        "2026-03-31"
    );
    let reference = text_of(&app, "SELECT reference FROM debt_payments").await;
    assert!(reference.starts_with("PAY-20260227-"), "{reference}");
    assert!(shown.contains(&reference), "the payments list shows it");
    // The expense in the ledger, marked as a debt payment.
    assert_eq!(
        text_of(&app, "SELECT source FROM transactions").await,
        "debt_payment"
    );
    assert_eq!(
        scalar(&app, "SELECT amount FROM transactions").await,
        88_849
    );
    assert_eq!(
        scalar(&app, "SELECT account_id FROM transactions").await,
        everyday
    );
    assert_eq!(
        scalar(&app, "SELECT transaction_id FROM debt_payments").await,
        scalar(&app, "SELECT id FROM transactions").await
    );
    // A notification for the member, and the badge in the navigation.
    assert_eq!(
        text_of(&app, "SELECT title FROM notifications").await,
        "Payment recorded"
    );
    assert!(page.body.contains("unread-count"), "badge");

    // A partial payment with its own reference leaves the due date where it is. It pays
    // towards the new month's interest (92.12 on 9,211.51), which stays open.
    let posted = pay(&mut ada, id, &[("amount", "10"), ("reference", "CHQ-1")]).await;
    assert!(text(&ada.follow(&posted).await.body).contains("Payment recorded."));
    assert_eq!(
        iso(date_of(&app, "SELECT next_payment_date FROM debts").await),
        "2026-03-31"
    );
    assert_eq!(
        scalar(&app, "SELECT period_interest FROM debts").await,
        9_212 - 1_000
    );
    assert_eq!(scalar(&app, "SELECT period_paid FROM debts").await, 1_000);
    // The same reference twice on one debt is refused.
    let posted = pay(&mut ada, id, &[("amount", "10"), ("reference", "CHQ-1")]).await;
    ada.follow(&posted)
        .await
        .shows(&["A payment with this reference is already recorded"]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 2);
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 921_151);
}

async fn overpayment_is_refused_with_the_maximum_and_the_balance_unchanged(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_debt(&app, &mut ada, &[]).await;
    // What clears it today is the principal and this month's interest (1 %).
    let posted = pay(&mut ada, id, &[("amount", "1,010.01")]).await;
    assert_eq!(posted.status, StatusCode::FOUND);
    let back = ada.follow(&posted).await;
    back.shows(&["You can pay at most $1,010.00."]);
    assert!(back.body.contains("value=\"1,010.01\""), "kept as typed");
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 100_000);
    assert_eq!(scalar(&app, "SELECT total_paid FROM debts").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 0);

    // The repository refuses too, naming the maximum (the check that counts).
    let scope = member_scope(&app, "ada@example.org", Access::Write(Area::Debts)).await;
    let refused = record_cash(&app.db, &scope, id, 101_001, None).await;
    assert!(
        matches!(refused, Err(PaymentError::OverPayment { max: 101_000, .. })),
        "{refused:?}"
    );
}

async fn paying_the_rest_marks_the_debt_paid_off(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_debt(&app, &mut ada, &[]).await;
    let posted = pay(&mut ada, id, &[("amount", "400")]).await;
    ada.follow(&posted).await;
    // 400.00 paid 10.00 of interest and 390.00 of principal; 610.00 remains, and the
    // next month's 1 % on it.
    let posted = pay(&mut ada, id, &[("amount", "616.10")]).await;
    let page = ada.follow(&posted).await;
    let shown = page.shows(&[
        "This debt is paid off!",
        "Paid off. $1,016.10 paid in total.",
    ]);
    assert!(
        !shown.contains("Record a payment"),
        "no payment form once paid off"
    );
    assert_eq!(text_of(&app, "SELECT status FROM debts").await, "paid_off");
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 0);
    assert_eq!(
        text_of(
            &app,
            "SELECT title FROM notifications ORDER BY id DESC LIMIT 1"
        )
        .await,
        "Car loan is paid off"
    );
    let posted = pay(&mut ada, id, &[("amount", "1")]).await;
    let shown = text(&ada.follow(&posted).await.body);
    assert!(!shown.contains("Payment recorded"), "{shown}");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 2);
    ada.get("/debts").await.shows(&["paid off"]);
}

async fn concurrent_payments_never_overpay_or_lose_an_update(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_debt(&app, &mut ada, &[]).await;
    let scope = member_scope(&app, "ada@example.org", Access::Write(Area::Debts)).await;
    // Ten payments of 150.00 against 1,000.00 at 12 %: as many fit as would one after the
    // other.
    let (fits, after) = replay(100_000, "12", 8_885, 15_000, 10);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..10 {
        let db = app.db.clone();
        let reference = format!("RACE-{i}");
        tasks.spawn(async move { record_cash(&db, &scope, id, 15_000, Some(&reference)).await });
    }
    let (mut accepted, mut refused) = (0_i64, 0_i64);
    while let Some(joined) = tasks.join_next().await {
        match joined.expect("task") {
            Ok(_) => accepted += 1,
            Err(PaymentError::OverPayment { max, .. }) => {
                assert!(max < 15_000, "refused while {max} remained");
                refused += 1;
            }
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!((accepted, refused), (fits, 10 - fits));
    assert_eq!(fits, 6);
    let remaining = scalar(&app, "SELECT remaining FROM debts").await;
    assert_eq!(remaining, after.balance);
    assert_eq!(
        scalar(&app, "SELECT total_paid + interest_paid FROM debts").await,
        accepted * 15_000
    );
    assert_eq!(
        scalar(&app, "SELECT total_paid FROM debts").await,
        100_000 - after.balance
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM debt_payments").await,
        accepted
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT CAST(SUM(amount) AS BIGINT) FROM debt_payments"
        )
        .await,
        accepted * 15_000
    );
    // Every accepted instalment-sized payment advanced the due date once.
    // Every accepted instalment-sized payment advanced the due date once (from index 1:
    // the first payment a month after the start).
    assert_eq!(
        scalar(&app, "SELECT due_index FROM debts").await,
        1 + accepted
    );
}

async fn concurrent_form_posts_never_overpay(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_debt(&app, &mut ada, &[]).await;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let mut browser = app.browser();
        browser.cookie = ada.cookie.clone();
        tasks.spawn(async move { pay(&mut browser, id, &[("amount", "300")]).await.status });
    }
    // The browsers share one session, so flash messages may cross; count in the database.
    while let Some(posted) = tasks.join_next().await {
        assert_eq!(posted.expect("task"), StatusCode::FOUND);
    }
    let (fits, after) = replay(100_000, "12", 8_885, 30_000, 10);
    assert_eq!(fits, 3);
    assert_eq!(
        scalar(&app, "SELECT remaining FROM debts").await,
        after.balance
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 3);
}

async fn editing_keeps_what_was_paid(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_debt(&app, &mut ada, &[]).await;
    let posted = pay(&mut ada, id, &[("amount", "400")]).await;
    ada.follow(&posted).await;
    let id_s = id.to_string();
    let edit = format!("/debts/{id}/edit");

    let form = ada.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK);
    form.has_values(&["1,000.00"]);

    // Below what was paid: refused.
    let fields = loan_fields(&[("id", &id_s), ("principal", "300"), ("emi", "")]);
    let posted = ada.post_form("/api/debts/save", &edit, &fields).await;
    posted.redirects_to(&edit);
    ada.follow(&posted).await.shows(&[
        "$390.00 of the principal has been repaid already; the amount borrowed cannot be less.",
    ]);
    // Another currency once paid: refused.
    let fields = loan_fields(&[("id", &id_s), ("currency", "EUR")]);
    ada.submit("/api/debts/save", &edit, &fields)
        .await
        .shows(&["so it cannot change"]);

    // A larger principal and a new name: remaining follows.
    let fields = loan_fields(&[
        ("id", &id_s),
        ("name", "Family car"),
        ("principal", "1,200"),
        ("next_payment_date", "2026-05-10"),
    ]);
    let posted = ada.post_form("/api/debts/save", &edit, &fields).await;
    posted.redirects_to(&format!("/debts/{id}"));
    assert!(text(&ada.follow(&posted).await.body).contains("Debt saved."));
    assert_eq!(text_of(&app, "SELECT name FROM debts").await, "Family car");
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 81_000);
    assert_eq!(scalar(&app, "SELECT total_paid FROM debts").await, 39_000);
    assert_eq!(
        iso(date_of(&app, "SELECT due_anchor FROM debts").await),
        "2026-05-10"
    );
    assert_eq!(scalar(&app, "SELECT due_index FROM debts").await, 0);
}

async fn deleting_a_debt_takes_its_payments_and_keeps_the_ledger_expense(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let everyday = add_account(&app, &mut ada, "Everyday", "USD").await;
    let id = add_debt(&app, &mut ada, &[]).await;
    let posted = pay(
        &mut ada,
        id,
        &[("amount", "100"), ("account_id", &everyday)],
    )
    .await;
    ada.follow(&posted).await;
    let confirm = ada.get(&format!("/debts/{id}/delete")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    confirm.shows(&["Delete Car loan", "Its payment is deleted with it."]);

    let posted = ada.delete("debts", id).await;
    posted.redirects_to("/debts");
    ada.follow(&posted)
        .await
        .shows(&["Debt deleted.", "No debts yet."]);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debts").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 0);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM notifications").await,
        0,
        "its notices linked to a page that is gone"
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 1);
    assert_eq!(
        ada.get(&format!("/debts/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn the_debts_page_shows_statistics_and_monthly_history(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    ada.get("/debts").await.shows(&["No debts yet."]);
    let car = add_debt(
        &app,
        &mut ada,
        &[("annual_rate", "10"), ("principal", "3,000")],
    )
    .await;
    add_debt(
        &app,
        &mut ada,
        &[
            ("name", "Card"),
            ("kind", "credit_card"),
            ("annual_rate", "4"),
            ("principal", "1,000"),
        ],
    )
    .await;
    let this_month = iso(today());
    let posted = pay(&mut ada, car, &[("amount", "100"), ("date", &this_month)]).await;
    ada.follow(&posted).await;

    let page = ada.get("/debts").await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = text(&page.body);
    // Borrowed 4,000; 100 paid, of which 25.00 interest (10 % / 12 of 3,000): 3,925 owed.
    assert_shows(&shown, &["USD $4,000.00 $3,925.00 $100.00"]);
    // (10 % × 2,925 + 4 % × 1,000) / 3,925 = 8.4713… %
    assert_shows(&shown, &["8.4713 %"]);
    assert!(shown.contains("Car loan") && shown.contains("Card"));
    let month = format!("{} {}", today().month(), today().year());
    assert!(shown.contains(&format!("{month} $100.00")), "{shown}");
    assert!(shown.contains("Payments by month"));
}

async fn the_planner_compares_strategies_and_serves_its_chart(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    ada.get("/debts/planner")
        .await
        .shows(&["No active debts to plan."]);
    add_debt(
        &app,
        &mut ada,
        &[
            ("name", "Small"),
            ("principal", "500"),
            ("annual_rate", "5"),
        ],
    )
    .await;
    add_debt(
        &app,
        &mut ada,
        &[
            ("name", "Dear"),
            ("principal", "2,000"),
            ("annual_rate", "20"),
            ("tenure_months", "24"),
        ],
    )
    .await;

    let page = ada.get("/debts/planner?extra=300&currency=USD").await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = text(&page.body);
    for strategy in ["Avalanche", "Snowball", "Minimum payments only"] {
        assert!(shown.contains(strategy), "{strategy}: {shown}");
    }
    // Avalanche closes the dearest debt first; snowball the smallest.
    let avalanche = shown.split("Avalanche").nth(2).unwrap_or_default();
    assert!(
        avalanche.find("Dear (").unwrap_or(usize::MAX) < avalanche.find("Small (").unwrap_or(0),
        "{shown}"
    );
    assert!(page.body.contains("<figure"));
    assert!(
        page.body
            .contains("src=\"/debts/planner/chart.svg?extra=300&amp;currency=USD\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("<figcaption"));
    assert!(
        shown.contains("The chart&#x27;s figures as a table")
            || shown.contains("The chart's figures as a table")
    );

    let chart = ada
        .get("/debts/planner/chart.svg?extra=100&currency=USD")
        .await;
    assert_eq!(chart.status, StatusCode::OK);
    assert!(
        chart.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("image/svg+xml")
    );
    assert!(
        chart.body.starts_with("<svg"),
        "{}",
        &chart.body[..chart.body.len().min(200)]
    );
    assert!(chart.body.contains("Snowball"));

    // Malformed extra: a field error, the plan as if none.
    ada.get("/debts/planner?extra=lots")
        .await
        .shows(&["Enter an amount using digits, like 1234.56."]);
    ada.get("/debts/planner?extra=-5")
        .await
        .shows(&["The extra amount cannot be negative."]);

    // Nobody signed in: no chart.
    let mut stranger = app.browser();
    let refused = stranger.get("/debts/planner/chart.svg").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    // Another user's chart shows only their own (no) debts.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let theirs = eve.get("/debts/planner/chart.svg?currency=USD").await;
    assert!(!theirs.body.contains("Dear"));
}

async fn another_organisation_gets_not_found_and_changes_nothing(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let id = add_debt(&app, &mut ada, &[("name", "Secret loan")]).await;
    let id_s = id.to_string();

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    for page in assert_not_found(&mut eve, &record_pages("debts", id), "Secret loan").await {
        assert!(page.text().contains("We could not find that."));
    }
    assert!(!eve.get("/debts").await.body.contains("Secret loan"));
    assert!(!eve.get("/debts/planner").await.body.contains("Secret loan"));

    let posted = eve.delete("debts", &id_s).await;
    let shown = eve
        .follow(&posted)
        .await
        .shows(&["We could not find that."]);
    assert!(!shown.contains("Debt deleted."), "{shown}");

    let posted = pay(&mut eve, id, &[("amount", "10")]).await;
    let shown = text(&eve.follow(&posted).await.body);
    assert!(!shown.contains("Payment recorded"), "{shown}");
    let json = eve
        .post_hydrated(
            "/api/debts/pay",
            &format!("/debts/{id}"),
            &[
                ("debt_id", &id_s),
                ("amount", "10"),
                ("method", "cash"),
                ("date", "2026-02-01"),
            ],
        )
        .await;
    assert_eq!(json.status, StatusCode::NOT_FOUND);
    eve.post_form(
        "/api/debts/save",
        &format!("/debts/{id}/edit"),
        &loan_fields(&[("id", &id_s), ("name", "Hacked")]),
    )
    .await;
    // Eve's repository scope cannot reach it either.
    let eve_scope = member_scope(&app, "eve@example.org", Access::Write(Area::Debts)).await;
    let refused = record_cash(&app.db, &eve_scope, id, 1_000, None).await;
    assert!(
        matches!(refused, Err(PaymentError::Other(_))),
        "{refused:?}"
    );

    assert_eq!(text_of(&app, "SELECT name FROM debts").await, "Secret loan");
    assert_eq!(scalar(&app, "SELECT remaining FROM debts").await, 100_000);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debt_payments").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM debts").await, 1);
}

async fn notifications_are_private_and_can_be_marked_read(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    ada.get("/notifications")
        .await
        .shows(&["No notifications yet."]);
    let id = add_debt(&app, &mut ada, &[]).await;
    for amount in ["100", "200"] {
        let posted = pay(&mut ada, id, &[("amount", amount)]).await;
        ada.follow(&posted).await;
    }
    let page = ada.get("/notifications").await;
    let shown = page.shows(&["2 unread notifications."]);
    assert!(shown.contains("Payment recorded"));
    assert_shows(
        &shown,
        &["$200.00 paid towards Car loan ($9.10 of it interest); $719.10 still owed."],
    );
    assert!(page.body.contains(&format!("href=\"/debts/{id}\"")));
    assert!(
        shown.contains("Notifications 2 unread"),
        "the badge: {shown}"
    );
    let newest = scalar(&app, "SELECT MAX(id) FROM notifications").await;
    let newest_s = newest.to_string();

    // Eve can neither see nor mark Ada's.
    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    assert!(!text(&eve.get("/notifications").await.body).contains("Car loan"));
    let json = eve
        .post_hydrated(
            "/api/notifications/read",
            "/notifications",
            &[("id", &newest_s)],
        )
        .await;
    assert_eq!(json.status, StatusCode::NOT_FOUND);
    eve.post_form("/api/notifications/read-all", "/notifications", &[])
        .await;
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE read_at IS NULL"
        )
        .await,
        2
    );

    // Ada marks one, then all.
    let posted = ada
        .post_form(
            "/api/notifications/read",
            "/notifications",
            &[("id", &newest_s)],
        )
        .await;
    posted.redirects_to("/notifications");
    ada.follow(&posted).await.shows(&["1 unread notification."]);
    let page = ada
        .submit("/api/notifications/read-all", "/notifications", &[])
        .await;
    let shown = page.shows(&["All notifications marked as read."]);
    assert!(shown.contains("Everything is read."));
    assert!(!page.body.contains("unread-count"));
}

async fn notify_creates_each_deduplicated_notice_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.signed_up("ada@example.org", PASSWORD).await;
    let scope = member_scope(&app, "ada@example.org", Access::Write(Area::Debts)).await;
    let note = |key: Option<&str>| NewNotification {
        kind: NotificationKind::GoalMilestone,
        title: "Half way".into(),
        body: "Holiday fund reached 50 %.".into(),
        action_link: Some("/goals/1".into()),
        dedup_key: key.map(str::to_owned),
    };
    let members = Recipients::Members {
        org_id: scope.org_id,
    };
    let one = Recipients::User {
        user_id: scope.user_id,
        org_id: Some(scope.org_id),
    };
    assert_eq!(
        notify_now(&app.db, members, &note(Some("goal:1:50")))
            .await
            .expect("notify"),
        1
    );
    assert_eq!(
        notify_now(&app.db, members, &note(Some("goal:1:50")))
            .await
            .expect("notify"),
        0
    );
    assert_eq!(
        notify_now(&app.db, one, &note(Some("goal:1:50")))
            .await
            .expect("notify"),
        0
    );
    assert_eq!(
        notify_now(&app.db, one, &note(None)).await.expect("notify"),
        1
    );
    assert_eq!(
        notify_now(&app.db, one, &note(None)).await.expect("notify"),
        1
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM notifications").await, 3);
    assert_eq!(
        text_of(&app, "SELECT DISTINCT kind FROM notifications").await,
        "goal_milestone"
    );
}

async fn the_reminder_job_creates_one_notice_per_due_date(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let today = today();
    let soon = iso(today + time::Duration::days(2));
    let later = iso(today + time::Duration::days(10));
    let start = iso(today - time::Duration::days(20));
    let id = add_debt(
        &app,
        &mut ada,
        &[("start_date", &start), ("next_payment_date", &soon)],
    )
    .await;
    add_debt(
        &app,
        &mut ada,
        &[
            ("name", "Later"),
            ("start_date", &start),
            ("next_payment_date", &later),
        ],
    )
    .await;

    assert_eq!(jobs::send_reminders(&app.db, today).await.expect("job"), 1);
    assert_eq!(
        jobs::send_reminders(&app.db, today).await.expect("again"),
        0
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_reminder'"
        )
        .await,
        1
    );
    let title = text_of(
        &app,
        "SELECT title FROM notifications WHERE kind = 'payment_reminder'",
    )
    .await;
    assert_eq!(title, "Car loan: payment due in 2 days");
    assert_eq!(
        text_of(
            &app,
            "SELECT action_link FROM notifications WHERE kind = 'payment_reminder'"
        )
        .await,
        format!("/debts/{id}")
    );
    // The user sees it, with the badge.
    let page = ada.get("/notifications").await;
    let shown = page.shows(&["Car loan: payment due in 2 days"]);
    assert!(
        shown.contains(&format!("$88.85 is due on {soon}.")),
        "{shown}"
    );

    // Days later, still one for this due date; the other debt's window opens.
    let day = today + time::Duration::days(8);
    assert_eq!(jobs::send_reminders(&app.db, day).await.expect("job"), 1);
    assert_eq!(jobs::send_reminders(&app.db, day).await.expect("job"), 0);

    // Once paid, the next due date gets its own reminder when its window comes.
    let posted = pay(&mut ada, id, &[("amount", "88.85")]).await;
    ada.follow(&posted).await;
    let next = date_of(
        &app,
        &format!("SELECT next_payment_date FROM debts WHERE id = {id}"),
    )
    .await;
    assert!(next > today + time::Duration::days(2));
    let window = next - time::Duration::days(3);
    assert_eq!(jobs::send_reminders(&app.db, window).await.expect("job"), 1);
}

async fn two_job_instances_take_turns_with_the_lease(backend: Backend) {
    let app = with_a_debt_due_tomorrow(backend).await;
    let minute = Duration::from_secs(60);
    let now = OffsetDateTime::now_utc();

    assert!(lease(&app, "a", now).await);
    assert!(!lease(&app, "b", now).await);
    // The holder renews.
    let later = now + time::Duration::seconds(30);
    assert!(lease(&app, "a", later).await);
    assert!(!lease(&app, "b", later + time::Duration::seconds(45)).await);
    // After expiry the other instance takes over, and the first waits its turn.
    let expired = later + time::Duration::seconds(61);
    assert!(lease(&app, "b", expired).await);
    assert!(!lease(&app, "a", expired).await);
    // Released at shutdown, it is free at once.
    jobs::release(&app.db, "test", "b").await.expect("release");
    assert!(lease(&app, "a", expired).await);

    // Two instances racing for the reminder job: one runs, the other stands by.
    let (db1, db2) = (app.db.clone(), app.db.clone());
    let (first, second) = tokio::join!(
        tokio::spawn(async move { jobs::run_reminders(&db1, "one", now, minute).await }),
        tokio::spawn(async move { jobs::run_reminders(&db2, "two", now, minute).await }),
    );
    let outcomes = [
        first.expect("task").expect("run"),
        second.expect("task").expect("run"),
    ];
    assert_eq!(
        outcomes.iter().filter(|o| o.is_some()).count(),
        1,
        "{outcomes:?}"
    );
    assert_eq!(outcomes.iter().flatten().sum::<u64>(), 1);
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_reminder'"
        )
        .await,
        1
    );
    // The loser takes its turn once the winner's lease has run out; nothing is doubled.
    let winner = if outcomes[0].is_some() { "one" } else { "two" };
    let loser = if winner == "one" { "two" } else { "one" };
    let after = now + time::Duration::seconds(120);
    assert_eq!(
        jobs::run_reminders(&app.db, loser, after, minute)
            .await
            .expect("run"),
        Some(0)
    );
    assert_eq!(
        jobs::run_reminders(&app.db, winner, after, minute)
            .await
            .expect("run"),
        None
    );
}

async fn the_job_loop_runs_on_its_timer_and_stops_on_shutdown(backend: Backend) {
    let app = with_a_debt_due_tomorrow(backend).await;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let settings = jobs::JobSettings::every(Duration::from_millis(50));
    let loop_task = tokio::spawn(jobs::run(app.db.clone(), settings, stopped));
    // The first tick runs at once; wait for its reminder.
    let mut waited = 0;
    while scalar(
        &app,
        "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_reminder'",
    )
    .await
        == 0
    {
        waited += 1;
        assert!(waited < 200, "no reminder from the job loop");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    stop.send(true).expect("the loop listens");
    tokio::time::timeout(Duration::from_secs(10), loop_task)
        .await
        .expect("the loop stops promptly")
        .expect("task");
    // Released at shutdown: another instance may take over at once.
    assert!(
        jobs::try_lease(
            &app.db,
            jobs::REMINDERS,
            "successor",
            OffsetDateTime::now_utc(),
            Duration::from_secs(60)
        )
        .await
        .expect("lease")
    );
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM notifications WHERE kind = 'payment_reminder'"
        )
        .await,
        1
    );
}
