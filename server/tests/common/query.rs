//! Reading the database behind the router, to check what a form wrote or to find the id
//! a later form needs. Every query runs the same on SQLite and PostgreSQL; a failed query
//! fails the test with the SQL that failed.

use super::TestApp;
use florin::role::Access;
use florin_app::on_db;
use florin_app::orgs::repo::{self as orgs, Scope};
use time::Date;

/// The one integer `sql` selects: a count, a sum, an id.
pub async fn scalar(app: &TestApp, sql: &str) -> i64 {
    on_db!(&app.db, |pool| sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(pool)
        .await)
    .expect(sql)
}

/// The one text `sql` selects.
pub async fn text_of(app: &TestApp, sql: &str) -> String {
    on_db!(&app.db, |pool| sqlx::query_scalar::<_, String>(sql)
        .fetch_one(pool)
        .await)
    .expect(sql)
}

/// Every text `sql` selects, in its order.
pub async fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    on_db!(&app.db, |pool| sqlx::query_scalar::<_, String>(sql)
        .fetch_all(pool)
        .await)
    .expect(sql)
}

/// The one date `sql` selects.
pub async fn date_of(app: &TestApp, sql: &str) -> Date {
    on_db!(&app.db, |pool| sqlx::query_scalar::<_, Date>(sql)
        .fetch_one(pool)
        .await)
    .expect(sql)
}

/// The id of the user who signed up with `email`.
pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    on_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(pool)
            .await
    })
    .expect("user")
}

/// The id of the first category called `name` (sign-up gives each organisation the
/// default ones, so in a test with one user it is that user's).
pub async fn category_id(app: &TestApp, name: &str) -> i64 {
    on_db!(&app.db, |pool| {
        sqlx::query_scalar("SELECT MIN(id) FROM categories WHERE name = $1")
            .bind(name)
            .fetch_one(pool)
            .await
    })
    .expect("category")
}

/// The scope the user with `email` acts in: their default organisation, with `access`.
pub async fn member_scope(app: &TestApp, email: &str, access: Access) -> Scope {
    let user = user_id(app, email).await;
    let org = orgs::default_org(&app.db, user)
        .await
        .expect("query")
        .expect("org");
    orgs::scope(&app.db, user, org, access)
        .await
        .expect("scope")
}
