//! Accounts: where money sits. Balances are derived from the opening balance and the
//! transactions, never stored, and shown in the account's currency and the base currency.

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::FieldErrors;
use crate::form::FormFeedback;
use florin::ledger::AccountKind;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// One account as the pages show it; amounts are already formatted for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub currency: String,
    pub institution: String,
    /// The opening balance as the user would type it (for the edit form).
    pub opening_balance_input: String,
    pub balance: String,
    /// The balance in the base currency; `None` when no exchange rate is known.
    pub base_balance: Option<String>,
    pub archived: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsPage {
    pub accounts: Vec<AccountView>,
    pub base_currency: String,
    /// Sum of the balances that could be converted, in the base currency.
    pub total: String,
    /// How many balances could not be converted for want of a rate.
    pub unconverted: usize,
}

#[server(endpoint = "accounts")]
pub async fn list_accounts() -> Result<AccountsPage, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    repo::page(&member).await
}

#[server(endpoint = "accounts/one")]
pub async fn get_account(id: i64) -> Result<AccountView, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    let page = repo::page(&member).await?;
    page.accounts
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)
        .inspect_err(crate::session::set_status)
}

/// Creates an account (empty `id`) or updates one.
#[server(endpoint = "accounts/save")]
pub async fn save_account(
    #[server(default)] id: String,
    name: String,
    kind: String,
    currency: String,
    #[server(default)] institution: String,
    #[server(default)] opening_balance: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("name", name.as_str()),
        ("kind", kind.as_str()),
        ("currency", currency.as_str()),
        ("institution", institution.as_str()),
        ("opening_balance", opening_balance.as_str()),
    ];
    let page = if id.is_empty() {
        "/accounts".to_owned()
    } else {
        format!("/accounts/{id}")
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
            errors.add("name", "Give the account a name.");
        } else if name.chars().count() > 80 {
            errors.add("name", "Use at most 80 characters.");
        }
        let kind = AccountKind::parse(&kind);
        if kind.is_none() {
            errors.add("kind", "Choose a kind of account.");
        }
        let currency = florin::currency::find(&currency);
        if currency.is_none() {
            errors.add("currency", "Choose a currency from the list.");
        }
        if institution.trim().chars().count() > 80 {
            errors.add("institution", "Use at most 80 characters.");
        }
        let opening = match (currency, opening_balance.trim()) {
            (_, "") => Some(0),
            (Some(c), raw) => {
                match florin::money::Money::parse(raw, c.code, member.number_format()) {
                    Ok(money) => Some(money.minor),
                    Err(e) => {
                        errors.add("opening_balance", e);
                        None
                    }
                }
            }
            (None, _) => None,
        };
        errors.into_result()?;
        let (Some(kind), Some(currency), Some(opening)) = (kind, currency, opening) else {
            return Err(AppError::Internal);
        };
        let account = repo::AccountInput {
            name: name.to_owned(),
            kind,
            currency: currency.code.to_owned(),
            institution: institution.trim().to_owned(),
            opening_balance: opening,
        };
        match existing {
            None => Ok((
                repo::create(member.db(), &member.scope, &account).await?,
                true,
            )),
            Some(id) => {
                repo::update(member.db(), &member.scope, id, &account).await?;
                Ok((id, false))
            }
        }
    }
    .await;
    match result {
        Ok((account_id, created)) => {
            let session = session::session().await?;
            let message = if created {
                "Account added."
            } else {
                "Account saved."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/accounts");
            Ok(account_id)
        }
        Err(error) => Err(session::fail_form("account", &page, &values, error).await),
    }
}

#[server(endpoint = "accounts/archive")]
pub async fn set_account_archived(id: i64, archived: bool) -> Result<(), AppError> {
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
                "Account archived."
            } else {
                "Account restored."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/accounts");
            Ok(())
        }
        Err(error) => Err(session::fail_form("archive", "/accounts", &[], error).await),
    }
}

fn kind_options() -> Vec<(String, String)> {
    AccountKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect()
}

fn currency_options() -> Vec<(String, String)> {
    florin::currency::ALL
        .iter()
        .map(|c| (c.code.to_owned(), format!("{} — {}", c.code, c.name)))
        .collect()
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! {
        <Title text="Accounts"/>
        <h1>"Accounts"</h1>
        <RequireUser>
            <AccountsList/>
        </RequireUser>
    }
}

#[component]
fn AccountsList() -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(|| (), |_| list_accounts());
    let save = ServerAction::<SaveAccount>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(page) => {
                        let feedback = FormFeedback::new("account", stash, save);
                        let base = page.base_currency.clone();
                        view! {
                            <section class="card" aria-labelledby="accounts-title">
                                <h2 id="accounts-title">"Your accounts"</h2>
                                {if page.accounts.is_empty() {
                                    view! { <p>"No accounts yet. Add your first one below."</p> }.into_any()
                                } else {
                                    view! { <AccountsTable page=page/> }.into_any()
                                }}
                            </section>
                            <section class="card" aria-labelledby="add-account-title">
                                <h2 id="add-account-title">"Add an account"</h2>
                                <AccountForm action=save feedback account=None default_currency=base/>
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
fn AccountsTable(page: AccountsPage) -> impl IntoView {
    let base = page.base_currency.clone();
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">"Account"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Institution"</th>
                    <th scope="col" class="num">"Balance"</th>
                    <th scope="col" class="num">{format!("In {base}")}</th>
                </tr>
            </thead>
            <tbody>
                {page.accounts.into_iter().map(|a| view! {
                    <tr class:archived=a.archived>
                        <td>
                            <a href=format!("/accounts/{}", a.id)>{a.name.clone()}</a>
                            {a.archived.then(|| view! { " " <span class="badge">"archived"</span> })}
                        </td>
                        <td>{a.kind_label.clone()}</td>
                        <td>{a.institution.clone()}</td>
                        <td class="num">{a.balance.clone()}</td>
                        <td class="num">{a.base_balance.clone().unwrap_or_else(|| "no rate".to_owned())}</td>
                    </tr>
                }).collect_view()}
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row" colspan="4">"Total of active accounts"</th>
                    <td class="num">
                        {page.total.clone()}
                        {(page.unconverted > 0).then(|| view! {
                            <br/><small>{format!("{} without a rate, not included", page.unconverted)}</small>
                        })}
                    </td>
                </tr>
            </tfoot>
        </table>
    }
}

#[component]
fn AccountForm(
    action: ServerAction<SaveAccount>,
    feedback: FormFeedback,
    account: Option<AccountView>,
    default_currency: String,
) -> impl IntoView {
    let errors = feedback.errors();
    let a = account.clone();
    let id = a.as_ref().map(|a| a.id.to_string()).unwrap_or_default();
    let field =
        |name: &str, current: Option<String>| feedback.value(name, &current.unwrap_or_default());
    let name = field("name", a.as_ref().map(|a| a.name.clone()));
    let kind = field(
        "kind",
        a.as_ref()
            .map(|a| a.kind.clone())
            .or(Some("checking".into())),
    );
    let currency = field(
        "currency",
        a.as_ref()
            .map(|a| a.currency.clone())
            .or(Some(default_currency)),
    );
    let institution = field("institution", a.as_ref().map(|a| a.institution.clone()));
    let opening = field(
        "opening_balance",
        a.as_ref().map(|a| a.opening_balance_input.clone()),
    );
    let label = if account.is_some() {
        "Save account"
    } else {
        "Add account"
    };
    view! {
        <ActionForm action=action attr:novalidate=true>
            <FormError errors=errors/>
            <input type="hidden" name="id" value=id/>
            <div class="row">
                <TextField label="Name" name="name" value=name errors=errors required=true/>
                <SelectField label="Kind" name="kind" value=kind options=kind_options() errors=errors/>
            </div>
            <div class="row">
                <SelectField label="Currency" name="currency" value=currency options=currency_options() errors=errors/>
                <TextField label="Institution (optional)" name="institution" value=institution errors=errors/>
                <TextField label="Opening balance" name="opening_balance" value=opening errors=errors
                    hint="What the account held before the first transaction you record; negative for debt."/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>{label}</button>
        </ActionForm>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text="Account"/>
        <RequireUser>
            <AccountEditor/>
        </RequireUser>
    }
}

#[component]
fn AccountEditor() -> impl IntoView {
    let shell = use_shell();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let data = Resource::new(id, get_account);
    let save = ServerAction::<SaveAccount>::new();
    let archive = ServerAction::<SetAccountArchived>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(account) => {
                        let feedback = FormFeedback::new("account", stash, save);
                        let currency = account.currency.clone();
                        let archived = account.archived;
                        let account_id = account.id;
                        view! {
                            <h1>{account.name.clone()}</h1>
                            <p class="lead">{format!("Balance: {}", account.balance)}</p>
                            <section class="card" aria-labelledby="edit-account-title">
                                <h2 id="edit-account-title">"Edit account"</h2>
                                <AccountForm action=save feedback account=Some(account) default_currency=currency/>
                            </section>
                            <section class="card" aria-labelledby="archive-title">
                                <h2 id="archive-title">{if archived { "Restore" } else { "Archive" }}</h2>
                                <p>{if archived {
                                    "Restored accounts count in totals and can take new transactions again."
                                } else {
                                    "Archived accounts keep their transactions but leave totals and pickers."
                                }}</p>
                                <ActionForm action=archive>
                                    <input type="hidden" name="id" value=account_id/>
                                    <input type="hidden" name="archived" value=(!archived).to_string()/>
                                    <button type="submit">{if archived { "Restore account" } else { "Archive account" }}</button>
                                </ActionForm>
                            </section>
                            <p><a href="/accounts">"Back to accounts"</a></p>
                        }.into_any()
                    }
                    Err(error) => view! {
                        <h1>"Account"</h1>
                        <p class="error">{error.to_string()}</p>
                        <p><a href="/accounts">"Back to accounts"</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn AccountRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/accounts") view=AccountsPage ssr=SsrMode::Async/>
        <Route path=path!("/accounts/:id") view=AccountPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
