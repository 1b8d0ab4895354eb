//! Deleting a debt, after a confirmation page (a plain link and form: no script needed).

use super::detail::get_debt;
use super::types::DebtView;
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "debts/delete")]
pub async fn delete_debt(id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Debts)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    let page = format!("/debts/{}/delete", id.trim());
    finish("debt-delete", &page, &(), result, |()| {
        Done::new("Debt deleted.", "/debts")
    })
    .await
}

#[component]
pub fn DeleteDebtPage() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, |id| get_debt(id, false));
    let delete = ServerAction::<DeleteDebt>::new();
    view! {
        <Title text="Delete debt"/>
        <h1>"Delete debt"</h1>
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

fn confirm(view: DebtView, delete: ServerAction<DeleteDebt>) -> impl IntoView {
    let d = view.debt;
    let payments = view.payments.len();
    let what = match payments {
        0 => "It has no payments recorded.".to_owned(),
        1 => "Its payment is deleted with it.".to_owned(),
        n => format!("Its {n} payments are deleted with it."),
    };
    view! {
        <section class="card">
            <p>
                "Delete " <strong>{d.name.clone()}</strong> " (" {d.kind_label.clone()} ", "
                {d.principal.clone()} " borrowed)? " {what}
                " Expenses recorded in the ledger for its payments stay there. This cannot be undone."
            </p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=d.id.to_string()/>
                <button type="submit" class="danger">"Delete debt"</button>
                " "
                <a href=format!("/debts/{}", d.id)>"Keep it"</a>
            </ActionForm>
        </section>
    }
}
