//! Payment methods: how a payment was made (card, bank transfer, cash, UPI, cheque …),
//! optionally linked to one of the organisation's accounts. Names are unique per
//! organisation, ignoring case; archived methods stay on old transactions but leave the
//! pickers.

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::{AppError, FieldErrors};
use crate::form::FormFeedback;
use florin::ledger::PaymentMethodKind;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// One payment method as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub account_id: Option<i64>,
    pub account_name: Option<String>,
    pub archived: bool,
}

/// The methods and the accounts they may be linked to, as (value, label) options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodsPage {
    pub methods: Vec<PaymentMethodView>,
    pub accounts: Vec<(String, String)>,
}

/// One method for its edit page, with the account options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodEdit {
    pub method: PaymentMethodView,
    pub accounts: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
fn view_of(row: repo::PaymentMethodRow) -> PaymentMethodView {
    PaymentMethodView {
        id: row.id,
        kind_label: PaymentMethodKind::parse(&row.kind)
            .map_or_else(|| row.kind.clone(), |k| k.label().to_owned()),
        kind: row.kind,
        name: row.name,
        account_id: row.account_id,
        account_name: row.account_name,
        archived: row.archived,
    }
}

#[cfg(feature = "ssr")]
async fn account_options(member: &crate::orgs::Member) -> Result<Vec<(String, String)>, AppError> {
    let mut options = vec![(String::new(), "— no linked account —".to_owned())];
    options.extend(
        repo::accounts(member.db(), &member.scope)
            .await?
            .into_iter()
            .map(|(id, name, archived)| {
                let label = if archived {
                    format!("{name} (archived)")
                } else {
                    name
                };
                (id.to_string(), label)
            }),
    );
    Ok(options)
}

#[server(endpoint = "payment-methods")]
pub async fn list_payment_methods() -> Result<PaymentMethodsPage, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    let rows = repo::list(member.db(), &member.scope).await?;
    Ok(PaymentMethodsPage {
        methods: rows.into_iter().map(view_of).collect(),
        accounts: account_options(&member).await?,
    })
}

#[server(endpoint = "payment-methods/one")]
pub async fn get_payment_method(id: i64) -> Result<PaymentMethodEdit, AppError> {
    use florin::role::Access;
    let result = async {
        let member = crate::orgs::require_member(Access::Read).await?;
        let row = repo::find(member.db(), &member.scope, id).await?;
        Ok(PaymentMethodEdit {
            method: view_of(row),
            accounts: account_options(&member).await?,
        })
    }
    .await;
    result.inspect_err(crate::session::set_status)
}

/// Creates a payment method (empty `id`) or updates one.
#[server(endpoint = "payment-methods/save")]
pub async fn save_payment_method(
    #[server(default)] id: String,
    name: String,
    kind: String,
    #[server(default)] account_id: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("name", name.as_str()),
        ("kind", kind.as_str()),
        ("account_id", account_id.as_str()),
    ];
    let page = if id.trim().is_empty() {
        "/payment-methods".to_owned()
    } else {
        format!("/payment-methods/{}", id.trim())
    };
    let result: Result<(i64, bool), AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let existing = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let mut errors = FieldErrors::new();
        let name = name.trim();
        if name.is_empty() {
            errors.add("name", "Give the payment method a name.");
        } else if name.chars().count() > 60 {
            errors.add("name", "Use at most 60 characters.");
        }
        let kind = PaymentMethodKind::parse(&kind);
        if kind.is_none() {
            errors.add("kind", "Choose a kind of payment method.");
        }
        let account = match account_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("account_id", "Choose an account from the list.");
                    None
                }
            },
        };
        errors.into_result()?;
        let kind = kind.ok_or(AppError::Internal)?;
        let input = repo::PaymentMethodInput {
            name: name.to_owned(),
            kind,
            account_id: account,
        };
        match existing {
            None => Ok((
                repo::create(member.db(), &member.scope, &input).await?,
                true,
            )),
            Some(id) => {
                repo::update(member.db(), &member.scope, id, &input).await?;
                Ok((id, false))
            }
        }
    }
    .await;
    match result {
        Ok((method_id, created)) => {
            let session = session::session().await?;
            let message = if created {
                "Payment method added."
            } else {
                "Payment method saved."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/payment-methods");
            Ok(method_id)
        }
        Err(error) => Err(session::fail_form("payment-method", &page, &values, error).await),
    }
}

#[server(endpoint = "payment-methods/archive")]
pub async fn set_payment_method_archived(id: i64, archived: bool) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        repo::set_archived(member.db(), &member.scope, id, archived).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            let message = if archived {
                "Payment method archived."
            } else {
                "Payment method restored."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/payment-methods");
            Ok(())
        }
        Err(error) => Err(session::fail_form(
            "payment-method-archive",
            &format!("/payment-methods/{id}"),
            &[],
            error,
        )
        .await),
    }
}

fn kind_options() -> Vec<(String, String)> {
    PaymentMethodKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect()
}

#[component]
pub fn PaymentMethodsPage() -> impl IntoView {
    view! {
        <Title text="Payment methods"/>
        <h1>"Payment methods"</h1>
        <RequireUser>
            <PaymentMethodsList/>
        </RequireUser>
    }
}

#[component]
fn PaymentMethodsList() -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(|| (), |_| list_payment_methods());
    let save = ServerAction::<SavePaymentMethod>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(page) => {
                        let feedback = FormFeedback::new("payment-method", stash, save);
                        let list = if page.methods.is_empty() {
                            view! { <p>"No payment methods yet. Add your first one below."</p> }.into_any()
                        } else {
                            view! { <MethodsTable methods=page.methods/> }.into_any()
                        };
                        view! {
                            <section class="card" aria-labelledby="methods-title">
                                <h2 id="methods-title">"Your payment methods"</h2>
                                {list}
                            </section>
                            <section class="card" aria-labelledby="add-method-title">
                                <h2 id="add-method-title">"Add a payment method"</h2>
                                <MethodForm action=save feedback method=None accounts=page.accounts/>
                            </section>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MethodsTable(methods: Vec<PaymentMethodView>) -> impl IntoView {
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">"Payment method"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Linked account"</th>
                </tr>
            </thead>
            <tbody>
                {methods.into_iter().map(|m| view! {
                    <tr class:archived=m.archived>
                        <td>
                            <a href=format!("/payment-methods/{}", m.id)>{m.name.clone()}</a>
                            {m.archived.then(|| view! { " " <span class="badge">"archived"</span> })}
                        </td>
                        <td>{m.kind_label.clone()}</td>
                        <td>{m.account_name.clone().unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn MethodForm(
    action: ServerAction<SavePaymentMethod>,
    feedback: FormFeedback,
    method: Option<PaymentMethodView>,
    accounts: Vec<(String, String)>,
) -> impl IntoView {
    let errors = feedback.errors();
    let m = method.as_ref();
    let id = m.map(|m| m.id.to_string()).unwrap_or_default();
    let name = feedback.value("name", &m.map(|m| m.name.clone()).unwrap_or_default());
    let kind = feedback.value("kind", &m.map_or_else(|| "card".into(), |m| m.kind.clone()));
    let account = feedback.value(
        "account_id",
        &m.and_then(|m| m.account_id)
            .map(|a| a.to_string())
            .unwrap_or_default(),
    );
    let label = if method.is_some() {
        "Save payment method"
    } else {
        "Add payment method"
    };
    view! {
        <ActionForm action=action attr:novalidate=true>
            <FormError errors=errors/>
            <input type="hidden" name="id" value=id/>
            <div class="row">
                <TextField label="Name" name="name" value=name errors=errors required=true/>
                <SelectField label="Kind" name="kind" value=kind options=kind_options() errors=errors/>
                <SelectField label="Linked account (optional)" name="account_id" value=account options=accounts errors=errors/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
        </ActionForm>
    }
}

#[component]
pub fn PaymentMethodPage() -> impl IntoView {
    view! {
        <Title text="Payment method"/>
        <RequireUser>
            <MethodEditor/>
        </RequireUser>
    }
}

#[component]
fn MethodEditor() -> impl IntoView {
    let shell = use_shell();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let data = Resource::new(id, get_payment_method);
    let save = ServerAction::<SavePaymentMethod>::new();
    let archive = ServerAction::<SetPaymentMethodArchived>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(edit) => {
                        let feedback = FormFeedback::new("payment-method", stash.clone(), save);
                        let method = edit.method;
                        let title = method.name.clone();
                        let lead = match &method.account_name {
                            Some(account) => format!("{} · linked to {account}", method.kind_label),
                            None => method.kind_label.clone(),
                        };
                        let archive_errors = FormFeedback::new("payment-method-archive", stash, archive).errors();
                        let archive_section = view! {
                            <ArchiveSection action=archive errors=archive_errors id=method.id archived=method.archived/>
                        }.into_any();
                        view! {
                            <h1>{title}</h1>
                            <p class="lead">{lead}</p>
                            <section class="card" aria-labelledby="edit-method-title">
                                <h2 id="edit-method-title">"Edit payment method"</h2>
                                <MethodForm action=save feedback method=Some(method) accounts=edit.accounts/>
                            </section>
                            {archive_section}
                            <p><a href="/payment-methods">"Back to payment methods"</a></p>
                        }.into_any()
                    }
                    Err(error) => view! {
                        <h1>"Payment method"</h1>
                        <p class="error">{error.to_string()}</p>
                        <p><a href="/payment-methods">"Back to payment methods"</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ArchiveSection(
    action: ServerAction<SetPaymentMethodArchived>,
    errors: Signal<FieldErrors>,
    id: i64,
    archived: bool,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="archive-method-title">
            <h2 id="archive-method-title">{if archived { "Restore" } else { "Archive" }}</h2>
            <p>{if archived {
                "Restored payment methods can be chosen for new transactions again."
            } else {
                "Archived payment methods stay on past transactions but leave the pickers."
            }}</p>
            <ActionForm action=action>
                <FormError errors/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="archived" value=(!archived).to_string()/>
                <button type="submit">{if archived { "Restore payment method" } else { "Archive payment method" }}</button>
            </ActionForm>
        </section>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn PaymentMethodRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/payment-methods") view=PaymentMethodsPage ssr=SsrMode::Async/>
        <Route path=path!("/payment-methods/:id") view=PaymentMethodPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
