//! Debt and payment rows. Every query is scoped by organisation, except the reminder
//! job's system-wide [`due_before`], which says so in its name and documentation.

use crate::db::{Db, Rule, Tx, on_violation};
use crate::error::AppError;
use crate::notifications::NotificationKind;
use crate::notifications::repo::{NewNotification, Recipients, notify};
use crate::orgs::repo::Scope;
use crate::transactions::repo::{NewTransaction, insert_in};
use crate::{on_db, sql, sql_tx};
use florin::debt_stats::{DebtFigures, DebtKind};
use florin::ledger::{PaymentMethodKind, Source, TransactionKind};
use florin::loan::{AnnualRate, Applied, PaymentRefused, PlanDebt, Standing};
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

/// A rate as stored, `None` outside [`AnnualRate`]'s range (which the table's CHECK
/// rules out).
fn stored_rate(scaled: i64) -> Option<AnnualRate> {
    u32::try_from(scaled).ok().and_then(AnnualRate::from_scaled)
}

impl DebtRecord {
    /// The stored rate.
    pub fn rate(&self) -> AnnualRate {
        stored_rate(self.annual_rate).unwrap_or(AnnualRate::ZERO)
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

    /// The debt as the payoff planner sees it: what remains, repaid by the instalment.
    pub fn plan_debt(&self) -> PlanDebt {
        PlanDebt {
            id: self.id,
            name: self.name.clone(),
            balance: self.remaining,
            rate: self.rate(),
            min_payment: self.emi,
        }
    }

    /// The debt as the statistics see it.
    pub fn figures(&self) -> DebtFigures {
        DebtFigures {
            debt: self.plan_debt(),
            principal: self.principal,
            paid: self.paid_in_total(),
            payoff: self.payoff(),
            next_payment: self.is_active().then_some(self.next_payment_date),
        }
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

/// Binds a [`NewDebt`]'s terms, numbered in the same order by `create` and `update`.
macro_rules! bind_terms {
    ($query:expr, $new:expr) => {
        $query
            .bind(&$new.name)
            .bind($new.kind.as_str())
            .bind($new.principal)
            .bind(&$new.currency)
            .bind(i64::from($new.rate.scaled()))
            .bind(i64::from($new.tenure_months))
            .bind($new.emi)
            .bind(&$new.lender)
            .bind($new.start_date)
    };
}

/// Every debt of the organisation: active first, then by name.
pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<DebtRecord>, AppError> {
    let sql = format!(
        "{SELECT} WHERE d.organisation_id = $1 \
         ORDER BY CASE d.status WHEN 'active' THEN 0 ELSE 1 END, LOWER(d.name), d.id"
    );
    let rows = sql!(db, all, &sql, scope.org_id)?;
    Ok(rows)
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<DebtRecord, AppError> {
    let sql = format!("{SELECT} WHERE d.organisation_id = $1 AND d.id = $2");
    let row: Option<DebtRecord> = sql!(db, optional, &sql, scope.org_id, id)?;
    row.ok_or(AppError::NotFound)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, new: &NewDebt) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let id = on_db!(db, |pool| {
        let query = sqlx::query_scalar(
            "INSERT INTO debts (organisation_id, name, kind, principal, currency, annual_rate, \
                 tenure_months, emi, lender, start_date, next_payment_date, due_anchor, due_index, \
                 remaining, total_paid, status, reminder_days, account_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $4, $14, $15, $16, $17, \
                     $18, $18) \
             RETURNING id",
        )
        .bind(scope.org_id);
        bind_terms!(query, new)
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

/// Lets `?` turn database and app errors into `$refusal::Other`, for the writes whose
/// refusals the caller tells apart.
macro_rules! other_errors {
    ($refusal:ident) => {
        impl From<AppError> for $refusal {
            fn from(error: AppError) -> Self {
                Self::Other(error)
            }
        }

        impl From<sqlx::Error> for $refusal {
            fn from(error: sqlx::Error) -> Self {
                Self::Other(error.into())
            }
        }
    };
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

other_errors!(UpdateError);

/// Updates a debt. `remaining` follows the principal (`principal − total_paid`), so the
/// principal cannot drop below what was paid, and the currency is fixed once anything
/// was paid; both are guarded in the `UPDATE` itself so a payment recorded meanwhile is
/// taken into account. An unchanged next payment date keeps its anchor; a changed one
/// takes the new anchor.
#[tracing::instrument(skip_all, fields(org = scope.org_id, debt = id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewDebt) -> Result<(), UpdateError> {
    let changed = on_db!(db, |pool| {
        let query = sqlx::query(
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
        .bind(id);
        bind_terms!(query, new)
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

/// Why a payment was not recorded. Nothing was written in any case; a reference the debt
/// already has is `Other(AppError::Invalid)` on the `reference` field.
#[derive(Debug)]
pub enum PaymentError {
    /// More than what is owed; `max` is what clears the debt now (0 when paid off).
    OverPayment {
        max: i64,
        currency: String,
    },
    Other(AppError),
}

other_errors!(PaymentError);

/// One reference per payment of a debt.
const REFERENCE_TAKEN: Rule = Rule {
    postgres: "debt_payments_reference_key",
    sqlite: "debt_payments.debt_id, debt_payments.reference",
    field: "reference",
    message: "A payment with this reference is already recorded for this debt.",
};

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

/// What a payment does to the debt: its split into interest and principal, and the
/// instalment (counted from the anchor) and date that fall due next.
struct Change {
    applied: Applied,
    due_index: i64,
    next: Date,
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
#[tracing::instrument(skip_all, fields(org = scope.org_id, debt = debt_id))]
pub async fn record_payment(
    db: &Db,
    scope: &Scope,
    debt_id: i64,
    payment: &NewPayment,
    format: NumberFormat,
) -> Result<PaymentRecorded, PaymentError> {
    let mut tx = db.begin().await?;
    let now = OffsetDateTime::now_utc();
    let debt = lock(&mut tx, scope, debt_id, now).await?;
    let change = apply(&debt, payment.amount)?;
    store_balance(&mut tx, scope, debt_id, &change).await?;
    let transaction_id = match payment.expense_account {
        None => None,
        Some(account) => Some(record_expense(&mut tx, scope, &debt, payment, account).await?),
    };
    let row = PaymentRow {
        debt_id,
        interest: change.applied.interest,
        transaction_id,
        now,
    };
    let payment_id = insert_payment(&mut tx, scope, payment, &row).await?;
    let note = payment_notice(&debt, payment, &change.applied, payment_id, debt_id, format);
    let members = Recipients::Members {
        org_id: scope.org_id,
    };
    notify(&mut tx, members, &note).await?;
    tx.commit().await?;
    let remaining = change.applied.after.balance;
    Ok(PaymentRecorded {
        payment_id,
        remaining,
        interest: change.applied.interest,
        principal: change.applied.principal,
        paid_off: remaining == 0,
        next_payment_date: change.next,
        transaction_id,
    })
}

/// Locks the debt's row for the rest of `tx` and reads it.
async fn lock(
    tx: &mut Tx,
    scope: &Scope,
    debt_id: i64,
    now: OffsetDateTime,
) -> Result<Locked, AppError> {
    let locked: Option<Locked> = sql_tx!(
        tx,
        optional,
        "UPDATE debts SET updated_at = $3 WHERE organisation_id = $1 AND id = $2 \
         RETURNING name, lender, currency, remaining, annual_rate, emi, period_interest, \
             period_paid, due_anchor, due_index",
        scope.org_id,
        debt_id,
        now
    )?;
    locked.ok_or(AppError::NotFound)
}

/// Applies `amount` to the debt as it stands (`florin::loan::apply_payment`).
fn apply(debt: &Locked, amount: i64) -> Result<Change, PaymentError> {
    let rate = stored_rate(debt.annual_rate)
        .ok_or_else(|| AppError::internal("stored rate out of range"))?;
    let standing = Standing {
        balance: debt.remaining,
        period_interest: debt.period_interest,
        period_paid: debt.period_paid,
    };
    let applied = match florin::loan::apply_payment(&standing, rate, debt.emi, amount) {
        Ok(applied) => applied,
        Err(PaymentRefused::OverPayment { max }) => {
            return Err(PaymentError::OverPayment {
                max,
                currency: debt.currency.clone(),
            });
        }
        Err(PaymentRefused::NotPositive) => {
            return Err(
                AppError::internal("record_payment called with a non-positive amount").into(),
            );
        }
    };
    let due_index = debt.due_index + i64::from(applied.period_complete);
    let index = u32::try_from(due_index).map_err(AppError::internal)?;
    let next = florin::loan::payment_date(debt.due_anchor, index)
        .ok_or_else(|| AppError::internal("next payment date out of range"))?;
    Ok(Change {
        applied,
        due_index,
        next,
    })
}

/// Writes the balance, the totals paid, the period and the next due date.
async fn store_balance(
    tx: &mut Tx,
    scope: &Scope,
    debt_id: i64,
    change: &Change,
) -> Result<(), AppError> {
    let applied = &change.applied;
    sql_tx!(
        tx,
        execute,
        "UPDATE debts SET remaining = $3, total_paid = total_paid + $4, \
             interest_paid = interest_paid + $5, period_interest = $6, period_paid = $7, \
             due_index = $8, next_payment_date = $9, \
             status = CASE WHEN $3 = 0 THEN 'paid_off' ELSE 'active' END \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        debt_id,
        applied.after.balance,
        applied.principal,
        applied.interest,
        applied.after.period_interest,
        applied.after.period_paid,
        change.due_index,
        change.next
    )?;
    Ok(())
}

/// Records the payment as an expense in the ledger account `account_id`, paid to the
/// lender (or to the debt, when it names none).
async fn record_expense(
    tx: &mut Tx,
    scope: &Scope,
    debt: &Locked,
    payment: &NewPayment,
    account_id: i64,
) -> Result<i64, AppError> {
    let payee = if debt.lender.is_empty() {
        debt.name.clone()
    } else {
        debt.lender.clone()
    };
    let expense = NewTransaction {
        kind: TransactionKind::Expense,
        occurred_on: payment.paid_on,
        amount: payment.amount,
        currency: debt.currency.clone(),
        account_id,
        counter_account_id: None,
        counter_amount: None,
        category_id: None,
        payment_method_id: None,
        payee,
        notes: format!("{}: payment {}", debt.name, payment.reference),
        tags: Vec::new(),
        source: Source::DebtPayment,
        external_id: None,
    };
    insert_in(tx, scope, &expense).await
}

/// What the payment row takes besides the form's values.
struct PaymentRow {
    debt_id: i64,
    interest: i64,
    transaction_id: Option<i64>,
    now: OffsetDateTime,
}

async fn insert_payment(
    tx: &mut Tx,
    scope: &Scope,
    payment: &NewPayment,
    row: &PaymentRow,
) -> Result<i64, AppError> {
    sql_tx!(
        tx,
        scalar,
        "INSERT INTO debt_payments (organisation_id, debt_id, amount, interest, method, paid_on, \
             reference, status, transaction_id, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        scope.org_id,
        row.debt_id,
        payment.amount,
        row.interest,
        payment.method.as_str(),
        payment.paid_on,
        &payment.reference,
        "completed",
        row.transaction_id,
        payment.recorded_by,
        row.now
    )
    .map_err(|e| on_violation(e, &[REFERENCE_TAKEN]))
}

/// The members' notice: what was paid (and of it interest), and what is still owed or
/// that the debt is paid off. Deduplicated by the payment's id.
fn payment_notice(
    debt: &Locked,
    payment: &NewPayment,
    applied: &Applied,
    payment_id: i64,
    debt_id: i64,
    format: NumberFormat,
) -> NewNotification {
    let money = |minor: i64| Money::new(minor, &debt.currency).format(format);
    let paid = money(payment.amount);
    let interest = if applied.interest == 0 {
        String::new()
    } else {
        format!(" ({} of it interest)", money(applied.interest))
    };
    let remaining = applied.after.balance;
    let (title, body) = if remaining == 0 {
        (
            format!("{} is paid off", debt.name),
            format!(
                "{paid} paid towards {}{interest}. It is paid off.",
                debt.name
            ),
        )
    } else {
        (
            "Payment recorded".to_owned(),
            format!(
                "{paid} paid towards {}{interest}; {} still owed.",
                debt.name,
                money(remaining)
            ),
        )
    };
    NewNotification {
        kind: NotificationKind::System,
        title,
        body,
        action_link: Some(format!("/debts/{debt_id}")),
        dedup_key: Some(format!("debt-payment:{payment_id}")),
    }
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
    let rows = sql!(
        db,
        all,
        "SELECT id, amount, interest, method, paid_on, reference, status, transaction_id FROM debt_payments \
         WHERE organisation_id = $1 AND debt_id = $2 ORDER BY paid_on DESC, id DESC",
        scope.org_id,
        debt_id
    )?;
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
    let rows = sql!(
        db,
        all,
        "SELECT d.currency, p.paid_on, CAST(SUM(p.amount) AS BIGINT) AS total \
         FROM debt_payments p JOIN debts d ON d.id = p.debt_id \
         WHERE p.organisation_id = $1 AND p.paid_on >= $2 \
         GROUP BY d.currency, p.paid_on ORDER BY p.paid_on",
        scope.org_id,
        since
    )?;
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
        let rate = stored_rate(self.annual_rate).unwrap_or(AnnualRate::ZERO);
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
    let rows = sql!(
        db,
        all,
        "SELECT id, organisation_id, name, currency, emi, remaining, annual_rate, period_interest, \
             period_paid, next_payment_date, reminder_days \
         FROM debts WHERE status = $1 AND next_payment_date <= $2 ORDER BY id",
        "active",
        until
    )?;
    Ok(rows)
}

/// Accounts a payment may be recorded in: (id, name, currency), active ones only.
pub async fn expense_accounts(
    db: &Db,
    scope: &Scope,
) -> Result<Vec<(i64, String, String)>, AppError> {
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

/// Deletes a debt and its payments, with the notifications that link to it, in one
/// database transaction. Ledger expenses recorded for its payments stay: that money was
/// spent.
#[tracing::instrument(skip_all, fields(org = scope.org_id, debt = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let deleted = sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM debts WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    if deleted == 0 {
        return Err(AppError::NotFound);
    }
    // Payments go with the debt (ON DELETE CASCADE); say so rather than rely on it alone.
    sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM debt_payments WHERE organisation_id = $1 AND debt_id = $2",
        scope.org_id,
        id
    )?;
    sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM notifications WHERE organisation_id = $1 AND action_link = $2",
        scope.org_id,
        format!("/debts/{id}")
    )?;
    tx.commit().await?;
    Ok(())
}
