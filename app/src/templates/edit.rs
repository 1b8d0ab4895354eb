//! Adding and editing an expense template.

use super::types::{TemplateFields, TemplateInput};
use crate::components::{FormError, SelectField, TextField, currency_options};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, record_editor};
use leptos::prelude::*;

/// The add page and the edit page of a template.
#[component]
pub fn TemplateEditorPage() -> impl IntoView {
    let save = ServerAction::<SaveTemplate>::new();
    let back = Fallback::back("/templates", "Back to templates");
    record_editor(
        ["Add an expense template", "Edit expense template"],
        template_form,
        back,
        move |form, stash| {
            let feedback = FormFeedback::new("template", stash, save);
            view! { <TemplateFormView form feedback action=save/> }.into_any()
        },
    )
}

fn frequency_options() -> Vec<(String, String)> {
    florin::plan_labels::FREQUENCY_CHOICES
        .iter()
        .map(|(value, label)| ((*value).to_owned(), (*label).to_owned()))
        .collect()
}

#[component]
fn TemplateFormView(
    form: TemplateFields,
    feedback: FormFeedback,
    action: ServerAction<SaveTemplate>,
) -> impl IntoView {
    let errors = feedback.errors();
    let value = move |field: &str, current: &str| feedback.value(field, current);
    let label = if form.values.id.is_empty() {
        "Add template"
    } else {
        "Save template"
    };
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.values.id.clone()/>
            <div class="row">
                <TextField label="Name" name="name" value=value("name", &form.values.name) errors required=true/>
                <TextField label="Description (optional)" name="description" value=value("description", &form.values.description) errors/>
            </div>
            <div class="row">
                <TextField label="Amount" name="amount" value=value("amount", &form.values.amount) errors required=true/>
                <SelectField label="Currency" name="currency" value=value("currency", &form.values.currency) options=currency_options() errors/>
            </div>
            <div class="row">
                <SelectField label="Category" name="category_id" value=value("category_id", &form.values.category_id) options=form.categories.clone() errors/>
                <SelectField label="Payment method" name="payment_method_id" value=value("payment_method_id", &form.values.payment_method_id) options=form.payment_methods.clone() errors/>
            </div>
            <div class="row">
                <SelectField label="Frequency" name="frequency" value=value("frequency", &form.values.frequency) options=frequency_options() errors/>
                <TextField label="Every how many days" name="every_days" value=value("every_days", &form.values.every_days) errors
                    hint="Only for “Every N days”."/>
                <TextField label="First date" name="starts_on" kind="date" value=value("starts_on", &form.values.starts_on) errors required=true
                    hint="Weekly and every-N-days keep this date's rhythm; monthly falls on its day of the month."/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href="/templates">"Cancel"</a>
        </ActionForm>
    }
}

#[server(endpoint = "templates/form")]
pub async fn template_form(id: Option<i64>) -> Result<TemplateFields, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id).await).await
}

/// Creates a template (empty `id`) or updates one.
#[server(endpoint = "templates/save")]
pub async fn save_template(#[server(flatten)] input: TemplateInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let templates = Saving::to_list(Area::Budgets, "template", "Template", "/templates");
    save_record(templates, &input, &input.page(), super::ssr::save).await
}
