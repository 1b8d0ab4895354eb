//! Adding and editing an expense template.
#![expect(
    clippy::too_many_arguments,
    reason = "a server function takes one argument per form field"
)]

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// What the template form starts from: every field as text, as the user would type it,
/// with the choices for its selects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateFields {
    /// Empty for a new template.
    pub id: String,
    pub name: String,
    pub description: String,
    pub amount: String,
    pub currency: String,
    pub category_id: String,
    pub payment_method_id: String,
    pub frequency: String,
    pub every_days: String,
    pub starts_on: String,
    /// The stored frequency in words; empty for a new template.
    pub described: String,
    /// (value, label) of the expense categories, the first one empty.
    pub categories: Vec<(String, String)>,
    /// (value, label) of the active payment methods, the first one "none".
    pub payment_methods: Vec<(String, String)>,
}

#[server(endpoint = "templates/form")]
pub async fn template_form(id: Option<i64>) -> Result<TemplateFields, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    super::ssr::form(&member, id)
        .await
        .inspect_err(crate::session::set_status)
}

/// Creates a template (empty `id`) or updates one.
#[server(endpoint = "templates/save")]
pub async fn save_template(
    #[server(default)] id: String,
    #[server(default)] name: String,
    #[server(default)] description: String,
    #[server(default)] amount: String,
    #[server(default)] currency: String,
    #[server(default)] category_id: String,
    #[server(default)] payment_method_id: String,
    #[server(default)] frequency: String,
    #[server(default)] every_days: String,
    #[server(default)] starts_on: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("name", name.as_str()),
        ("description", description.as_str()),
        ("amount", amount.as_str()),
        ("currency", currency.as_str()),
        ("category_id", category_id.as_str()),
        ("payment_method_id", payment_method_id.as_str()),
        ("frequency", frequency.as_str()),
        ("every_days", every_days.as_str()),
        ("starts_on", starts_on.as_str()),
    ];
    let page = match id.trim() {
        "" => "/templates/new".to_owned(),
        raw => format!("/templates/{raw}/edit"),
    };
    let result: Result<(i64, bool), AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let existing = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let raw = super::ssr::RawTemplate {
            name: &name,
            description: &description,
            amount: &amount,
            currency: &currency,
            category_id: &category_id,
            payment_method_id: &payment_method_id,
            frequency: &frequency,
            every_days: &every_days,
            starts_on: &starts_on,
        };
        super::ssr::save(&member, existing, &raw).await
    }
    .await;
    match result {
        Ok((template_id, created)) => {
            let session = session::session().await?;
            let message = if created {
                "Template added."
            } else {
                "Template saved."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/templates");
            Ok(template_id)
        }
        Err(error) => Err(session::fail_form("template", &page, &values, error).await),
    }
}

#[component]
pub fn NewTemplatePage() -> impl IntoView {
    view! {
        <Title text="Add an expense template"/>
        <h1>"Add an expense template"</h1>
        <RequireUser>
            <TemplateEditor id=Signal::derive(|| None)/>
        </RequireUser>
    }
}

#[component]
pub fn EditTemplatePage() -> impl IntoView {
    let id = crate::url::id_param();
    view! {
        <Title text="Edit expense template"/>
        <h1>"Edit expense template"</h1>
        <RequireUser>
            <TemplateEditor id=Signal::derive(move || Some(id()))/>
        </RequireUser>
    }
}

#[component]
fn TemplateEditor(id: Signal<Option<i64>>) -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(move || id.get(), template_form);
    let save = ServerAction::<SaveTemplate>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(form) => {
                        let feedback = FormFeedback::new("template", stash, save);
                        view! { <TemplateFormView form feedback action=save/> }.into_any()
                    }
                    Err(error) => view! {
                        <p class="error">{error.to_string()}</p>
                        <p><a href="/templates">"Back to templates"</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn currency_options() -> Vec<(String, String)> {
    florin::currency::ALL
        .iter()
        .map(|c| (c.code.to_owned(), format!("{} — {}", c.code, c.name)))
        .collect()
}

#[component]
fn TemplateFormView(
    form: TemplateFields,
    feedback: FormFeedback,
    action: ServerAction<SaveTemplate>,
) -> impl IntoView {
    let errors = feedback.errors();
    let name = feedback.value("name", &form.name);
    let description = feedback.value("description", &form.description);
    let amount = feedback.value("amount", &form.amount);
    let currency = feedback.value("currency", &form.currency);
    let category_id = feedback.value("category_id", &form.category_id);
    let payment_method_id = feedback.value("payment_method_id", &form.payment_method_id);
    let frequency = feedback.value("frequency", &form.frequency);
    let every_days = feedback.value("every_days", &form.every_days);
    let starts_on = feedback.value("starts_on", &form.starts_on);
    let label = if form.id.is_empty() {
        "Add template"
    } else {
        "Save template"
    };
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.id.clone()/>
            <div class="row">
                <TextField label="Name" name="name" value=name errors required=true/>
                <TextField label="Description (optional)" name="description" value=description errors/>
            </div>
            <div class="row">
                <TextField label="Amount" name="amount" value=amount errors required=true/>
                <SelectField label="Currency" name="currency" value=currency options=currency_options() errors/>
            </div>
            <div class="row">
                <SelectField label="Category" name="category_id" value=category_id options=form.categories.clone() errors/>
                <SelectField label="Payment method" name="payment_method_id" value=payment_method_id options=form.payment_methods.clone() errors/>
            </div>
            <div class="row">
                <SelectField label="Frequency" name="frequency" value=frequency options=super::frequency_options() errors/>
                <TextField label="Every how many days" name="every_days" value=every_days errors
                    hint="Only for “Every N days”."/>
                <TextField label="First date" name="starts_on" kind="date" value=starts_on errors required=true
                    hint="Weekly and every-N-days keep this date's rhythm; monthly falls on its day of the month."/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href="/templates">"Cancel"</a>
        </ActionForm>
    }
}
