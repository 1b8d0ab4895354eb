//! Profile rows: personal details kept apart from identity and credentials.
//!
//! Rule: every query names the user it reads or changes; each change is audited.

use super::types::Profile;
use crate::audit::{self, Event};
use crate::db::Db;
use crate::error::AppError;
use crate::{on_db, on_tx};
use time::OffsetDateTime;

pub async fn find(db: &Db, user_id: i64) -> Result<Profile, AppError> {
    let row: (String, String, String, String, String, String) = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT u.email, p.first_name, p.last_name, p.phone, p.base_currency, p.time_zone \
             FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = $1",
        )
        .bind(user_id)
        .fetch_one(pool)
        .await
    })?;
    Ok(Profile {
        email: row.0,
        first_name: row.1,
        last_name: row.2,
        phone: row.3,
        base_currency: row.4,
        time_zone: row.5,
    })
}

/// Saves the user's details and records it in the audit log.
#[tracing::instrument(skip_all, fields(user_id = user_id))]
pub async fn update(db: &Db, user_id: i64, profile: &Profile) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    on_tx!(&mut tx, |conn| {
        sqlx::query(
            "UPDATE profiles SET first_name = $2, last_name = $3, phone = $4, base_currency = $5, \
             time_zone = $6, updated_at = $7 WHERE user_id = $1",
        )
        .bind(user_id)
        .bind(&profile.first_name)
        .bind(&profile.last_name)
        .bind(&profile.phone)
        .bind(&profile.base_currency)
        .bind(&profile.time_zone)
        .bind(OffsetDateTime::now_utc())
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    audit::record(
        &mut tx,
        Some(user_id),
        Event::ProfileUpdated,
        "profile saved",
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
