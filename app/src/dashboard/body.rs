//! The dashboard itself: this month's figures, the charts with their tables, and the
//! cards beside them.

use super::cards::{DebtsCard, GoalsCard, LimitsCard, NoticesCard, RecentCard};
use super::types::{DashboardView, Figure};
use crate::pages::Card;
use crate::reports::missing_rates::MissingRates;
use leptos::prelude::*;
use leptos_meta::Title;

/// The signed-in user's dashboard (the page's heading is the caller's).
#[component]
pub fn Dashboard(view: Option<DashboardView>) -> impl IntoView {
    view! {
        <Title text="Dashboard"/>
        {view.map(|view| view! { <DashboardBody view/> })}
    }
}

#[component]
fn DashboardBody(view: DashboardView) -> impl IntoView {
    if !view.has_ledger {
        return view! {
            <Card title="Getting started" id="start-title">
                <p>"Add an account, then record or import its transactions; this page then shows where your money goes."</p>
                <p class="actions">
                    <a class="button primary" href="/accounts">"Add an account"</a>
                    <a class="button" href="/import">"Import a statement"</a>
                </p>
            </Card>
        }
        .into_any();
    }
    let missing = view! {
        <MissingRates base_currency=view.base_currency.clone() missing=view.missing_rates.clone()/>
    };
    let summary = view! {
        <section class="card" aria-labelledby="month-title">
            <h2 id="month-title">{format!("This month ({})", view.month)}</h2>
            <dl class="figures">
                <div><dt>"Income"</dt><dd class="num">{view.income.clone()}</dd></div>
                <div><dt>"Spending"</dt><dd class="num">{view.spending.clone()}</dd></div>
                <div>
                    <dt>"Net"</dt>
                    <dd class="num" class:negative=view.net_negative>{view.net.clone()}</dd>
                </div>
            </dl>
            {missing}
        </section>
    }
    .into_any();
    let charts = view! {
        <ChartCard id="cash-flow" title="Cash flow" figure=view.cash_flow.clone()/>
        <ChartCard id="categories" title="Spending by category" figure=view.categories.clone()/>
        <ChartCard id="net-worth" title="Net worth" figure=view.net_worth.clone()/>
    }
    .into_any();
    let recent = view! { <RecentCard lines=view.recent.clone()/> }.into_any();
    let side = view! {
        <NoticesCard unread=view.unread lines=view.notifications.clone()/>
        <LimitsCard limits=view.limits.clone()/>
        <GoalsCard goals=view.goals.clone()/>
        <DebtsCard lines=view.debts/>
    }
    .into_any();
    view! {
        <div class="dashboard">
            {summary}
            {charts}
            {recent}
            {side}
        </div>
    }
    .into_any()
}

#[component]
fn ChartCard(id: &'static str, title: &'static str, figure: Figure) -> impl IntoView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    let body = if figure.svg.is_empty() {
        view! { <p>"Nothing spent yet this month."</p> }.into_any()
    } else {
        let head = figure.head.clone();
        view! {
            <figure>
                <div class="chart" inner_html=figure.svg.clone() aria-hidden="true"></div>
                <figcaption>{figure.caption.clone()}</figcaption>
            </figure>
            <details>
                <summary>{format!("{title}: the figures")}</summary>
                <table>
                    <caption class="visually-hidden">{title}</caption>
                    <thead>
                        <tr>
                            {head.into_iter().enumerate().map(|(i, h)| {
                                let class = if i == 0 { "" } else { "num" };
                                view! { <th scope="col" class=class>{h}</th> }
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {figure.rows.into_iter().map(|row| view! {
                            <tr>
                                {row.into_iter().enumerate().map(|(i, cell)| {
                                    if i == 0 {
                                        view! { <th scope="row">{cell}</th> }.into_any()
                                    } else {
                                        view! { <td class="num">{cell}</td> }.into_any()
                                    }
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        }
        .into_any()
    };
    view! {
        <section class="card chart-card" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {body}
        </section>
    }
}
