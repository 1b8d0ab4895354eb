//! Deleting a goal and its contributions, after a confirmation page (no script needed).
//! The ledger transfers recorded for its contributions stay.

use super::detail::get_goal;
use crate::error::AppError;
use crate::pages::delete_page;
use leptos::prelude::*;

#[component]
pub fn DeleteGoalPage() -> impl IntoView {
    delete_page(
        "Delete goal",
        get_goal,
        ServerAction::<DeleteGoal>::new(),
        |view| {
            let g = view.goal;
            let what = match view.contributions.len() {
                0 => "It has no contributions.".to_owned(),
                1 => "Its contribution is deleted with it.".to_owned(),
                n => format!("Its {n} contributions are deleted with it."),
            };
            let question = view! {
                "Delete " <strong>{g.title}</strong> " (" {g.saved} " of " {g.target} " saved)? "
                {what} " Transfers recorded in the ledger stay there. This cannot be undone."
            };
            (question, format!("/goals/{}", g.id))
        },
    )
}

#[server(endpoint = "goals/delete")]
pub async fn delete_goal(id: String) -> Result<(), AppError> {
    use crate::orgs::{Deletion, delete_record};
    use florin::role::Area;
    let goals = Deletion::new(Area::Goals, "goal-delete", "/goals", "Goal deleted.");
    delete_record(goals, &id, super::repo::delete).await
}
