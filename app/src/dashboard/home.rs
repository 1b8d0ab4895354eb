//! The home page: a welcome for visitors; for a signed-in user, a greeting, their
//! dashboard and the organisations they keep books in.

use super::body::Dashboard;
use super::types::HomeView;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

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
        Ok(member) => Some(super::ssr::dashboard(&member).await?),
        Err(AppError::NotFound) => None,
        Err(error) => return Err(error),
    };
    Ok(Some(HomeView { orgs, dashboard }))
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
