//! The database handle: one enum over the two pools, and macros that expand one query
//! text against whichever backend is live. Queries are written once with `$1` placeholders,
//! `BIGINT` integers and `RETURNING`, which both SQLite and PostgreSQL accept.

use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

/// A pool of connections to the configured database.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// An open transaction on either backend; dropped without `commit` it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Db {
    /// Starts a transaction. On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`)
    /// so that two writers queue on the busy timeout instead of deadlocking on upgrade.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Self::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Sqlite(tx) => tx.commit().await,
            Self::Postgres(tx) => tx.commit().await,
        }
    }
}

/// A record read with one sum beside it (the `total` column): a cycle with its expected
/// expenses, a limit with the month's spending.
#[derive(Clone, Debug)]
pub struct Totalled<T> {
    pub record: T,
    pub total: i64,
}

impl<'r, R: sqlx::Row, T> sqlx::FromRow<'r, R> for Totalled<T>
where
    T: sqlx::FromRow<'r, R>,
    &'r str: sqlx::ColumnIndex<R>,
    i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    fn from_row(row: &'r R) -> Result<Self, sqlx::Error> {
        Ok(Self {
            record: T::from_row(row)?,
            total: row.try_get("total")?,
        })
    }
}

/// `Ok` when a write changed a row; none changed means the record is not there, or not
/// the organisation's: `NotFound` either way.
pub fn found(changed: u64) -> Result<(), crate::error::AppError> {
    if changed == 0 {
        Err(crate::error::AppError::NotFound)
    } else {
        Ok(())
    }
}

/// A unique index or foreign key a write can run into, as each database names it, and
/// the field error it means. PostgreSQL reports the constraint's name; SQLite reports
/// the columns (`users.email`), or `index 'name'` for an index on an expression.
pub struct Rule {
    pub postgres: &'static str,
    pub sqlite: &'static str,
    pub field: &'static str,
    pub message: &'static str,
}

/// Maps a violation of one of `rules` to its field error, where the write happens; any
/// other error goes through `AppError::from` (logged there when it is not the user's).
pub fn on_violation(error: sqlx::Error, rules: &[Rule]) -> crate::error::AppError {
    if let sqlx::Error::Database(db) = &error
        && (db.is_unique_violation() || db.is_foreign_key_violation())
    {
        let constraint = db.constraint();
        let message = db.message();
        let broken = rules.iter().find(|rule| match constraint {
            Some(name) => name == rule.postgres,
            None => message.ends_with(rule.sqlite),
        });
        if let Some(rule) = broken {
            tracing::info!(field = rule.field, "constraint refused the write");
            let mut errors = crate::error::FieldErrors::new();
            errors.add(rule.field, rule.message);
            return crate::error::AppError::Invalid(errors);
        }
    }
    error.into()
}

/// Runs `$body` with `$pool` bound to the live pool. The body is expanded once per backend,
/// so its query text is written once and type-checked against both; results whose type
/// differs by backend (`execute`'s) are mapped to a common type inside the body.
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

/// Like [`on_db!`], inside a transaction: `$conn` is the transaction's connection.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(tx) => {
                let $conn = &mut **tx;
                $body
            }
            $crate::db::Tx::Postgres(tx) => {
                let $conn = &mut **tx;
                $body
            }
        }
    };
}

/// Declares a struct read from query rows, with a `sqlx::FromRow` implementation for either
/// backend that takes each field from the column of the same name. It stands in for
/// `#[derive(sqlx::FromRow)]`, whose proc-macro crate would compile sqlx's drivers a
/// second time for the build host.
#[macro_export]
macro_rules! from_row {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $( $(#[$field_meta:meta])* $field_vis:vis $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$field_meta])* $field_vis $field : $ty ),*
        }

        impl<'r, R: ::sqlx::Row> ::sqlx::FromRow<'r, R> for $name
        where
            &'r str: ::sqlx::ColumnIndex<R>,
            $( $ty: ::sqlx::Decode<'r, R::Database> + ::sqlx::Type<R::Database>, )*
        {
            fn from_row(row: &'r R) -> Result<Self, ::sqlx::Error> {
                Ok(Self { $( $field: row.try_get(stringify!($field))?, )* })
            }
        }
    };
}

/// Runs one query text on the live pool, binding the arguments to `$1`, `$2`… in order:
/// `sql!(db, all, "SELECT … WHERE organisation_id = $1", scope.org_id)`. The kind names
/// what comes back: `execute` the number of rows affected; `all`, `one` and `optional`
/// rows read with `FromRow`; `scalars`, `scalar` and `scalar_optional` the first column.
#[macro_export]
macro_rules! sql {
    ($db:expr, $kind:ident, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::on_db!($db, |pool| $crate::sql_run!(pool, $kind, $sql $(, $arg)*))
    };
}

/// Like [`sql!`], inside a transaction (`&mut Tx`).
#[macro_export]
macro_rules! sql_tx {
    ($tx:expr, $kind:ident, $sql:expr $(, $arg:expr)* $(,)?) => {
        $crate::on_tx!($tx, |conn| $crate::sql_run!(conn, $kind, $sql $(, $arg)*))
    };
}

/// The query builder behind [`sql!`] and [`sql_tx!`], on one executor.
#[doc(hidden)]
#[macro_export]
macro_rules! sql_run {
    ($on:ident, execute, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query($sql)$(.bind($arg))*
            .execute($on)
            .await
            .map(|done| done.rows_affected())
    };
    ($on:ident, all, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query_as($sql)$(.bind($arg))*.fetch_all($on).await
    };
    ($on:ident, one, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query_as($sql)$(.bind($arg))*.fetch_one($on).await
    };
    ($on:ident, optional, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query_as($sql)$(.bind($arg))*.fetch_optional($on).await
    };
    ($on:ident, scalars, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query_scalar($sql)$(.bind($arg))*.fetch_all($on).await
    };
    ($on:ident, scalar, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query_scalar($sql)$(.bind($arg))*.fetch_one($on).await
    };
    ($on:ident, scalar_optional, $sql:expr $(, $arg:expr)*) => {
        ::sqlx::query_scalar($sql)$(.bind($arg))*.fetch_optional($on).await
    };
}
