//! Recording a payment: the form checked against the debt as it stands, then the
//! repository's transaction. The balance check here gives the early message; the one
//! that counts is in [`repo::record_payment`], on the locked row.

use super::display::money;
use super::fields::{chosen_account, invalid};
use crate::debts::repo::{self, DebtRecord, NewPayment, PaymentError, PaymentRecorded};
use crate::debts::types::PaymentInput;
use crate::error::{AppError, FieldErrors};
use crate::form::parse_date;
use crate::form::positive_amount;
use crate::orgs::Member;
use florin::ledger::PaymentMethodKind;
use florin::money::NumberFormat;
use florin::role::{Access, Area, permits};
use time::Date;
use time::macros::format_description;

const MAX_REFERENCE: usize = 60;

/// Validates and records a payment: returns the debt's id and what the payment changed.
pub async fn pay(
    member: &Member,
    input: &PaymentInput,
) -> Result<(i64, PaymentRecorded), AppError> {
    let format = member.number_format();
    let debt_id = input
        .debt_id
        .trim()
        .parse::<i64>()
        .map_err(|_| AppError::NotFound)?;
    let debt = repo::find(member.db(), &member.scope, debt_id).await?;
    let payment = validate(member, &debt, input).await?;
    let recorded = repo::record_payment(member.db(), &member.scope, debt_id, &payment, format)
        .await
        .map_err(|error| match error {
            PaymentError::OverPayment { max, currency } => {
                invalid("amount", over_payment_message(max, &currency, format))
            }
            PaymentError::Other(error) => error,
        })?;
    Ok((debt_id, recorded))
}

/// The payment form checked against `debt` as it stands now.
async fn validate(
    member: &Member,
    debt: &DebtRecord,
    input: &PaymentInput,
) -> Result<NewPayment, AppError> {
    let format = member.number_format();
    let mut errors = FieldErrors::new();
    let amount = amount(&mut errors, &input.amount, debt, format);
    let method = PaymentMethodKind::parse(&input.method);
    if method.is_none() {
        errors.add("method", "Choose a method from the list.");
    }
    let paid_on = parse_date(&input.date);
    if paid_on.is_none() {
        errors.add("date", crate::form::DATE_HINT);
    }
    let reference = reference(&mut errors, &input.reference);
    let expense_account = expense_account(member, &mut errors, input, &debt.currency).await?;
    errors.into_result()?;
    let (Some(amount), Some(method), Some(paid_on), Some(expense_account)) =
        (amount, method, paid_on, expense_account)
    else {
        return Err(AppError::internal(
            "payment form passed validation with a missing value",
        ));
    };
    Ok(NewPayment {
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
    })
}

/// More than zero and at most what clears the debt today.
fn amount(
    errors: &mut FieldErrors,
    raw: &str,
    debt: &DebtRecord,
    format: NumberFormat,
) -> Option<i64> {
    let not_positive = "Enter an amount more than zero.";
    let amount = positive_amount(errors, "amount", raw, &debt.currency, format, not_positive)?;
    if amount > debt.payoff() {
        let message = over_payment_message(debt.payoff(), &debt.currency, format);
        errors.add("amount", message);
        return None;
    }
    Some(amount)
}

/// The reference as typed, trimmed; blank asks for a generated one.
fn reference<'a>(errors: &mut FieldErrors, raw: &'a str) -> &'a str {
    let reference = raw.trim();
    if reference.chars().count() > MAX_REFERENCE {
        errors.add("reference", "Use at most 60 characters.");
    } else if reference.chars().any(char::is_control) {
        errors.add("reference", "Use letters, digits and punctuation only.");
    }
    reference
}

/// The ledger account the payment is also recorded in as an expense, which takes the
/// right to write to the ledger.
async fn expense_account(
    member: &Member,
    errors: &mut FieldErrors,
    input: &PaymentInput,
    currency: &str,
) -> Result<Option<Option<i64>>, AppError> {
    let scope = &member.scope;
    if !input.account_id.trim().is_empty()
        && !permits(scope.role, scope.rights, Access::Write(Area::Ledger))
    {
        errors.add("account_id", "You may not add transactions to the ledger.");
        return Ok(None);
    }
    chosen_account(member, errors, &input.account_id, Some(currency)).await
}

pub fn over_payment_message(max: i64, currency: &str, format: NumberFormat) -> String {
    if max == 0 {
        "This debt is paid off; there is nothing left to pay.".to_owned()
    } else {
        format!("You can pay at most {}.", money(max, currency, format))
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

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
}
