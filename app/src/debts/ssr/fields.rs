//! Form fields the debt form and the payment form share: the ledger
//! account a payment is also recorded in. Rule: each parser records its message on its
//! field and returns `None` when it refused the value.

use crate::debts::repo;
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;

/// The account chosen in `account_id`: `Some(None)` when none is, `Some(Some(id))` for an
/// active account of the organisation in `currency` (any currency while that is unknown).
pub async fn chosen_account(
    member: &Member,
    errors: &mut FieldErrors,
    raw: &str,
    currency: Option<&str>,
) -> Result<Option<Option<i64>>, AppError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(Some(None));
    }
    let accounts = repo::expense_accounts(member.db(), &member.scope).await?;
    let found = text
        .parse::<i64>()
        .ok()
        .and_then(|id| accounts.iter().find(|(a, _, _)| *a == id));
    Ok(match (found, currency) {
        (Some((id, _, c)), wanted) if wanted.is_none_or(|wanted| wanted == c) => Some(Some(*id)),
        (Some(_), wanted) => {
            let code = wanted.unwrap_or_default();
            errors.add("account_id", format!("Choose an account in {code}."));
            None
        }
        (None, _) => {
            errors.add("account_id", "Choose an account from the list.");
            None
        }
    })
}

/// Accounts a debt's payments may be recorded in, as (value, label): those in `currency`,
/// or all of them.
pub async fn account_options(
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

/// Input refused on one field, with its message.
pub fn invalid(field: &str, message: impl ToString) -> AppError {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    AppError::Invalid(errors)
}
