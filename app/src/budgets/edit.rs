//! Adding and editing a budget's name, currency, period and total. Entries are set on the
//! budget's own page.

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// What the budget form starts from: every field as text, as the user would type it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetFields {
    /// Empty for a new budget.
    pub id: String,
    pub name: String,
    pub currency: String,
    pub starts_on: String,
    pub ends_on: String,
    pub total: String,
}

#[server(endpoint = "budgets/form")]
pub async fn budget_form(id: Option<i64>) -> Result<BudgetFields, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    super::ssr::form(&member, id)
        .await
        .inspect_err(crate::session::set_status)
}

/// Creates a budget (empty `id`) or updates one.
#[server(endpoint = "budgets/save")]
pub async fn save_budget(
    #[server(default)] id: String,
    #[server(default)] name: String,
    #[server(default)] currency: String,
    #[server(default)] starts_on: String,
    #[server(default)] ends_on: String,
    #[server(default)] total: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("name", name.as_str()),
        ("currency", currency.as_str()),
        ("starts_on", starts_on.as_str()),
        ("ends_on", ends_on.as_str()),
        ("total", total.as_str()),
    ];
    let page = match id.trim() {
        "" => "/budgets/new".to_owned(),
        raw => format!("/budgets/{raw}/edit"),
    };
    let result: Result<(i64, bool), AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let existing = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let raw = super::ssr::RawBudget {
            name: &name,
            currency: &currency,
            starts_on: &starts_on,
            ends_on: &ends_on,
            total: &total,
        };
        super::ssr::save(&member, existing, &raw).await
    }
    .await;
    match result {
        Ok((budget_id, created)) => {
            let session = session::session().await?;
            let message = if created {
                "Budget added."
            } else {
                "Budget saved."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect(&format!("/budgets/{budget_id}"));
            Ok(budget_id)
        }
        Err(error) => Err(session::fail_form("budget", &page, &values, error).await),
    }
}

#[component]
pub fn NewBudgetPage() -> impl IntoView {
    view! {
        <Title text="Add a budget"/>
        <h1>"Add a budget"</h1>
        <RequireUser>
            <BudgetEditor id=Signal::derive(|| None)/>
        </RequireUser>
    }
}

#[component]
pub fn EditBudgetPage() -> impl IntoView {
    let id = crate::url::id_param();
    view! {
        <Title text="Edit budget"/>
        <h1>"Edit budget"</h1>
        <RequireUser>
            <BudgetEditor id=Signal::derive(move || Some(id()))/>
        </RequireUser>
    }
}

#[component]
fn BudgetEditor(id: Signal<Option<i64>>) -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(move || id.get(), budget_form);
    let save = ServerAction::<SaveBudget>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(form) => {
                        let feedback = FormFeedback::new("budget", stash, save);
                        view! { <BudgetFormView form feedback action=save/> }.into_any()
                    }
                    Err(error) => view! {
                        <p class="error">{error.to_string()}</p>
                        <p><a href="/budgets">"Back to budgets"</a></p>
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
fn BudgetFormView(
    form: BudgetFields,
    feedback: FormFeedback,
    action: ServerAction<SaveBudget>,
) -> impl IntoView {
    let errors = feedback.errors();
    let name = feedback.value("name", &form.name);
    let currency = feedback.value("currency", &form.currency);
    let starts_on = feedback.value("starts_on", &form.starts_on);
    let ends_on = feedback.value("ends_on", &form.ends_on);
    let total = feedback.value("total", &form.total);
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
                <TextField label="Name" name="name" value=name errors required=true/>
                <SelectField label="Currency" name="currency" value=currency options=currency_options() errors/>
            </div>
            <div class="row">
                <TextField label="First day" name="starts_on" kind="date" value=starts_on errors required=true/>
                <TextField label="Last day" name="ends_on" kind="date" value=ends_on errors required=true/>
                <TextField label="Total" name="total" value=total errors required=true/>
            </div>
            <p class="hint">"Actual spending counts the expenses in this currency from the first day to the last, both included."</p>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
            " "
            <a href=cancel>"Cancel"</a>
        </ActionForm>
    }
}
