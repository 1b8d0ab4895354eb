//! Debt and payment rows. Every query is scoped by organisation, except the reminder
//! job's system-wide [`due_before`], which says so in its name and documentation.

use super::DebtKind;
use crate::db::Db;
use crate::error::AppError;
use crate::notifications::NotificationKind;
use crate::notifications::repo::{NewNotification, Recipients, notify};
use crate::orgs::repo::Scope;
use crate::transactions::repo::{NewTransaction, insert_in};
use crate::{on_db, on_tx};
use florin::ledger::{PaymentMethodKind, Source, TransactionKind};
use florin::loan::{AnnualRate, PaymentRefused, Standing};
use florin::money::{Money, NumberFormat};
use time::{Date, OffsetDateTime};

crate::from_row! {
    /// A debt as stored, with the name of its linked account.
    #[derive(Clone, Debug)]
    pub struct DebtRecord {
        pub id: i64,
        pub organisation_id: i64,
        pub name: String,
        pub kind: String,
        pub principal: i64,
        pub currency: String,
        pub annual_rate: i64,
        pub tenure_months: i64,
        pub emi: i64,
        pub lender: String,
        pub start_date: Date,
        pub next_payment_date: Date,
        pub due_anchor: Date,
        pub due_index: i64,
        pub remaining: i64,
        /// Principal repaid (`remaining + total_paid = principal`).
        pub total_paid: i64,
        pub interest_paid: i64,
        pub period_interest: Option<i64>,
        pub period_paid: i64,
        pub status: String,
        pub reminder_days: i64,
        pub account_id: Option<i64>,
        pub account_name: Option<String>,
    }
}

impl DebtRecord {
    /// The stored rate; the table's CHECK keeps it within [`AnnualRate`]'s range.
    pub fn rate(&self) -> AnnualRate {
        u32::try_from(self.annual_rate)
            .ok()
            .and_then(AnnualRate::from_scaled)
            .unwrap_or(AnnualRate::ZERO)
    }

    pub fn is_active(&self) -> bool {
        self.status == "active"
    }

    /// Where the debt stands between payments.
    pub fn standing(&self) -> Standing {
        Standing {
            balance: self.remaining,
            period_interest: self.period_interest,
            period_paid: self.period_paid,
        }
    }

    /// What clears the debt today: the principal owed and the period's unpaid interest.
    pub fn payoff(&self) -> i64 {
        self.standing().payoff(self.rate())
    }

    /// Everything paid: principal and interest.
    pub fn paid_in_total(&self) -> i64 {
        self.total_paid + self.interest_paid
    }
}

/// The account join keeps the organisation on both sides, so a stray id never shows
/// another organisation's account name.
const SELECT: &str = "SELECT d.id, d.organisation_id, d.name, d.kind, d.principal, d.currency, \
        d.annual_rate, d.tenure_months, d.emi, d.lender, d.start_date, d.next_payment_date, \
        d.due_anchor, d.due_index, d.remaining, d.total_paid, d.interest_paid, d.period_interest, \
        d.period_paid, d.status, d.reminder_days, \
        d.account_id, a.name AS account_name \
     FROM debts d \
     LEFT JOIN accounts a ON a.id = d.account_id AND a.organisation_id = d.organisation_id";

/// A debt to write, already validated.
#[derive(Clone, Debug)]
pub struct NewDebt {
    pub name: String,
    pub kind: DebtKind,
    pub principal: i64,
    pub currency: String,
    pub rate: AnnualRate,
    pub tenure_months: u32,
    pub emi: i64,
    pub lender: String,
    pub start_date: Date,
    /// `florin::loan::payment_date(due_anchor, due_index)`.
    pub next_payment_date: Date,
    /// The date due dates are counted from, and how many instalments on the next one is.
    pub due_anchor: Date,
    pub due_index: u32,
    pub reminder_days: i64,
    pub account_id: Option<i64>,
}

/// Every debt of the organisation: active first, then by name.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<DebtRecord>, AppError> {
    let sql = format!(
        "{SELECT} WHERE d.organisation_id = $1 \
         ORDER BY CASE d.status WHEN 'active' THEN 0 ELSE 1 END, LOWER(d.name), d.id"
    );
    let rows = on_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(scope.org_id)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<DebtRecord, AppError> {
    let sql = format!("{SELECT} WHERE d.organisation_id = $1 AND d.id = $2");
    let row: Option<DebtRecord> = on_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(scope.org_id)
            .bind(id)
            .fetch_optional(pool)
            .await
    })?;
    row.ok_or(AppError::NotFound)
}

pub async fn create(db: &Db, scope: &Scope, new: &NewDebt) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let id = on_db!(db, |pool| {
        sqlx::query_scalar(
            "INSERT INTO debts (organisation_id, name, kind, principal, currency, annual_rate, \
                 tenure_months, emi, lender, start_date, next_payment_date, due_anchor, due_index, \
                 remaining, total_paid, status, reminder_days, account_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $4, $14, $15, $16, $17, \
                     $18, $18) \
             RETURNING id",
        )
        .bind(scope.org_id)
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(new.principal)
        .bind(&new.currency)
        .bind(i64::from(new.rate.scaled()))
        .bind(i64::from(new.tenure_months))
        .bind(new.emi)
        .bind(&new.lender)
        .bind(new.start_date)
        .bind(new.next_payment_date)
        .bind(new.due_anchor)
        .bind(i64::from(new.due_index))
        .bind(0_i64)
        .bind("active")
        .bind(new.reminder_days)
        .bind(new.account_id)
        .bind(now)
        .fetch_one(pool)
        .await
    })?;
    Ok(id)
}

/// Why an update was refused although the input was valid when checked.
#[derive(Debug)]
pub enum UpdateError {
    /// Payments recorded meanwhile now exceed the new principal.
    PaidMoreThanPrincipal {
        total_paid: i64,
    },
    /// The currency cannot change once a payment was recorded.
    CurrencyLocked,
    Other(AppError),
}

impl From<AppError> for UpdateError {
    fn from(error: AppError) -> Self {
        Self::Other(error)
    }
}

impl From<sqlx::Error> for UpdateError {
    fn from(error: sqlx::Error) -> Self {
        Self::Other(error.into())
    }
}

/// Updates a debt. `remaining` follows the principal (`principal − total_paid`), so the
/// principal cannot drop below what was paid, and the currency is fixed once anything
/// was paid; both are guarded in the `UPDATE` itself so a payment recorded meanwhile is
/// taken into account. An unchanged next payment date keeps its anchor; a changed one
/// takes the new anchor.
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewDebt) -> Result<(), UpdateError> {
    let changed = on_db!(db, |pool| {
        sqlx::query(
            "UPDATE debts SET name = $3, kind = $4, principal = $5, currency = $6, annual_rate = $7, \
                 tenure_months = $8, emi = $9, lender = $10, start_date = $11, reminder_days = $12, \
                 account_id = $13, remaining = $5 - total_paid, \
                 status = CASE WHEN $5 - total_paid = 0 THEN 'paid_off' ELSE 'active' END, \
                 due_anchor = CASE WHEN next_payment_date = $14 THEN due_anchor ELSE $16 END, \
                 due_index = CASE WHEN next_payment_date = $14 THEN due_index ELSE $17 END, \
                 next_payment_date = $14, updated_at = $15 \
             WHERE organisation_id = $1 AND id = $2 AND total_paid <= $5 \
                 AND (total_paid = 0 OR currency = $6)",
        )
        .bind(scope.org_id)
        .bind(id)
        .bind(&new.name)
        .bind(new.kind.as_str())
        .bind(new.principal)
        .bind(&new.currency)
        .bind(i64::from(new.rate.scaled()))
        .bind(i64::from(new.tenure_months))
        .bind(new.emi)
        .bind(&new.lender)
        .bind(new.start_date)
        .bind(new.reminder_days)
        .bind(new.account_id)
        .bind(new.next_payment_date)
        .bind(OffsetDateTime::now_utc())
        .bind(new.due_anchor)
        .bind(i64::from(new.due_index))
        .execute(pool)
        .await
        .map(|done| done.rows_affected())
    })?;
    if changed == 0 {
        // Say which guard refused it, from the row as it is now.
        let current = find(db, scope, id).await?;
        if current.total_paid > new.principal {
            return Err(UpdateError::PaidMoreThanPrincipal {
                total_paid: current.total_paid,
            });
        }
        return Err(UpdateError::CurrencyLocked);
    }
    Ok(())
}

/// A payment to record, already validated.
#[derive(Clone, Debug)]
pub struct NewPayment {
    pub amount: i64,
    pub method: PaymentMethodKind,
    pub paid_on: Date,
    pub reference: String,
    /// Also record the payment as an expense in this account (same organisation and
    /// currency, checked by the caller).
    pub expense_account: Option<i64>,
    pub recorded_by: i64,
}

/// What a recorded payment changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRecorded {
    pub payment_id: i64,
    /// Principal still owed.
    pub remaining: i64,
    pub interest: i64,
    pub principal: i64,
    pub paid_off: bool,
    pub next_payment_date: Date,
    pub transaction_id: Option<i64>,
}

/// Why a payment was not recorded. Nothing was written in any case.
#[derive(Debug)]
pub enum PaymentError {
    /// More than what is owed; `max` is what clears the debt now (0 when paid off).
    OverPayment {
        max: i64,
        currency: String,
    },
    /// This debt already has a payment with that reference.
    DuplicateReference,
    Other(AppError),
}

impl From<AppError> for PaymentError {
    fn from(error: AppError) -> Self {
        Self::Other(error)
    }
}

impl From<sqlx::Error> for PaymentError {
    fn from(error: sqlx::Error) -> Self {
        Self::Other(error.into())
    }
}

crate::from_row! {
    /// The debt as the payment found it, locked.
    struct Locked {
        name: String,
        lender: String,
        currency: String,
        remaining: i64,
        annual_rate: i64,
        emi: i64,
        period_interest: Option<i64>,
        period_paid: i64,
        due_anchor: Date,
        due_index: i64,
    }
}

/// Records a payment in one database transaction: the debt's balance, the payment row, the
/// next due date, the optional ledger expense and a notification for the members.
///
/// The transaction's first statement touches the debt's row and reads it back: on
/// PostgreSQL that row lock makes a concurrent payment wait and then read what this one
/// left; SQLite's transactions take the write lock at once (`BEGIN IMMEDIATE`). So
/// payments apply one after the other, each splitting into interest and principal from
/// the balance the previous one left (`florin::loan::apply_payment`), and none can
/// over-pay or be lost. A payment that completes the instalment moves the next payment
/// date on by one month.
pub async fn record_payment(
    db: &Db,
    scope: &Scope,
    debt_id: i64,
    payment: &NewPayment,
    format: NumberFormat,
) -> Result<PaymentRecorded, PaymentError> {
    let mut tx = db.begin().await?;
    let now = OffsetDateTime::now_utc();
    let locked: Option<Locked> = on_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "UPDATE debts SET updated_at = $3 WHERE organisation_id = $1 AND id = $2 \
             RETURNING name, lender, currency, remaining, annual_rate, emi, period_interest, \
                 period_paid, due_anchor, due_index",
        )
        .bind(scope.org_id)
        .bind(debt_id)
        .bind(now)
        .fetch_optional(conn)
        .await
    })?;
    let paid = locked.ok_or(AppError::NotFound)?;
    let rate = u32::try_from(paid.annual_rate)
        .ok()
        .and_then(AnnualRate::from_scaled)
        .ok_or_else(|| AppError::internal("stored rate out of range"))?;
    let standing = Standing {
        balance: paid.remaining,
        period_interest: paid.period_interest,
        period_paid: paid.period_paid,
    };
    let applied = match florin::loan::apply_payment(&standing, rate, paid.emi, payment.amount) {
        Ok(applied) => applied,
        Err(PaymentRefused::OverPayment { max }) => {
            return Err(PaymentError::OverPayment {
                max,
                currency: paid.currency,
            });
        }
        Err(PaymentRefused::NotPositive) => {
            return Err(
                AppError::internal("record_payment called with a non-positive amount").into(),
            );
        }
    };
    let due_index = paid.due_index + i64::from(applied.period_complete);
    let index = u32::try_from(due_index).map_err(AppError::internal)?;
    let next = florin::loan::payment_date(paid.due_anchor, index)
        .ok_or_else(|| AppError::internal("next payment date out of range"))?;
    let remaining = applied.after.balance;
    on_tx!(&mut tx, |conn| {
        sqlx::query(
            "UPDATE debts SET remaining = $3, total_paid = total_paid + $4, \
                 interest_paid = interest_paid + $5, period_interest = $6, period_paid = $7, \
                 due_index = $8, next_payment_date = $9, \
                 status = CASE WHEN $3 = 0 THEN 'paid_off' ELSE 'active' END \
             WHERE organisation_id = $1 AND id = $2",
        )
        .bind(scope.org_id)
        .bind(debt_id)
        .bind(remaining)
        .bind(applied.principal)
        .bind(applied.interest)
        .bind(applied.after.period_interest)
        .bind(applied.after.period_paid)
        .bind(due_index)
        .bind(next)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    let transaction_id = match payment.expense_account {
        None => None,
        Some(account_id) => {
            let payee = if paid.lender.is_empty() {
                paid.name.clone()
            } else {
                paid.lender.clone()
            };
            let expense = NewTransaction {
                kind: TransactionKind::Expense,
                occurred_on: payment.paid_on,
                amount: payment.amount,
                currency: paid.currency.clone(),
                account_id,
                counter_account_id: None,
                counter_amount: None,
                category_id: None,
                payment_method_id: None,
                payee,
                notes: format!("{}: payment {}", paid.name, payment.reference),
                tags: Vec::new(),
                source: Source::DebtPayment,
                external_id: None,
            };
            Some(insert_in(&mut tx, scope, &expense).await?)
        }
    };
    let inserted: Result<i64, sqlx::Error> = on_tx!(&mut tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO debt_payments (organisation_id, debt_id, amount, interest, method, paid_on, \
                 reference, status, transaction_id, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(scope.org_id)
        .bind(debt_id)
        .bind(payment.amount)
        .bind(applied.interest)
        .bind(payment.method.as_str())
        .bind(payment.paid_on)
        .bind(&payment.reference)
        .bind("completed")
        .bind(transaction_id)
        .bind(payment.recorded_by)
        .bind(now)
        .fetch_one(conn)
        .await
    });
    let payment_id = match inserted {
        Ok(id) => id,
        Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
            return Err(PaymentError::DuplicateReference);
        }
        Err(error) => return Err(error.into()),
    };
    let paid_off = remaining == 0;
    let money = |minor: i64| Money::new(minor, &paid.currency).format(format);
    let interest = if applied.interest == 0 {
        String::new()
    } else {
        format!(" ({} of it interest)", money(applied.interest))
    };
    let body = if paid_off {
        format!(
            "{} paid towards {}{interest}. It is paid off.",
            money(payment.amount),
            paid.name
        )
    } else {
        format!(
            "{} paid towards {}{interest}; {} still owed.",
            money(payment.amount),
            paid.name,
            money(remaining)
        )
    };
    let note = NewNotification {
        kind: NotificationKind::System,
        title: if paid_off {
            format!("{} is paid off", paid.name)
        } else {
            "Payment recorded".to_owned()
        },
        body,
        action_link: Some(format!("/debts/{debt_id}")),
        dedup_key: Some(format!("debt-payment:{payment_id}")),
    };
    notify(
        &mut tx,
        Recipients::Members {
            org_id: scope.org_id,
        },
        &note,
    )
    .await?;
    tx.commit().await?;
    Ok(PaymentRecorded {
        payment_id,
        remaining,
        interest: applied.interest,
        principal: applied.principal,
        paid_off,
        next_payment_date: next,
        transaction_id,
    })
}

crate::from_row! {
    /// A payment as the detail page lists it.
    #[derive(Clone, Debug)]
    pub struct PaymentRecord {
        pub id: i64,
        pub amount: i64,
        pub interest: i64,
        pub method: String,
        pub paid_on: Date,
        pub reference: String,
        pub status: String,
        pub transaction_id: Option<i64>,
    }
}

/// The debt's payments, newest first.
pub async fn payments(
    db: &Db,
    scope: &Scope,
    debt_id: i64,
) -> Result<Vec<PaymentRecord>, AppError> {
    let rows = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, amount, interest, method, paid_on, reference, status, transaction_id FROM debt_payments \
             WHERE organisation_id = $1 AND debt_id = $2 ORDER BY paid_on DESC, id DESC",
        )
        .bind(scope.org_id)
        .bind(debt_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

/// Payments per day and currency since `since` (inclusive): (currency, day, total). The
/// database sums; the caller buckets days into months, which keeps the query free of
/// dialect-specific date functions.
pub async fn daily_payment_totals(
    db: &Db,
    scope: &Scope,
    since: Date,
) -> Result<Vec<(String, Date, i64)>, AppError> {
    let rows = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT d.currency, p.paid_on, CAST(SUM(p.amount) AS BIGINT) AS total \
             FROM debt_payments p JOIN debts d ON d.id = p.debt_id \
             WHERE p.organisation_id = $1 AND p.paid_on >= $2 \
             GROUP BY d.currency, p.paid_on ORDER BY p.paid_on",
        )
        .bind(scope.org_id)
        .bind(since)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

crate::from_row! {
    /// An active debt whose next payment falls on or before a date, for reminders.
    #[derive(Clone, Debug)]
    pub struct DueDebt {
        pub id: i64,
        pub organisation_id: i64,
        pub name: String,
        pub currency: String,
        pub emi: i64,
        pub remaining: i64,
        pub annual_rate: i64,
        pub period_interest: Option<i64>,
        pub period_paid: i64,
        pub next_payment_date: Date,
        pub reminder_days: i64,
    }
}

impl DueDebt {
    /// What is left of the instalment due next, with its interest.
    pub fn instalment_due(&self) -> i64 {
        let rate = u32::try_from(self.annual_rate)
            .ok()
            .and_then(AnnualRate::from_scaled)
            .unwrap_or(AnnualRate::ZERO);
        let standing = Standing {
            balance: self.remaining,
            period_interest: self.period_interest,
            period_paid: self.period_paid,
        };
        standing.instalment_due(rate, self.emi)
    }
}

/// System-wide, for the reminder job only (it acts for every organisation): the active
/// debts whose next payment date is on or before `until`.
pub async fn due_before(db: &Db, until: Date) -> Result<Vec<DueDebt>, AppError> {
    let rows = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, organisation_id, name, currency, emi, remaining, annual_rate, period_interest, \
                 period_paid, next_payment_date, reminder_days \
             FROM debts WHERE status = $1 AND next_payment_date <= $2 ORDER BY id",
        )
        .bind("active")
        .bind(until)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

/// Accounts a payment may be recorded in: (id, name, currency), active ones only.
pub async fn expense_accounts(
    db: &Db,
    scope: &Scope,
) -> Result<Vec<(i64, String, String)>, AppError> {
    let rows = on_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, name, currency FROM accounts WHERE organisation_id = $1 AND archived = $2 \
             ORDER BY LOWER(name), id",
        )
        .bind(scope.org_id)
        .bind(false)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows)
}

/// Deletes a debt and its payments, with the notifications that link to it, in one
/// database transaction. Ledger expenses recorded for its payments stay: that money was
/// spent.
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let deleted = on_tx!(&mut tx, |conn| {
        sqlx::query("DELETE FROM debts WHERE organisation_id = $1 AND id = $2")
            .bind(scope.org_id)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    // Payments go with the debt (ON DELETE CASCADE); say so rather than rely on it alone.
    on_tx!(&mut tx, |conn| {
        sqlx::query("DELETE FROM debt_payments WHERE organisation_id = $1 AND debt_id = $2")
            .bind(scope.org_id)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    on_tx!(&mut tx, |conn| {
        sqlx::query("DELETE FROM notifications WHERE organisation_id = $1 AND action_link = $2")
            .bind(scope.org_id)
            .bind(format!("/debts/{id}"))
            .execute(conn)
            .await
            .map(|done| done.rows_affected())
    })?;
    tx.commit().await?;
    Ok(())
}
