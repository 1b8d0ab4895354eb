//! Reading the database behind the router, to check what a form wrote or to find the id
//! a later form needs. Every query runs the same on SQLite and PostgreSQL; a failed query
//! fails the test with the SQL that failed.

use super::TestApp;
use florin::role::Access;
use florin_app::on_db;
use florin_app::orgs::repo::{self as orgs, Scope};
use time::Date;

/// What a column can be read into on both databases.
pub trait Column:
    Send
    + Unpin
    + for<'r> sqlx::Decode<'r, sqlx::Sqlite>
    + sqlx::Type<sqlx::Sqlite>
    + for<'r> sqlx::Decode<'r, sqlx::Postgres>
    + sqlx::Type<sqlx::Postgres>
{
}

impl<T> Column for T where
    T: Send
        + Unpin
        + for<'r> sqlx::Decode<'r, sqlx::Sqlite>
        + sqlx::Type<sqlx::Sqlite>
        + for<'r> sqlx::Decode<'r, sqlx::Postgres>
        + sqlx::Type<sqlx::Postgres>
{
}

/// The one value `sql` selects, with `params` bound to `$1`, `$2`… in order.
pub async fn one<T: Column>(app: &TestApp, sql: &str, params: &[&str]) -> T {
    on_db!(&app.db, |pool| {
        let mut query = sqlx::query_scalar::<_, T>(sql);
        for param in params {
            query = query.bind(*param);
        }
        query.fetch_one(pool).await
    })
    .expect(sql)
}

/// Every value `sql` selects, in its order.
pub async fn all<T: Column>(app: &TestApp, sql: &str) -> Vec<T> {
    on_db!(&app.db, |pool| sqlx::query_scalar::<_, T>(sql)
        .fetch_all(pool)
        .await)
    .expect(sql)
}

/// The one integer `sql` selects: a count, a sum, an id.
pub async fn scalar(app: &TestApp, sql: &str) -> i64 {
    one(app, sql, &[]).await
}

/// The one text `sql` selects.
pub async fn text_of(app: &TestApp, sql: &str) -> String {
    one(app, sql, &[]).await
}

/// Every text `sql` selects, in its order.
pub async fn texts(app: &TestApp, sql: &str) -> Vec<String> {
    all(app, sql).await
}

/// The one date `sql` selects.
pub async fn date_of(app: &TestApp, sql: &str) -> Date {
    one(app, sql, &[]).await
}

/// The id of the user who signed up with `email`.
pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    one(app, "SELECT id FROM users WHERE email = $1", &[email]).await
}

/// The id of the first category called `name` (sign-up gives each organisation the
/// default ones, so in a test with one user it is that user's).
pub async fn category_id(app: &TestApp, name: &str) -> i64 {
    one(
        app,
        "SELECT MIN(id) FROM categories WHERE name = $1",
        &[name],
    )
    .await
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
