//! The budgets page: every budget, newest period first.

use super::plan_pages::{Fallback, loaded};
use super::types::BudgetSummary;
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "budgets")]
pub async fn list_budgets() -> Result<Vec<BudgetSummary>, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    super::ssr::list(&member).await
}

#[component]
pub fn BudgetsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_budgets());
    view! {
        <Title text="Budgets"/>
        <h1>"Budgets"</h1>
        <RequireUser>
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
        </RequireUser>
    }
}

fn budgets_table(budgets: Vec<BudgetSummary>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="budgets-title">
            <h2 id="budgets-title">"Your budgets"</h2>
            <table class="budgets">
                <thead>
                    <tr>
                        <th scope="col">"Budget"</th>
                        <th scope="col">"Period"</th>
                        <th scope="col" class="num">"Total"</th>
                        <th scope="col" class="num">"Entries"</th>
                    </tr>
                </thead>
                <tbody>
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
                </tbody>
            </table>
        </section>
    }
}
