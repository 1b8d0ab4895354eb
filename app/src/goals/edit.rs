//! Adding and editing a goal: title, type, target amount and currency, an optional target
//! date and a priority. The currency is fixed once a contribution is recorded.

use super::types::{GoalFields, GoalInput};
use crate::components::currency_options;
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, record_editor};
use florin::goal::{GoalKind, Priority};
use leptos::prelude::*;

/// The add page and the edit page of a goal.
#[component]
pub fn GoalEditorPage() -> impl IntoView {
    let save = ServerAction::<SaveGoal>::new();
    let back = Fallback::back("/goals", "Back to goals");
    record_editor(
        ["Add a goal", "Edit goal"],
        goal_form,
        back,
        move |form, stash| {
            let feedback = FormFeedback::new("goal", stash, save);
            view! { <GoalForm form feedback action=save/> }.into_any()
        },
    )
}

fn kind_options() -> Vec<(String, String)> {
    crate::components::choices(GoalKind::ALL, |k: GoalKind| (k.as_str(), k.label()))
}

fn priority_options() -> Vec<(String, String)> {
    crate::components::choices(Priority::ALL, |p: Priority| (p.as_str(), p.label()))
}

#[component]
pub fn GoalForm(
    form: GoalFields,
    feedback: FormFeedback,
    action: ServerAction<SaveGoal>,
) -> impl IntoView {
    let errors = feedback.errors();
    let value = |field: &str, current: &str| feedback.value(field, current);
    let cancel = if form.values.id.is_empty() {
        "/goals".to_owned()
    } else {
        format!("/goals/{}", form.values.id)
    };
    let label = if form.values.id.is_empty() {
        "Add goal"
    } else {
        "Save goal"
    };
    let fields = view! {
        <div class="row">
            <TextField label="Title" name="title" value=value("title", &form.values.title) errors required=true/>
            <SelectField label="Type" name="kind" value=value("kind", &form.values.kind) options=kind_options() errors/>
            <SelectField label="Priority" name="priority" value=value("priority", &form.values.priority) options=priority_options() errors/>
        </div>
        <div class="row">
            <TextField label="Target amount" name="target_amount" value=value("target_amount", &form.values.target_amount) errors required=true/>
            <SelectField label="Currency" name="currency" value=value("currency", &form.values.currency) options=currency_options() errors/>
            <TextField label="Target date (optional)" name="target_date" kind="date" value=value("target_date", &form.values.target_date) errors
                hint="With a date, the goal shows what to save each month."/>
        </div>
    }
    .into_any();
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.values.id.clone()/>
            {fields}
            {form.has_contributions.then(|| view! { <p class="hint">"The currency is fixed once a contribution is recorded."</p> })}
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href=cancel>"Cancel"</a>
        </ActionForm>
    }
}

/// The form for a new goal (`id` = None) or an existing one.
#[server(endpoint = "goals/form")]
pub async fn goal_form(id: Option<i64>) -> Result<GoalFields, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id).await).await
}

/// Creates a goal (empty `id`) or updates one.
#[server(endpoint = "goals/save")]
pub async fn save_goal(#[server(flatten)] input: GoalInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let goals = Saving::to_record(Area::Goals, "goal", "Goal", "/goals");
    save_record(goals, &input, &input.page(), super::ssr::save).await
}
