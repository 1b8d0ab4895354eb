//! The ledger through its forms and pages, as a browser without JavaScript uses them, on
//! SQLite and PostgreSQL: accounts and balances, categories, transactions, filters and
//! keyset pages, and isolation between organisations.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one story, from its setup to its last assertion"
)]

mod common;

use axum::http::StatusCode;
use common::builders::account::{AccountBuilder, add_account_at};
use common::builders::repo::new_transaction;
use common::builders::transaction::post_new_transaction;
use common::query::{category_id, member_scope, scalar};
use common::{Backend, PASSWORD, TestApp, assert_not_found, text};
use florin::ledger::TransactionKind;
use florin::role::Access;
use florin_app::on_db;
use florin_app::transactions::repo::{self as tx_repo, NewTransaction};
use time::macros::date;

on_both!(
    sign_up_creates_the_default_categories,
    balances_derive_from_opening_balance_and_every_kind_of_transaction,
    bad_amounts_and_dates_get_field_errors_and_write_nothing,
    another_organisation_gets_not_found_for_every_id,
    keyset_pages_cover_every_row_once,
    filters_narrow_the_list_and_the_totals,
    merging_a_category_moves_its_transactions,
    editing_and_deleting_a_transaction,
    rollup_totals_match_the_ledger_after_every_kind_of_write,
);

/// Inserts `n` expenses straight through the repository, one per day going back.
async fn seed(app: &TestApp, email: &str, n: i64) -> (i64, i64) {
    let scope = member_scope(app, email, Access::Read).await;
    let org = scope.org_id;
    let account = scalar(
        app,
        &format!("SELECT MIN(id) FROM accounts WHERE organisation_id = {org}"),
    )
    .await;
    for i in 0..n {
        let kind = if i % 10 == 0 {
            TransactionKind::Income
        } else {
            TransactionKind::Expense
        };
        let new = NewTransaction {
            payee: format!("Seeded{i:03}"),
            notes: if i % 7 == 0 {
                "weekly_shop 100%".into()
            } else {
                String::new()
            },
            tags: if i % 5 == 0 {
                vec!["five".into()]
            } else {
                vec![]
            },
            ..new_transaction(
                kind,
                date!(2026 - 11 - 01) - time::Duration::days(i / 3),
                100 + i,
                "USD",
                account,
            )
        };
        tx_repo::create(&app.db, &scope, &new)
            .await
            .expect("insert");
    }
    (org, account)
}

/// The distinct seeded payees on a page, in order (each row names its payee twice: in its
/// cell and in the edit link's hidden label).
fn payees(body: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for name in text(body)
        .split_whitespace()
        .filter(|word| word.starts_with("Seeded"))
    {
        if !found.iter().any(|seen| seen == name) {
            found.push(name.to_owned());
        }
    }
    found
}

fn next_link(body: &str) -> Option<String> {
    let at = body.find("rel=\"next\"")?;
    let start = body[..at].rfind("href=\"")? + 6;
    let end = start + body[start..].find('"')?;
    Some(body[start..end].replace("&amp;", "&"))
}

/// Totals straight from the ledger, the slow way, to check the roll-ups against.
async fn ledger_totals(
    app: &TestApp,
    org: i64,
    filter: &tx_repo::Filter,
) -> Vec<(String, String, i64, i64)> {
    let mut sql = format!(
        "SELECT currency, kind, CAST(SUM(amount) AS BIGINT), COUNT(*) FROM transactions \
         WHERE organisation_id = {org}"
    );
    if let Some(from) = filter.from {
        sql.push_str(&format!(" AND occurred_on >= '{from}'"));
    }
    if let Some(to) = filter.to {
        sql.push_str(&format!(" AND occurred_on <= '{to}'"));
    }
    if let Some(account) = filter.account {
        sql.push_str(&format!(
            " AND (account_id = {account} OR counter_account_id = {account})"
        ));
    }
    if let Some(kind) = filter.kind {
        sql.push_str(&format!(" AND kind = '{}'", kind.as_str()));
    }
    sql.push_str(" GROUP BY currency, kind ORDER BY currency, kind");
    on_db!(&app.db, |pool| sqlx::query_as(&sql).fetch_all(pool).await).expect("ledger totals")
}

async fn sign_up_creates_the_default_categories(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM categories").await,
        i64::try_from(florin::ledger::DEFAULT_CATEGORIES.len()).expect("a few categories")
    );
    let page = browser.get("/categories").await;
    let shown = text(&page.body);
    assert!(
        shown.contains("Groceries") && shown.contains("Salary"),
        "{shown}"
    );
}

async fn balances_derive_from_opening_balance_and_every_kind_of_transaction(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let checking = add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "1,000.50").await;
    let savings = add_account_at(&app, &mut browser, "Savings", "EUR", "Bank", "200").await;
    let salary = category_id(&app, "Salary").await.to_string();
    let groceries = category_id(&app, "Groceries").await.to_string();
    for fields in [
        vec![
            ("kind", "income"),
            ("date", "2026-11-01"),
            ("amount", "3,000"),
            ("account_id", &checking),
            ("category_id", &salary),
            ("payee", "ACME"),
        ],
        vec![
            ("kind", "expense"),
            ("date", "2026-11-02"),
            ("amount", "12.50"),
            ("account_id", &checking),
            ("category_id", &groceries),
            ("payee", "Shop"),
            ("tags", "food, weekly"),
        ],
        vec![
            ("kind", "transfer"),
            ("date", "2026-11-03"),
            ("amount", "100"),
            ("account_id", &checking),
            ("counter_account_id", &savings),
            ("counter_amount", "92.15"),
        ],
    ] {
        let posted = post_new_transaction(&mut browser, &fields).await;
        assert_eq!(
            posted.location.as_deref(),
            Some("/transactions"),
            "{fields:?}"
        );
    }
    // 1,000.50 + 3,000 − 12.50 − 100 = 3,888.00 USD; 200 + 92.15 = 292.15 EUR.
    let page = browser.get("/accounts").await;
    let shown = page.shows(&["$3,888.00", "€292.15"]);
    assert!(
        shown.contains("no rate"),
        "EUR has no rate to USD yet: {shown}"
    );
    let (amount, counter): (i64, Option<i64>) = on_db!(&app.db, |pool| {
        sqlx::query_as("SELECT amount, counter_amount FROM transactions WHERE kind = 'transfer'")
            .fetch_one(pool)
            .await
    })
    .expect("transfer");
    assert_eq!((amount, counter), (10_000, Some(9_215)));
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM transaction_tags").await,
        2
    );

    // A same-currency transfer moves the same amount on both sides.
    let cash = add_account_at(&app, &mut browser, "Cash", "USD", "Bank", "0").await;
    let posted = post_new_transaction(
        &mut browser,
        &[
            ("kind", "transfer"),
            ("date", "2026-11-04"),
            ("amount", "40"),
            ("account_id", &checking),
            ("counter_account_id", &cash),
        ],
    )
    .await;
    posted.redirects_to("/transactions");
    let shown = text(&browser.get("/accounts").await.body);
    assert!(
        shown.contains("$3,848.00") && shown.contains("$40.00"),
        "{shown}"
    );
}

async fn bad_amounts_and_dates_get_field_errors_and_write_nothing(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let checking = add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "0").await;
    for (field, value, message) in [
        ("amount", "12.345", "USD amounts have at most 2 decimals."),
        ("amount", "twelve", "Enter an amount using digits"),
        ("amount", "", "Enter an amount."),
        ("amount", "-5", "without a sign"),
        ("amount", "0", "greater than zero"),
        ("amount", "99999999999999999", "too large"),
        ("date", "2026-02-30", "Enter a date like"),
        ("account_id", "999999", "Choose an account from the list."),
    ] {
        let mut fields = vec![
            ("kind", "expense"),
            ("date", "2026-11-01"),
            ("amount", "5"),
            ("account_id", checking.as_str()),
            ("payee", "Kept as typed"),
        ];
        for f in &mut fields {
            if f.0 == field {
                f.1 = value;
            }
        }
        let posted = post_new_transaction(&mut browser, &fields).await;
        assert_eq!(
            posted.location.as_deref(),
            Some("/transactions/new"),
            "{field}={value}"
        );
        let page = browser.follow(&posted).await;
        let shown = text(&page.body);
        assert!(shown.contains(message), "{field}={value}: {shown}");
        assert!(
            page.body.contains("value=\"Kept as typed\""),
            "the form keeps what was typed"
        );
    }
    let shown = browser
        .submit(
            "/api/accounts/save",
            "/accounts",
            &[
                ("id", ""),
                ("name", ""),
                ("kind", "vault"),
                ("currency", "XXX"),
                ("opening_balance", "1.2.3"),
            ],
        )
        .await
        .shows(&["Give the account a name."]);
    assert!(shown.contains("Choose a kind of account."));
    assert!(shown.contains("Choose a currency from the list."));
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM accounts").await, 1);
}

async fn another_organisation_gets_not_found_for_every_id(backend: Backend) {
    let (app, mut ada) = TestApp::with_user(backend, "ada@example.org").await;
    let account = AccountBuilder::new("Ada's checking", "USD")
        .institution("Bank")
        .opening_balance("10")
        .create(&app, &mut ada)
        .await;
    let category = scalar(&app, "SELECT MIN(id) FROM categories").await;
    let posted = post_new_transaction(
        &mut ada,
        &[
            ("kind", "expense"),
            ("date", "2026-11-01"),
            ("amount", "5"),
            ("account_id", &account.to_string()),
            ("payee", "Secret"),
        ],
    )
    .await;
    posted.redirects_to("/transactions");
    let tx = scalar(&app, "SELECT id FROM transactions").await;

    let mut eve = app.signed_up("eve@example.org", PASSWORD).await;
    let paths = [
        format!("/accounts/{account}"),
        format!("/transactions/{tx}"),
        format!("/transactions/{tx}/delete"),
    ];
    for page in assert_not_found(&mut eve, &paths, "Secret").await {
        assert!(
            !page.body.contains("Ada&#x27;s checking") && !page.body.contains("Ada's checking"),
            "the account's name leaks"
        );
    }
    let category_page = eve.get(&format!("/categories/{category}")).await;
    assert_eq!(category_page.status, StatusCode::NOT_FOUND);
    assert!(text(&category_page.body).contains("We could not find that."));

    // Filters naming another organisation's ids are ignored, never applied.
    let list = eve.get(&format!("/transactions?account={account}")).await;
    assert!(!list.body.contains("Secret"));

    // Writes against another organisation's ids change nothing.
    let id = account.to_string();
    eve.post_form(
        "/api/accounts/save",
        "/accounts",
        &[
            ("id", &id),
            ("name", "Hacked"),
            ("kind", "cash"),
            ("currency", "USD"),
            ("opening_balance", "0"),
        ],
    )
    .await;
    eve.post_form(
        "/api/accounts/archive",
        "/accounts",
        &[("id", &id), ("archived", "true")],
    )
    .await;
    eve.post_form(
        "/api/transactions/delete",
        "/transactions",
        &[("id", &tx.to_string())],
    )
    .await;
    eve.post_form(
        "/api/categories/delete",
        "/categories",
        &[("id", &category.to_string()), ("into", "")],
    )
    .await;
    let tx_id = tx.to_string();
    eve.post_form(
        "/api/transactions/save",
        "/transactions",
        &[
            ("id", &tx_id),
            ("kind", "expense"),
            ("date", "2026-11-01"),
            ("amount", "1"),
            ("account_id", &id),
        ],
    )
    .await;
    let (name, archived): (String, bool) = on_db!(&app.db, |pool| {
        sqlx::query_as("SELECT name, archived FROM accounts WHERE id = $1")
            .bind(account)
            .fetch_one(pool)
            .await
    })
    .expect("account");
    assert_eq!((name.as_str(), archived), ("Ada's checking", false));
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 1);
    assert_eq!(scalar(&app, "SELECT amount FROM transactions").await, 500);
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT COUNT(*) FROM categories WHERE id = {category}")
        )
        .await,
        1
    );
}

async fn keyset_pages_cover_every_row_once(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "0").await;
    seed(&app, "ada@example.org", 120).await;
    let mut seen = Vec::new();
    let mut path = "/transactions".to_owned();
    let mut pages = 0;
    loop {
        let page = browser.get(&path).await;
        assert_eq!(page.status, StatusCode::OK);
        let rows = payees(&page.body);
        assert!(rows.len() <= 50);
        seen.extend(rows);
        pages += 1;
        match next_link(&page.body) {
            Some(next) => path = next,
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(seen.len(), 120, "every row once");
    assert_eq!(sorted.len(), 120, "no row twice");
}

async fn filters_narrow_the_list_and_the_totals(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "0").await;
    seed(&app, "ada@example.org", 30).await;
    // Income rows are i = 0, 10, 20: amounts 1.00, 1.10, 1.20.
    let income = browser.get("/transactions?kind=income").await;
    assert_eq!(payees(&income.body).len(), 3);
    assert!(
        text(&income.body).contains("$3.30"),
        "totals of the filtered set"
    );
    let tagged = browser.get("/transactions?tag=FIVE").await;
    assert_eq!(payees(&tagged.body).len(), 6);
    let text_search = browser.get("/transactions?q=WEEKLY_shop%20100%25").await;
    assert_eq!(
        payees(&text_search.body).len(),
        5,
        "i = 0, 7, 14, 21, 28; % and _ are literal"
    );
    let ranged = browser.get("/transactions?min=1.05&max=1.09").await;
    assert_eq!(payees(&ranged.body).len(), 5);
    // Dates: i / 3 days before 2026-11-01; 2026-10-31 holds i = 3, 4, 5.
    let day = browser
        .get("/transactions?from=2026-10-31&to=2026-10-31")
        .await;
    assert_eq!(payees(&day.body).len(), 3);
    let bad = browser.get("/transactions?from=yesterday&min=abc").await;
    let shown = text(&bad.body);
    assert!(
        shown.contains("Enter a date like 2026-01-31.")
            && shown.contains("Enter an amount using digits"),
        "{shown}"
    );
}

async fn merging_a_category_moves_its_transactions(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "0").await;
    let food = category_id(&app, "Food").await.to_string();
    let groceries = category_id(&app, "Groceries").await.to_string();
    let salary = category_id(&app, "Salary").await.to_string();
    for _ in 0..3 {
        post_new_transaction(
            &mut browser,
            &[
                ("kind", "expense"),
                ("date", "2026-11-01"),
                ("amount", "5"),
                ("account_id", &account),
                ("category_id", &food),
            ],
        )
        .await;
    }
    let refused = browser
        .post_form(
            "/api/categories/delete",
            &format!("/categories/{food}"),
            &[("id", &food), ("into", "")],
        )
        .await;
    browser
        .follow(&refused)
        .await
        .shows(&["choose where they go"]);
    browser
        .submit(
            "/api/categories/delete",
            &format!("/categories/{food}"),
            &[("id", &food), ("into", &salary)],
        )
        .await
        .shows(&["Choose a category of the same kind."]);
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT COUNT(*) FROM transactions WHERE category_id = {food}")
        )
        .await,
        3
    );

    let merged = browser
        .post_form(
            "/api/categories/delete",
            &format!("/categories/{food}"),
            &[("id", &food), ("into", &groceries)],
        )
        .await;
    merged.redirects_to("/categories");
    assert!(text(&browser.follow(&merged).await.body).contains("3 transactions moved"));
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT COUNT(*) FROM transactions WHERE category_id = {groceries}")
        )
        .await,
        3
    );
    assert_eq!(
        scalar(
            &app,
            &format!("SELECT COUNT(*) FROM categories WHERE id = {food}")
        )
        .await,
        0
    );

    // Rename keeps the kind; a duplicate name of the same kind is refused.
    browser
        .submit(
            "/api/categories/save",
            &format!("/categories/{groceries}"),
            &[
                ("id", &groceries),
                ("name", "Bills"),
                ("kind", "expense"),
                ("colour", "#123456"),
            ],
        )
        .await
        .shows(&["already exists"]);
}

async fn editing_and_deleting_a_transaction(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    let account = add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "0").await;
    post_new_transaction(
        &mut browser,
        &[
            ("kind", "expense"),
            ("date", "2026-11-01"),
            ("amount", "5"),
            ("account_id", &account),
            ("payee", "Cafe"),
            ("tags", "coffee"),
        ],
    )
    .await;
    let id = scalar(&app, "SELECT id FROM transactions")
        .await
        .to_string();

    let form = browser.get(&format!("/transactions/{id}")).await;
    assert!(form.body.contains("value=\"Cafe\"") && form.body.contains("value=\"coffee\""));
    let copy = browser.get(&format!("/transactions/new?copy={id}")).await;
    assert!(
        copy.body.contains("value=\"Cafe\""),
        "duplicate starts from a copy"
    );

    let saved = browser
        .post_form(
            "/api/transactions/save",
            &format!("/transactions/{id}"),
            &[
                ("id", &id),
                ("kind", "expense"),
                ("date", "2026-11-02"),
                ("amount", "7.25"),
                ("account_id", &account),
                ("payee", "Cafe Nero"),
                ("tags", "coffee, treat"),
            ],
        )
        .await;
    saved.redirects_to("/transactions");
    assert_eq!(scalar(&app, "SELECT amount FROM transactions").await, 725);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM transaction_tags").await,
        2
    );

    let confirm = browser.get(&format!("/transactions/{id}/delete")).await;
    assert!(text(&confirm.body).contains("Delete this transaction?"));
    assert!(text(&confirm.body).contains("Cafe Nero"));
    let deleted = browser.delete("transactions", &id).await;
    deleted.redirects_to("/transactions");
    assert_eq!(scalar(&app, "SELECT COUNT(*) FROM transactions").await, 0);
    assert_eq!(
        scalar(&app, "SELECT COUNT(*) FROM transaction_tags").await,
        0,
        "tags go with it"
    );
}

async fn rollup_totals_match_the_ledger_after_every_kind_of_write(backend: Backend) {
    let (app, mut browser) = TestApp::with_user(backend, "ada@example.org").await;
    add_account_at(&app, &mut browser, "Checking", "USD", "Bank", "0").await;
    let savings = AccountBuilder::new("Savings", "USD")
        .institution("Bank")
        .opening_balance("0")
        .create(&app, &mut browser)
        .await;
    let (org, checking) = seed(&app, "ada@example.org", 150).await;
    let scope = member_scope(&app, "ada@example.org", Access::Read).await;
    // Transfers, edits that move a row across months and accounts, and deletes.
    for (i, day) in [
        date!(2026 - 10 - 31),
        date!(2026 - 09 - 01),
        date!(2026 - 08 - 15),
    ]
    .into_iter()
    .enumerate()
    {
        let new = NewTransaction {
            counter_account_id: Some(savings),
            counter_amount: Some(1_000 + i64::try_from(i).expect("a small index")),
            payee: "Move".into(),
            ..new_transaction(
                TransactionKind::Transfer,
                day,
                1_000 + i64::try_from(i).expect("a small index"),
                "USD",
                checking,
            )
        };
        tx_repo::create(&app.db, &scope, &new)
            .await
            .expect("transfer");
    }
    let ids: Vec<i64> = on_db!(&app.db, |pool| sqlx::query_scalar(
        "SELECT id FROM transactions ORDER BY id"
    )
    .fetch_all(pool)
    .await)
    .expect("ids");
    for id in ids.iter().step_by(7) {
        tx_repo::delete(&app.db, &scope, *id).await.expect("delete");
    }
    for id in ids.iter().skip(3).step_by(11) {
        // Some were deleted above.
        let Ok((record, _)) = tx_repo::find(&app.db, &scope, *id).await else {
            continue;
        };
        let moved = NewTransaction {
            payee: record.payee,
            ..new_transaction(
                TransactionKind::Expense,
                record.occurred_on - time::Duration::days(40),
                record.amount + 5,
                "USD",
                savings,
            )
        };
        tx_repo::update(&app.db, &scope, *id, &moved)
            .await
            .expect("update");
    }
    let bounds = [
        None,
        Some(date!(2026 - 08 - 01)),
        Some(date!(2026 - 08 - 20)),
        Some(date!(2026 - 09 - 30)),
        Some(date!(2026 - 10 - 31)),
        Some(date!(2026 - 11 - 01)),
    ];
    let mut checked = 0;
    for from in bounds {
        for to in bounds {
            for account in [None, Some(checking), Some(savings)] {
                for kind in [
                    None,
                    Some(TransactionKind::Expense),
                    Some(TransactionKind::Transfer),
                ] {
                    let filter = tx_repo::Filter {
                        from,
                        to,
                        account,
                        kind,
                        ..Default::default()
                    };
                    let fast = tx_repo::totals(&app.db, &scope, &filter)
                        .await
                        .expect("totals");
                    let slow = ledger_totals(&app, org, &filter).await;
                    assert_eq!(fast, slow, "{filter:?}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 324);
    // A full rebuild agrees with the roll-ups kept up to date write by write.
    let kept: Vec<(time::Date, i64, i64, String, String, i64, i64)> = on_db!(&app.db, |pool| {
        sqlx::query_as(
            "SELECT month, account_id, counter_account_id, kind, currency, total, n \
             FROM monthly_totals WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5",
        )
        .fetch_all(pool)
        .await
    })
    .expect("kept");
    tx_repo::rebuild_rollups(&app.db, &scope)
        .await
        .expect("rebuild");
    let rebuilt: Vec<(time::Date, i64, i64, String, String, i64, i64)> = on_db!(&app.db, |pool| {
        sqlx::query_as(
            "SELECT month, account_id, counter_account_id, kind, currency, total, n \
             FROM monthly_totals ORDER BY 1, 2, 3, 4, 5",
        )
        .fetch_all(pool)
        .await
    })
    .expect("rebuilt");
    assert_eq!(kept, rebuilt);
}
