//! Opening the configured database and bringing its schema up to date.

use florin_app::db::Db;
use sqlx::error::BoxDynError;
use sqlx::migrate::{MigrateError, Migration, MigrationSource, MigrationType, Migrator};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::str::FromStr;
use std::time::Duration;

/// Connects to `url` (`sqlite:` or `postgres:`), creating a SQLite file (and its folder)
/// on first start.
pub async fn connect(url: &str, max_connections: u32) -> Result<Db, sqlx::Error> {
    if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        return Ok(Db::Postgres(pool));
    }
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // Reads are most of the work: a 64 MiB page cache per connection (the default is
        // 2 MiB) and memory-mapped reads keep a large ledger's hot pages out of syscalls.
        .pragma("cache_size", "-65536")
        .pragma("mmap_size", "268435456")
        .pragma("temp_store", "memory");
    if let Some(dir) = options.get_filename().parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(sqlx::Error::Io)?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(max_connections)
        .connect_with(options)
        .await?;
    Ok(Db::Sqlite(pool))
}

/// Applies the dialect's migrations. A failure stops start-up.
pub async fn migrate(db: &Db) -> Result<(), MigrateError> {
    let files = match db {
        Db::Sqlite(_) => embedded::SQLITE,
        Db::Postgres(_) => embedded::POSTGRES,
    };
    let migrator = Migrator::new(Embedded(files)).await?;
    florin_app::on_db!(db, |pool| migrator.run(pool).await)
}

/// Whether the database holds the schema this build migrates to: the newest migration it
/// embeds has been applied. An unreachable or emptied database is an error.
pub async fn schema_current(db: &Db) -> Result<bool, sqlx::Error> {
    let files = match db {
        Db::Sqlite(_) => embedded::SQLITE,
        Db::Postgres(_) => embedded::POSTGRES,
    };
    let newest = files.last().map_or(0, |&(version, _, _)| version);
    let applied: i64 = florin_app::sql!(
        db,
        scalar,
        "SELECT CAST(COALESCE(MAX(version), 0) AS BIGINT) FROM _sqlx_migrations WHERE success = TRUE"
    )?;
    Ok(applied >= newest)
}

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The migration files, embedded by `build.rs`.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

/// One dialect's embedded migrations: (version, description, SQL) in version order.
#[derive(Debug)]
struct Embedded(&'static [(i64, &'static str, &'static str)]);

impl MigrationSource<'static> for Embedded {
    fn resolve(self) -> BoxFuture<'static, Result<Vec<Migration>, BoxDynError>> {
        // As sqlx reads a folder: the checksum is the file's SHA-384 (`Migration::new`), so
        // databases migrated by earlier builds (`sqlx::migrate!`) validate unchanged.
        let migrations = self
            .0
            .iter()
            .map(|&(version, description, sql)| {
                Migration::new(
                    version,
                    Cow::Borrowed(description),
                    MigrationType::Simple,
                    Cow::Borrowed(sql),
                    sql.starts_with("-- no-transaction"),
                )
            })
            .collect();
        Box::pin(std::future::ready(Ok(migrations)))
    }
}

#[cfg(test)]
mod tests {
    use super::embedded::{POSTGRES, SQLITE};

    #[test]
    fn both_dialects_embed_every_migration_in_step_and_in_order() {
        let names = |list: &[(i64, &str, &str)]| {
            list.iter()
                .map(|&(version, description, _)| (version, description.to_owned()))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(SQLITE), names(POSTGRES));
        assert!(SQLITE.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert_eq!(SQLITE[0].0, 1);
        assert_eq!(SQLITE[0].1, "identity");
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/sqlite"))
            .expect("the migrations folder")
            .count();
        assert_eq!(SQLITE.len(), files);
        assert!(
            SQLITE
                .iter()
                .chain(POSTGRES)
                .all(|&(_, _, sql)| !sql.trim().is_empty())
        );
    }
}
