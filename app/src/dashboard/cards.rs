//! The dashboard's cards: latest transactions, notifications, this month's limits, goals
//! and debts, each with a link to its full page.

use super::types::{DebtLine, NoticeLine, RecentLine};
use leptos::prelude::*;

#[component]
pub fn RecentCard(lines: Vec<RecentLine>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="recent-title">
            <h2 id="recent-title">"Recent transactions"</h2>
            {if lines.is_empty() {
                view! { <p>"No transactions yet."</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"Date"</th>
                                <th scope="col">"Payee"</th>
                                <th scope="col">"Account"</th>
                                <th scope="col">"Category"</th>
                                <th scope="col" class="num">"Amount"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines.into_iter().map(|l| view! {
                                <tr>
                                    <td>{l.date}</td>
                                    <td><a href=format!("/transactions/{}", l.id)>{l.payee}</a></td>
                                    <td>{l.account}</td>
                                    <td>{l.category}</td>
                                    <td class="num" class:negative=l.kind == "expense">{l.amount}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <p class="actions"><a href="/transactions">"All transactions"</a></p>
        </section>
    }
}

#[component]
pub fn NoticesCard(unread: i64, lines: Vec<NoticeLine>) -> impl IntoView {
    let count = match unread {
        0 => "Everything is read.".to_owned(),
        1 => "1 unread notification.".to_owned(),
        n => format!("{n} unread notifications."),
    };
    view! {
        <section class="card" aria-labelledby="notices-title">
            <h2 id="notices-title">"Notifications"</h2>
            <p>{count}</p>
            <ul class="notices">
                {lines.into_iter().map(|n| view! {
                    <li>
                        {match n.link {
                            Some(link) => view! { <a href=link>{n.title}</a> }.into_any(),
                            None => view! { <strong>{n.title}</strong> }.into_any(),
                        }}
                        " " <span class="hint">{n.body}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="actions"><a href="/notifications">"All notifications"</a></p>
        </section>
    }
}

#[component]
pub fn LimitsCard(limits: Vec<crate::limits::LimitView>) -> impl IntoView {
    use crate::components::ProgressBar;
    view! {
        <section class="card" aria-labelledby="limits-title">
            <h2 id="limits-title">"Budget this month"</h2>
            {if limits.is_empty() {
                view! { <p>"No category limits set."</p> }.into_any()
            } else {
                view! {
                    <ul class="goal-lines">
                        {limits.into_iter().map(|l| {
                            let state = if l.status == "under" { String::new() } else { l.status.clone() };
                            let text = format!("{} of {} ({} %)", l.spent, l.limit, l.percent);
                            view! {
                                <li>
                                    <strong>{l.category.clone()}</strong> " " <span class="hint">{text.clone()}</span>
                                    <ProgressBar label=format!("{} spent of its limit", l.category) percent=l.percent value_text=text state/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="actions"><a href="/limits">"All limits"</a> " · " <a href="/budgets">"Budgets"</a></p>
        </section>
    }
}

#[component]
pub fn GoalsCard(goals: Vec<crate::goals::GoalSummary>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="goals-title">
            <h2 id="goals-title">"Goals"</h2>
            {if goals.is_empty() {
                view! { <p>"No active goals."</p> }.into_any()
            } else {
                view! {
                    <ul class="goal-lines">
                        {goals.into_iter().map(|g| {
                            let label = format!("{}: {} % saved", g.title, g.percent);
                            view! {
                                <li>
                                    <a href=format!("/goals/{}", g.id)>{g.title.clone()}</a>
                                    <span class="goal-progress">
                                        <progress max="100" value=g.percent.to_string() aria-label=label></progress>
                                        {format!("{} of {} ({} %)", g.saved, g.target, g.percent)}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="actions"><a href="/goals">"All goals"</a></p>
        </section>
    }
}

#[component]
pub fn DebtsCard(lines: Vec<DebtLine>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="debts-title">
            <h2 id="debts-title">"Debts"</h2>
            {if lines.is_empty() {
                view! { <p>"No active debts."</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">"Debt"</th>
                                <th scope="col" class="num">"Still owed"</th>
                                <th scope="col">"Next payment"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines.into_iter().map(|d| view! {
                                <tr>
                                    <th scope="row"><a href=format!("/debts/{}", d.id)>{d.name}</a></th>
                                    <td class="num">{d.remaining}</td>
                                    <td>{d.next_payment}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <p class="actions"><a href="/debts">"All debts"</a></p>
        </section>
    }
}
