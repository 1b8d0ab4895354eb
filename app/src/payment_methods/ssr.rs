//! Server-side work of the payment-method pages: rows shaped for display with the
//! accounts a method may be linked to, and the posted form checked into a write.
//! Rule: called by this feature's server functions only.

use super::repo::{self, PaymentMethodInput, PaymentMethodRow};
use super::types::{
    PaymentMethodEdit, PaymentMethodFormInput, PaymentMethodView, PaymentMethodsOverview,
};
use crate::accounts::form_parts;
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;
use florin::ledger::PaymentMethodKind;

fn view_of(row: PaymentMethodRow) -> PaymentMethodView {
    PaymentMethodView {
        id: row.id,
        kind_label: PaymentMethodKind::parse(&row.kind)
            .map_or_else(|| row.kind.clone(), |k| k.label().to_owned()),
        kind: row.kind,
        name: row.name,
        account_id: row.account_id,
        account_name: row.account_name,
        archived: row.archived,
    }
}

/// The accounts a method may be linked to, archived ones marked, after a blank choice.
async fn account_options(member: &Member) -> Result<Vec<(String, String)>, AppError> {
    let mut options = vec![(String::new(), "— no linked account —".to_owned())];
    options.extend(
        repo::accounts(member.db(), &member.scope)
            .await?
            .into_iter()
            .map(|(id, name, archived)| {
                let label = if archived {
                    format!("{name} (archived)")
                } else {
                    name
                };
                (id.to_string(), label)
            }),
    );
    Ok(options)
}

pub async fn list(member: &Member) -> Result<PaymentMethodsOverview, AppError> {
    let rows = repo::list(member.db(), &member.scope).await?;
    Ok(PaymentMethodsOverview {
        methods: rows.into_iter().map(view_of).collect(),
        accounts: account_options(member).await?,
    })
}

pub async fn edit(member: &Member, id: i64) -> Result<PaymentMethodEdit, AppError> {
    let row = repo::find(member.db(), &member.scope, id).await?;
    Ok(PaymentMethodEdit {
        method: view_of(row),
        accounts: account_options(member).await?,
    })
}

/// Adds a payment method (empty `id`) or updates one; its id and whether it is new.
pub async fn save(
    member: &Member,
    input: &PaymentMethodFormInput,
) -> Result<(i64, bool), AppError> {
    let existing = form_parts::existing_id(&input.id)?;
    let method = validate(input)?;
    match existing {
        None => Ok((
            repo::create(member.db(), &member.scope, &method).await?,
            true,
        )),
        Some(id) => {
            repo::update(member.db(), &member.scope, id, &method).await?;
            Ok((id, false))
        }
    }
}

fn validate(input: &PaymentMethodFormInput) -> Result<PaymentMethodInput, AppError> {
    let mut errors = FieldErrors::new();
    let name = form_parts::name(&input.name, "payment method", 60, &mut errors);
    let kind = PaymentMethodKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose a kind of payment method.");
    }
    let account_id = form_parts::optional_id(
        &input.account_id,
        "account_id",
        "Choose an account from the list.",
        &mut errors,
    );
    errors.into_result()?;
    Ok(PaymentMethodInput {
        name: name.to_owned(),
        kind: kind.ok_or(AppError::Internal)?,
        account_id,
    })
}
