//! Adding and editing a cycle: name, first day, length, currency and expected income.
//! A new cycle can list its expected expenses from the active templates at once.

use super::types::{CycleFields, CycleInput};
use crate::components::{FormError, SelectField, TextField, currency_options};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, record_editor};
use leptos::prelude::*;

#[server(endpoint = "cycles/form")]
pub async fn cycle_form(id: Option<i64>) -> Result<CycleFields, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id).await).await
}

/// Creates a cycle (empty `id`) or updates one that is not completed.
#[server(endpoint = "cycles/save")]
pub async fn save_cycle(#[server(flatten)] input: CycleInput) -> Result<i64, AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        super::ssr::save(&member, &input).await
    }
    .await;
    let page = input.page();
    let saved = finish("cycle", &page, &input, result, |(id, saved)| {
        Done::new(saved.message(), format!("/cycles/{id}"))
    });
    saved.await.map(|(id, _)| id)
}

/// The add page and the edit page of a cycle.
#[component]
pub fn CycleEditorPage() -> impl IntoView {
    let save = ServerAction::<SaveCycle>::new();
    let back = Fallback::back("/cycles", "Back to cycles");
    record_editor(
        ["Add a cycle", "Edit cycle"],
        cycle_form,
        back,
        move |form, stash| {
            if form.read_only {
                return read_only_notice(&form).into_any();
            }
            let feedback = FormFeedback::new("cycle", stash, save);
            view! { <CycleFormView form feedback action=save/> }.into_any()
        },
    )
}

fn read_only_notice(form: &CycleFields) -> impl IntoView {
    view! {
        <section class="card">
            <p class="error" role="alert">{florin::planning::PlanError::CycleReadOnly.to_string()}</p>
            <p>{form.name.clone()} " · " {form.period.clone()}</p>
            <p><a href=format!("/cycles/{}", form.id)>"Back to the cycle"</a></p>
        </section>
    }
}

#[component]
fn CycleFormView(
    form: CycleFields,
    feedback: FormFeedback,
    action: ServerAction<SaveCycle>,
) -> impl IntoView {
    let errors = feedback.errors();
    let generate = feedback.value("generate", if form.generate { "true" } else { "" }) == "true";
    let value = move |field: &str, current: &str| feedback.value(field, current);
    let is_new = form.id.is_empty();
    let (label, cancel) = if is_new {
        ("Add cycle", "/cycles".to_owned())
    } else {
        ("Save cycle", format!("/cycles/{}", form.id))
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
                <TextField label="Length in days" name="length_days" kind="number" value=value("length_days", &form.length_days) errors required=true
                    hint="From 1 to 45 days; 42 is six weeks."/>
                <TextField label="Expected income" name="expected_income" value=value("expected_income", &form.expected_income) errors required=true/>
            </div>
            {is_new.then(|| view! {
                <div class="field checkbox">
                    <input id="field-generate" type="checkbox" name="generate" value="true" checked=generate/>
                    <label for="field-generate">"Generate expected expenses from the active templates"</label>
                    <p class="hint">"Templates in the cycle's currency, on every date they fall on within the cycle."</p>
                </div>
            })}
            <p class="hint">"Actual spending counts the expenses in this currency from the first day to the last, both included."</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href=cancel>"Cancel"</a>
        </ActionForm>
    }
}
