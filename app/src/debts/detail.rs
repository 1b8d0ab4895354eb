//! One debt: its terms, the amortization schedule from what remains (or of the whole
//! loan), the payments recorded, and the form to record the next one.

use super::pay::PaymentForm;
use super::types::{DebtView, PaymentView, ScheduleView};
use crate::context::RequireUser;
use crate::error::AppError;
use crate::pages::{Card, Fallback, Head, Table, loaded};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "debts/one")]
pub async fn get_debt(id: i64, full: bool) -> Result<DebtView, AppError> {
    crate::orgs::reading(async |m| super::ssr::detail(m, id, full).await).await
}

#[component]
pub fn DebtPage() -> impl IntoView {
    view! {
        <Title text="Debt"/>
        <RequireUser>
            <DebtDetails/>
        </RequireUser>
    }
}

#[component]
fn DebtDetails() -> impl IntoView {
    let id = crate::url::id_param();
    let query = use_query_map();
    let full = move || query.read().get("schedule").as_deref() == Some("full");
    let data = Resource::new(move || (id(), full()), |(id, full)| get_debt(id, full));
    view! {
        {loaded(data, Fallback::page("Debt", "/debts", "Back to debts"), move |view, _| view! { <DebtBody view/> }.into_any())}
    }
}

#[component]
fn DebtBody(view: DebtView) -> impl IntoView {
    let d = view.debt.clone();
    let lead = if d.paid_off {
        format!("Paid off. {} paid in total.", d.total_paid)
    } else {
        format!(
            "{} of {} still owed ({} clears it today, with this month's interest); next payment of {} due {}.",
            d.remaining, d.principal, d.payoff, view.pay.due, d.next_payment
        )
    };
    let terms = view! {
        <Card title="Terms" id="terms-title">
            <table class="terms">
                <tbody>
                    <tr><th scope="row">"Kind"</th><td>{d.kind_label.clone()}</td></tr>
                    <tr><th scope="row">"Lender"</th><td>{if d.lender.is_empty() { "—".to_owned() } else { d.lender.clone() }}</td></tr>
                    <tr><th scope="row">"Borrowed"</th><td>{d.principal.clone()}</td></tr>
                    <tr><th scope="row">"Annual rate"</th><td>{d.rate.clone()}</td></tr>
                    <tr><th scope="row">"Tenure"</th><td>{format!("{} months from {}", view.tenure_months, view.start_date)}</td></tr>
                    <tr><th scope="row">"Instalment"</th><td>{d.emi.clone()}</td></tr>
                    <tr><th scope="row">"Paid so far"</th><td>{format!("{} (interest {})", d.total_paid, d.interest_paid)}</td></tr>
                    <tr><th scope="row">"Reminder"</th><td>{format!("{} days before each payment", view.reminder_days)}</td></tr>
                    <tr><th scope="row">"Expenses recorded in"</th><td>{view.account_name.clone().unwrap_or_else(|| "—".to_owned())}</td></tr>
                </tbody>
            </table>
            <p class="actions">
                <a class="button" href=format!("/debts/{}/edit", d.id)>"Edit debt"</a>
                " "
                <a href=format!("/debts/{}/delete", d.id)>"Delete debt"</a>
            </p>
        </Card>
    }
    .into_any();
    let pay = (!d.paid_off).then(|| view! { <PaymentForm defaults=view.pay.clone()/> }.into_any());
    view! {
        <Title text=d.name.clone()/>
        <h1>{d.name.clone()}</h1>
        <p class="lead">{lead}</p>
        {pay}
        {terms}
        <ScheduleTable id=d.id schedule=view.schedule.clone()/>
        <PaymentsTable payments=view.payments/>
        <p><a href="/debts">"Back to debts"</a></p>
    }
}

#[component]
fn ScheduleTable(id: i64, schedule: ScheduleView) -> impl IntoView {
    let (title, other_label, other_href) = if schedule.full {
        (
            "Schedule of the whole loan",
            "Show what remains",
            format!("/debts/{id}"),
        )
    } else {
        (
            "Amortization schedule",
            "Show the whole loan from its start",
            format!("/debts/{id}?schedule=full"),
        )
    };
    let body = match schedule.error.clone() {
        Some(message) => view! { <p class="error">{message}</p> }.into_any(),
        None if schedule.rows.is_empty() => view! { <p>"Nothing remains to pay."</p> }.into_any(),
        None => view! {
            <table class="schedule">
                <thead>
                    <tr>
                        <th scope="col" class="num">"#"</th>
                        <th scope="col">"Date"</th>
                        <th scope="col" class="num">"Payment"</th>
                        <th scope="col" class="num">"Interest"</th>
                        <th scope="col" class="num">"Principal"</th>
                        <th scope="col" class="num">"Balance"</th>
                    </tr>
                </thead>
                <tbody>
                    {schedule.rows.into_iter().map(|r| view! {
                        <tr>
                            <td class="num">{r.n}</td>
                            <td>{r.date}</td>
                            <td class="num">{r.payment}</td>
                            <td class="num">{r.interest}</td>
                            <td class="num">{r.principal}</td>
                            <td class="num">{r.balance}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="2">"Total"</th>
                        <td class="num">{schedule.total_paid.clone()}</td>
                        <td class="num">{schedule.total_interest.clone()}</td>
                        <td colspan="2"></td>
                    </tr>
                </tfoot>
            </table>
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="schedule-title">
            <h2 id="schedule-title">{title}</h2>
            <p class="actions"><a href=other_href>{other_label}</a></p>
            {(!schedule.full).then(|| view! {
                <p class="hint">"From what remains today, paying the instalment each month; the last payment absorbs the rounding."</p>
            })}
            {body}
        </section>
    }
}

#[component]
fn PaymentsTable(payments: Vec<PaymentView>) -> impl IntoView {
    view! {
        <Card title="Payments" id="payments-title">
            {if payments.is_empty() {
                view! { <p>"No payments recorded yet."</p> }.into_any()
            } else {
                view! {
                    <Table class="payments" heads=vec![Head::text("Date"), Head::num("Amount"), Head::num("Interest"), Head::num("Principal"), Head::text("Method"), Head::text("Reference"), Head::text("Status")]>
                            {payments.into_iter().map(|p| view! {
                                <tr>
                                    <td>{p.date}</td>
                                    <td class="num">{p.amount}</td>
                                    <td class="num">{p.interest}</td>
                                    <td class="num">{p.principal}</td>
                                    <td>{p.method}</td>
                                    <td>{p.reference}</td>
                                    <td>
                                        {p.status}
                                        {p.expense.then(|| view! { " " <span class="badge">"in the ledger"</span> })}
                                    </td>
                                </tr>
                            }).collect_view()}
                    </Table>
                }.into_any()
            }}
        </Card>
    }
}
