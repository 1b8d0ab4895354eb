//! Deleting a cycle that is not completed, after a confirmation page (no script needed).

use super::{CycleFields, cycle_form};
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "cycles/delete")]
pub async fn delete_cycle(id: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let page = format!("/cycles/{}/delete", id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::ssr::delete(&member, id).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Cycle deleted.").await?;
            leptos_axum::redirect("/cycles");
            Ok(())
        }
        Err(error) => Err(session::fail_form("cycle-delete", &page, &[], error).await),
    }
}

#[component]
pub fn DeleteCyclePage() -> impl IntoView {
    view! {
        <Title text="Delete cycle"/>
        <h1>"Delete cycle"</h1>
        <RequireUser>
            <DeleteCycleConfirm/>
        </RequireUser>
    }
}

#[component]
fn DeleteCycleConfirm() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(move || Some(id()), cycle_form);
    let delete = ServerAction::<DeleteCycle>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) if form.read_only => view! {
                        <p class="error" role="alert">{florin::planning::PlanError::CycleReadOnly.to_string()}</p>
                        <p><a href=format!("/cycles/{}", form.id)>"Back to the cycle"</a></p>
                    }.into_any(),
                    Ok(form) => confirm(form, delete).into_any(),
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn confirm(c: CycleFields, delete: ServerAction<DeleteCycle>) -> impl IntoView {
    view! {
        <section class="card">
            <p>
                "Delete " <strong>{c.name.clone()}</strong> {format!(" ({}) and its expected expenses? ", c.period)}
                "The transactions it compared with stay in the ledger. This cannot be undone."
            </p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=c.id.clone()/>
                <button type="submit" class="danger">"Delete cycle"</button>
                " "
                <a href=format!("/cycles/{}", c.id)>"Keep it"</a>
            </ActionForm>
        </section>
    }
}
