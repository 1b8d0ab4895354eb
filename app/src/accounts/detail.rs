//! One account's page: its balance, the form to edit it, and archiving or restoring it.

use super::edit::{AccountForm, SaveAccount};
use super::types::AccountView;
use crate::context::RequireUser;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Card, Fallback, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "accounts/one")]
pub async fn get_account(id: i64) -> Result<AccountView, AppError> {
    crate::orgs::reading(async |m| {
        let page = super::repo::page(m).await?;
        page.accounts
            .into_iter()
            .find(|a| a.id == id)
            .ok_or(AppError::NotFound)
    })
    .await
}

/// Archives an account (it leaves totals and pickers) or restores it.
#[server(endpoint = "accounts/archive")]
pub async fn set_account_archived(id: i64, archived: bool) -> Result<(), AppError> {
    use super::form_parts::after_archive;
    use crate::session::finish;
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::repo::set_archived(member.db(), &member.scope, id, archived).await
    }
    .await;
    let to = after_archive("Account", archived, "/accounts");
    finish("archive", "/accounts", &(), result, |()| to).await
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
    let data = Resource::new(crate::url::id_param(), get_account);
    let save = ServerAction::<SaveAccount>::new();
    let archive = ServerAction::<SetAccountArchived>::new();
    view! {
        {loaded(data, Fallback::page("Account", "/accounts", "Back to accounts"), move |account, stash| {
            let feedback = FormFeedback::new("account", stash, save);
            let currency = account.currency.clone();
            let (id, archived) = (account.id, account.archived);
            view! {
                <h1>{account.name.clone()}</h1>
                <p class="lead">{format!("Balance: {}", account.balance)}</p>
                <Card title="Edit account" id="edit-account-title">
                    <AccountForm action=save feedback account=Some(account) default_currency=currency/>
                </Card>
                <ArchiveSection action=archive id archived/>
                <p><a href="/accounts">"Back to accounts"</a></p>
            }.into_any()
        })}
    }
}

#[component]
fn ArchiveSection(
    action: ServerAction<SetAccountArchived>,
    id: i64,
    archived: bool,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="archive-title">
            <h2 id="archive-title">{if archived { "Restore" } else { "Archive" }}</h2>
            <p>{if archived {
                "Restored accounts count in totals and can take new transactions again."
            } else {
                "Archived accounts keep their transactions but leave totals and pickers."
            }}</p>
            <ActionForm action=action>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="archived" value=(!archived).to_string()/>
                <button type="submit">{if archived { "Restore account" } else { "Archive account" }}</button>
            </ActionForm>
        </section>
    }
}
