//! Adding and editing a cycle: name, first day, length, currency and expected income.
//! A new cycle can list its expected expenses from the active templates at once.

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// What the cycle form starts from: every field as text, as the user would type it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleFields {
    /// Empty for a new cycle.
    pub id: String,
    pub name: String,
    pub starts_on: String,
    pub length_days: String,
    pub currency: String,
    pub expected_income: String,
    /// Whether "generate expected expenses from templates" starts ticked (new cycles).
    pub generate: bool,
    /// The cycle is completed: nothing on it can change.
    pub read_only: bool,
    /// The stored period in words; empty for a new cycle.
    pub period: String,
}

#[server(endpoint = "cycles/form")]
pub async fn cycle_form(id: Option<i64>) -> Result<CycleFields, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    super::ssr::form(&member, id)
        .await
        .inspect_err(crate::session::set_status)
}

/// Creates a cycle (empty `id`) or updates one that is not completed.
#[server(endpoint = "cycles/save")]
pub async fn save_cycle(
    #[server(default)] id: String,
    #[server(default)] name: String,
    #[server(default)] starts_on: String,
    #[server(default)] length_days: String,
    #[server(default)] currency: String,
    #[server(default)] expected_income: String,
    #[server(default)] generate: String,
) -> Result<i64, AppError> {
    use super::ssr::Saved;
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("name", name.as_str()),
        ("starts_on", starts_on.as_str()),
        ("length_days", length_days.as_str()),
        ("currency", currency.as_str()),
        ("expected_income", expected_income.as_str()),
        ("generate", generate.as_str()),
    ];
    let page = match id.trim() {
        "" => "/cycles/new".to_owned(),
        raw => format!("/cycles/{raw}/edit"),
    };
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let existing = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let raw = super::ssr::RawCycle {
            name: &name,
            starts_on: &starts_on,
            length_days: &length_days,
            currency: &currency,
            expected_income: &expected_income,
        };
        super::ssr::save(&member, existing, &raw, generate.trim() == "true").await
    }
    .await;
    match result {
        Ok((cycle_id, saved)) => {
            let session = session::session().await?;
            let message = match saved {
                Saved::Created { expenses: 0, .. } => "Cycle added.".to_owned(),
                Saved::Created {
                    expenses,
                    templates,
                } => format!(
                    "Cycle added with {expenses} expected {} from {templates} {}.",
                    if expenses == 1 { "expense" } else { "expenses" },
                    if templates == 1 {
                        "template"
                    } else {
                        "templates"
                    },
                ),
                Saved::Updated => "Cycle saved.".to_owned(),
            };
            session::flash(&session, FlashKind::Success, &message).await?;
            leptos_axum::redirect(&format!("/cycles/{cycle_id}"));
            Ok(cycle_id)
        }
        Err(error) => Err(session::fail_form("cycle", &page, &values, error).await),
    }
}

#[component]
pub fn NewCyclePage() -> impl IntoView {
    view! {
        <Title text="Add a cycle"/>
        <h1>"Add a cycle"</h1>
        <RequireUser>
            <CycleEditor id=Signal::derive(|| None)/>
        </RequireUser>
    }
}

#[component]
pub fn EditCyclePage() -> impl IntoView {
    let id = crate::url::id_param();
    view! {
        <Title text="Edit cycle"/>
        <h1>"Edit cycle"</h1>
        <RequireUser>
            <CycleEditor id=Signal::derive(move || Some(id()))/>
        </RequireUser>
    }
}

#[component]
fn CycleEditor(id: Signal<Option<i64>>) -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(move || id.get(), cycle_form);
    let save = ServerAction::<SaveCycle>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(form) if form.read_only => read_only_notice(&form).into_any(),
                    Ok(form) => {
                        let feedback = FormFeedback::new("cycle", stash, save);
                        view! { <CycleFormView form feedback action=save/> }.into_any()
                    }
                    Err(error) => view! {
                        <p class="error">{error.to_string()}</p>
                        <p><a href="/cycles">"Back to cycles"</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
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

fn currency_options() -> Vec<(String, String)> {
    florin::currency::ALL
        .iter()
        .map(|c| (c.code.to_owned(), format!("{} — {}", c.code, c.name)))
        .collect()
}

#[component]
fn CycleFormView(
    form: CycleFields,
    feedback: FormFeedback,
    action: ServerAction<SaveCycle>,
) -> impl IntoView {
    let errors = feedback.errors();
    let name = feedback.value("name", &form.name);
    let starts_on = feedback.value("starts_on", &form.starts_on);
    let length_days = feedback.value("length_days", &form.length_days);
    let currency = feedback.value("currency", &form.currency);
    let expected_income = feedback.value("expected_income", &form.expected_income);
    let generate = feedback.value("generate", if form.generate { "true" } else { "" }) == "true";
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
                <TextField label="Name" name="name" value=name errors required=true/>
                <SelectField label="Currency" name="currency" value=currency options=currency_options() errors/>
            </div>
            <div class="row">
                <TextField label="First day" name="starts_on" kind="date" value=starts_on errors required=true/>
                <TextField label="Length in days" name="length_days" kind="number" value=length_days errors required=true
                    hint="From 1 to 45 days; 42 is six weeks."/>
                <TextField label="Expected income" name="expected_income" value=expected_income errors required=true/>
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
