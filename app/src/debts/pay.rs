//! Recording a payment against a debt: amount, method, date, a reference (generated when
//! left blank), and optionally the same payment as an expense in a ledger account.

use super::types::{PaymentDefaults, PaymentInput};
use crate::components::{FormError, SelectField, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use florin::ledger::PaymentMethodKind;
use leptos::prelude::*;

/// Records a payment; returns its id.
#[server(endpoint = "debts/pay")]
pub async fn record_payment(#[server(flatten)] input: PaymentInput) -> Result<i64, AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Debts)).await?;
        super::ssr::pay(&member, &input).await
    }
    .await;
    let page = input.page();
    let recorded = finish("payment", &page, &input, result, |(id, recorded)| {
        let message = if recorded.paid_off {
            "Payment recorded. This debt is paid off!"
        } else {
            "Payment recorded."
        };
        Done::new(message, format!("/debts/{id}"))
    });
    recorded.await.map(|(_, recorded)| recorded.payment_id)
}

fn method_options() -> Vec<(String, String)> {
    crate::components::choices(PaymentMethodKind::ALL, |k: PaymentMethodKind| {
        (k.as_str(), k.label())
    })
}

/// The payment form; errors after a plain post come back through the shell's stash.
#[component]
pub fn PaymentForm(defaults: PaymentDefaults) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<RecordPayment>::new();
    let defaults = StoredValue::new(defaults);
    view! {
        <Card title="Record a payment" id="pay-title">
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("payment", stash, action);
                    view! { <PaymentFields defaults=defaults.get_value() feedback action/> }
                })}
            </Suspense>
        </Card>
    }
}

#[component]
fn PaymentFields(
    defaults: PaymentDefaults,
    feedback: FormFeedback,
    action: ServerAction<RecordPayment>,
) -> impl IntoView {
    let errors = feedback.errors();
    let amount = feedback.value("amount", &defaults.amount);
    let date = feedback.value("date", &defaults.date);
    let method = feedback.value("method", &defaults.method);
    let reference = feedback.value("reference", "");
    let account_id = feedback.value("account_id", &defaults.account_id);
    let mut accounts = vec![(String::new(), "— do not record an expense —".to_owned())];
    accounts.extend(defaults.accounts.iter().cloned());
    let hint = format!("In {}; at most {}.", defaults.currency, defaults.max);
    view! {
        <ActionForm action=action attr:novalidate=true>
            <FormError errors/>
            <input type="hidden" name="debt_id" value=defaults.debt_id/>
            <div class="row">
                <AmountField value=amount hint errors/>
                <TextField label="Paid on" name="date" kind="date" value=date errors required=true/>
                <SelectField label="Method" name="method" value=method options=method_options() errors/>
            </div>
            <div class="row">
                <TextField label="Reference (optional)" name="reference" value=reference errors
                    hint="Left blank, one like PAY-20261201-7KQ2ZD is made."/>
                <SelectField label="Also record an expense in" name="account_id" value=account_id options=accounts errors/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>"Record payment"</button>
        </ActionForm>
    }
}

/// The amount field, whose hint names the debt's currency and the most that can be paid
/// (a dynamic hint, which `TextField`'s static one cannot carry).
#[component]
fn AmountField(
    value: String,
    hint: String,
    errors: Signal<crate::error::FieldErrors>,
) -> impl IntoView {
    let error = move || errors.read().get("amount").map(str::to_owned);
    let described_by = move || {
        if error().is_some() {
            "field-amount-hint field-amount-error"
        } else {
            "field-amount-hint"
        }
    };
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for="field-amount">"Amount"</label>
            <p class="hint" id="field-amount-hint">{hint}</p>
            <input id="field-amount" name="amount" type="text" value=value required=true
                inputmode="decimal"
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by/>
            {move || error().map(|message| view! { <p class="error" id="field-amount-error">{message}</p> })}
        </div>
    }
}
