//! Server-side work of the account pages: the posted form checked into an account to
//! store. Rule: called by this feature's server functions only; pages never import it.

use super::form_parts;
use super::repo::{self, AccountInput};
use super::types::AccountFormInput;
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;
use florin::ledger::AccountKind;
use florin::money::Money;

/// Adds an account (empty `id`) or updates one; returns its id and whether it is new.
pub async fn save(member: &Member, input: &AccountFormInput) -> Result<(i64, bool), AppError> {
    let existing = form_parts::existing_id(&input.id)?;
    let account = validate(member, input)?;
    match existing {
        None => Ok((
            repo::create(member.db(), &member.scope, &account).await?,
            true,
        )),
        Some(id) => {
            repo::update(member.db(), &member.scope, id, &account).await?;
            Ok((id, false))
        }
    }
}

/// Turns the posted form into an account, or field errors for everything wrong.
fn validate(member: &Member, input: &AccountFormInput) -> Result<AccountInput, AppError> {
    let mut errors = FieldErrors::new();
    let name = form_parts::name(&input.name, "account", 80, &mut errors);
    let kind = AccountKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a kind of account.");
    }
    let currency = florin::currency::find(&input.currency);
    if currency.is_none() {
        errors.add("currency", "Choose a currency from the list.");
    }
    let institution = input.institution.trim();
    form_parts::at_most("institution", institution, 80, &mut errors);
    let opening = match (currency, input.opening_balance.trim()) {
        (_, "") => Some(0),
        (Some(c), raw) => Money::parse(raw, c.code, member.number_format())
            .map(|money| money.minor)
            .map_err(|e| errors.add("opening_balance", e))
            .ok(),
        (None, _) => None,
    };
    errors.into_result()?;
    let (Some(kind), Some(currency), Some(opening)) = (kind, currency, opening) else {
        return Err(AppError::Internal);
    };
    Ok(AccountInput {
        name: name.to_owned(),
        kind,
        currency: currency.code.to_owned(),
        institution: institution.to_owned(),
        opening_balance: opening,
    })
}
