//! The dashboard, the page after sign-in: this month's income, spending and net in the
//! base currency, cash flow over twelve months, spending by category, net worth over
//! time, the latest transactions, unread notifications and active debts.
//!
//! Charts are SVG drawn by charts-rs on the server and inlined in the HTML, each inside a
//! `<figure>` with a caption and a table of the same figures, so the page reads the same
//! without JavaScript and to a screen reader. The SVG text travels twice (in the HTML and
//! in the hydration data) because charts-rs runs only on the server; compressed, the
//! three charts add a few kilobytes, and the page keeps working after client-side
//! navigation, which an SVG drawn only on the first render would not.

use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

/// A chart with its text alternative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The SVG document drawn on the server (empty when there is nothing to draw).
    pub svg: String,
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentLine {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub payee: String,
    pub account: String,
    pub category: String,
    pub amount: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeLine {
    pub title: String,
    pub body: String,
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtLine {
    pub id: i64,
    pub name: String,
    pub remaining: String,
    pub next_payment: String,
}

/// Everything the dashboard shows, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub base_currency: String,
    /// "Nov 2026".
    pub month: String,
    pub income: String,
    pub spending: String,
    pub net: String,
    pub net_negative: bool,
    /// Currencies whose amounts were left out for want of an exchange rate.
    pub missing_rates: Vec<String>,
    /// Whether the organisation has any account yet.
    pub has_ledger: bool,
    pub cash_flow: Figure,
    pub categories: Figure,
    pub net_worth: Figure,
    pub recent: Vec<RecentLine>,
    pub unread: i64,
    pub notifications: Vec<NoticeLine>,
    pub debts: Vec<DebtLine>,
    /// Active goals with their progress.
    pub goals: Vec<crate::goals::GoalSummary>,
    /// This month's category limits with what was spent against them.
    pub limits: Vec<crate::limits::LimitView>,
}

/// What the home page shows a signed-in user: their organisations and the dashboard of
/// their own (`None` for a user in none: an instance administrator keeps no books).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HomeView {
    pub orgs: Vec<crate::orgs::OrgSummary>,
    pub dashboard: Option<DashboardView>,
}

/// The home page's data; `None` for a visitor who is not signed in (the page then
/// welcomes them), so an anonymous visit asks nothing that is refused.
#[server(endpoint = "home")]
pub async fn home() -> Result<Option<HomeView>, AppError> {
    use florin::role::Access;
    let app = crate::state::state()?;
    let session = crate::session::session().await?;
    let Some(user) = crate::session::current_user(&app, &session).await? else {
        return Ok(None);
    };
    let orgs = crate::orgs::repo::list_for_user(&app.db, user.id).await?;
    let dashboard = match crate::orgs::member_in_default_org(app, user, Access::Read).await {
        Ok(member) => Some(ssr::dashboard(&member).await?),
        Err(AppError::NotFound) => None,
        Err(error) => return Err(error),
    };
    Ok(Some(HomeView { orgs, dashboard }))
}

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
            <section class="card" aria-labelledby="start-title">
                <h2 id="start-title">"Getting started"</h2>
                <p>"Add an account, then record or import its transactions; this page then shows where your money goes."</p>
                <p class="actions">
                    <a class="button primary" href="/accounts">"Add an account"</a>
                    <a class="button" href="/import">"Import a statement"</a>
                </p>
            </section>
        }
        .into_any();
    }
    let missing = (!view.missing_rates.is_empty()).then(|| {
        view! {
            <p class="hint" role="note">
                {format!(
                    "Left out for want of an exchange rate into {}: {}. ",
                    view.base_currency,
                    view.missing_rates.join(", ")
                )}
                <a href="/rates">"Add rates"</a>
            </p>
        }
    });
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
        <DebtsCard lines=view.debts.clone()/>
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

#[component]
fn RecentCard(lines: Vec<RecentLine>) -> impl IntoView {
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
fn NoticesCard(unread: i64, lines: Vec<NoticeLine>) -> impl IntoView {
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
fn LimitsCard(limits: Vec<crate::limits::LimitView>) -> impl IntoView {
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
fn GoalsCard(goals: Vec<crate::goals::GoalSummary>) -> impl IntoView {
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
fn DebtsCard(lines: Vec<DebtLine>) -> impl IntoView {
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

#[component]
pub fn HomePage() -> impl IntoView {
    let shell = crate::context::use_shell();
    // Created here, before anything awaits (see `RequireUser`).
    let home = Resource::new(|| (), |_| home());
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let user = shell.await.unwrap_or_default().user;
                match (user, home.await) {
                    (Some(user), Ok(Some(home))) => view! { <Overview name=user.display_name home/> }.into_any(),
                    (Some(_), Err(error)) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    _ => view! { <Welcome/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <Title text=""/>
        <section class="hero">
            <h1>"Your money, on your server."</h1>
            <p>"Florin keeps accounts, budgets, goals and debts for you, your household or your business — exact to the cent, fast, and private."</p>
            <p class="actions">
                <a class="button primary" href="/sign-up">"Create an account"</a>
                <a class="button" href="/sign-in">"Sign in"</a>
            </p>
        </section>
    }
}

#[component]
fn Overview(name: String, home: HomeView) -> impl IntoView {
    let orgs = home.orgs;
    let orgs = if orgs.is_empty() {
        view! {
            <p>"You are not a member of any organisation. Administrators operate the instance and keep no books."</p>
        }
        .into_any()
    } else {
        view! {
            <table>
                <thead><tr><th scope="col">"Organisation"</th><th scope="col">"Kind"</th><th scope="col">"Your role"</th><th scope="col">"Members"</th></tr></thead>
                <tbody>
                    {orgs.into_iter().map(|org| view! {
                        <tr><td>{org.name}</td><td>{org.kind}</td><td>{org.role}</td><td>{org.members}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <h1>"Hello, " {name}</h1>
        <Dashboard view=home.dashboard/>
        <section aria-labelledby="orgs-title" class="card">
            <h2 id="orgs-title">"Your books"</h2>
            {orgs}
        </section>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn DashboardRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
    }
    .into_inner()
}
