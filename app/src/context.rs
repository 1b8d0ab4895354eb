//! The signed-in user's context, below every feature: who is signed in (with the one-time
//! flash and form stash), the resource the shell provides for it, and `RequireUser`.
//!
//! Rule: this module knows no feature and no page; features import it, never the shell.

use crate::error::AppError;
use crate::form::{Flash, FormStash};
use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;
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
                // Not knowing who is signed in (the database is down) is not being signed
                // out: the page says what is wrong, with its status, and sends nobody away.
                let view = match shell.await {
                    Ok(view) => view,
                    Err(error) => {
                        #[cfg(feature = "ssr")]
                        crate::session::set_status(&error);
                        return view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any();
                    }
                };
                view.user.is_none().then(|| {
                    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
                    let to = format!("/sign-in?next={}", crate::url::encode_component(&here));
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
                }).into_any()
            })}
        </Suspense>
        {children()}
    }
}
