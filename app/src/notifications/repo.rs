//! Notification rows. Reads and changes always name the user; creation goes through
//! [`notify`], which any feature may call inside its own database transaction.

use super::types::{NotificationKind, NotificationView, NotificationsList};
use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::{on_tx, sql};
use time::OffsetDateTime;
use time::macros::format_description;

/// The newest notifications the centre lists.
pub const LIST_LIMIT: i64 = 200;

/// Who receives a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipients {
    /// One user, about one organisation's books (or none, for a notice about the account).
    User { user_id: i64, org_id: Option<i64> },
    /// Every active member of an organisation, each getting their own copy.
    Members { org_id: i64 },
}

/// A notification to create.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewNotification {
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    /// A local path (`/debts/3`) to act on the notice.
    pub action_link: Option<String>,
    /// Makes the notice once-only per user: a second one with the same key is not
    /// created. `None` always creates.
    pub dedup_key: Option<String>,
}

/// The columns every notification is inserted with, in the order the queries give them.
const INSERT: &str = "INSERT INTO notifications (organisation_id, user_id, kind, title, body, \
     action_link, dedup_key, created_at)";
/// A notice with the same `dedup_key` for the same user already exists: keep that one.
const ONCE: &str = "ON CONFLICT (user_id, dedup_key) DO NOTHING";

/// Binds what every recipient's copy shares, in its column order: kind, title, body, link,
/// dedup key and creation time.
macro_rules! bind_note {
    ($query:expr, $note:expr, $now:expr) => {
        $query
            .bind($note.kind.as_str())
            .bind(&$note.title)
            .bind(&$note.body)
            .bind(&$note.action_link)
            .bind(&$note.dedup_key)
            .bind($now)
    };
}

/// Creates the notification for each recipient, inside the caller's transaction, so that
/// it exists exactly when what it reports was committed. Returns how many were created
/// (fewer than the recipients when some already had one with this `dedup_key`).
#[tracing::instrument(skip_all, fields(to = ?to, kind = note.kind.as_str()))]
pub async fn notify(tx: &mut Tx, to: Recipients, note: &NewNotification) -> Result<u64, AppError> {
    let now = OffsetDateTime::now_utc();
    let created = match to {
        Recipients::User { user_id, org_id } => {
            let sql = format!("{INSERT} VALUES ($1, $2, $3, $4, $5, $6, $7, $8) {ONCE}");
            on_tx!(tx, |conn| {
                bind_note!(sqlx::query(&sql).bind(org_id).bind(user_id), note, now)
                    .execute(conn)
                    .await
                    .map(|done| done.rows_affected())
            })?
        }
        // The WHERE clause also settles SQLite's parsing of `INSERT … SELECT … ON CONFLICT`.
        Recipients::Members { org_id } => {
            let sql = format!(
                "{INSERT} SELECT m.organisation_id, m.user_id, $2, $3, $4, $5, $6, $7 \
                 FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.organisation_id = $1 AND u.is_active = $8 {ONCE}"
            );
            on_tx!(tx, |conn| {
                bind_note!(sqlx::query(&sql).bind(org_id), note, now)
                    .bind(true)
                    .execute(conn)
                    .await
                    .map(|done| done.rows_affected())
            })?
        }
    };
    Ok(created)
}

/// [`notify`] in a transaction of its own, for callers that have none open.
#[tracing::instrument(skip_all, fields(to = ?to, kind = note.kind.as_str()))]
pub async fn notify_now(db: &Db, to: Recipients, note: &NewNotification) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    let created = notify(&mut tx, to, note).await?;
    tx.commit().await?;
    Ok(created)
}

/// The active members of an organisation with their locale, for notices whose text each
/// member should read in their own number format.
pub async fn members_with_locale(db: &Db, org_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT m.user_id, COALESCE(p.locale, 'en') AS locale \
         FROM memberships m JOIN users u ON u.id = m.user_id \
         LEFT JOIN profiles p ON p.user_id = m.user_id \
         WHERE m.organisation_id = $1 AND u.is_active = $2 ORDER BY m.user_id",
        org_id,
        true
    )?;
    Ok(rows)
}

pub async fn unread_count(db: &Db, user_id: i64) -> Result<i64, AppError> {
    let count = sql!(
        db,
        scalar,
        "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
        user_id
    )?;
    Ok(count)
}

crate::from_row! {
    struct NotificationRow {
        id: i64,
        kind: String,
        title: String,
        body: String,
        action_link: Option<String>,
        read_at: Option<OffsetDateTime>,
        created_at: OffsetDateTime,
    }
}

/// The user's newest notifications and how many are unread.
pub async fn list(db: &Db, user_id: i64) -> Result<NotificationsList, AppError> {
    let rows: Vec<NotificationRow> = sql!(
        db,
        all,
        "SELECT id, kind, title, body, action_link, read_at, created_at FROM notifications \
         WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
        user_id,
        LIST_LIMIT
    )?;
    let unread = unread_count(db, user_id).await?;
    let stamp = format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    let items = rows
        .into_iter()
        .map(|row| NotificationView {
            id: row.id,
            kind_label: NotificationKind::parse(&row.kind)
                .map(|k| k.label().to_owned())
                .unwrap_or(row.kind),
            title: row.title,
            body: row.body,
            // Links are written by our own code, but a stored value is never trusted to
            // stay on this site.
            link: row
                .action_link
                .as_deref()
                .and_then(crate::session::safe_next),
            read: row.read_at.is_some(),
            created: row
                .created_at
                .to_offset(time::UtcOffset::UTC)
                .format(&stamp)
                .unwrap_or_default(),
        })
        .collect();
    Ok(NotificationsList { items, unread })
}

/// Marks one notification read (keeping the first time it was read). Another user's id,
/// or none, is `NotFound`.
#[tracing::instrument(skip_all, fields(user_id = user_id, id = id))]
pub async fn mark_read(db: &Db, user_id: i64, id: i64) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE user_id = $1 AND id = $2",
        user_id,
        id,
        OffsetDateTime::now_utc()
    )?;
    crate::db::found(changed)
}

/// Marks every unread notification of the user read; returns how many.
#[tracing::instrument(skip_all, fields(user_id = user_id))]
pub async fn mark_all_read(db: &Db, user_id: i64) -> Result<u64, AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL",
        user_id,
        OffsetDateTime::now_utc()
    )?;
    Ok(changed)
}
