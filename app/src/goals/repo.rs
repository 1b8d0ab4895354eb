//! Goal and contribution rows. Every query is scoped by organisation. What a goal has
//! saved is summed from its contributions in each read, never stored.

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::notifications::NotificationKind;
use crate::notifications::repo::{NewNotification, Recipients, notify};
use crate::orgs::repo::Scope;
use crate::transactions::repo::{NewTransaction, insert_in};
use crate::{sql, sql_tx};
use florin::goal::{GoalKind, Priority};
use florin::ledger::{Source, TransactionKind};
use florin::money::{Money, NumberFormat};
use florin::planning::{GoalStatus, milestones_crossed, milestones_reached_by_retarget};
use time::{Date, OffsetDateTime};

crate::from_row! {
    /// A goal as stored, with what its contributions add up to.
    #[derive(Clone, Debug)]
    pub struct GoalRecord {
        pub id: i64,
        pub title: String,
        pub kind: String,
        pub target_amount: i64,
        pub currency: String,
        pub target_date: Option<Date>,
        pub priority: String,
        pub status: String,
        /// The sum of the contributions.
        pub saved: i64,
        pub contributions: i64,
    }
}

impl GoalRecord {
    /// The stored status; the table's CHECK keeps it one of [`GoalStatus`]'s.
    pub fn status(&self) -> GoalStatus {
        GoalStatus::parse(&self.status).unwrap_or(GoalStatus::Active)
    }
}

const SELECT: &str = "SELECT g.id, g.title, g.kind, g.target_amount, g.currency, g.target_date, \
        g.priority, g.status, \
        CAST(COALESCE((SELECT SUM(c.amount) FROM goal_contributions c \
            WHERE c.organisation_id = g.organisation_id AND c.goal_id = g.id), 0) AS BIGINT) AS saved, \
        CAST((SELECT COUNT(*) FROM goal_contributions c \
            WHERE c.organisation_id = g.organisation_id AND c.goal_id = g.id) AS BIGINT) AS contributions \
     FROM goals g";

/// A goal to write, already validated.
#[derive(Clone, Debug)]
pub struct NewGoal {
    pub title: String,
    pub kind: GoalKind,
    pub target_amount: i64,
    pub currency: String,
    pub target_date: Option<Date>,
    pub priority: Priority,
}

/// Every goal of the organisation: open ones first, then by priority and title.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<GoalRecord>, AppError> {
    let sql = format!(
        "{SELECT} WHERE g.organisation_id = $1 \
         ORDER BY CASE g.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, \
             CASE g.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, \
             LOWER(g.title), g.id"
    );
    let rows = sql!(db, all, &sql, scope.org_id)?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<GoalRecord, AppError> {
    let sql = format!("{SELECT} WHERE g.organisation_id = $1 AND g.id = $2");
    let row: Option<GoalRecord> = sql!(db, optional, &sql, scope.org_id, id)?;
    row.ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, new: &NewGoal) -> Result<i64, AppError> {
    let id = sql!(
        db,
        scalar,
        "INSERT INTO goals (organisation_id, title, kind, target_amount, currency, target_date, \
             priority, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
        scope.org_id,
        &new.title,
        new.kind.as_str(),
        new.target_amount,
        &new.currency,
        new.target_date,
        new.priority.as_str(),
        GoalStatus::Active.as_str(),
        OffsetDateTime::now_utc()
    )?;
    Ok(id)
}

/// Updates a goal in one database transaction. The currency is fixed once a
/// contribution exists, guarded in the `UPDATE` itself; `Ok(false)` when that guard
/// refused it. A lower target can reach milestones with what is already saved; an open
/// goal notifies them here, once each like any milestone.
#[tracing::instrument(skip_all, fields(org = scope.org_id, goal = id))]
pub async fn update(
    db: &Db,
    scope: &Scope,
    id: i64,
    new: &NewGoal,
    format: NumberFormat,
) -> Result<bool, AppError> {
    let mut tx = db.begin().await?;
    let now = OffsetDateTime::now_utc();
    // Touching the row first makes a concurrent contribution wait, so `saved` holds.
    let old = lock(&mut tx, scope, id, now).await?;
    let saved = saved_in(&mut tx, scope, id).await?;
    let changed = sql_tx!(
        &mut tx,
        execute,
        "UPDATE goals SET title = $3, kind = $4, target_amount = $5, currency = $6, \
             target_date = $7, priority = $8, updated_at = $9 \
         WHERE organisation_id = $1 AND id = $2 AND (currency = $6 OR NOT EXISTS ( \
             SELECT 1 FROM goal_contributions c \
             WHERE c.organisation_id = $1 AND c.goal_id = $2))",
        scope.org_id,
        id,
        &new.title,
        new.kind.as_str(),
        new.target_amount,
        &new.currency,
        new.target_date,
        new.priority.as_str(),
        now
    )?;
    if changed == 0 {
        return Ok(false);
    }
    let open = GoalStatus::parse(&old.status).is_some_and(GoalStatus::accepts_contributions);
    if open {
        let reached = milestones_reached_by_retarget(old.target_amount, new.target_amount, saved)
            .map_err(|e| AppError::internal(format!("goal target refused: {e}")))?;
        let goal = Locked {
            title: new.title.clone(),
            target_amount: new.target_amount,
            currency: new.currency.clone(),
            status: old.status,
        };
        notify_milestones(&mut tx, scope, id, &goal, saved, &reached, format).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Touches the goal's row (its `updated_at`) as a transaction's first statement and
/// returns it: on PostgreSQL the row lock makes a concurrent writer of the same goal
/// wait; SQLite's transactions hold the write lock from the start anyway.
async fn lock(
    tx: &mut Tx,
    scope: &Scope,
    id: i64,
    now: OffsetDateTime,
) -> Result<Locked, AppError> {
    let locked: Option<Locked> = sql_tx!(
        tx,
        optional,
        "UPDATE goals SET updated_at = $3 WHERE organisation_id = $1 AND id = $2 \
         RETURNING title, target_amount, currency, status",
        scope.org_id,
        id,
        now
    )?;
    locked.ok_or(AppError::NotFound)
}

/// What the goal's contributions add up to, inside a transaction.
async fn saved_in(tx: &mut Tx, scope: &Scope, goal_id: i64) -> Result<i64, AppError> {
    let saved = sql_tx!(
        tx,
        scalar,
        "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) FROM goal_contributions \
         WHERE organisation_id = $1 AND goal_id = $2",
        scope.org_id,
        goal_id
    )?;
    Ok(saved)
}

/// One notice per milestone for every member, once per goal and milestone.
async fn notify_milestones(
    tx: &mut Tx,
    scope: &Scope,
    goal_id: i64,
    goal: &Locked,
    saved: i64,
    milestones: &[u8],
    format: NumberFormat,
) -> Result<(), AppError> {
    let money = |minor: i64| Money::new(minor, &goal.currency).format(format);
    for milestone in milestones {
        let title = if *milestone == 100 {
            format!("{}: target reached", goal.title)
        } else {
            format!("{}: {milestone}\u{a0}% saved", goal.title)
        };
        let note = NewNotification {
            kind: NotificationKind::GoalMilestone,
            title,
            body: format!(
                "{} of {} saved towards {}.",
                money(saved),
                money(goal.target_amount),
                goal.title
            ),
            action_link: Some(format!("/goals/{goal_id}")),
            dedup_key: Some(format!("goal:{goal_id}:milestone:{milestone}")),
        };
        notify(
            tx,
            Recipients::Members {
                org_id: scope.org_id,
            },
            &note,
        )
        .await?;
    }
    Ok(())
}

/// Moves a goal from `from` to `to`; `Ok(false)` when it was no longer in `from` (a
/// concurrent change won), so the caller can say so rather than apply a stale decision.
#[tracing::instrument(skip_all, fields(org = scope.org_id, goal = id, to = to.as_str()))]
pub async fn set_status(
    db: &Db,
    scope: &Scope,
    id: i64,
    from: GoalStatus,
    to: GoalStatus,
) -> Result<bool, AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE goals SET status = $4, updated_at = $5 \
         WHERE organisation_id = $1 AND id = $2 AND status = $3",
        scope.org_id,
        id,
        from.as_str(),
        to.as_str(),
        OffsetDateTime::now_utc()
    )?;
    Ok(changed > 0)
}

/// A contribution to record, already validated.
#[derive(Clone, Debug)]
pub struct NewContribution {
    pub amount: i64,
    pub contributed_on: Date,
    pub note: String,
    /// Also record a transfer between these two accounts (same organisation, in the
    /// goal's currency, checked by the caller): (from, to).
    pub transfer: Option<(i64, i64)>,
    pub recorded_by: i64,
}

/// What a recorded contribution changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionRecorded {
    pub contribution_id: i64,
    /// Saved in total after it.
    pub saved: i64,
    /// The milestones it crossed, lowest first.
    pub milestones: Vec<u8>,
    pub transaction_id: Option<i64>,
}

/// Why a contribution was not recorded. Nothing was written in any case.
#[derive(Debug)]
pub enum ContributionError {
    /// Completed and cancelled goals take no contributions.
    Closed(GoalStatus),
    /// The total would not fit in the amount's range.
    TooLarge,
    Other(AppError),
}

impl From<AppError> for ContributionError {
    fn from(error: AppError) -> Self {
        Self::Other(error)
    }
}

impl From<sqlx::Error> for ContributionError {
    fn from(error: sqlx::Error) -> Self {
        Self::Other(error.into())
    }
}

crate::from_row! {
    struct Locked {
        title: String,
        target_amount: i64,
        currency: String,
        status: String,
    }
}

/// Records a contribution in one database transaction: the contribution row, the optional
/// ledger transfer, and one notice per milestone it crosses.
///
/// The first statement touches the goal's row: on PostgreSQL that row lock makes a
/// concurrent contribution wait and then sum what this one added; SQLite's transactions
/// take the write lock at once (`BEGIN IMMEDIATE`). So each contribution sees the total
/// before it exactly and a milestone is crossed by one contribution only. The notices'
/// `dedup_key` (`goal:{id}:milestone:{pct}`) keeps them once-only even when a deleted
/// contribution lets the total fall back and climb again.
#[tracing::instrument(skip_all, fields(org = scope.org_id, goal = goal_id))]
pub async fn contribute(
    db: &Db,
    scope: &Scope,
    goal_id: i64,
    new: &NewContribution,
    format: NumberFormat,
) -> Result<ContributionRecorded, ContributionError> {
    let mut tx = db.begin().await?;
    let now = OffsetDateTime::now_utc();
    let goal = lock(&mut tx, scope, goal_id, now).await?;
    let status = GoalStatus::parse(&goal.status).unwrap_or(GoalStatus::Active);
    if !status.accepts_contributions() {
        return Err(ContributionError::Closed(status));
    }
    let before = saved_in(&mut tx, scope, goal_id).await?;
    let saved = before
        .checked_add(new.amount)
        .ok_or(ContributionError::TooLarge)?;
    let milestones = milestones_crossed(goal.target_amount, before, saved)
        .map_err(|e| AppError::internal(format!("stored goal target refused: {e}")))?;
    let transaction_id = match new.transfer {
        None => None,
        Some(accounts) => Some(record_transfer(&mut tx, scope, &goal, new, accounts).await?),
    };
    let contribution_id: i64 = sql_tx!(
        &mut tx,
        scalar,
        "INSERT INTO goal_contributions (organisation_id, goal_id, amount, contributed_on, note, \
             transaction_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        scope.org_id,
        goal_id,
        new.amount,
        new.contributed_on,
        &new.note,
        transaction_id,
        new.recorded_by,
        now
    )?;
    notify_milestones(&mut tx, scope, goal_id, &goal, saved, &milestones, format).await?;
    tx.commit().await?;
    Ok(ContributionRecorded {
        contribution_id,
        saved,
        milestones,
        transaction_id,
    })
}

/// The ledger transfer `(from, to)` that carries a contribution, in the goal's currency.
async fn record_transfer(
    tx: &mut Tx,
    scope: &Scope,
    goal: &Locked,
    new: &NewContribution,
    (from, to): (i64, i64),
) -> Result<i64, AppError> {
    let notes = if new.note.is_empty() {
        format!("Towards the goal {}", goal.title)
    } else {
        format!("Towards the goal {}: {}", goal.title, new.note)
    };
    let transfer = NewTransaction {
        kind: TransactionKind::Transfer,
        occurred_on: new.contributed_on,
        amount: new.amount,
        currency: goal.currency.clone(),
        account_id: from,
        counter_account_id: Some(to),
        counter_amount: Some(new.amount),
        category_id: None,
        payment_method_id: None,
        payee: String::new(),
        notes,
        tags: Vec::new(),
        source: Source::Manual,
        external_id: None,
    };
    insert_in(tx, scope, &transfer).await
}

crate::from_row! {
    /// A contribution as the goal's page lists it.
    #[derive(Clone, Debug)]
    pub struct ContributionRecord {
        pub id: i64,
        pub amount: i64,
        pub contributed_on: Date,
        pub note: String,
        pub transaction_id: Option<i64>,
    }
}

/// The goal's contributions, newest first.
pub async fn contributions(
    db: &Db,
    scope: &Scope,
    goal_id: i64,
) -> Result<Vec<ContributionRecord>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT id, amount, contributed_on, note, transaction_id FROM goal_contributions \
         WHERE organisation_id = $1 AND goal_id = $2 ORDER BY contributed_on DESC, id DESC",
        scope.org_id,
        goal_id
    )?;
    Ok(rows)
}

/// Deletes one contribution of a goal. The ledger transfer recorded with it stays: that
/// money did move, and the ledger is where it is corrected.
#[tracing::instrument(skip_all, fields(org = scope.org_id, goal = goal_id, contribution = id))]
pub async fn delete_contribution(
    db: &Db,
    scope: &Scope,
    goal_id: i64,
    id: i64,
) -> Result<(), AppError> {
    let deleted = sql!(
        db,
        execute,
        "DELETE FROM goal_contributions WHERE organisation_id = $1 AND goal_id = $2 AND id = $3",
        scope.org_id,
        goal_id,
        id
    )?;
    crate::db::found(deleted)
}

/// Accounts a transfer may use: (id, name, currency), active ones only.
pub async fn accounts(db: &Db, scope: &Scope) -> Result<Vec<(i64, String, String)>, AppError> {
    let rows = sql!(
        db,
        all,
        "SELECT id, name, currency FROM accounts WHERE organisation_id = $1 AND archived = $2 \
         ORDER BY LOWER(name), id",
        scope.org_id,
        false
    )?;
    Ok(rows)
}

/// Deletes a goal and its contributions, with the notices that link to it, in one
/// database transaction. Ledger transfers recorded with its contributions stay.
#[tracing::instrument(skip_all, fields(org = scope.org_id, goal = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    // Contributions go with the goal (ON DELETE CASCADE); say so rather than rely on it alone.
    sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM goal_contributions WHERE organisation_id = $1 AND goal_id = $2",
        scope.org_id,
        id
    )?;
    let deleted = sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM goals WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM notifications WHERE organisation_id = $1 AND action_link = $2",
        scope.org_id,
        format!("/goals/{id}")
    )?;
    tx.commit().await?;
    Ok(())
}
