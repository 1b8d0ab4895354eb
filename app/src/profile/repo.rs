//! Profile rows: personal details kept apart from identity and credentials.
//!
//! Rule: every query names the user it reads or changes; each change is audited.

use super::types::Profile;
use crate::audit::{self, Event};
use crate::db::Db;
use crate::error::AppError;
use crate::{sql, sql_tx};
use time::OffsetDateTime;

pub async fn find(db: &Db, user_id: i64) -> Result<Profile, AppError> {
    let row: (String, String, String, String, String, String) = sql!(
        db,
        one,
        "SELECT u.email, p.first_name, p.last_name, p.phone, p.base_currency, p.time_zone \
         FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.id = $1",
        user_id
    )?;
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
    sql_tx!(
        &mut tx,
        execute,
        "UPDATE profiles SET first_name = $2, last_name = $3, phone = $4, base_currency = $5, \
         time_zone = $6, updated_at = $7 WHERE user_id = $1",
        user_id,
        &profile.first_name,
        &profile.last_name,
        &profile.phone,
        &profile.base_currency,
        &profile.time_zone,
        OffsetDateTime::now_utc()
    )?;
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
