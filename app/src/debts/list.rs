//! The debts page: every debt, the summary statistics per currency, and the payments of
//! the last twelve months.

use super::table::{Column, FigureTable};
use super::types::{DebtSummary, DebtsOverview, HistoryRow, SummaryRow};
use crate::error::AppError;
use crate::pages::{Card, Head, Page, Table, listed};
use leptos::prelude::*;

#[server(endpoint = "debts")]
pub async fn list_debts() -> Result<DebtsOverview, AppError> {
    crate::orgs::reading(async |m| super::ssr::overview(m).await).await
}

#[component]
pub fn DebtsPage() -> impl IntoView {
    view! { <Page title="Debts"><DebtsOverviewView/></Page> }
}

#[component]
fn DebtsOverviewView() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_debts());
    view! {
        <p class="actions">
            <a class="button primary" href="/debts/new">"Add a debt"</a>
            <a class="button" href="/debts/planner">"Payoff planner"</a>
        </p>
        {listed(
            data,
            "No debts yet. Add a loan or a card to see its schedule, record payments and plan how to pay it off.",
            |overview| overview.debts.is_empty(),
            |overview| view! {
                <SummaryTable rows=overview.summary.clone()/>
                <DebtsTable debts=overview.debts.clone()/>
                <HistoryTable currencies=overview.history_currencies.clone() rows=overview.history/>
            }.into_any(),
        )}
    }
}

#[component]
fn SummaryTable(rows: Vec<SummaryRow>) -> impl IntoView {
    let columns = vec![
        Column::text("Currency"),
        Column::num("Borrowed"),
        Column::num("Remaining"),
        Column::num("Paid"),
        Column::num("Monthly payments"),
        Column::num("Average rate"),
        Column::text("Debt-free"),
    ];
    let rows = rows
        .into_iter()
        .map(|r| {
            let cells = vec![
                r.principal,
                r.remaining,
                r.paid,
                r.monthly,
                r.average_rate,
                r.debt_free,
            ];
            (r.currency, cells)
        })
        .collect();
    view! {
        <Card title="Summary" id="debt-summary-title">
            <FigureTable class="debt-summary" columns rows/>
            <p class="hint">"The average rate is weighted by what remains of each debt. The debt-free month assumes each instalment is paid as scheduled, with interest."</p>
        </Card>
    }
}

#[component]
fn DebtsTable(debts: Vec<DebtSummary>) -> impl IntoView {
    view! {
        <Card title="Your debts" id="debts-title">
            <Table class="debts" heads=vec![Head::text("Debt"), Head::text("Kind"), Head::text("Lender"), Head::num("Remaining"), Head::num("Instalment"), Head::num("Rate"), Head::text("Next payment")]>
                    {debts.into_iter().map(|d| view! {
                        <tr class:archived=d.paid_off>
                            <td>
                                <a href=format!("/debts/{}", d.id)>{d.name.clone()}</a>
                                {d.paid_off.then(|| view! { " " <span class="badge">"paid off"</span> })}
                            </td>
                            <td>{d.kind_label}</td>
                            <td>{d.lender}</td>
                            <td class="num">{d.remaining}</td>
                            <td class="num">{d.emi}</td>
                            <td class="num">{d.rate}</td>
                            <td>{if d.paid_off { "—".to_owned() } else { d.next_payment }}</td>
                        </tr>
                    }.into_any()).collect_view()}
            </Table>
        </Card>
    }
}

#[component]
fn HistoryTable(currencies: Vec<String>, rows: Vec<HistoryRow>) -> impl IntoView {
    let body = if rows.is_empty() {
        view! { <p>"No payments in the last twelve months."</p> }.into_any()
    } else {
        let columns = std::iter::once(Column::text("Month"))
            .chain(currencies.into_iter().map(Column::num))
            .collect();
        let rows = rows.into_iter().map(|r| (r.month, r.amounts)).collect();
        view! { <FigureTable class="debt-history" columns rows/> }.into_any()
    };
    view! {
        <Card title="Payments by month" id="debt-history-title">
            {body}
        </Card>
    }
}
