//! Accounts and credentials in the database. Identity (users), secrets (credentials) and
//! personal details (profiles) live in separate tables; creating an account writes all of
//! them, a personal organisation and its owner membership in one transaction.

use super::hashing::PasswordHashString;
use crate::audit::{self, Event};
use crate::db::{Db, Rule, Tx, on_violation};
use crate::error::AppError;
use crate::{sql, sql_tx};
use florin::email::Email;
use florin::lockout::FailureState;
use florin::role::{MemberRole, Rights, UserRole};
use time::OffsetDateTime;

pub struct NewUser {
    pub email: Email,
    pub role: UserRole,
    pub first_name: String,
    pub base_currency: String,
}

/// One account per e-mail address.
pub const EMAIL_TAKEN: Rule = Rule {
    postgres: "users_email_key",
    sqlite: "users.email",
    field: "email",
    message: "An account with that e-mail address already exists.",
};

/// Creates a user with credentials and a profile; users who may hold finances also get a
/// personal organisation they own. Returns the new user's id.
#[tracing::instrument(skip_all, fields(role = new.role.as_str()))]
pub async fn create_user(db: &Db, new: NewUser, hash: PasswordHashString) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let mut tx = db.begin().await?;
    let user_id = insert_user(&mut tx, &new, now).await?;
    insert_secrets_and_profile(&mut tx, user_id, &new, &hash, now).await?;
    if new.role.may_hold_finances() {
        create_personal_org(&mut tx, user_id, now).await?;
    }
    let event = if new.role == UserRole::Admin {
        Event::AdminCreated
    } else {
        Event::SignUp
    };
    audit::record(&mut tx, Some(user_id), event, "account created").await?;
    tx.commit().await?;
    Ok(user_id)
}

/// The identity row; a second account for the same e-mail is refused on `email`.
async fn insert_user(tx: &mut Tx, new: &NewUser, now: OffsetDateTime) -> Result<i64, AppError> {
    sql_tx!(
        tx,
        scalar,
        "INSERT INTO users (email, role, is_active, email_verified, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
        new.email.as_str(),
        new.role.as_str(),
        true,
        false,
        now
    )
    .map_err(|e| on_violation(e, &[EMAIL_TAKEN]))
}

/// The credentials (the password's hash) and the personal details of a new user.
async fn insert_secrets_and_profile(
    tx: &mut Tx,
    user_id: i64,
    new: &NewUser,
    hash: &PasswordHashString,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    sql_tx!(
        tx,
        execute,
        "INSERT INTO credentials (user_id, password_hash, algorithm, failed_count, session_epoch, updated_at) \
         VALUES ($1, $2, 'argon2id', 0, 0, $3)",
        user_id,
        &hash.0,
        now
    )?;
    sql_tx!(
        tx,
        execute,
        "INSERT INTO profiles (user_id, first_name, last_name, phone, base_currency, locale, time_zone, updated_at) \
         VALUES ($1, $2, '', '', $3, 'en', $4, $5)",
        user_id,
        &new.first_name,
        &new.base_currency,
        florin::timezone::DEFAULT,
        now
    )?;
    Ok(())
}

/// The user's own books: a personal organisation they own, with the default categories.
async fn create_personal_org(
    tx: &mut Tx,
    user_id: i64,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let org_id: i64 = sql_tx!(
        tx,
        scalar,
        "INSERT INTO organisations (name, kind, created_at) VALUES ($1, 'personal', $2) RETURNING id",
        "Personal",
        now
    )?;
    sql_tx!(
        tx,
        execute,
        "INSERT INTO memberships (organisation_id, user_id, role, rights, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
        org_id,
        user_id,
        MemberRole::Owner.as_str(),
        Rights::NONE.bits(),
        now
    )?;
    crate::categories::repo::insert_defaults(tx, org_id).await?;
    Ok(())
}

/// What sign-in needs to know about an account.
#[derive(Debug)]
pub struct Login {
    pub user_id: i64,
    pub is_active: bool,
    pub hash: PasswordHashString,
    pub failures: FailureState,
    pub epoch: i64,
}

crate::from_row! {
    struct LoginRow {
        user_id: i64,
        is_active: bool,
        password_hash: String,
        failed_count: i64,
        last_failed_at: Option<OffsetDateTime>,
        locked_until: Option<OffsetDateTime>,
        session_epoch: i64,
    }
}

impl From<LoginRow> for Login {
    fn from(row: LoginRow) -> Self {
        Self {
            user_id: row.user_id,
            is_active: row.is_active,
            hash: PasswordHashString(row.password_hash),
            failures: FailureState {
                failed_count: row.failed_count,
                last_failed_at: row.last_failed_at,
                locked_until: row.locked_until,
            },
            epoch: row.session_epoch,
        }
    }
}

const LOGIN_COLUMNS: &str = "SELECT u.id AS user_id, u.is_active, c.password_hash, c.failed_count, \
     c.last_failed_at, c.locked_until, c.session_epoch \
     FROM users u JOIN credentials c ON c.user_id = u.id";

pub async fn find_login(db: &Db, email: &Email) -> Result<Option<Login>, AppError> {
    let sql = format!("{LOGIN_COLUMNS} WHERE u.email = $1");
    let row: Option<LoginRow> = sql!(db, optional, &sql, email.as_str())?;
    Ok(row.map(Login::from))
}

pub async fn find_login_by_id(db: &Db, user_id: i64) -> Result<Login, AppError> {
    let sql = format!("{LOGIN_COLUMNS} WHERE u.id = $1");
    let row: LoginRow = sql!(db, one, &sql, user_id)?;
    Ok(row.into())
}

/// Applies `change` to the stored failure state under a row lock, so concurrent attempts
/// cannot lose a count, and records `event`. Returns the new state.
#[tracing::instrument(skip_all, fields(user_id = user_id))]
pub async fn update_failures(
    db: &Db,
    user_id: i64,
    change: impl FnOnce(FailureState) -> FailureState,
    event: Option<(Event, &str)>,
) -> Result<FailureState, AppError> {
    let mut tx = db.begin().await?;
    // A no-op write takes the row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already
    // holds the database write lock), so the read below cannot race another attempt.
    sql_tx!(
        &mut tx,
        execute,
        "UPDATE credentials SET failed_count = failed_count WHERE user_id = $1",
        user_id
    )?;
    let row: LoginRow = sql_tx!(
        &mut tx,
        one,
        &format!("{LOGIN_COLUMNS} WHERE u.id = $1"),
        user_id
    )?;
    let before = Login::from(row).failures;
    let after = change(before);
    if after != before {
        sql_tx!(
            &mut tx,
            execute,
            "UPDATE credentials SET failed_count = $2, last_failed_at = $3, locked_until = $4 \
             WHERE user_id = $1",
            user_id,
            after.failed_count,
            after.last_failed_at,
            after.locked_until
        )?;
    }
    if let Some((event, detail)) = event {
        audit::record(&mut tx, Some(user_id), event, detail).await?;
    }
    if after.locked_until.is_some() && before.locked_until != after.locked_until {
        audit::record(
            &mut tx,
            Some(user_id),
            Event::Lockout,
            "too many failed sign-ins",
        )
        .await?;
    }
    tx.commit().await?;
    Ok(after)
}

/// Stores a new password hash and moves the session epoch on, which ends every session
/// signed in with the old password. Returns the new epoch.
#[tracing::instrument(skip_all, fields(user_id = user_id))]
pub async fn set_password(
    db: &Db,
    user_id: i64,
    hash: PasswordHashString,
) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let epoch: i64 = sql_tx!(
        &mut tx,
        scalar,
        "UPDATE credentials SET password_hash = $2, algorithm = 'argon2id', \
         session_epoch = session_epoch + 1, failed_count = 0, locked_until = NULL, updated_at = $3 \
         WHERE user_id = $1 RETURNING session_epoch",
        user_id,
        &hash.0,
        OffsetDateTime::now_utc()
    )?;
    audit::record(
        &mut tx,
        Some(user_id),
        Event::PasswordChanged,
        "other sessions ended",
    )
    .await?;
    tx.commit().await?;
    Ok(epoch)
}

/// Records `event` about the user in the audit log, in a transaction of its own.
#[tracing::instrument(skip_all, fields(user_id = user_id, event = ?event))]
pub async fn record_event(
    db: &Db,
    user_id: i64,
    event: Event,
    detail: &str,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    audit::record(&mut tx, Some(user_id), event, detail).await?;
    tx.commit().await?;
    Ok(())
}
