//! Deleting a budget and its entries, after a confirmation page (no script needed).

use super::{BudgetView, get_budget};
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "budgets/delete")]
pub async fn delete_budget(id: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let page = format!("/budgets/{}/delete", id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Budget deleted.").await?;
            leptos_axum::redirect("/budgets");
            Ok(())
        }
        Err(error) => Err(session::fail_form("budget-delete", &page, &[], error).await),
    }
}

#[component]
pub fn DeleteBudgetPage() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, get_budget);
    let delete = ServerAction::<DeleteBudget>::new();
    view! {
        <Title text="Delete budget"/>
        <h1>"Delete budget"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(view) => confirm(view, delete).into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
    }
}

fn confirm(b: BudgetView, delete: ServerAction<DeleteBudget>) -> impl IntoView {
    view! {
        <section class="card">
            <p>
                "Delete " <strong>{b.name.clone()}</strong> {format!(" ({}) and its entries? ", b.period)}
                "The transactions it compared with stay in the ledger. This cannot be undone."
            </p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=b.id.to_string()/>
                <button type="submit" class="danger">"Delete budget"</button>
                " "
                <a href=format!("/budgets/{}", b.id)>"Keep it"</a>
            </ActionForm>
        </section>
    }
}
