//! Deleting a cycle that is not completed, after a confirmation page (no script needed).

use super::edit::cycle_form;
use crate::budgets::plan_pages::{Fallback, confirm_delete, loaded};
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "cycles/delete")]
pub async fn delete_cycle(id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = crate::budgets::plan_fields::record_id(&id)?;
        super::ssr::delete(&member, id).await
    }
    .await;
    let page = format!("/cycles/{}/delete", id.trim());
    finish("cycle-delete", &page, &(), result, |()| {
        Done::new("Cycle deleted.", "/cycles")
    })
    .await
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
    loaded(data, Fallback::NONE, move |c, _| {
        let keep = format!("/cycles/{}", c.id);
        if c.read_only {
            return view! {
                <p class="error" role="alert">{florin::planning::PlanError::CycleReadOnly.to_string()}</p>
                <p><a href=keep>"Back to the cycle"</a></p>
            }
            .into_any();
        }
        let question = view! {
            "Delete " <strong>{c.name}</strong> {format!(" ({}) and its expected expenses? ", c.period)}
            "The transactions it compared with stay in the ledger. This cannot be undone."
        };
        confirm_delete(delete, c.id, "Delete cycle", keep, question).into_any()
    })
}
