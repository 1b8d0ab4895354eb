//! Deleting a goal, after a confirmation page (a plain link and form: no script needed).

use super::detail::get_goal;
use super::types::GoalView;
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "goals/delete")]
pub async fn delete_goal(id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Goals)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    let page = format!("/goals/{}/delete", id.trim());
    finish("goal-delete", &page, &(), result, |()| {
        Done::new("Goal deleted.", "/goals")
    })
    .await
}

#[component]
pub fn DeleteGoalPage() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, get_goal);
    let delete = ServerAction::<DeleteGoal>::new();
    view! {
        <Title text="Delete goal"/>
        <h1>"Delete goal"</h1>
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

fn confirm(view: GoalView, delete: ServerAction<DeleteGoal>) -> impl IntoView {
    let g = view.goal;
    let what = match view.contributions.len() {
        0 => "It has no contributions.".to_owned(),
        1 => "Its contribution is deleted with it.".to_owned(),
        n => format!("Its {n} contributions are deleted with it."),
    };
    view! {
        <section class="card">
            <p>
                "Delete " <strong>{g.title.clone()}</strong> " (" {g.saved.clone()} " of "
                {g.target.clone()} " saved)? " {what}
                " Transfers recorded in the ledger stay there. This cannot be undone."
            </p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=g.id.to_string()/>
                <button type="submit" class="danger">"Delete goal"</button>
                " "
                <a href=format!("/goals/{}", g.id)>"Keep it"</a>
            </ActionForm>
        </section>
    }
}
