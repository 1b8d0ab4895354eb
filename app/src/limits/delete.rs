//! Deleting a limit, after a confirmation page (a plain link and form: no script needed).
//! Notices already sent stay.

use super::edit::limit_form;
use super::types::LimitFields;
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "limits/delete")]
pub async fn delete_limit(id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    let page = format!("/limits/{}/delete", id.trim());
    finish("limit-delete", &page, &(), result, |()| {
        Done::new("Limit deleted.", "/limits")
    })
    .await
}

#[component]
pub fn DeleteLimitPage() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, |id| limit_form(Some(id)));
    let delete = ServerAction::<DeleteLimit>::new();
    view! {
        <Title text="Delete limit"/>
        <h1>"Delete limit"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(form) => confirm(form, delete).into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
    }
}

fn confirm(form: LimitFields, delete: ServerAction<DeleteLimit>) -> impl IntoView {
    let category = form
        .categories
        .iter()
        .find(|(value, _)| *value == form.category_id)
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    view! {
        <section class="card">
            <p>
                "Delete the monthly limit of " <strong>{category}</strong> " ("
                {form.amount.clone()} " " {form.currency.clone()}
                ")? Its spending stays in the ledger; no further alerts are sent for it."
            </p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=form.id.clone()/>
                <button type="submit" class="danger">"Delete limit"</button>
                " "
                <a href="/limits">"Keep it"</a>
            </ActionForm>
        </section>
    }
}
