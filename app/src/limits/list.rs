//! The limits page: every category limit with this month's spending as a progress bar.

use super::types::{LimitView, LimitsOverview};
use crate::components::ProgressBar;
use crate::context::RequireUser;
use crate::error::AppError;
use crate::pages::{Head, Table, listed};
use leptos::prelude::*;
use leptos_meta::Title;

/// The limits with the spending of `month` (`YYYY-MM`); the current month when it is
/// missing or malformed.
#[server(endpoint = "limits")]
pub async fn list_limits(month: Option<String>) -> Result<LimitsOverview, AppError> {
    crate::orgs::reading(async |m| {
        let month = month.as_deref().and_then(florin::planning::Month::parse);
        super::ssr::overview(m, month).await
    })
    .await
}

#[component]
pub fn LimitsPage() -> impl IntoView {
    view! {
        <Title text="Limits"/>
        <h1>"Category limits"</h1>
        <RequireUser>
            <LimitsOverviewView/>
        </RequireUser>
    }
}

#[component]
fn LimitsOverviewView() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    let data = Resource::new(move || query.read().get("month"), list_limits);
    view! {
        <p class="actions">
            <a class="button primary" href="/limits/new">"Add a limit"</a>
        </p>
        {listed(
            data,
            "No limits yet. Set a monthly limit on an expense category to be alerted before you overspend.",
            |overview| overview.limits.is_empty(),
            |overview| view! {
                <nav class="actions" aria-label="Months">
                    <a href=format!("/limits?month={}", overview.previous)>"← " {overview.previous_label.clone()}</a>
                    " "
                    <a href=format!("/limits?month={}", overview.next)>{overview.next_label.clone()} " →"</a>
                </nav>
                <LimitsTable month=overview.month.clone() limits=overview.limits/>
            }.into_any(),
        )}
    }
}

#[component]
fn LimitsTable(month: String, limits: Vec<LimitView>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="limits-title">
            <h2 id="limits-title">"Spending in " {month}</h2>
            <p class="hint">"Only expenses in a limit's currency count towards it. You get one notice when a category reaches its alert threshold and another when it reaches its limit, once a month."</p>
            <Table class="limits" heads=vec![Head::text("Category"), Head::num("Spent"), Head::num("Limit"), Head::num("Remaining"), Head::text("Progress"), Head::text("Actions")]>
                    {limits.into_iter().map(limit_row).collect_view()}
            </Table>
        </section>
    }
}

fn limit_row(l: LimitView) -> impl IntoView {
    let label = format!("{} of the {} limit spent", l.category, l.currency);
    let value_text = format!("{} % spent, {}", l.percent, l.status_label);
    view! {
        <tr>
            <th scope="row">{l.category.clone()}</th>
            <td class="num">{l.spent}</td>
            <td class="num">{l.limit} <span class="hint">" (alert at " {l.alert_pct} " %)"</span></td>
            <td class="num">{l.remaining}</td>
            <td>
                <ProgressBar label percent=l.percent value_text state=l.status.clone()/>
                <span class="percent">{l.percent} " % · " {l.status_label}</span>
            </td>
            <td>
                <a href=format!("/limits/{}/edit", l.id)>"Edit"</a>
                " "
                <a href=format!("/limits/{}/delete", l.id)>"Delete"</a>
            </td>
        </tr>
    }
    .into_any()
}
