//! The payoff planner: with an extra amount each month, how do avalanche (highest rate
//! first), snowball (smallest balance first) and paying only the minimums compare?
//!
//! The extra amount lives in the URL (a GET form), so the planner works without
//! JavaScript and a plan can be bookmarked.
//!
//! The chart is an `<img>` of `/debts/planner/chart.svg` (see `chart.rs`) rather than SVG
//! inlined from this page's data: charts-rs runs only on the server, so an inline chart
//! would either be missing after a client-side navigation or have to travel twice (in
//! the HTML and again in the hydration data). As an image it is rendered on the server
//! once, works hydrated, without JavaScript and after client-side navigation, and cannot
//! run script. The figure's caption and the table beside it carry the same figures as
//! text.

use super::table::{Column, FigureTable};
use super::types::{PayoffPlan, PayoffPlanQuery, PlanDebtView, StrategyView};
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::pages::{Card, Head, Page, Table};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "debts/plan")]
pub async fn plan_payoff(query: PayoffPlanQuery) -> Result<PayoffPlan, AppError> {
    crate::orgs::reading(async |m| super::ssr::planner(m, &query).await).await
}

#[component]
pub fn PlannerPage() -> impl IntoView {
    let query = use_query_map();
    let inputs = move || {
        let q = query.read();
        PayoffPlanQuery {
            extra: q.get("extra").unwrap_or_default(),
            currency: q.get("currency").unwrap_or_default(),
        }
    };
    let data = Resource::new(inputs, plan_payoff);
    view! {
        <Page title="Payoff planner">
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(plan) if plan.debts.is_empty() => view! {
                            <p class="card">"No active debts to plan. " <a href="/debts/new">"Add a debt"</a> " to compare ways of paying it off."</p>
                        }.into_any(),
                        Ok(plan) => view! { <PlanView plan/> }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
fn PlanView(plan: PayoffPlan) -> impl IntoView {
    let errors = Signal::derive({
        let e = plan.errors.clone();
        move || e.clone()
    });
    let currencies: Vec<(String, String)> = plan
        .currencies
        .iter()
        .map(|c| (c.clone(), c.clone()))
        .collect();
    let several = currencies.len() > 1;
    let form = view! {
        <form method="get" action="/debts/planner" class="card">
            <FormError errors/>
            <div class="row">
                <TextField label="Extra each month" name="extra" value=plan.extra.clone() errors
                    hint="Paid on top of the instalments; leave blank for none."/>
                {if several {
                    view! { <SelectField label="Currency" name="currency" value=plan.currency.clone() options=currencies errors/> }.into_any()
                } else {
                    view! { <input type="hidden" name="currency" value=plan.currency.clone()/> }.into_any()
                }}
            </div>
            <button type="submit" class="primary">"Compare"</button>
        </form>
    }
    .into_any();
    let compare = view! { <Comparison strategies=plan.strategies.clone()/> }.into_any();
    let chart = view! { <Chart plan=plan.clone()/> }.into_any();
    view! {
        <p class="lead">{format!("Your active debts in {}, paid each month with their instalments plus the extra amount.", plan.currency)}</p>
        {form}
        {compare}
        {chart}
        <StartingPoint debts=plan.debts/>
        <p><a href="/debts">"Back to debts"</a></p>
    }
}

#[component]
fn Comparison(strategies: Vec<StrategyView>) -> impl IntoView {
    view! {
        <Card title="Strategies compared" id="compare-title">
            <p class="hint">"Avalanche pays the extra to the highest rate first; snowball to the smallest balance first. Both then roll each closed debt's instalment into the next."</p>
            <Table class="strategies" heads=vec![Head::text("Strategy"), Head::text("Debt-free in"), Head::text("Debt-free"), Head::num("Total interest"), Head::num("Total paid"), Head::text("Order debts close")]>
                    {strategies.into_iter().map(|s| view! {
                        <tr>
                            <th scope="row">{s.name}</th>
                            <td>{s.months}</td>
                            <td>{s.debt_free}</td>
                            <td class="num">{s.total_interest}</td>
                            <td class="num">{s.total_paid}</td>
                            <td>
                                <ol class="close-order">
                                    {s.order.into_iter().map(|(name, when)| view! { <li>{format!("{name} ({when})")}</li> }).collect_view()}
                                </ol>
                            </td>
                        </tr>
                    }.into_any()).collect_view()}
            </Table>
        </Card>
    }
}

#[component]
fn Chart(plan: PayoffPlan) -> impl IntoView {
    let names: Vec<String> = plan.strategies.iter().map(|s| s.name.clone()).collect();
    let alt = "Line chart of the total balance over time under each strategy; the table below it gives the same figures.";
    let caption = format!(
        "Total {} balance by month: {}.",
        plan.currency,
        names.join(", ")
    );
    let columns = std::iter::once(Column::text("Month"))
        .chain(names.into_iter().map(Column::num))
        .collect();
    view! {
        <Card title="Balance over time" id="chart-title">
            <figure class="chart">
                <img src=plan.chart_src.clone() alt=alt width="720" height="360"/>
                <figcaption>{caption}</figcaption>
            </figure>
            <details>
                <summary>"The chart's figures as a table"</summary>
                <FigureTable class="chart-data" caption="Total balance now and every twelve months"
                    columns rows=plan.table/>
            </details>
        </Card>
    }
}

#[component]
fn StartingPoint(debts: Vec<PlanDebtView>) -> impl IntoView {
    let columns = vec![
        Column::text("Debt"),
        Column::num("Balance"),
        Column::num("Rate"),
        Column::num("Instalment"),
    ];
    let rows = debts
        .into_iter()
        .map(|d| (d.name, vec![d.balance, d.rate, d.minimum]))
        .collect();
    view! {
        <Card title="Starting from" id="start-title">
            <FigureTable columns rows/>
        </Card>
    }
}
