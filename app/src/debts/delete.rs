//! Deleting a debt, after a confirmation page (a plain link and form: no script needed).

use super::{DebtView, get_debt, id_param};
use crate::error::AppError;
use crate::shell::RequireUser;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "debts/delete")]
pub async fn delete_debt(id: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let page = format!("/debts/{}/delete", id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Debts)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Debt deleted.").await?;
            leptos_axum::redirect("/debts");
            Ok(())
        }
        Err(error) => Err(session::fail_form("debt-delete", &page, &[], error).await),
    }
}

#[component]
pub fn DeleteDebtPage() -> impl IntoView {
    let id = id_param();
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
