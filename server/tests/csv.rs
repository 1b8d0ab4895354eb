//! CSV out and in, through the routes and forms a browser without JavaScript uses, on
//! SQLite and PostgreSQL: a filtered export, an import that maps, previews, skips
//! duplicates and commits all or nothing, the round trip between them, and isolation.

mod common;

use axum::http::StatusCode;
use common::builders::account::add_account_at;
use common::builders::transaction::add_transaction;
use common::query::{category_id, scalar};
use common::{Backend, Browser, PASSWORD, TestApp, text};
use florin_app::on_db;

/// Uploads `csv` into `account` and returns the preview's path.
async fn upload(browser: &mut Browser, account: &str, csv: &str) -> common::Page {
    browser
        .post_file(
            "/import/upload",
            "/import",
            &[("account_id", account)],
            ("file", "statement.csv", csv.as_bytes()),
        )
        .await
}

on_both!(
    export_streams_the_filtered_set_as_csv,
    import_previews_then_commits_and_skips_duplicates,
    a_file_with_a_bad_row_imports_nothing,
    export_then_import_round_trips,
    another_organisation_cannot_see_or_commit_an_import,
);

/// Adds a Checking account in USD with an income, a tagged expense and a payee a
/// spreadsheet would run as a formula; returns the account's id.
async fn seed_three(app: &TestApp, browser: &mut Browser) -> String {
    let account = add_account_at(app, browser, "Checking", "USD", "", "0").await;
    let groceries = category_id(app, "Groceries").await.to_string();
    let salary = category_id(app, "Salary").await.to_string();
    add_transaction(
        browser,
        &[
            ("kind", "income"),
            ("date", "2026-10-01"),
            ("amount", "2,500.00"),
            ("account_id", &account),
            ("category_id", &salary),
            ("payee", "Employer, Inc."),
        ],
    )
    .await;
    add_transaction(
        browser,
        &[
            ("kind", "expense"),
            ("date", "2026-10-03"),
            ("amount", "45.10"),
            ("account_id", &account),
            ("category_id", &groceries),
            ("payee", "Corner \"Fresh\" Market"),
            ("notes", "weekly shop\nwith a second line"),
            ("tags", "food, family"),
        ],
    )
    .await;
    add_transaction(
        browser,
        &[
            ("kind", "expense"),
            ("date", "2026-10-05"),
            ("amount", "12"),
            ("account_id", &account),
            ("payee", "=SUM(A1:A9)"),
        ],
    )
    .await;
    account
}

async fn export_streams_the_filtered_set_as_csv(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    seed_three(&app, &mut browser).await;

    let all = browser.get("/transactions/export.csv").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(
        all.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv"),
    );
    assert!(
        all.headers["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .contains("attachment")
    );
    let lines: Vec<&str> = all.body.trim_end().split("\r\n").collect();
    assert!(
        lines[0]
            .trim_start_matches('\u{feff}')
            .starts_with("Date,Kind,Amount,Currency")
    );
    assert!(
        all.body.contains("2026-10-01,income,2500.00,USD,Checking"),
        "{}",
        all.body
    );
    assert!(
        all.body.contains("\"Corner \"\"Fresh\"\" Market\""),
        "{}",
        all.body
    );
    assert!(all.body.contains("\"family, food\""), "{}", all.body);
    // A payee that a spreadsheet would run as a formula is exported as text.
    assert!(all.body.contains("'=SUM(A1:A9)"), "{}", all.body);

    let expenses = browser.get("/transactions/export.csv?kind=expense").await;
    assert!(!expenses.body.contains("Employer"));
    assert!(expenses.body.contains("-45.10"));

    // Signed out, the export sends the visitor to sign in.
    let mut stranger = app.browser();
    let refused = stranger.get("/transactions/export.csv").await;
    assert!(refused.status.is_redirection());
    assert!(refused.location.unwrap_or_default().starts_with("/sign-in"));
}

const STATEMENT: &str = "\u{feff}Booking date;Description;Amount;Transaction ID\r\n\
    03.10.2026;Corner Market;-45,10;REF-1\r\n\
    04.10.2026;Bakery;-3,20;REF-2\r\n\
    05.10.2026;\"Refund; partial\";10,00;REF-3\r\n";

async fn import_previews_then_commits_and_skips_duplicates(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account_at(&app, &mut browser, "Giro", "EUR", "", "0").await;

    let uploaded = upload(&mut browser, &account, STATEMENT).await;
    assert!(uploaded.status.is_redirection(), "{}", uploaded.body);
    let preview_path = uploaded.location.clone().expect("to the preview");
    assert!(preview_path.starts_with("/import/"));
    let batch = scalar(&app, "SELECT id FROM import_batches").await;

    let preview = browser.get(&preview_path).await;
    assert_eq!(preview.status, StatusCode::OK);
    preview.shows(&[
        "3 rows — 3 new, 0 already in the account, 0 with errors",
        "Refund; partial",
        "Import 3 transactions",
    ]);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM transactions").await,
        0,
        "nothing yet"
    );

    let committed = commit(&mut browser, batch, &preview_path).await;
    committed.redirects_to(&format!("/transactions?account={account}"));
    let landed = browser.follow(&committed).await;
    assert!(text(&landed.body).contains("Imported 3 transactions."));
    assert_eq!(
        scalar(
            &app,
            "SELECT CAST(SUM(amount) AS BIGINT) FROM transactions WHERE kind = 'expense'"
        )
        .await,
        4830
    );
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM transactions WHERE source = 'import' AND external_id = 'REF-3' AND kind = 'income'").await,
        1
    );

    // Committing the same batch again writes nothing.
    let again = commit(&mut browser, batch, &preview_path).await;
    assert!(again.status.is_redirection());
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 3);

    // The same statement uploaded again: every row is already there.
    let second = upload(&mut browser, &account, STATEMENT).await;
    let second_preview = browser
        .get(&second.location.clone().expect("preview"))
        .await;
    assert!(
        text(&second_preview.body).contains("3 rows — 0 new, 3 already in the account"),
        "{}",
        text(&second_preview.body)
    );

    // Without bank ids, (date, amount, payee) still finds the duplicate.
    let no_ids = "Date,Payee,Amount\n2026-10-04,  BAKERY ,-3.20\n2026-10-06,Bakery,-3.20\n";
    let third = upload(&mut browser, &account, no_ids).await;
    let third_path = third.location.clone().expect("preview");
    let third_batch: i64 = third_path
        .trim_start_matches("/import/")
        .parse()
        .expect("id");
    let done = commit(&mut browser, third_batch, &third_path).await;
    let landed = browser.follow(&done).await;
    assert!(
        text(&landed.body).contains("Imported 1 transactions; skipped 1 already in the account."),
        "{}",
        text(&landed.body)
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 4);
}

/// Commits with the guessed mapping, as the preview page's button does.
async fn commit(browser: &mut Browser, batch: i64, from: &str) -> common::Page {
    let preview = browser.get(from).await;
    let mut fields: Vec<(String, String)> = vec![("id".into(), batch.to_string())];
    for key in [
        "date",
        "amount",
        "debit",
        "credit",
        "payee",
        "notes",
        "category",
        "tags",
        "external_id",
        "date_format",
        "decimal_comma",
    ] {
        fields.push((key.into(), hidden_value(&preview.body, key)));
    }
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    browser
        .post_form("/api/imports/commit", from, &borrowed)
        .await
}

/// The value of the commit form's hidden input `name`.
fn hidden_value(body: &str, name: &str) -> String {
    let needle = format!("type=\"hidden\" name=\"{name}\" value=\"");
    body.find(&needle)
        .map(|at| {
            let rest = &body[at + needle.len()..];
            rest[..rest.find('"').unwrap_or(0)].to_owned()
        })
        .unwrap_or_default()
}

async fn a_file_with_a_bad_row_imports_nothing(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account_at(&app, &mut browser, "Checking", "USD", "", "0").await;
    let csv =
        "Date,Payee,Amount\n2026-10-01,Good,-1.00\n2026-10-02,Bad,12.345\n2026-13-01,Worse,-2\n";
    let uploaded = upload(&mut browser, &account, csv).await;
    let path = uploaded.location.clone().expect("preview");
    let preview = browser.get(&path).await;
    let shown = preview.shows(&[
        "2 with errors",
        "Line 3, Amount: USD amounts have at most 2 decimals.",
        "Line 4",
    ]);
    assert!(
        !shown.contains("Import 1 transaction"),
        "no button while rows are wrong"
    );

    let batch: i64 = path.trim_start_matches("/import/").parse().expect("id");
    let refused = commit(&mut browser, batch, &path).await;
    assert!(refused.status.is_redirection());
    let back = browser.follow(&refused).await;
    assert!(
        text(&back.body).contains("Nothing was imported: 2 row(s) have errors"),
        "{}",
        text(&back.body)
    );
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM import_batches WHERE status = 'pending'"
        )
        .await,
        1
    );

    // Files that are not CSV never become a batch.
    for (bad, message) in [
        ("", "Choose a CSV file to upload."),
        (
            "just one line without rows\n",
            "The file names its columns but has no rows.",
        ),
    ] {
        let refused = upload(&mut browser, &account, bad).await;
        refused.redirects_to("/import");
        let page = browser.follow(&refused).await;
        assert!(text(&page.body).contains(message), "{}", text(&page.body));
    }
    let binary = browser
        .post_file(
            "/import/upload",
            "/import",
            &[("account_id", &account)],
            ("file", "x.csv", &[0xff, 0xfe, 0x00, 0x41]),
        )
        .await;
    binary.redirects_to("/import");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM import_batches").await, 1);
}

async fn export_then_import_round_trips(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let original = seed_three(&app, &mut browser).await;
    let copy = add_account_at(&app, &mut browser, "Copy", "USD", "", "0").await;

    let exported = browser
        .get(&format!("/transactions/export.csv?account={original}"))
        .await;
    let uploaded = upload(&mut browser, &copy, &exported.body).await;
    let path = uploaded.location.clone().expect("preview");
    let batch: i64 = path.trim_start_matches("/import/").parse().expect("id");
    let done = commit(&mut browser, batch, &path).await;
    assert!(
        done.location
            .unwrap_or_default()
            .starts_with("/transactions")
    );

    let fields = "t.occurred_on, t.kind, t.amount, t.currency, t.payee, t.notes, \
                  COALESCE(c.name, '') AS category";
    let rows = |account: &str| {
        format!(
            "SELECT {fields} FROM transactions t LEFT JOIN categories c ON c.id = t.category_id \
             WHERE t.account_id = {account} ORDER BY t.occurred_on, t.payee"
        )
    };
    type Row = (time::Date, String, i64, String, String, String, String);
    let before: Vec<Row> = on_db!(&app.db, |pool| sqlx::query_as(&rows(&original))
        .fetch_all(pool)
        .await)
    .expect("rows");
    let after: Vec<Row> = on_db!(&app.db, |pool| sqlx::query_as(&rows(&copy))
        .fetch_all(pool)
        .await)
    .expect("rows");
    assert_eq!(before.len(), 3);
    assert_eq!(before, after);
    let tags = |account: &str| {
        format!(
            "SELECT COUNT(*) FROM transaction_tags g JOIN transactions t ON t.id = g.transaction_id \
             WHERE t.account_id = {account}"
        )
    };
    assert_eq!(
        scalar(&app, &tags(&copy)).await,
        scalar(&app, &tags(&original)).await
    );
}

async fn another_organisation_cannot_see_or_commit_an_import(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account_at(&app, &mut ada, "Ada's", "EUR", "", "0").await;
    let uploaded = upload(&mut ada, &account, STATEMENT).await;
    let path = uploaded.location.clone().expect("preview");
    let batch: i64 = path.trim_start_matches("/import/").parse().expect("id");

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let page = eve.get(&path).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(!page.body.contains("Corner Market"));
    let refused = commit(&mut eve, batch, &path).await;
    assert!(refused.status.is_redirection() || refused.status == StatusCode::NOT_FOUND);
    // Uploading into Ada's account is refused too.
    let into_ada = upload(&mut eve, &account, STATEMENT).await;
    into_ada.redirects_to("/import");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM import_batches").await, 1);
    // Eve's export holds nothing of Ada's.
    let export = eve.get("/transactions/export.csv").await;
    assert!(!export.body.contains("Corner"));
}
