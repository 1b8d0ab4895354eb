//! The debts page: every debt, the summary statistics per currency, and the payments of
//! the last twelve months.

use super::DebtSummary;
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

/// Statistics over the debts of one currency (amounts in different currencies are never
/// added together).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub currency: String,
    pub principal: String,
    pub remaining: String,
    pub paid: String,
    /// What the active debts' instalments take each month.
    pub monthly: String,
    /// Weighted by what remains of each debt, exactly; "—" when nothing remains.
    pub average_rate: String,
    /// The month the last debt closes paying the instalments as they are.
    pub debt_free: String,
}

/// One month of payment history: the month and the total per currency of `currencies`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub month: String,
    pub amounts: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtsOverview {
    pub debts: Vec<DebtSummary>,
    pub summary: Vec<SummaryRow>,
    pub history_currencies: Vec<String>,
    /// The last twelve months, oldest first; empty when nothing was paid in them.
    pub history: Vec<HistoryRow>,
}

#[server(endpoint = "debts")]
pub async fn list_debts() -> Result<DebtsOverview, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    super::ssr::overview(&member).await
}

#[component]
pub fn DebtsPage() -> impl IntoView {
    view! {
        <Title text="Debts"/>
        <h1>"Debts"</h1>
        <RequireUser>
            <DebtsOverviewView/>
        </RequireUser>
    }
}

#[component]
fn DebtsOverviewView() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_debts());
    view! {
        <p class="actions">
            <a class="button primary" href="/debts/new">"Add a debt"</a>
            <a class="button" href="/debts/planner">"Payoff planner"</a>
        </p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(overview) if overview.debts.is_empty() => view! {
                        <p class="card">"No debts yet. Add a loan or a card to see its schedule, record payments and plan how to pay it off."</p>
                    }.into_any(),
                    Ok(overview) => view! {
                        <SummaryTable rows=overview.summary.clone()/>
                        <DebtsTable debts=overview.debts.clone()/>
                        <HistoryTable currencies=overview.history_currencies.clone() rows=overview.history/>
                    }.into_any(),
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SummaryTable(rows: Vec<SummaryRow>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="debt-summary-title">
            <h2 id="debt-summary-title">"Summary"</h2>
            <table class="debt-summary">
                <thead>
                    <tr>
                        <th scope="col">"Currency"</th>
                        <th scope="col" class="num">"Borrowed"</th>
                        <th scope="col" class="num">"Remaining"</th>
                        <th scope="col" class="num">"Paid"</th>
                        <th scope="col" class="num">"Monthly payments"</th>
                        <th scope="col" class="num">"Average rate"</th>
                        <th scope="col">"Debt-free"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row">{r.currency}</th>
                            <td class="num">{r.principal}</td>
                            <td class="num">{r.remaining}</td>
                            <td class="num">{r.paid}</td>
                            <td class="num">{r.monthly}</td>
                            <td class="num">{r.average_rate}</td>
                            <td>{r.debt_free}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">"The average rate is weighted by what remains of each debt. The debt-free month assumes each instalment is paid as scheduled, with interest."</p>
        </section>
    }
}

#[component]
fn DebtsTable(debts: Vec<DebtSummary>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="debts-title">
            <h2 id="debts-title">"Your debts"</h2>
            <table class="debts">
                <thead>
                    <tr>
                        <th scope="col">"Debt"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col">"Lender"</th>
                        <th scope="col" class="num">"Remaining"</th>
                        <th scope="col" class="num">"Instalment"</th>
                        <th scope="col" class="num">"Rate"</th>
                        <th scope="col">"Next payment"</th>
                    </tr>
                </thead>
                <tbody>
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
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn HistoryTable(currencies: Vec<String>, rows: Vec<HistoryRow>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="debt-history-title">
            <h2 id="debt-history-title">"Payments by month"</h2>
            {if rows.is_empty() {
                view! { <p>"No payments in the last twelve months."</p> }.into_any()
            } else {
                view! {
                    <table class="debt-history">
                        <thead>
                            <tr>
                                <th scope="col">"Month"</th>
                                {currencies.into_iter().map(|c| view! { <th scope="col" class="num">{c}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().map(|r| view! {
                                <tr>
                                    <th scope="row">{r.month}</th>
                                    {r.amounts.into_iter().map(|a| view! { <td class="num">{a}</td> }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
