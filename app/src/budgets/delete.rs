//! Deleting a budget and its entries, after a confirmation page (no script needed).

use super::detail::get_budget;
use super::plan_pages::{Fallback, confirm_delete, loaded};
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "budgets/delete")]
pub async fn delete_budget(id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = super::plan_fields::record_id(&id)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    let page = format!("/budgets/{}/delete", id.trim());
    finish("budget-delete", &page, &(), result, |()| {
        Done::new("Budget deleted.", "/budgets")
    })
    .await
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
            {loaded(data, Fallback::NONE, move |b, _| {
                let question = view! {
                    "Delete " <strong>{b.name}</strong> {format!(" ({}) and its entries? ", b.period)}
                    "The transactions it compared with stay in the ledger. This cannot be undone."
                };
                let keep = format!("/budgets/{}", b.id);
                confirm_delete(delete, b.id.to_string(), "Delete budget", keep, question).into_any()
            })}
        </RequireUser>
    }
}
