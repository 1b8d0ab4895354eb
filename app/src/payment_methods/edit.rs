//! The payment-method form, to add a method (on the list) or edit one (on its page), and
//! the server function both post to.

use super::types::{PaymentMethodFormInput, PaymentMethodView};
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use florin::ledger::PaymentMethodKind;
use leptos::prelude::*;

/// Creates a payment method (empty `id`) or updates one.
#[server(endpoint = "payment-methods/save")]
pub async fn save_payment_method(
    #[server(flatten)] input: PaymentMethodFormInput,
) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let methods = Saving::to_list(
        Area::Ledger,
        "payment-method",
        "Payment method",
        "/payment-methods",
    );
    save_record(methods, &input, &input.page(), super::ssr::save).await
}

fn kind_options() -> Vec<(String, String)> {
    crate::components::choices(PaymentMethodKind::ALL, |k: PaymentMethodKind| {
        (k.as_str(), k.label())
    })
}

/// The form's fields, from `method` when editing and blank (a card) when adding.
#[component]
pub fn MethodForm(
    action: ServerAction<SavePaymentMethod>,
    feedback: FormFeedback,
    method: Option<PaymentMethodView>,
    accounts: Vec<(String, String)>,
) -> impl IntoView {
    let errors = feedback.errors();
    let m = method.as_ref();
    let id = m.map(|m| m.id.to_string()).unwrap_or_default();
    let name = feedback.value("name", m.map_or("", |m| m.name.as_str()));
    let kind = feedback.value("kind", m.map_or("card", |m| m.kind.as_str()));
    let account = feedback.value(
        "account_id",
        &m.and_then(|m| m.account_id)
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    let label = if method.is_some() {
        "Save payment method"
    } else {
        "Add payment method"
    };
    view! {
        <ActionForm action=action attr:novalidate=true>
            <FormError errors=errors/>
            <input type="hidden" name="id" value=id/>
            <div class="row">
                <TextField label="Name" name="name" value=name errors=errors required=true/>
                <SelectField label="Kind" name="kind" value=kind options=kind_options() errors=errors/>
                <SelectField label="Linked account (optional)" name="account_id" value=account options=accounts errors=errors/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
        </ActionForm>
    }
}
