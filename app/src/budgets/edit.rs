//! Adding and editing a budget's name, currency, period and total. Entries are set on the
//! budget's own page.

use super::types::{BudgetFields, BudgetInput};
use crate::components::{FormError, SelectField, TextField, currency_options};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, record_editor};
use leptos::prelude::*;

/// The add page and the edit page of a budget.
#[component]
pub fn BudgetEditorPage() -> impl IntoView {
    let save = ServerAction::<SaveBudget>::new();
    let back = Fallback::back("/budgets", "Back to budgets");
    record_editor(
        ["Add a budget", "Edit budget"],
        budget_form,
        back,
        move |form, stash| {
            let feedback = FormFeedback::new("budget", stash, save);
            view! { <BudgetFormView form feedback action=save/> }.into_any()
        },
    )
}

#[component]
fn BudgetFormView(
    form: BudgetFields,
    feedback: FormFeedback,
    action: ServerAction<SaveBudget>,
) -> impl IntoView {
    let errors = feedback.errors();
    let value = move |field: &str, current: &str| feedback.value(field, current);
    let (label, cancel) = if form.id.is_empty() {
        ("Add budget", "/budgets".to_owned())
    } else {
        ("Save budget", format!("/budgets/{}", form.id))
    };
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.id.clone()/>
            <div class="row">
                <TextField label="Name" name="name" value=value("name", &form.name) errors required=true/>
                <SelectField label="Currency" name="currency" value=value("currency", &form.currency) options=currency_options() errors/>
            </div>
            <div class="row">
                <TextField label="First day" name="starts_on" kind="date" value=value("starts_on", &form.starts_on) errors required=true/>
                <TextField label="Last day" name="ends_on" kind="date" value=value("ends_on", &form.ends_on) errors required=true/>
                <TextField label="Total" name="total" value=value("total", &form.total) errors required=true/>
            </div>
            <p class="hint">"Actual spending counts the expenses in this currency from the first day to the last, both included."</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href=cancel>"Cancel"</a>
        </ActionForm>
    }
}

#[server(endpoint = "budgets/form")]
pub async fn budget_form(id: Option<i64>) -> Result<BudgetFields, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id).await).await
}

/// Creates a budget (empty `id`) or updates one.
#[server(endpoint = "budgets/save")]
pub async fn save_budget(#[server(flatten)] input: BudgetInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let budgets = Saving::to_record(Area::Budgets, "budget", "Budget", "/budgets");
    save_record(budgets, &input, &input.page(), super::ssr::save).await
}
