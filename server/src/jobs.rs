//! Background jobs inside the server: today, the payment reminders.
//!
//! Rule: a job runs only on the instance holding its lease, a row in `job_leases` taken
//! with one conditional `UPDATE … WHERE expires_at < now OR holder = me`, so with several
//! instances on one database exactly one works at a time; if it dies, another takes over
//! when the lease expires. The work is idempotent besides (each reminder carries a
//! dedup key), so even a run that outlived its lease cannot create a duplicate.
//!
//! Settings: `FLORIN_JOBS_INTERVAL_SECONDS` (default 60; 0 turns the jobs off on this
//! instance). A lease lasts five intervals and is renewed by every run of its holder.

use florin::money::{Money, NumberFormat};
use florin_app::db::Db;
use florin_app::debts::repo::{DueDebt, due_before};
use florin_app::debts::ssr::MAX_REMINDER_DAYS;
use florin_app::error::AppError;
use florin_app::notifications::NotificationKind;
use florin_app::notifications::repo::{
    NewNotification, Recipients, members_with_locale, notify_now,
};
use florin_app::on_db;
use std::time::Duration;
use time::macros::format_description;
use time::{Date, OffsetDateTime};
use tokio::sync::watch;

/// The lease name of the payment-reminder job.
pub const REMINDERS: &str = "payment-reminders";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JobSettings {
    /// Time between runs; zero turns the jobs off.
    pub interval: Duration,
    /// How long a lease lasts without renewal.
    pub lease: Duration,
}

impl JobSettings {
    pub fn every(interval: Duration) -> Self {
        Self {
            interval,
            lease: (interval * 5).max(Duration::from_secs(60)),
        }
    }

    /// From `FLORIN_JOBS_INTERVAL_SECONDS`; a value that is not a number stops start-up.
    pub fn from_env() -> Result<Self, String> {
        let seconds = match std::env::var("FLORIN_JOBS_INTERVAL_SECONDS") {
            Ok(raw) if !raw.trim().is_empty() => raw
                .trim()
                .parse::<u64>()
                .map_err(|e| format!("FLORIN_JOBS_INTERVAL_SECONDS is not valid: {e}"))?,
            _ => 60,
        };
        Ok(Self::every(Duration::from_secs(seconds)))
    }
}

/// A name for this process among the instances sharing the database.
pub fn instance_id() -> String {
    format!(
        "{}-{}-{:x}",
        std::env::var("HOSTNAME").unwrap_or_else(|_| "florin".into()),
        std::process::id(),
        OffsetDateTime::now_utc().unix_timestamp_nanos() & 0xffff_ffff
    )
}

/// Lease timestamps are whole seconds in UTC, so that SQLite, which stores them as RFC
/// 3339 text, orders them correctly by comparing the text.
fn whole_seconds(at: OffsetDateTime) -> OffsetDateTime {
    at.to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(at)
}

/// Takes or renews the lease `name` for `holder` until `now + ttl`. True when `holder`
/// now holds it; false while another holder's lease has not expired.
pub async fn try_lease(
    db: &Db,
    name: &str,
    holder: &str,
    now: OffsetDateTime,
    ttl: Duration,
) -> Result<bool, AppError> {
    let now = whole_seconds(now);
    let until = whole_seconds(now + ttl);
    on_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind("")
        .bind(OffsetDateTime::UNIX_EPOCH)
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
    })?;
    let taken = on_db!(db, |pool| {
        sqlx::query(
            "UPDATE job_leases SET holder = $2, expires_at = $3 \
             WHERE name = $1 AND (expires_at < $4 OR holder = $2)",
        )
        .bind(name)
        .bind(holder)
        .bind(until)
        .bind(now)
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
    })?;
    Ok(taken == 1)
}

/// Gives the lease up at once (at shutdown), so another instance need not wait for it
/// to expire. Does nothing when `holder` does not hold it.
pub async fn release(db: &Db, name: &str, holder: &str) -> Result<(), AppError> {
    on_db!(db, |pool| {
        sqlx::query("UPDATE job_leases SET expires_at = $3 WHERE name = $1 AND holder = $2")
            .bind(name)
            .bind(holder)
            .bind(OffsetDateTime::UNIX_EPOCH)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
    })?;
    Ok(())
}

/// Creates the payment reminders due on `today`: for every active debt whose next
/// payment is at most its `reminder_days` away (or already past), one notification per
/// member of its organisation, once per due date. Returns how many were created.
pub async fn send_reminders(db: &Db, today: Date) -> Result<u64, AppError> {
    let horizon = today
        .checked_add(time::Duration::days(MAX_REMINDER_DAYS))
        .unwrap_or(Date::MAX);
    let mut created = 0;
    for debt in due_before(db, horizon).await? {
        let remind_from = debt
            .next_payment_date
            .checked_sub(time::Duration::days(debt.reminder_days))
            .unwrap_or(Date::MIN);
        if remind_from > today {
            continue;
        }
        for (user_id, locale) in members_with_locale(db, debt.organisation_id).await? {
            let note = reminder(&debt, today, NumberFormat::for_locale(&locale));
            created += notify_now(
                db,
                Recipients::User {
                    user_id,
                    org_id: Some(debt.organisation_id),
                },
                &note,
            )
            .await?;
        }
    }
    Ok(created)
}

fn reminder(debt: &DueDebt, today: Date, format: NumberFormat) -> NewNotification {
    let due = debt
        .next_payment_date
        .format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default();
    let amount = Money::new(debt.instalment_due(), &debt.currency).format(format);
    let title = match (debt.next_payment_date - today).whole_days() {
        days if days < 0 => format!("{}: payment overdue since {due}", debt.name),
        0 => format!("{}: payment due today", debt.name),
        1 => format!("{}: payment due tomorrow", debt.name),
        days => format!("{}: payment due in {days} days", debt.name),
    };
    NewNotification {
        kind: NotificationKind::PaymentReminder,
        title,
        body: format!("{amount} is due on {due}."),
        action_link: Some(format!("/debts/{}", debt.id)),
        dedup_key: Some(format!("debt-reminder:{}:{due}", debt.id)),
    }
}

/// One run of the reminder job by `holder`: `None` when another instance holds the
/// lease, else how many reminders were created.
pub async fn run_reminders(
    db: &Db,
    holder: &str,
    now: OffsetDateTime,
    lease: Duration,
) -> Result<Option<u64>, AppError> {
    if !try_lease(db, REMINDERS, holder, now, lease).await? {
        return Ok(None);
    }
    send_reminders(db, now.to_offset(time::UtcOffset::UTC).date())
        .await
        .map(Some)
}

/// Runs the jobs every `settings.interval` until `stop` turns true (or its sender is
/// dropped); a run in progress finishes first, and the lease is then released.
pub async fn run(db: Db, settings: JobSettings, mut stop: watch::Receiver<bool>) {
    if settings.interval.is_zero() {
        tracing::info!("background jobs are off on this instance");
        return;
    }
    let holder = instance_id();
    let mut ticker = tokio::time::interval(settings.interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = stop.changed() => break,
        }
        if *stop.borrow() {
            break;
        }
        match run_reminders(&db, &holder, OffsetDateTime::now_utc(), settings.lease).await {
            Ok(Some(created)) if created > 0 => {
                tracing::info!(created, "payment reminders created");
            }
            Ok(_) => {}
            // Logged where the error was made; the next tick tries again.
            Err(_) => tracing::warn!("the payment-reminder job failed; retrying next time"),
        }
    }
    if let Err(error) = release(&db, REMINDERS, &holder).await {
        tracing::warn!(%error, "could not release the job lease");
    }
    tracing::info!("background jobs stopped");
}
