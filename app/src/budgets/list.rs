//! The budgets page: every budget, newest period first.

use super::types::BudgetSummary;
use crate::error::AppError;
use crate::pages::{Card, Fallback, Head, Page, Table, loaded};
use leptos::prelude::*;

#[server(endpoint = "budgets")]
pub async fn list_budgets() -> Result<Vec<BudgetSummary>, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m).await).await
}

#[component]
pub fn BudgetsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_budgets());
    view! {
        <Page title="Budgets">
            <p class="actions">
                <a class="button primary" href="/budgets/new">"Add a budget"</a>
            </p>
            {loaded(data, Fallback::NONE, |budgets, _| if budgets.is_empty() {
                view! {
                    <p class="card">"No budgets yet. Plan a month, a quarter or a trip: a total, an amount per category, and how the spending compares."</p>
                }.into_any()
            } else {
                budgets_table(budgets).into_any()
            })}
        </Page>
    }
}

fn budgets_table(budgets: Vec<BudgetSummary>) -> impl IntoView {
    view! {
        <Card title="Your budgets" id="budgets-title">
            <Table class="budgets" heads=vec![Head::text("Budget"), Head::text("Period"), Head::num("Total"), Head::num("Entries")]>
                    {budgets.into_iter().map(|b| view! {
                        <tr>
                            <th scope="row"><a href=format!("/budgets/{}", b.id)>{b.name}</a></th>
                            <td>{b.period}</td>
                            <td class="num">{b.total}</td>
                            <td class="num">
                                {b.entries_sum}
                                {b.over.then(|| view! { " " <span class="badge warning">"above the total"</span> })}
                            </td>
                        </tr>
                    }.into_any()).collect_view()}
            </Table>
        </Card>
    }
}
