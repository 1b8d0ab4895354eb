//! Server-side work of the debt pages: parsing forms into domain values, the statistics,
//! schedules and plans (all from `florin::loan`), and shaping rows for display.

use super::detail::{DebtView, PaymentView, ScheduleRowView, ScheduleView};
use super::edit::DebtFields;
use super::list::{DebtsOverview, HistoryRow, SummaryRow};
use super::pay::PaymentDefaults;
use super::planner::{PayoffPlan, PayoffPlanQuery, PlanDebtView, StrategyView};
use super::repo::{
    self, DebtRecord, NewDebt, NewPayment, PaymentError, PaymentRecorded, UpdateError,
};
use super::types::DebtInput;
use super::{DebtKind, DebtSummary};
use crate::error::{AppError, FieldErrors};
pub use crate::form::{format_date, parse_date};
use crate::orgs::Member;
use florin::ledger::PaymentMethodKind;
use florin::loan::{self, AnnualRate, LoanError, Plan, PlanDebt, Strategy};
use florin::money::{Money, NumberFormat};
use florin::role::{Access, Area, permits};
use std::collections::BTreeMap;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// Reminders can be asked for at most this many days ahead.
pub const MAX_REMINDER_DAYS: i64 = 60;
/// Reminder days when the form leaves them blank.
pub const DEFAULT_REMINDER_DAYS: i64 = 3;
const MAX_TEXT: usize = 80;
const MAX_REFERENCE: usize = 60;

pub use florin::calendar::{long_month_label as month_label, month_start_back};

/// "6.5 %".
pub fn rate_text(rate: AnnualRate) -> String {
    format!("{rate}\u{a0}%")
}

pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// The average of `rates` weighted by the paired amounts, exactly (128-bit sums, one
/// half-up rounding to the rate's 1/10 000 of a percent). `None` when the weights are
/// all zero.
pub fn weighted_rate(debts: &[(AnnualRate, i64)]) -> Option<AnnualRate> {
    let weight: i128 = debts.iter().map(|(_, w)| i128::from(*w.max(&0))).sum();
    if weight == 0 {
        return None;
    }
    let sum: i128 = debts
        .iter()
        .map(|(rate, w)| i128::from(rate.scaled()) * i128::from(*w.max(&0)))
        .sum();
    let rounded = (2 * sum + weight) / (2 * weight);
    u32::try_from(rounded)
        .ok()
        .and_then(AnnualRate::from_scaled)
}

/// Sums daily totals into the twelve months ending with `today`'s, oldest first: for each
/// month its first day and the total per currency (in `currencies` order).
pub fn monthly_history(
    daily: &[(String, Date, i64)],
    today: Date,
) -> (Vec<String>, Vec<(Date, Vec<i64>)>) {
    let currencies: Vec<String> = daily
        .iter()
        .map(|(c, _, _)| c.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let months: Vec<Date> = (0..12)
        .rev()
        .map(|back| month_start_back(today, back))
        .collect();
    let mut totals = vec![vec![0_i64; currencies.len()]; months.len()];
    for (currency, day, amount) in daily {
        let start = Date::from_calendar_date(day.year(), day.month(), 1).unwrap_or(*day);
        if let (Some(m), Some(c)) = (
            months.iter().position(|d| *d == start),
            currencies.iter().position(|x| x == currency),
        ) {
            totals[m][c] = totals[m][c].saturating_add(*amount);
        }
    }
    (currencies, months.into_iter().zip(totals).collect())
}

/// A payment reference: `PAY-YYYYMMDD-` and six random letters and digits.
pub fn generate_reference(paid_on: Date) -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::thread_rng();
    let tail: String = (0..6)
        .map(|_| char::from(CHARS[rng.gen_range(0..CHARS.len())]))
        .collect();
    format!(
        "PAY-{}-{tail}",
        paid_on
            .format(format_description!("[year][month][day]"))
            .unwrap_or_default()
    )
}

fn money(minor: i64, currency: &str, format: NumberFormat) -> String {
    Money::new(minor, currency).format(format)
}

pub fn summary(record: &DebtRecord, format: NumberFormat) -> DebtSummary {
    let m = |minor| money(minor, &record.currency, format);
    DebtSummary {
        id: record.id,
        name: record.name.clone(),
        kind_label: DebtKind::parse(&record.kind)
            .map_or_else(|| record.kind.clone(), |k| k.label().to_owned()),
        lender: record.lender.clone(),
        currency: record.currency.clone(),
        principal: m(record.principal),
        remaining: m(record.remaining),
        total_paid: m(record.paid_in_total()),
        interest_paid: m(record.interest_paid),
        payoff: m(record.payoff()),
        emi: m(record.emi),
        rate: rate_text(record.rate()),
        next_payment: format_date(record.next_payment_date),
        paid_off: !record.is_active(),
    }
}

/// A debt as the planner sees it: what remains, repaid by the instalment.
fn plan_debt(record: &DebtRecord) -> PlanDebt {
    PlanDebt {
        id: record.id,
        name: record.name.clone(),
        balance: record.remaining,
        rate: record.rate(),
        min_payment: record.emi,
    }
}

/// The month a plan's `month` (1 for the first month paid) falls in, counted from the
/// earliest next payment among the debts.
fn plan_month(first_due: Date, month: u32) -> String {
    match month
        .checked_sub(1)
        .and_then(|i| loan::payment_date(first_due, i))
    {
        Some(date) => month_label(date),
        None if month == 0 => "now".to_owned(),
        None => "—".to_owned(),
    }
}

/// "Now", "March 2029", or that it does not happen within the planner's horizon.
fn debt_free_text(plan: &Plan, first_due: Date) -> String {
    match plan.months_to_debt_free {
        Some(0) => "Now".to_owned(),
        Some(months) => plan_month(first_due, months),
        None => format!("Not within {} years", loan::PLAN_HORIZON_MONTHS / 12),
    }
}

pub async fn overview(member: &Member) -> Result<DebtsOverview, AppError> {
    let format = member.number_format();
    let records = repo::list(member.db(), &member.scope).await?;
    let mut by_currency: BTreeMap<String, Vec<&DebtRecord>> = BTreeMap::new();
    for record in &records {
        by_currency
            .entry(record.currency.clone())
            .or_default()
            .push(record);
    }
    let mut rows = Vec::new();
    for (currency, debts) in &by_currency {
        let m = |minor: i64| money(minor, currency, format);
        let sum =
            |f: fn(&DebtRecord) -> i64| debts.iter().map(|d| f(d)).fold(0_i64, i64::saturating_add);
        let active: Vec<&DebtRecord> = debts.iter().copied().filter(|d| d.is_active()).collect();
        let monthly = active
            .iter()
            .map(|d| d.emi.min(d.payoff()))
            .fold(0_i64, i64::saturating_add);
        let rates: Vec<(AnnualRate, i64)> = debts.iter().map(|d| (d.rate(), d.remaining)).collect();
        let plan_debts: Vec<PlanDebt> = active.iter().map(|d| plan_debt(d)).collect();
        let first_due = active.iter().map(|d| d.next_payment_date).min();
        let debt_free = match first_due {
            None => "Now".to_owned(),
            Some(first_due) => match loan::plan(&plan_debts, 0, Strategy::MinimumOnly) {
                Ok(plan) => debt_free_text(&plan, first_due),
                Err(error) => error.message(currency, format),
            },
        };
        rows.push(SummaryRow {
            currency: currency.clone(),
            principal: m(sum(|d| d.principal)),
            remaining: m(sum(|d| d.remaining)),
            paid: m(sum(DebtRecord::paid_in_total)),
            monthly: m(monthly),
            average_rate: weighted_rate(&rates).map_or_else(|| "—".to_owned(), rate_text),
            debt_free,
        });
    }
    let today = today();
    let daily =
        repo::daily_payment_totals(member.db(), &member.scope, month_start_back(today, 11)).await?;
    let (currencies, months) = monthly_history(&daily, today);
    let history = if currencies.is_empty() {
        Vec::new()
    } else {
        months
            .into_iter()
            .map(|(start, totals)| HistoryRow {
                month: month_label(start),
                amounts: totals
                    .iter()
                    .zip(&currencies)
                    .map(|(total, currency)| money(*total, currency, format))
                    .collect(),
            })
            .collect()
    };
    Ok(DebtsOverview {
        debts: records.iter().map(|r| summary(r, format)).collect(),
        summary: rows,
        history_currencies: currencies,
        history,
    })
}

/// Accounts a debt's payments may be recorded in, as (value, label).
async fn account_options(
    member: &Member,
    currency: Option<&str>,
) -> Result<Vec<(String, String)>, AppError> {
    Ok(repo::expense_accounts(member.db(), &member.scope)
        .await?
        .into_iter()
        .filter(|(_, _, c)| currency.is_none_or(|wanted| wanted == c))
        .map(|(id, name, c)| (id.to_string(), format!("{name} ({c})")))
        .collect())
}

pub async fn form(member: &Member, id: Option<i64>) -> Result<DebtFields, AppError> {
    let format = member.number_format();
    let accounts = account_options(member, None).await?;
    let Some(id) = id else {
        let start = today();
        return Ok(DebtFields {
            kind: DebtKind::Personal.as_str().to_owned(),
            currency: member.user.base_currency.clone(),
            start_date: format_date(start),
            reminder_days: DEFAULT_REMINDER_DAYS.to_string(),
            accounts,
            ..DebtFields::default()
        });
    };
    let d = repo::find(member.db(), &member.scope, id).await?;
    let number = |minor| Money::new(minor, &d.currency).format_number(format);
    Ok(DebtFields {
        id: d.id.to_string(),
        name: d.name.clone(),
        kind: d.kind.clone(),
        principal: number(d.principal),
        currency: d.currency.clone(),
        annual_rate: d.rate().to_string(),
        tenure_months: d.tenure_months.to_string(),
        emi: number(d.emi),
        lender: d.lender.clone(),
        start_date: format_date(d.start_date),
        next_payment_date: format_date(d.next_payment_date),
        reminder_days: d.reminder_days.to_string(),
        account_id: d.account_id.map(|a| a.to_string()).unwrap_or_default(),
        accounts,
        has_payments: d.total_paid > 0,
    })
}

/// Puts a loan error on the field it is about, in the user's currency and format.
fn loan_error(errors: &mut FieldErrors, error: LoanError, currency: &str, format: NumberFormat) {
    let field = match error {
        LoanError::NonPositivePrincipal | LoanError::NegativeAmount | LoanError::TooLarge => {
            "principal"
        }
        LoanError::ZeroMonths | LoanError::TooManyMonths { .. } => "tenure_months",
        LoanError::InstalmentBelowInterest { .. } | LoanError::InstalmentTooSmall { .. } => "emi",
        LoanError::DateOutOfRange => "start_date",
    };
    errors.add(field, error.message(currency, format));
}

/// Validates the debt form into a [`NewDebt`], with a message per field.
pub async fn validate(member: &Member, raw: &DebtInput) -> Result<NewDebt, AppError> {
    let format = member.number_format();
    let mut errors = FieldErrors::new();
    let name = raw.name.trim();
    if name.is_empty() {
        errors.add("name", "Give the debt a name.");
    } else if name.chars().count() > MAX_TEXT {
        errors.add("name", "Use at most 80 characters.");
    }
    let kind = DebtKind::parse(&raw.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a kind of debt.");
    }
    let lender = raw.lender.trim();
    if lender.chars().count() > MAX_TEXT {
        errors.add("lender", "Use at most 80 characters.");
    }
    let currency = florin::currency::find(&raw.currency);
    if currency.is_none() {
        errors.add("currency", "Choose a currency from the list.");
    }
    let code = currency.map_or("XXX", |c| c.code);
    let principal = currency.and_then(|c| match Money::parse(&raw.principal, c.code, format) {
        Ok(m) if m.minor <= 0 => {
            errors.add("principal", "Enter an amount more than zero.");
            None
        }
        Ok(m) => Some(m.minor),
        Err(e) => {
            errors.add("principal", e);
            None
        }
    });
    let rate = AnnualRate::parse(&raw.annual_rate)
        .map_err(|e| errors.add("annual_rate", e))
        .ok();
    let months = match raw.tenure_months.trim().parse::<u32>() {
        Ok(0) => {
            errors.add("tenure_months", LoanError::ZeroMonths);
            None
        }
        Ok(m) if m > loan::MAX_MONTHS => {
            errors.add(
                "tenure_months",
                LoanError::TooManyMonths {
                    max: loan::MAX_MONTHS,
                },
            );
            None
        }
        Ok(m) => Some(m),
        Err(_) => {
            errors.add("tenure_months", "Enter the number of months, like 240.");
            None
        }
    };
    let given_emi = match (currency, raw.emi.trim()) {
        (_, "") => None,
        (Some(c), text) => match Money::parse(text, c.code, format) {
            Ok(m) if m.minor <= 0 => {
                errors.add(
                    "emi",
                    "Enter an instalment more than zero, or leave it blank.",
                );
                None
            }
            Ok(m) => Some(m.minor),
            Err(e) => {
                errors.add("emi", e);
                None
            }
        },
        (None, _) => None,
    };
    let emi = match (principal, rate, months) {
        (Some(p), Some(r), Some(n)) => {
            let checked = match (given_emi, raw.emi.trim().is_empty()) {
                (Some(given), _) => loan::check_emi(p, r, n, given).map(|()| given),
                (None, true) => loan::emi(p, r, n),
                // The instalment was typed but is unreadable; its error is recorded.
                (None, false) => Ok(0),
            };
            checked
                .map_err(|e| loan_error(&mut errors, e, code, format))
                .ok()
        }
        _ => None,
    };
    let start_date = parse_date(&raw.start_date);
    if start_date.is_none() {
        errors.add("start_date", "Enter a date like 2026-01-31.");
    }
    // Due dates count from an anchor: the start (the first payment a month after it),
    // or the next payment date as given.
    let due = match (raw.next_payment_date.trim(), start_date) {
        ("", Some(start)) => match loan::payment_date(start, 1) {
            Some(next) => Some((next, start, 1)),
            None => {
                errors.add("start_date", LoanError::DateOutOfRange);
                None
            }
        },
        ("", None) => None,
        (text, start) => match parse_date(text) {
            Some(next) if start.is_some_and(|s| next < s) => {
                errors.add(
                    "next_payment_date",
                    "The next payment cannot be before the start date.",
                );
                None
            }
            Some(next) => Some((next, next, 0)),
            None => {
                errors.add("next_payment_date", "Enter a date like 2026-01-31.");
                None
            }
        },
    };
    let reminder_days = match raw.reminder_days.trim() {
        "" => Some(DEFAULT_REMINDER_DAYS),
        text => match text.parse::<i64>() {
            Ok(days) if (0..=MAX_REMINDER_DAYS).contains(&days) => Some(days),
            _ => {
                errors.add(
                    "reminder_days",
                    format!("Enter a number of days from 0 to {MAX_REMINDER_DAYS}."),
                );
                None
            }
        },
    };
    let account_id = match raw.account_id.trim() {
        "" => Some(None),
        text => {
            let accounts = repo::expense_accounts(member.db(), &member.scope).await?;
            match text
                .parse::<i64>()
                .ok()
                .and_then(|id| accounts.iter().find(|(a, _, _)| *a == id))
            {
                Some((id, _, c)) if currency.is_none_or(|cur| cur.code == c) => Some(Some(*id)),
                Some(_) => {
                    errors.add("account_id", format!("Choose an account in {code}."));
                    None
                }
                None => {
                    errors.add("account_id", "Choose an account from the list.");
                    None
                }
            }
        }
    };
    errors.into_result()?;
    match (
        kind,
        currency,
        principal,
        rate,
        months,
        emi,
        start_date,
        due,
        reminder_days,
        account_id,
    ) {
        (
            Some(kind),
            Some(currency),
            Some(principal),
            Some(rate),
            Some(tenure_months),
            Some(emi),
            Some(start_date),
            Some((next_payment_date, due_anchor, due_index)),
            Some(reminder_days),
            Some(account_id),
        ) => Ok(NewDebt {
            name: name.to_owned(),
            kind,
            principal,
            currency: currency.code.to_owned(),
            rate,
            tenure_months,
            emi,
            lender: lender.to_owned(),
            start_date,
            next_payment_date,
            due_anchor,
            due_index,
            reminder_days,
            account_id,
        }),
        _ => Err(AppError::internal(
            "debt form passed validation with a missing value",
        )),
    }
}

/// Validates and writes the debt form: returns the debt's id and whether it is new.
pub async fn save(member: &Member, raw: &DebtInput) -> Result<(i64, bool), AppError> {
    let existing = match raw.id.trim() {
        "" => None,
        id => Some(id.parse::<i64>().map_err(|_| AppError::NotFound)?),
    };
    if let Some(id) = existing {
        // An id outside the organisation is not found before anything is validated.
        repo::find(member.db(), &member.scope, id).await?;
    }
    let new = validate(member, raw).await?;
    let Some(id) = existing else {
        return Ok((repo::create(member.db(), &member.scope, &new).await?, true));
    };
    match repo::update(member.db(), &member.scope, id, &new).await {
        Ok(()) => Ok((id, false)),
        Err(UpdateError::PaidMoreThanPrincipal { total_paid }) => {
            let mut errors = FieldErrors::new();
            errors.add(
                "principal",
                format!(
                    "{} of the principal has been repaid already; the amount borrowed cannot be less.",
                    money(total_paid, &new.currency, member.number_format())
                ),
            );
            Err(AppError::Invalid(errors))
        }
        Err(UpdateError::CurrencyLocked) => {
            let mut errors = FieldErrors::new();
            errors.add(
                "currency",
                "Payments are recorded in this debt's currency, so it cannot change.",
            );
            Err(AppError::Invalid(errors))
        }
        Err(UpdateError::Other(error)) => Err(error),
    }
}

pub async fn detail(member: &Member, id: i64, full: bool) -> Result<DebtView, AppError> {
    let format = member.number_format();
    let d = repo::find(member.db(), &member.scope, id).await?;
    let m = |minor: i64| money(minor, &d.currency, format);
    // Rows are dated from the anchor rather than from the first row's date, so a loan
    // paid on the 31st stays on the last day of each month after February.
    let (anchor, first_index) = if full {
        (d.start_date, 1)
    } else {
        (d.due_anchor, u32::try_from(d.due_index).unwrap_or(0))
    };
    let schedule = loan::payment_date(anchor, first_index)
        .ok_or(LoanError::DateOutOfRange)
        .and_then(|first| {
            if full {
                let tenure = u32::try_from(d.tenure_months).unwrap_or(0);
                loan::schedule(d.principal, d.rate(), tenure, d.emi, first)
            } else {
                loan::remaining_schedule(&d.standing(), d.rate(), d.emi, first)
            }
        })
        .and_then(|mut s| {
            for row in &mut s.rows {
                row.date = loan::payment_date(anchor, first_index + row.n - 1)
                    .ok_or(LoanError::DateOutOfRange)?;
            }
            Ok(s)
        });
    let schedule = match schedule {
        Ok(s) => ScheduleView {
            full,
            rows: s
                .rows
                .iter()
                .map(|r| ScheduleRowView {
                    n: r.n,
                    date: format_date(r.date),
                    payment: m(r.payment),
                    interest: m(r.interest),
                    principal: m(r.principal),
                    balance: m(r.balance),
                })
                .collect(),
            total_interest: m(s.total_interest),
            total_paid: m(s.total_paid),
            error: None,
        },
        Err(error) => ScheduleView {
            full,
            error: Some(error.message(&d.currency, format)),
            ..ScheduleView::default()
        },
    };
    let payments = repo::payments(member.db(), &member.scope, id)
        .await?
        .into_iter()
        .map(|p| PaymentView {
            date: format_date(p.paid_on),
            amount: m(p.amount),
            interest: m(p.interest),
            principal: m(p.amount - p.interest),
            method: PaymentMethodKind::parse(&p.method)
                .map(|k| k.label().to_owned())
                .unwrap_or(p.method),
            reference: p.reference,
            status: if p.status == "completed" {
                "Completed".to_owned()
            } else {
                p.status
            },
            expense: p.transaction_id.is_some(),
        })
        .collect();
    let pay = PaymentDefaults {
        debt_id: d.id,
        currency: d.currency.clone(),
        amount: Money::new(d.standing().instalment_due(d.rate(), d.emi), &d.currency)
            .format_number(format),
        date: format_date(today()),
        method: PaymentMethodKind::BankTransfer.as_str().to_owned(),
        account_id: d.account_id.map(|a| a.to_string()).unwrap_or_default(),
        accounts: account_options(member, Some(&d.currency)).await?,
        max: m(d.payoff()),
        due: m(d.standing().instalment_due(d.rate(), d.emi)),
    };
    Ok(DebtView {
        debt: summary(&d, format),
        start_date: format_date(d.start_date),
        tenure_months: d.tenure_months,
        reminder_days: d.reminder_days,
        account_name: d.account_name.clone(),
        schedule,
        payments,
        pay,
    })
}

/// The payment form as posted.
pub struct RawPayment<'a> {
    pub amount: &'a str,
    pub method: &'a str,
    pub date: &'a str,
    pub reference: &'a str,
    pub account_id: &'a str,
}

/// Validates and records a payment. The balance check here gives the early message; the
/// one that counts is the conditional update in [`repo::record_payment`].
pub async fn pay(
    member: &Member,
    debt_id: i64,
    raw: &RawPayment<'_>,
) -> Result<PaymentRecorded, AppError> {
    let format = member.number_format();
    let debt = repo::find(member.db(), &member.scope, debt_id).await?;
    let currency = debt.currency.clone();
    let mut errors = FieldErrors::new();
    let amount = match Money::parse(raw.amount, &currency, format) {
        Ok(m) if m.minor <= 0 => {
            errors.add("amount", "Enter an amount more than zero.");
            None
        }
        Ok(m) if m.minor > debt.payoff() => {
            errors.add(
                "amount",
                over_payment_message(debt.payoff(), &currency, format),
            );
            None
        }
        Ok(m) => Some(m.minor),
        Err(e) => {
            errors.add("amount", e);
            None
        }
    };
    let method = PaymentMethodKind::parse(raw.method);
    if method.is_none() {
        errors.add("method", "Choose a method from the list.");
    }
    let paid_on = parse_date(raw.date);
    if paid_on.is_none() {
        errors.add("date", "Enter a date like 2026-01-31.");
    }
    let reference = raw.reference.trim();
    if reference.chars().count() > MAX_REFERENCE {
        errors.add("reference", "Use at most 60 characters.");
    } else if reference.chars().any(char::is_control) {
        errors.add("reference", "Use letters, digits and punctuation only.");
    }
    let expense_account = match raw.account_id.trim() {
        "" => Some(None),
        text => {
            let accounts = repo::expense_accounts(member.db(), &member.scope).await?;
            let scope = &member.scope;
            match text
                .parse::<i64>()
                .ok()
                .and_then(|id| accounts.iter().find(|(a, _, _)| *a == id))
            {
                _ if !permits(scope.role, scope.rights, Access::Write(Area::Ledger)) => {
                    errors.add("account_id", "You may not add transactions to the ledger.");
                    None
                }
                Some((id, _, c)) if *c == currency => Some(Some(*id)),
                Some(_) => {
                    errors.add("account_id", format!("Choose an account in {currency}."));
                    None
                }
                None => {
                    errors.add("account_id", "Choose an account from the list.");
                    None
                }
            }
        }
    };
    errors.into_result()?;
    let (Some(amount), Some(method), Some(paid_on), Some(expense_account)) =
        (amount, method, paid_on, expense_account)
    else {
        return Err(AppError::internal(
            "payment form passed validation with a missing value",
        ));
    };
    let payment = NewPayment {
        amount,
        method,
        paid_on,
        reference: if reference.is_empty() {
            generate_reference(paid_on)
        } else {
            reference.to_owned()
        },
        expense_account,
        recorded_by: member.user.id,
    };
    repo::record_payment(member.db(), &member.scope, debt_id, &payment, format)
        .await
        .map_err(|error| match error {
            PaymentError::OverPayment { max, currency } => AppError::Invalid(field(
                "amount",
                over_payment_message(max, &currency, format),
            )),
            PaymentError::DuplicateReference => AppError::Invalid(field(
                "reference",
                "A payment with this reference is already recorded for this debt.",
            )),
            PaymentError::Other(error) => error,
        })
}

fn field(name: &str, message: impl ToString) -> FieldErrors {
    let mut errors = FieldErrors::new();
    errors.add(name, message);
    errors
}

pub fn over_payment_message(max: i64, currency: &str, format: NumberFormat) -> String {
    if max == 0 {
        "This debt is paid off; there is nothing left to pay.".to_owned()
    } else {
        format!("You can pay at most {}.", money(max, currency, format))
    }
}

/// The planner's validated inputs and the three plans.
pub struct Plans {
    pub currency: String,
    pub currencies: Vec<String>,
    pub extra: i64,
    pub errors: FieldErrors,
    pub debts: Vec<DebtRecord>,
    pub first_due: Date,
    /// Avalanche, snowball, minimum-only, in that order.
    pub plans: Vec<(&'static str, Plan)>,
}

pub const STRATEGIES: [(&str, Strategy); 3] = [
    ("Avalanche", Strategy::Avalanche),
    ("Snowball", Strategy::Snowball),
    ("Minimum payments only", Strategy::MinimumOnly),
];

/// Computes the three plans for the active debts of the chosen currency (else the base
/// currency when it has debts, else the first). An unreadable extra amount is reported
/// and planned as zero.
pub async fn plans(member: &Member, query: &PayoffPlanQuery) -> Result<Plans, AppError> {
    let format = member.number_format();
    let active: Vec<DebtRecord> = repo::list(member.db(), &member.scope)
        .await?
        .into_iter()
        .filter(DebtRecord::is_active)
        .collect();
    let currencies: Vec<String> = active
        .iter()
        .map(|d| d.currency.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let wanted = query.currency.trim().to_ascii_uppercase();
    let base = &member.user.base_currency;
    let currency = [wanted.as_str(), base.as_str()]
        .into_iter()
        .find(|c| currencies.iter().any(|x| x == c))
        .map(str::to_owned)
        .or_else(|| currencies.first().cloned())
        .unwrap_or_else(|| base.clone());
    let mut errors = FieldErrors::new();
    let extra = match query.extra.trim() {
        "" => 0,
        text => match Money::parse(text, &currency, format) {
            Ok(m) if m.minor < 0 => {
                errors.add("extra", "The extra amount cannot be negative.");
                0
            }
            Ok(m) => m.minor,
            Err(e) => {
                errors.add("extra", e);
                0
            }
        },
    };
    let debts: Vec<DebtRecord> = active
        .into_iter()
        .filter(|d| d.currency == currency)
        .collect();
    let plan_debts: Vec<PlanDebt> = debts.iter().map(plan_debt).collect();
    let first_due = debts
        .iter()
        .map(|d| d.next_payment_date)
        .min()
        .unwrap_or_else(today);
    let mut plans = Vec::new();
    if !debts.is_empty() {
        for (name, strategy) in STRATEGIES {
            match loan::plan(&plan_debts, extra, strategy) {
                Ok(plan) => plans.push((name, plan)),
                Err(error) => {
                    errors.add("extra", error.message(&currency, format));
                    plans.clear();
                    break;
                }
            }
        }
    }
    Ok(Plans {
        currency,
        currencies,
        extra,
        errors,
        debts,
        first_due,
        plans,
    })
}

/// The chart's months: index 0 is today's total, index `m` the end of plan month `m`;
/// each plan's totals padded with zero after it closes (or left short when hopeless).
pub fn balance_series(plans: &Plans) -> (Vec<String>, Vec<Vec<Option<i64>>>) {
    let start: i64 = plans
        .debts
        .iter()
        .map(|d| d.remaining)
        .fold(0, i64::saturating_add);
    let len = plans
        .plans
        .iter()
        .map(|(_, p)| p.balance_by_month.len())
        .max()
        .unwrap_or(0)
        + 1;
    let labels = (0..len)
        .map(|i| match i {
            0 => "Now".to_owned(),
            m => u32::try_from(m)
                .ok()
                .and_then(|m| loan::payment_date(plans.first_due, m - 1))
                .map(|d| {
                    d.format(format_description!("[month repr:short] [year]"))
                        .unwrap_or_default()
                })
                .unwrap_or_default(),
        })
        .collect();
    let series = plans
        .plans
        .iter()
        .map(|(_, plan)| {
            let done = plan.months_to_debt_free.is_some();
            (0..len)
                .map(|i| match i {
                    0 => Some(start),
                    m => plan
                        .balance_by_month
                        .get(m - 1)
                        .copied()
                        .or(done.then_some(0)),
                })
                .collect()
        })
        .collect();
    (labels, series)
}

pub async fn planner(member: &Member, query: &PayoffPlanQuery) -> Result<PayoffPlan, AppError> {
    let format = member.number_format();
    let plans = plans(member, query).await?;
    let currency = plans.currency.clone();
    let m = |minor: i64| money(minor, &currency, format);
    let names: BTreeMap<i64, String> = plans.debts.iter().map(|d| (d.id, d.name.clone())).collect();
    let strategies = plans
        .plans
        .iter()
        .map(|(name, plan)| StrategyView {
            name: (*name).to_owned(),
            months: match plan.months_to_debt_free {
                Some(1) => "1 month".to_owned(),
                Some(n) => format!("{n} months"),
                None => format!("More than {} years", loan::PLAN_HORIZON_MONTHS / 12),
            },
            debt_free: debt_free_text(plan, plans.first_due),
            total_interest: m(plan.total_interest),
            total_paid: m(plan.total_paid),
            order: plan
                .payoff_order
                .iter()
                .map(|(id, month)| {
                    (
                        names.get(id).cloned().unwrap_or_default(),
                        plan_month(plans.first_due, *month),
                    )
                })
                .collect(),
        })
        .collect();
    let (labels, series) = balance_series(&plans);
    // Now, then every twelve months, then the last month if it falls between.
    let last = labels.len().saturating_sub(1);
    let table = (0..labels.len())
        .filter(|i| i % 12 == 0 || *i == last)
        .map(|i| {
            let values = series
                .iter()
                .map(|s| {
                    s.get(i)
                        .copied()
                        .flatten()
                        .map_or_else(|| "—".to_owned(), m)
                })
                .collect();
            (labels[i].clone(), values)
        })
        .collect();
    let chart_src = format!(
        "/debts/planner/chart.svg?extra={}&currency={}",
        crate::url::encode_component(&query.extra),
        crate::url::encode_component(&currency)
    );
    Ok(PayoffPlan {
        currency: currency.clone(),
        currencies: plans.currencies.clone(),
        extra: query.extra.clone(),
        errors: plans.errors.clone(),
        debts: plans
            .debts
            .iter()
            .map(|d| PlanDebtView {
                name: d.name.clone(),
                balance: m(d.remaining),
                rate: rate_text(d.rate()),
                minimum: m(d.emi),
            })
            .collect(),
        strategies,
        chart_src,
        table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn rate(raw: &str) -> AnnualRate {
        AnnualRate::parse(raw).expect("rate")
    }

    #[test]
    fn weighted_rate_is_exact_and_weighted_by_what_remains() {
        assert_eq!(weighted_rate(&[]), None);
        assert_eq!(weighted_rate(&[(rate("10"), 0)]), None);
        assert_eq!(weighted_rate(&[(rate("6.5"), 1_000)]), Some(rate("6.5")));
        // (10 × 3 + 4 × 1) / 4 = 8.5
        assert_eq!(
            weighted_rate(&[(rate("10"), 300), (rate("4"), 100)]),
            Some(rate("8.5"))
        );
        // (1 × 1 + 0 × 2) / 3 = 0.33333… → 0.3333
        assert_eq!(
            weighted_rate(&[(rate("1"), 1), (rate("0"), 2)]),
            Some(rate("0.3333"))
        );
        // 2/3 = 0.66666… → 0.6667, half up.
        assert_eq!(
            weighted_rate(&[(rate("1"), 2), (rate("0"), 1)]),
            Some(rate("0.6667"))
        );
        // Huge balances do not overflow.
        assert_eq!(
            weighted_rate(&[
                (rate("100"), loan::MAX_AMOUNT),
                (rate("0"), loan::MAX_AMOUNT)
            ]),
            Some(rate("50"))
        );
    }

    #[test]
    fn history_buckets_days_into_the_last_twelve_months() {
        let daily = vec![
            ("USD".to_owned(), date!(2025 - 01 - 31), 999),
            ("USD".to_owned(), date!(2025 - 02 - 01), 100),
            ("USD".to_owned(), date!(2025 - 02 - 28), 50),
            ("EUR".to_owned(), date!(2026 - 01 - 10), 7),
        ];
        let (currencies, months) = monthly_history(&daily, date!(2026 - 01 - 20));
        assert_eq!(currencies, vec!["EUR".to_owned(), "USD".to_owned()]);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], (date!(2025 - 02 - 01), vec![0, 150]));
        assert_eq!(months[11], (date!(2026 - 01 - 01), vec![7, 0]));
        // January 2025 is outside the window.
        let total: i64 = months.iter().flat_map(|(_, t)| t.iter()).sum();
        assert_eq!(total, 157);
    }

    #[test]
    fn references_are_dated_and_random() {
        let a = generate_reference(date!(2026 - 12 - 01));
        let b = generate_reference(date!(2026 - 12 - 01));
        assert!(a.starts_with("PAY-20261201-"), "{a}");
        assert_eq!(a.len(), "PAY-20261201-".len() + 6);
        assert!(
            a[13..]
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        );
        assert_ne!(a, b);
    }

    #[test]
    fn labels_read_as_months() {
        assert_eq!(rate_text(rate("6.5")), "6.5\u{a0}%");
    }
}
