//! The page shell: document head, navigation, flash messages, routes and the 404 page.
//! What the shell knows about the visitor comes from one server function, fetched again
//! on every client-side navigation so that flash messages and sign-in state stay fresh.

use crate::accounts::{AccountPage, AccountsPage};
use crate::auth::{SignInPage, SignOutButton, SignUpPage};
use crate::categories::{CategoriesPage, CategoryPage};
use crate::error::AppError;
use crate::form::{Flash, FlashKind, FormStash};
use crate::profile::ProfilePage;
use crate::transactions::{
    DeleteTransactionPage, EditTransactionPage, NewTransactionPage, TransactionsPage,
};
use leptos::prelude::*;
use leptos_meta::{Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::{A, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{SsrMode, path};
use serde::{Deserialize, Serialize};

/// The signed-in user as the page shell shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserBadge {
    pub display_name: String,
    pub email: String,
    pub role: String,
}

/// Everything the shell needs for one page view.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub user: Option<UserBadge>,
    pub flash: Option<Flash>,
    pub form: Option<FormStash>,
    /// The signed-in user's unread notifications, for the badge in the navigation.
    pub unread: i64,
}

/// Who is signed in, plus the one-time flash and form stash (taken by this call).
#[server(endpoint = "session")]
pub async fn session_state() -> Result<SessionView, AppError> {
    let app = crate::state::state()?;
    let session = crate::session::session().await?;
    let user = crate::session::current_user(&app, &session).await?;
    let (flash, form) = crate::session::take_pending(&session).await?;
    let unread = match &user {
        Some(u) => crate::notifications::repo::unread_count(&app.db, u.id).await?,
        None => 0,
    };
    Ok(SessionView {
        user: user.map(|u| UserBadge {
            display_name: u.display_name,
            email: u.email,
            role: u.role.as_str().to_owned(),
        }),
        flash,
        form,
        unread,
    })
}

pub type ShellResource = Resource<Result<SessionView, AppError>>;

/// The shell's view of the session, for pages that need the user or a form stash.
pub fn use_shell() -> ShellResource {
    expect_context::<ShellResource>()
}

/// The HTML document, rendered on the server only. Its inline hydration scripts carry
/// the request's CSP nonce (see `server/src/security.rs`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="stylesheet" href=format!("/{}/florin.css", options.site_pkg_dir)/>
                <link rel="icon" href="/favicon.ico"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Meta name="description" content="Florin: your money, on your server."/>
        <Title formatter=|text: String| if text.is_empty() { "Florin".to_owned() } else { format!("{text} · Florin") }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-up") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("/accounts") view=AccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("/accounts/:id") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/categories") view=CategoriesPage ssr=SsrMode::Async/>
                    <Route path=path!("/transactions") view=TransactionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/transactions/new") view=NewTransactionPage ssr=SsrMode::Async/>
                    <Route path=path!("/transactions/:id") view=EditTransactionPage ssr=SsrMode::Async/>
                    <Route path=path!("/transactions/:id/delete") view=DeleteTransactionPage ssr=SsrMode::Async/>
                    <Route path=path!("/categories/:id") view=CategoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/import") view=crate::imports::ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/import/:id") view=crate::imports::ImportPreviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/payment-methods") view=crate::payment_methods::PaymentMethodsPage ssr=SsrMode::Async/>
                    <Route path=path!("/payment-methods/:id") view=crate::payment_methods::PaymentMethodPage ssr=SsrMode::Async/>
                    <Route path=path!("/rates") view=crate::rates::RatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/rates/:id/delete") view=crate::rates::DeleteRatePage ssr=SsrMode::Async/>
                    <Route path=path!("/debts") view=crate::debts::DebtsPage ssr=SsrMode::Async/>
                    <Route path=path!("/debts/new") view=crate::debts::NewDebtPage ssr=SsrMode::Async/>
                    <Route path=path!("/debts/planner") view=crate::debts::PlannerPage ssr=SsrMode::Async/>
                    <Route path=path!("/debts/:id") view=crate::debts::DebtPage ssr=SsrMode::Async/>
                    <Route path=path!("/debts/:id/edit") view=crate::debts::EditDebtPage ssr=SsrMode::Async/>
                    <Route path=path!("/debts/:id/delete") view=crate::debts::DeleteDebtPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals") view=crate::goals::GoalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/new") view=crate::goals::NewGoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/:id") view=crate::goals::GoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/:id/edit") view=crate::goals::EditGoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals/:id/delete") view=crate::goals::DeleteGoalPage ssr=SsrMode::Async/>
                    <Route path=path!("/limits") view=crate::limits::LimitsPage ssr=SsrMode::Async/>
                    <Route path=path!("/limits/new") view=crate::limits::NewLimitPage ssr=SsrMode::Async/>
                    <Route path=path!("/limits/:id/edit") view=crate::limits::EditLimitPage ssr=SsrMode::Async/>
                    <Route path=path!("/limits/:id/delete") view=crate::limits::DeleteLimitPage ssr=SsrMode::Async/>
                    <Route path=path!("/budgets") view=crate::budgets::BudgetsPage ssr=SsrMode::Async/>
                    <Route path=path!("/budgets/new") view=crate::budgets::NewBudgetPage ssr=SsrMode::Async/>
                    <Route path=path!("/budgets/:id") view=crate::budgets::BudgetPage ssr=SsrMode::Async/>
                    <Route path=path!("/budgets/:id/edit") view=crate::budgets::EditBudgetPage ssr=SsrMode::Async/>
                    <Route path=path!("/budgets/:id/delete") view=crate::budgets::DeleteBudgetPage ssr=SsrMode::Async/>
                    <Route path=path!("/cycles") view=crate::cycles::CyclesPage ssr=SsrMode::Async/>
                    <Route path=path!("/cycles/new") view=crate::cycles::NewCyclePage ssr=SsrMode::Async/>
                    <Route path=path!("/cycles/:id") view=crate::cycles::CyclePage ssr=SsrMode::Async/>
                    <Route path=path!("/cycles/:id/edit") view=crate::cycles::EditCyclePage ssr=SsrMode::Async/>
                    <Route path=path!("/cycles/:id/delete") view=crate::cycles::DeleteCyclePage ssr=SsrMode::Async/>
                    <Route path=path!("/templates") view=crate::templates::TemplatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/templates/new") view=crate::templates::NewTemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("/templates/:id/edit") view=crate::templates::EditTemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("/templates/:id/delete") view=crate::templates::DeleteTemplatePage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=crate::notifications::NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/reports") view=crate::reports::ReportsPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

/// Navigation, flash message and main landmark around every page.
#[component]
fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    let shell: ShellResource = Resource::new(
        move || (location.pathname.get(), location.search.get()),
        |_| session_state(),
    );
    provide_context(shell);
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <header class="top">
            <nav aria-label="Main">
                <a class="brand" href="/">"Florin"</a>
                <Transition>
                    {move || Suspend::new(async move {
                        let view = shell.await.unwrap_or_default();
                        match view.user {
                            Some(user) => view! {
                                <ul class="nav-links">
                                    <li><A href="/">"Home"</A></li>
                                    <li><A href="/transactions">"Transactions"</A></li>
                                    <li><A href="/accounts">"Accounts"</A></li>
                                    <li><A href="/categories">"Categories"</A></li>
                                    <li><A href="/limits">"Limits"</A></li>
                                    <li><A href="/budgets">"Budgets"</A></li>
                                    <li><A href="/cycles">"Cycles"</A></li>
                                    <li><A href="/import">"Import"</A></li>
                                    <li><A href="/payment-methods">"Payment methods"</A></li>
                                    <li><A href="/rates">"Rates"</A></li>
                                    <li><A href="/debts">"Debts"</A></li>
                                    <li><A href="/goals">"Goals"</A></li>
                                    <li><A href="/reports">"Reports"</A></li>
                                    <li><A href="/notifications">"Notifications" <UnreadBadge count=view.unread/></A></li>
                                    <li><A href="/profile">"Profile"</A></li>
                                </ul>
                                <div class="who">
                                    <span class="user" title=user.email.clone()>{user.display_name}</span>
                                    <SignOutButton/>
                                </div>
                            }.into_any(),
                            None => view! {
                                <ul class="nav-links">
                                    <li><A href="/sign-in">"Sign in"</A></li>
                                    <li><A href="/sign-up">"Create account"</A></li>
                                </ul>
                            }.into_any(),
                        }
                    })}
                </Transition>
            </nav>
        </header>
        <main id="main">
            <Transition>
                {move || Suspend::new(async move {
                    shell.await.ok().and_then(|v| v.flash).map(|flash| {
                        let class = match flash.kind {
                            FlashKind::Success => "flash success",
                            FlashKind::Error => "flash error",
                        };
                        view! { <p role="status" class=class>{flash.message}</p> }
                    })
                })}
            </Transition>
            {children()}
        </main>
    }
}

/// How many notifications are unread, next to the navigation link; nothing when none.
#[component]
fn UnreadBadge(count: i64) -> impl IntoView {
    (count > 0).then(|| {
        view! {
            " "
            <span class="badge unread-count">{count}<span class="visually-hidden">" unread"</span></span>
        }
    })
}

/// Renders `children` for a signed-in user; sends anyone else to sign in and back.
///
/// The children are built at once, outside the Suspense that awaits the session: a
/// resource created inside a `Suspend` can be created twice on the server (Suspense walks
/// its children again while it waits), and the browser then reads the data of the copy
/// that was thrown away, which breaks hydration. For a visitor who is not signed in the
/// children's server functions refuse, and the page answers with a redirect anyway.
#[component]
pub fn RequireUser(children: Children) -> impl IntoView {
    let shell = use_shell();
    let location = use_location();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let view = shell.await.unwrap_or_default();
                view.user.is_none().then(|| {
                    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
                    let to = format!("/sign-in?next={}", encode_component(&here));
                    // A real 302 for every client (not only those that ask for HTML), so
                    // the page works the same with JavaScript off and from plain HTTP.
                    #[cfg(feature = "ssr")]
                    if let (Some(response), Ok(location)) = (
                        use_context::<leptos_axum::ResponseOptions>(),
                        http::HeaderValue::from_str(&to),
                    ) {
                        response.set_status(http::StatusCode::FOUND);
                        response.insert_header(http::header::LOCATION, location);
                    }
                    view! { <Redirect path=to/> }
                })
            })}
        </Suspense>
        {children()}
    }
}

/// Percent-encodes a string for use as one query value.
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[component]
fn HomePage() -> impl IntoView {
    let shell = use_shell();
    // Created here, before anything awaits (see `RequireUser`).
    let home = Resource::new(|| (), |_| crate::dashboard::home());
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
fn Overview(name: String, home: crate::dashboard::HomeView) -> impl IntoView {
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
        <crate::dashboard::Dashboard view=home.dashboard/>
        <section aria-labelledby="orgs-title" class="card">
            <h2 id="orgs-title">"Your books"</h2>
            {orgs}
        </section>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Page not found"/>
        <section class="not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or it may never have existed."</p>
            <p><a href="/">"Go to the home page"</a></p>
        </section>
    }
}
