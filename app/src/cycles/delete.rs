//! Deleting a cycle that is not completed, after a confirmation page (no script needed).

use super::edit::cycle_form;
use crate::error::AppError;
use crate::pages::{Fallback, Page, confirm_delete, loaded};
use leptos::prelude::*;

#[component]
pub fn DeleteCyclePage() -> impl IntoView {
    view! { <Page title="Delete cycle"><DeleteCycleConfirm/></Page> }
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

#[server(endpoint = "cycles/delete")]
pub async fn delete_cycle(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let cycles = Deletion::new(Area::Budgets, "cycle-delete", "/cycles", "Cycle deleted.");
    delete_record(cycles, &id, super::ssr::delete).await
}
