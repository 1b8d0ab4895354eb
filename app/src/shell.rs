//! The page shell: document head, navigation, flash messages, routes and the 404 page.
//! What the shell knows about the visitor comes from one server function, fetched again
//! on every client-side navigation so that flash messages and sign-in state stay fresh.

use crate::auth::SignOutButton;
use crate::context::{ShellResource, session_state};
use crate::form::FlashKind;
use leptos::prelude::*;
use leptos_meta::{Meta, MetaTags, Title, provide_meta_context};
use leptos_router::components::{A, Router, Routes};
use leptos_router::hooks::use_location;

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

/// The document's title: the page's own, then the app's name. Every page's title passes
/// here, and on the server leptos_meta writes it into the HTML as it is, so the server
/// escapes it: a goal named `</title><meta …>` stays text. (In the browser it is set
/// through the DOM, which needs no escaping.)
fn document_title(text: String) -> String {
    let title = if text.is_empty() {
        "Florin".to_owned()
    } else {
        format!("{text} · Florin")
    };
    #[cfg(feature = "ssr")]
    let title = html_escape::encode_text(&title).into_owned();
    title
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Meta name="description" content="Florin: your money, on your server."/>
        <Title formatter=document_title/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <crate::dashboard::DashboardRoutes/>
                    <crate::auth::AuthRoutes/>
                    <crate::profile::ProfileRoutes/>
                    <crate::accounts::AccountRoutes/>
                    <crate::categories::CategoryRoutes/>
                    <crate::transactions::TransactionRoutes/>
                    <crate::imports::ImportRoutes/>
                    <crate::payment_methods::PaymentMethodRoutes/>
                    <crate::rates::RateRoutes/>
                    <crate::debts::DebtRoutes/>
                    <crate::goals::GoalRoutes/>
                    <crate::limits::LimitRoutes/>
                    <crate::budgets::BudgetRoutes/>
                    <crate::cycles::CycleRoutes/>
                    <crate::templates::TemplateRoutes/>
                    <crate::notifications::NotificationRoutes/>
                    <crate::reports::ReportRoutes/>
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
                                    <span class="user" title=user.email>{user.display_name}</span>
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
