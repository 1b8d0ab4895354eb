//! The dashboard's cards: latest transactions, notifications, this month's limits, goals
//! and debts, each with a link to its full page.
//!
//! Rule: a card lists its lines, or says in one sentence that there are none (see
//! [`card`]); only the notifications card, which always counts what is unread, differs.

use super::types::{DebtLine, NoticeLine, RecentLine};
use crate::goals::GoalSummary;
use crate::limits::LimitView;
use crate::pages::{Card, Head, Table};
use leptos::prelude::*;

/// A titled card: `lines` draws the items, or `none` says there are none; then `links`
/// to the full pages. `id` names the heading for assistive technology.
fn card<T>(
    (id, title): (&'static str, &'static str),
    items: Vec<T>,
    none: &'static str,
    lines: impl FnOnce(Vec<T>) -> AnyView,
    links: AnyView,
) -> AnyView {
    let heading = format!("{id}-title");
    let labelled_by = heading.clone();
    let body = if items.is_empty() {
        view! { <p>{none}</p> }.into_any()
    } else {
        lines(items)
    };
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading>{title}</h2>
            {body}
            <p class="actions">{links}</p>
        </section>
    }
    .into_any()
}

#[component]
pub fn RecentCard(lines: Vec<RecentLine>) -> impl IntoView {
    let links = view! { <a href="/transactions">"All transactions"</a> }.into_any();
    let title = ("recent", "Recent transactions");
    card(title, lines, "No transactions yet.", recent_lines, links)
}

fn recent_lines(lines: Vec<RecentLine>) -> AnyView {
    view! {
        <Table heads=vec![Head::text("Date"), Head::text("Payee"), Head::text("Account"), Head::text("Category"), Head::num("Amount")]>
                {lines.into_iter().map(|l| view! {
                    <tr>
                        <td>{l.date}</td>
                        <td><a href=format!("/transactions/{}", l.id)>{l.payee}</a></td>
                        <td>{l.account}</td>
                        <td>{l.category}</td>
                        <td class="num" class:negative=l.kind == "expense">{l.amount}</td>
                    </tr>
                }).collect_view()}
        </Table>
    }
    .into_any()
}

#[component]
pub fn NoticesCard(unread: i64, lines: Vec<NoticeLine>) -> impl IntoView {
    view! {
        <Card title="Notifications" id="notices-title">
            <p>{florin::notification::unread_label(unread)}</p>
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
        </Card>
    }
}

#[component]
pub fn LimitsCard(limits: Vec<LimitView>) -> impl IntoView {
    let links = view! { <a href="/limits">"All limits"</a> " · " <a href="/budgets">"Budgets"</a> };
    let title = ("limits", "Budget this month");
    card(
        title,
        limits,
        "No category limits set.",
        limit_lines,
        links.into_any(),
    )
}

fn limit_lines(limits: Vec<LimitView>) -> AnyView {
    use crate::components::ProgressBar;
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
    }
    .into_any()
}

#[component]
pub fn GoalsCard(goals: Vec<GoalSummary>) -> impl IntoView {
    let links = view! { <a href="/goals">"All goals"</a> }.into_any();
    card(
        ("goals", "Goals"),
        goals,
        "No active goals.",
        goal_lines,
        links,
    )
}

fn goal_lines(goals: Vec<GoalSummary>) -> AnyView {
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
    }
    .into_any()
}

#[component]
pub fn DebtsCard(lines: Vec<DebtLine>) -> impl IntoView {
    let links = view! { <a href="/debts">"All debts"</a> }.into_any();
    card(
        ("debts", "Debts"),
        lines,
        "No active debts.",
        debt_lines,
        links,
    )
}

fn debt_lines(lines: Vec<DebtLine>) -> AnyView {
    view! {
        <Table heads=vec![Head::text("Debt"), Head::num("Still owed"), Head::text("Next payment")]>
                {lines.into_iter().map(|d| view! {
                    <tr>
                        <th scope="row"><a href=format!("/debts/{}", d.id)>{d.name}</a></th>
                        <td class="num">{d.remaining}</td>
                        <td>{d.next_payment}</td>
                    </tr>
                }).collect_view()}
        </Table>
    }
    .into_any()
}
