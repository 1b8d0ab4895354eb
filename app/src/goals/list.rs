//! The goals page: every goal with its progress and the monthly saving it needs.

use super::progress::GoalProgressBar;
use super::types::GoalSummary;
use crate::error::AppError;
use crate::pages::{Card, Head, Page, Table, listed};
use leptos::prelude::*;

#[server(endpoint = "goals")]
pub async fn list_goals() -> Result<Vec<GoalSummary>, AppError> {
    crate::orgs::reading(async |m| super::ssr::overview(m).await).await
}

#[component]
pub fn GoalsPage() -> impl IntoView {
    view! { <Page title="Goals"><GoalsOverview/></Page> }
}

#[component]
fn GoalsOverview() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_goals());
    view! {
        <p class="actions">
            <a class="button primary" href="/goals/new">"Add a goal"</a>
        </p>
        {listed(
            data,
            "No goals yet. Add one to track what you save towards it and how much to put aside each month.",
            Vec::is_empty,
            |goals| view! { <GoalsTable goals/> }.into_any(),
        )}
    }
}

#[component]
fn GoalsTable(goals: Vec<GoalSummary>) -> impl IntoView {
    view! {
        <Card title="Your goals" id="goals-title">
            <Table class="goals" heads=vec![Head::text("Goal"), Head::text("Type"), Head::text("Priority"), Head::text("Status"), Head::text("Progress"), Head::text("Target date"), Head::text("Monthly saving needed")]>
                    {goals.into_iter().map(|g| view! {
                        <tr class:archived=g.status == "completed" || g.status == "cancelled">
                            <td><a href=format!("/goals/{}", g.id)>{g.title.clone()}</a></td>
                            <td>{g.kind_label}</td>
                            <td>{g.priority_label}</td>
                            <td>{g.status_label}</td>
                            <td><GoalProgressBar percent=g.percent saved=g.saved target=g.target/></td>
                            <td>{if g.target_date.is_empty() { "—".to_owned() } else { g.target_date }}</td>
                            <td>{g.monthly}</td>
                        </tr>
                    }.into_any()).collect_view()}
            </Table>
        </Card>
    }
}
