//! One debt's page: its summary, the amortization schedule (of what remains, or of the
//! whole loan), the payments recorded and what the payment form starts from.

use super::display::{money, summary, today};
use super::fields::account_options;
use crate::debts::repo::{self, DebtRecord, PaymentRecord};
use crate::debts::types::{DebtView, PaymentDefaults, PaymentView, ScheduleRowView, ScheduleView};
use crate::error::AppError;
use crate::form::format_date;
use crate::orgs::Member;
use florin::ledger::PaymentMethodKind;
use florin::loan::{self, LoanError, Schedule};
use florin::money::{Money, NumberFormat};

pub async fn detail(member: &Member, id: i64, full: bool) -> Result<DebtView, AppError> {
    let format = member.number_format();
    let d = repo::find(member.db(), &member.scope, id).await?;
    let schedule = schedule_view(&d, full, format);
    let payments = repo::payments(member.db(), &member.scope, id)
        .await?
        .into_iter()
        .map(|p| payment_view(p, &d.currency, format))
        .collect();
    let pay = payment_defaults(member, &d).await?;
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

/// The whole loan's schedule from its start, or what remains from the next payment.
fn schedule(d: &DebtRecord, full: bool) -> Result<Schedule, LoanError> {
    // Rows are dated from the anchor rather than from the first row's date, so a loan
    // paid on the 31st stays on the last day of each month after February.
    let (anchor, first_index) = if full {
        (d.start_date, 1)
    } else {
        (d.due_anchor, u32::try_from(d.due_index).unwrap_or(0))
    };
    let first = loan::payment_date(anchor, first_index).ok_or(LoanError::DateOutOfRange)?;
    let mut schedule = if full {
        let tenure = u32::try_from(d.tenure_months).unwrap_or(0);
        loan::schedule(d.principal, d.rate(), tenure, d.emi, first)?
    } else {
        loan::remaining_schedule(&d.standing(), d.rate(), d.emi, first)?
    };
    for row in &mut schedule.rows {
        row.date =
            loan::payment_date(anchor, first_index + row.n - 1).ok_or(LoanError::DateOutOfRange)?;
    }
    Ok(schedule)
}

fn schedule_view(d: &DebtRecord, full: bool, format: NumberFormat) -> ScheduleView {
    let m = |minor: i64| money(minor, &d.currency, format);
    match schedule(d, full) {
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
    }
}

fn payment_view(p: PaymentRecord, currency: &str, format: NumberFormat) -> PaymentView {
    let m = |minor: i64| money(minor, currency, format);
    PaymentView {
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
    }
}

/// The payment form's start: what is left of the instalment, paid today by transfer,
/// recorded in the debt's own account.
async fn payment_defaults(member: &Member, d: &DebtRecord) -> Result<PaymentDefaults, AppError> {
    let format = member.number_format();
    let due = d.standing().instalment_due(d.rate(), d.emi);
    Ok(PaymentDefaults {
        debt_id: d.id,
        currency: d.currency.clone(),
        amount: Money::new(due, &d.currency).format_number(format),
        date: format_date(today()),
        method: PaymentMethodKind::BankTransfer.as_str().to_owned(),
        account_id: d.account_id.map(|a| a.to_string()).unwrap_or_default(),
        accounts: account_options(member, Some(&d.currency)).await?,
        max: money(d.payoff(), &d.currency, format),
        due: money(due, &d.currency, format),
    })
}
