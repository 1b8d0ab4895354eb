//! Deleting a transaction, after a confirmation page (a plain link and form: no script
//! needed).

use super::edit::transaction_form;
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "transactions/delete")]
pub async fn delete_transaction(id: i64) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    finish("transaction-delete", "/transactions", &(), result, |()| {
        Done::new("Transaction deleted.", "/transactions")
    })
    .await
}

#[component]
pub fn DeleteTransactionPage() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, |id| transaction_form(Some(id), None));
    let delete = ServerAction::<DeleteTransaction>::new();
    view! {
        <Title text="Delete transaction"/>
        <h1>"Delete transaction"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(form) => view! {
                            <section class="card">
                                <p>"Delete this transaction? This cannot be undone."</p>
                                <p><strong>{form.summary.clone()}</strong></p>
                                <ActionForm action=delete>
                                    <input type="hidden" name="id" value=form.fields.id.clone()/>
                                    <button type="submit" class="danger">"Delete transaction"</button>
                                    " "
                                    <a href="/transactions">"Keep it"</a>
                                </ActionForm>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
    }
}
