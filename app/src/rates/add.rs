//! Adding one exchange rate by hand; a rate for the same pair and date is replaced.

use super::types::RateInput;
use crate::components::{FormError, SelectField, TextField, currency_options};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use leptos::prelude::*;

/// Adds a rate by hand; one for the same pair and date is replaced.
#[server(endpoint = "rates/add")]
pub async fn add_rate(#[server(flatten)] input: RateInput) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::ssr::add(&member, &input).await
    }
    .await;
    let added = finish("rate", "/rates", &input, result, |saved| {
        let message = if saved.updated > 0 {
            "Rate saved; it replaced the one for that date."
        } else {
            "Rate added."
        };
        Done::new(message, "/rates")
    });
    added.await.map(|_| ())
}

#[component]
pub fn AddRateForm(
    action: ServerAction<AddRate>,
    feedback: FormFeedback,
    base_currency: String,
    today: String,
) -> impl IntoView {
    let errors = feedback.errors();
    let from_default = if base_currency == "USD" { "EUR" } else { "USD" };
    view! {
        <Card title="Add a rate" id="add-rate-title">
            <p class="hint">"One unit of the first currency is worth the rate in the second; a rate for the same date and pair is replaced."</p>
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <div class="row">
                    <TextField label="Date" name="date" kind="date" value=feedback.value("date", &today) errors=errors required=true/>
                    <SelectField label="From currency" name="base" value=feedback.value("base", from_default)
                        options=currency_options() errors=errors/>
                    <SelectField label="To currency" name="quote" value=feedback.value("quote", &base_currency)
                        options=currency_options() errors=errors/>
                    <TextField label="Rate" name="rate" value=feedback.value("rate", "") errors=errors required=true
                        hint="A point for decimals, like 1.0845."/>
                </div>
                <button type="submit" class="primary" disabled=move || action.pending().get()>"Add rate"</button>
            </ActionForm>
        </Card>
    }
}
