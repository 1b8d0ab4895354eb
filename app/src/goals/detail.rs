//! One goal: its progress, the monthly saving it needs, the contributions, the form to add
//! the next one, and its status changes (pause, resume, complete, cancel).

use super::contribute::ContributionForm;
use super::progress::GoalProgressBar;
use super::types::{ContributionView, GoalView};
use crate::components::FormError;
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "goals/one")]
pub async fn get_goal(id: i64) -> Result<GoalView, AppError> {
    crate::orgs::reading(async |m| super::ssr::detail(m, id).await).await
}

/// Pauses, resumes, completes or cancels a goal.
#[server(endpoint = "goals/status")]
pub async fn change_goal_status(id: String, action: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Goals)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::ssr::change_status(&member, id, &action).await
    }
    .await;
    let page = format!("/goals/{}", id.trim());
    let changed = finish("goal-status", &page, &(), result, |status| {
        Done::new(super::ssr::status_message(*status), &page)
    });
    changed.await.map(|_| ())
}

/// Deletes one contribution; the goal's progress follows, being a sum.
#[server(endpoint = "goals/contributions/delete")]
pub async fn delete_contribution(goal_id: String, id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Goals)).await?;
        let goal_id = goal_id
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::NotFound)?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete_contribution(member.db(), &member.scope, goal_id, id).await
    }
    .await;
    let page = format!("/goals/{}", goal_id.trim());
    finish("contribution-delete", &page, &(), result, |()| {
        Done::new("Contribution deleted.", &page)
    })
    .await
}

#[component]
pub fn GoalPage() -> impl IntoView {
    view! {
        <Title text="Goal"/>
        <RequireUser>
            <GoalDetails/>
        </RequireUser>
    }
}

#[component]
fn GoalDetails() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, get_goal);
    view! {
        {loaded(data, Fallback::page("Goal", "/goals", "Back to goals"), move |view, _| view! { <GoalBody view/> }.into_any())}
    }
}

#[component]
fn GoalBody(view: GoalView) -> impl IntoView {
    let g = view.goal.clone();
    let lead = format!(
        "{} of {} saved; {} to go. {}",
        g.saved, g.target, g.remaining, g.status_label
    );
    let facts = view! {
        <section class="card" aria-labelledby="goal-facts-title">
            <h2 id="goal-facts-title">"Details"</h2>
            <table class="terms">
                <tbody>
                    <tr><th scope="row">"Type"</th><td>{g.kind_label.clone()}</td></tr>
                    <tr><th scope="row">"Priority"</th><td>{g.priority_label.clone()}</td></tr>
                    <tr><th scope="row">"Status"</th><td>{g.status_label.clone()}</td></tr>
                    <tr><th scope="row">"Target"</th><td>{g.target.clone()}</td></tr>
                    <tr><th scope="row">"Target date"</th><td>{if g.target_date.is_empty() { "—".to_owned() } else { g.target_date.clone() }}</td></tr>
                    <tr><th scope="row">"Monthly saving needed"</th><td>{g.monthly.clone()}</td></tr>
                </tbody>
            </table>
            <p class="actions">
                <a class="button" href=format!("/goals/{}/edit", g.id)>"Edit goal"</a>
                " "
                <a href=format!("/goals/{}/delete", g.id)>"Delete goal"</a>
            </p>
        </section>
    }
    .into_any();
    let contribute = match view.contribute.clone() {
        Some(defaults) => view! { <ContributionForm defaults/> }.into_any(),
        None => view! {
            <p class="card">{format!("This goal is {}; resume it to add contributions.", g.status_label.to_lowercase())}</p>
        }
        .into_any(),
    };
    view! {
        <Title text=g.title.clone()/>
        <h1>{g.title.clone()}</h1>
        <GoalProgressBar percent=g.percent saved=g.saved.clone() target=g.target.clone()/>
        <p class="lead">{lead}</p>
        {contribute}
        <StatusActions id=g.id actions=view.actions.clone()/>
        {facts}
        <ContributionsTable goal_id=g.id contributions=view.contributions/>
        <p><a href="/goals">"Back to goals"</a></p>
    }
}

#[component]
fn StatusActions(id: i64, actions: Vec<(String, String)>) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<ChangeGoalStatus>::new();
    let actions = StoredValue::new(actions);
    view! {
        <section class="card" aria-labelledby="goal-status-title">
            <h2 id="goal-status-title">"Status"</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("goal-status", stash, action);
                    let errors = feedback.errors();
                    view! {
                        <FormError errors/>
                        <div class="actions">
                            {actions.get_value().into_iter().map(|(name, label)| view! {
                                <ActionForm action=action attr:class="inline">
                                    <input type="hidden" name="id" value=id.to_string()/>
                                    <input type="hidden" name="action" value=name/>
                                    <button type="submit">{label}</button>
                                </ActionForm>
                            }).collect_view()}
                        </div>
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ContributionsTable(goal_id: i64, contributions: Vec<ContributionView>) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<DeleteContribution>::new();
    let contributions = StoredValue::new(contributions);
    view! {
        <section class="card" aria-labelledby="contributions-title">
            <h2 id="contributions-title">"Contributions"</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("contribution-delete", stash, action);
                    let errors = feedback.errors();
                    let rows = contributions.get_value();
                    let body = if rows.is_empty() {
                        view! { <p>"No contributions yet."</p> }.into_any()
                    } else {
                        view! { <ContributionRows goal_id rows action/> }.into_any()
                    };
                    view! { <FormError errors/> {body} }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ContributionRows(
    goal_id: i64,
    rows: Vec<ContributionView>,
    action: ServerAction<DeleteContribution>,
) -> impl IntoView {
    view! {
        <table class="contributions">
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    <th scope="col" class="num">"Amount"</th>
                    <th scope="col">"Note"</th>
                    <th scope="col">"Ledger"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let label = format!("Delete the contribution of {} on {}", c.amount, c.date);
                    view! {
                        <tr>
                            <td>{c.date.clone()}</td>
                            <td class="num">{c.amount.clone()}</td>
                            <td>{c.note.clone()}</td>
                            <td>{if c.transfer { "Transfer recorded" } else { "—" }}</td>
                            <td>
                                <ActionForm action=action attr:class="inline">
                                    <input type="hidden" name="goal_id" value=goal_id.to_string()/>
                                    <input type="hidden" name="id" value=c.id.to_string()/>
                                    <button type="submit" class="danger" aria-label=label>"Delete"</button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
