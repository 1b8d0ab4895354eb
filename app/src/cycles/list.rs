//! The cycles page: every cycle, newest first, with the way to the expense templates.

use super::types::CycleSummary;
use crate::error::AppError;
use crate::pages::{Card, Fallback, Head, Page, Table, loaded};
use leptos::prelude::*;

#[server(endpoint = "cycles")]
pub async fn list_cycles() -> Result<Vec<CycleSummary>, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m).await).await
}

#[component]
pub fn CyclesPage() -> impl IntoView {
    view! { <Page title="Cycles"><CyclesOverview/></Page> }
}

#[component]
fn CyclesOverview() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_cycles());
    view! {
        <p class="actions">
            <a class="button primary" href="/cycles/new">"Add a cycle"</a>
            " "
            <a class="button" href="/templates">"Expense templates"</a>
        </p>
        {loaded(data, Fallback::NONE, |cycles, _| if cycles.is_empty() {
            view! {
                <p class="card">"No cycles yet. A cycle is a stretch of up to 45 days (six weeks by default) with the income you expect and the expenses you plan, compared with what you actually spend."</p>
            }.into_any()
        } else {
            cycles_table(cycles).into_any()
        })}
    }
}

fn cycles_table(cycles: Vec<CycleSummary>) -> impl IntoView {
    view! {
        <Card title="Your cycles" id="cycles-title">
            <Table class="cycles" heads=vec![Head::text("Cycle"), Head::text("Period"), Head::text("Status"), Head::num("Expected income"), Head::num("Expected expenses")]>
                    {cycles.into_iter().map(|c| view! {
                        <tr>
                            <th scope="row"><a href=format!("/cycles/{}", c.id)>{c.name}</a></th>
                            <td>{c.period}</td>
                            <td>{c.status}</td>
                            <td class="num">{c.expected_income}</td>
                            <td class="num">{c.expected_expenses}</td>
                        </tr>
                    }.into_any()).collect_view()}
            </Table>
        </Card>
    }
}
