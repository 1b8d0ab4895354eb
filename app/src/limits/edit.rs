//! Adding and editing a category limit. Works without JavaScript: a refused form comes
//! back as typed with each message next to its field.

use super::types::{LimitFields, LimitInput};
use crate::components::currency_options;
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, record_editor};
use leptos::prelude::*;

/// The add page and the edit page of a limit.
#[component]
pub fn LimitEditorPage() -> impl IntoView {
    let save = ServerAction::<SaveLimit>::new();
    let back = Fallback::back("/limits", "Back to limits");
    record_editor(
        ["Add a limit", "Edit limit"],
        limit_form,
        back,
        move |form, stash| {
            let feedback = FormFeedback::new("limit", stash, save);
            view! { <LimitFormView form feedback action=save/> }.into_any()
        },
    )
}

#[component]
fn LimitFormView(
    form: LimitFields,
    feedback: FormFeedback,
    action: ServerAction<SaveLimit>,
) -> impl IntoView {
    let errors = feedback.errors();
    let category_id = feedback.value("category_id", &form.category_id);
    let amount = feedback.value("amount", &form.amount);
    let currency = feedback.value("currency", &form.currency);
    let alert_pct = feedback.value("alert_pct", &form.alert_pct);
    let mut categories = vec![(String::new(), "— choose a category —".to_owned())];
    categories.extend(form.categories.iter().cloned());
    let label = if form.id.is_empty() {
        "Add limit"
    } else {
        "Save limit"
    };
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.id.clone()/>
            <SelectField label="Expense category" name="category_id" value=category_id options=categories errors/>
            <div class="row">
                <TextField label="Monthly limit" name="amount" value=amount errors required=true/>
                <SelectField label="Currency" name="currency" value=currency options=currency_options() errors/>
                <TextField label="Alert at (% of the limit)" name="alert_pct" kind="number" value=alert_pct errors
                    hint="A whole percentage from 1 to 100; 80 unless you change it."/>
            </div>
            <p class="hint">"Only expenses in this currency count towards the limit."</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href="/limits">"Cancel"</a>
        </ActionForm>
    }
}

/// The form for a new limit (`id` = None) or an existing one.
#[server(endpoint = "limits/form")]
pub async fn limit_form(id: Option<i64>) -> Result<LimitFields, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id).await).await
}

/// Creates a limit (empty `id`) or updates one.
#[server(endpoint = "limits/save")]
pub async fn save_limit(#[server(flatten)] input: LimitInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let limits = Saving::to_list(Area::Budgets, "limit", "Limit", "/limits");
    save_record(limits, &input, &input.page(), super::ssr::save).await
}
