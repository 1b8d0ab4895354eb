//! The account form, to add an account (on the list) or edit one (on its page), and the
//! server function both post to.

use super::types::{AccountFormInput, AccountView};
use crate::components::currency_options;
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use florin::ledger::AccountKind;
use leptos::prelude::*;

/// Creates an account (empty `id`) or updates one.
#[server(endpoint = "accounts/save")]
pub async fn save_account(#[server(flatten)] input: AccountFormInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let accounts = Saving::to_list(Area::Ledger, "account", "Account", "/accounts");
    save_record(accounts, &input, &input.page(), super::ssr::save).await
}

fn kind_options() -> Vec<(String, String)> {
    crate::components::choices(AccountKind::ALL, |k: AccountKind| (k.as_str(), k.label()))
}

/// The form's fields, from `account` when editing and blank (with defaults) when adding.
#[component]
pub fn AccountForm(
    action: ServerAction<SaveAccount>,
    feedback: FormFeedback,
    account: Option<AccountView>,
    default_currency: String,
) -> impl IntoView {
    let errors = feedback.errors();
    let a = account.as_ref();
    let id = a.map(|a| a.id.to_string()).unwrap_or_default();
    let field =
        |name: &str, current: Option<&str>| feedback.value(name, current.unwrap_or_default());
    let name = field("name", a.map(|a| a.name.as_str()));
    let kind = field("kind", Some(a.map_or("checking", |a| a.kind.as_str())));
    let currency = field(
        "currency",
        Some(a.map_or(default_currency.as_str(), |a| a.currency.as_str())),
    );
    let institution = field("institution", a.map(|a| a.institution.as_str()));
    let opening = field(
        "opening_balance",
        a.map(|a| a.opening_balance_input.as_str()),
    );
    let label = if account.is_some() {
        "Save account"
    } else {
        "Add account"
    };
    view! {
        <ActionForm action=action attr:novalidate=true>
            <FormError errors=errors/>
            <input type="hidden" name="id" value=id/>
            <div class="row">
                <TextField label="Name" name="name" value=name errors=errors required=true/>
                <SelectField label="Kind" name="kind" value=kind options=kind_options() errors=errors/>
            </div>
            <div class="row">
                <SelectField label="Currency" name="currency" value=currency options=currency_options() errors=errors/>
                <TextField label="Institution (optional)" name="institution" value=institution errors=errors/>
                <TextField label="Opening balance" name="opening_balance" value=opening errors=errors
                    hint="What the account held before the first transaction you record; negative for debt."/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
        </ActionForm>
    }
}
