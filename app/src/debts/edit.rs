//! Adding and editing a debt. The instalment (EMI) is computed when left blank; a given
//! one that cannot repay the loan within the tenure is refused with the minimum.

use super::types::{DebtFields, DebtInput, DebtKind};
use crate::components::currency_options;
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, record_editor};
use leptos::prelude::*;

/// The add page and the edit page of a debt.
#[component]
pub fn DebtEditorPage() -> impl IntoView {
    let save = ServerAction::<SaveDebt>::new();
    let back = Fallback::back("/debts", "Back to debts");
    record_editor(
        ["Add a debt", "Edit debt"],
        debt_form,
        back,
        move |form, stash| {
            let feedback = FormFeedback::new("debt", stash, save);
            view! { <DebtFormView form feedback action=save/> }.into_any()
        },
    )
}

fn kind_options() -> Vec<(String, String)> {
    crate::components::choices(DebtKind::ALL, |k: DebtKind| (k.as_str(), k.label()))
}

#[component]
fn DebtFormView(
    form: DebtFields,
    feedback: FormFeedback,
    action: ServerAction<SaveDebt>,
) -> impl IntoView {
    let errors = feedback.errors();
    let value = |field: &str, current: &str| feedback.value(field, current);
    let mut accounts = vec![(String::new(), "— do not record an expense —".to_owned())];
    accounts.extend(form.accounts.iter().cloned());
    let cancel = if form.values.id.is_empty() {
        "/debts".to_owned()
    } else {
        format!("/debts/{}", form.values.id)
    };
    let label = if form.values.id.is_empty() {
        "Add debt"
    } else {
        "Save debt"
    };
    let currency_hint = if form.has_payments {
        "Fixed once a payment is recorded."
    } else {
        ""
    };
    let loan = view! {
        <div class="row">
            <TextField label="Name" name="name" value=value("name", &form.values.name) errors required=true/>
            <SelectField label="Kind" name="kind" value=value("kind", &form.values.kind) options=kind_options() errors/>
            <TextField label="Lender (optional)" name="lender" value=value("lender", &form.values.lender) errors/>
        </div>
        <div class="row">
            <TextField label="Amount borrowed" name="principal" value=value("principal", &form.values.principal) errors required=true/>
            <SelectField label="Currency" name="currency" value=value("currency", &form.values.currency) options=currency_options() errors/>
        </div>
        {(!currency_hint.is_empty()).then(|| view! { <p class="hint">{currency_hint}</p> })}
        <div class="row">
            <TextField label="Annual interest rate (%)" name="annual_rate" value=value("annual_rate", &form.values.annual_rate) errors required=true
                hint="Nominal yearly rate, like 6.5."/>
            <TextField label="Tenure (months)" name="tenure_months" kind="number" value=value("tenure_months", &form.values.tenure_months) errors required=true/>
            <TextField label="Monthly instalment (EMI)" name="emi" value=value("emi", &form.values.emi) errors
                hint="Leave blank to compute it."/>
        </div>
    }
    .into_any();
    let schedule = view! {
        <div class="row">
            <TextField label="Start date" name="start_date" kind="date" value=value("start_date", &form.values.start_date) errors required=true/>
            <TextField label="Next payment date" name="next_payment_date" kind="date" value=value("next_payment_date", &form.values.next_payment_date) errors
                hint="Blank: one month after the start."/>
            <TextField label="Remind me (days before)" name="reminder_days" kind="number" value=value("reminder_days", &form.values.reminder_days) errors/>
        </div>
        <SelectField label="Record payments as expenses in" name="account_id" value=value("account_id", &form.values.account_id) options=accounts errors/>
    }
    .into_any();
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.values.id.clone()/>
            {loan}
            {schedule}
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href=cancel>"Cancel"</a>
        </ActionForm>
    }
}

/// The form for a new debt (`id` = None) or an existing one.
#[server(endpoint = "debts/form")]
pub async fn debt_form(id: Option<i64>) -> Result<DebtFields, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id).await).await
}

/// Creates a debt (empty `id`) or updates one.
#[server(endpoint = "debts/save")]
pub async fn save_debt(#[server(flatten)] input: DebtInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let debts = Saving::to_record(Area::Debts, "debt", "Debt", "/debts");
    save_record(debts, &input, &input.page(), super::ssr::save).await
}
