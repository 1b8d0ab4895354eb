//! Recording a payment against a debt: amount, method, date, a reference (generated when
//! left blank), and optionally the same payment as an expense in a ledger account.

use crate::components::{FormError, SelectField, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use florin::ledger::PaymentMethodKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the payment form starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDefaults {
    pub debt_id: i64,
    pub currency: String,
    /// The instalment (or what remains, when less), as the user would type it.
    pub amount: String,
    pub date: String,
    pub method: String,
    pub account_id: String,
    /// (value, label) of the accounts in the debt's currency.
    pub accounts: Vec<(String, String)>,
    /// The most that can be paid, formatted.
    pub max: String,
    /// What is left of the current instalment, formatted with its currency.
    pub due: String,
}

#[server(endpoint = "debts/pay")]
pub async fn record_payment(
    debt_id: String,
    amount: String,
    method: String,
    date: String,
    #[server(default)] reference: String,
    #[server(default)] account_id: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("amount", amount.as_str()),
        ("method", method.as_str()),
        ("date", date.as_str()),
        ("reference", reference.as_str()),
        ("account_id", account_id.as_str()),
    ];
    let page = format!("/debts/{}", debt_id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Debts)).await?;
        let id = debt_id
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::NotFound)?;
        let raw = super::ssr::RawPayment {
            amount: &amount,
            method: &method,
            date: &date,
            reference: &reference,
            account_id: &account_id,
        };
        let recorded = super::ssr::pay(&member, id, &raw).await?;
        Ok::<_, AppError>((id, recorded))
    }
    .await;
    match result {
        Ok((id, recorded)) => {
            let session = session::session().await?;
            let message = if recorded.paid_off {
                "Payment recorded. This debt is paid off!"
            } else {
                "Payment recorded."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect(&format!("/debts/{id}"));
            Ok(recorded.payment_id)
        }
        Err(error) => Err(session::fail_form("payment", &page, &values, error).await),
    }
}

fn method_options() -> Vec<(String, String)> {
    PaymentMethodKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect()
}

/// The payment form; errors after a plain post come back through the shell's stash.
#[component]
pub fn PaymentForm(defaults: PaymentDefaults) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<RecordPayment>::new();
    let defaults = StoredValue::new(defaults);
    view! {
        <section class="card" aria-labelledby="pay-title">
            <h2 id="pay-title">"Record a payment"</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("payment", stash, action);
                    view! { <PaymentFields defaults=defaults.get_value() feedback action/> }
                })}
            </Suspense>
        </section>
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
