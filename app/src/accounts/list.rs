//! The accounts page: every account with its balance in its own and the base currency,
//! the total of the active ones, and the form to add one.

use super::edit::{AccountForm, SaveAccount};
use super::types::AccountsOverview;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Card, Fallback, Page, loaded};
use leptos::prelude::*;

#[server(endpoint = "accounts")]
pub async fn list_accounts() -> Result<AccountsOverview, AppError> {
    crate::orgs::reading(async |m| super::repo::page(m).await).await
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <Page title="Accounts"><AccountsList/></Page> }
}

#[component]
fn AccountsList() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_accounts());
    let save = ServerAction::<SaveAccount>::new();
    view! {
        {loaded(data, Fallback::NONE, move |page, stash| {
            let feedback = FormFeedback::new("account", stash, save);
            let base = page.base_currency.clone();
            view! {
                <Card title="Your accounts" id="accounts-title">
                    {if page.accounts.is_empty() {
                        view! { <p>"No accounts yet. Add your first one below."</p> }.into_any()
                    } else {
                        view! { <AccountsTable page=page/> }.into_any()
                    }}
                </Card>
                <Card title="Add an account" id="add-account-title">
                    <AccountForm action=save feedback account=None default_currency=base/>
                </Card>
            }.into_any()
        })}
    }
}

#[component]
fn AccountsTable(page: AccountsOverview) -> impl IntoView {
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
