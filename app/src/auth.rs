//! Sign-up, sign-in and sign-out: the pages and the server functions behind them.

use crate::components::{FormError, TextField};
use crate::context::use_shell;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::FieldErrors;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[cfg(feature = "ssr")]
pub mod hashing;
#[cfg(feature = "ssr")]
pub mod repo;

/// Creates an account with a personal organisation and signs it in.
#[server(endpoint = "sign-up")]
pub async fn sign_up(email: String, password: String, first_name: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::email::Email;
    use florin::role::UserRole;

    let values = [
        ("email", email.as_str()),
        ("first_name", first_name.as_str()),
    ];
    let result: Result<i64, AppError> = async {
        let app = crate::state::state()?;
        let mut errors = FieldErrors::new();
        let parsed = Email::parse(&email);
        if let Err(e) = &parsed {
            errors.add("email", e);
        }
        if let Err(e) = florin::password::check_new(&password, email.trim()) {
            errors.add("password", e);
        }
        if first_name.trim().chars().count() > 100 {
            errors.add("first_name", "Use at most 100 characters.");
        }
        errors.into_result()?;
        let email = parsed.map_err(AppError::internal)?;
        let hash = hashing::hash(password.clone()).await?;
        let new = repo::NewUser {
            email,
            role: UserRole::Personal,
            first_name: first_name.trim().to_owned(),
            base_currency: "USD".into(),
        };
        repo::create_user(&app.db, new, hash).await
    }
    .await;
    match result {
        Ok(user_id) => {
            let session = session::session().await?;
            session::start(&session, user_id, 0).await?;
            session::flash(
                &session,
                FlashKind::Success,
                "Welcome to Florin! Your account is ready.",
            )
            .await?;
            tracing::info!(user_id, "signed up");
            leptos_axum::redirect("/");
            Ok(())
        }
        Err(error) => Err(session::fail_form("sign-up", "/sign-up", &values, error).await),
    }
}

/// Signs in. Every failure says the same thing, whether or not the e-mail exists, and
/// takes about as long.
#[server(endpoint = "sign-in")]
pub async fn sign_in(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::audit::Event;
    use crate::form::FlashKind;
    use crate::session;
    use florin::email::Email;
    use time::OffsetDateTime;

    const GENERIC: &str = "That e-mail and password do not match an account.";
    let values = [("email", email.as_str())];
    let result: Result<(i64, i64), AppError> = async {
        let app = crate::state::state()?;
        let login = match Email::parse(&email) {
            Ok(parsed) => repo::find_login(&app.db, &parsed).await?,
            Err(_) => None,
        };
        let now = OffsetDateTime::now_utc();
        let Some(login) = login else {
            hashing::verify(password.clone(), app.dummy_hash.to_string()).await?;
            tracing::info!("sign-in failed: unknown account");
            return Err(AppError::Invalid(FieldErrors::form(GENERIC)));
        };
        if login.failures.is_locked(now) {
            tracing::info!(user_id = login.user_id, "sign-in refused: locked");
            return Err(AppError::Invalid(FieldErrors::form(locked_message(
                login.failures.minutes_left(now),
            ))));
        }
        let matches = hashing::verify(password.clone(), login.hash.0.clone()).await?;
        if !matches || !login.is_active {
            let policy = app.auth.lockout;
            let after = repo::update_failures(
                &app.db,
                login.user_id,
                |state| state.after_failure(now, policy),
                Some((Event::SignInFailed, "wrong password or disabled account")),
            )
            .await?;
            tracing::info!(
                user_id = login.user_id,
                failed_count = after.failed_count,
                "sign-in failed"
            );
            if after.is_locked(now) {
                return Err(AppError::Invalid(FieldErrors::form(locked_message(
                    after.minutes_left(now),
                ))));
            }
            return Err(AppError::Invalid(FieldErrors::form(GENERIC)));
        }
        repo::update_failures(
            &app.db,
            login.user_id,
            florin::lockout::FailureState::after_success,
            Some((Event::SignIn, "signed in")),
        )
        .await?;
        Ok((login.user_id, login.epoch))
    }
    .await;
    match result {
        Ok((user_id, epoch)) => {
            let session = session::session().await?;
            session::start(&session, user_id, epoch).await?;
            session::flash(&session, FlashKind::Success, "You are signed in.").await?;
            tracing::info!(user_id, "signed in");
            let target = session::safe_next(&next).unwrap_or_else(|| "/".to_owned());
            leptos_axum::redirect(&target);
            Ok(())
        }
        Err(error) => Err(session::fail_form("sign-in", "/sign-in", &values, error).await),
    }
}

#[cfg(feature = "ssr")]
fn locked_message(minutes: i64) -> String {
    let unit = if minutes == 1 { "minute" } else { "minutes" };
    format!("Too many failed attempts. This account is locked; try again in {minutes} {unit}.")
}

/// Signs out and deletes the session on the server.
#[server(endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::audit::Event;
    use crate::form::FlashKind;
    use crate::session;

    let app = crate::state::state()?;
    let session = session::session().await?;
    if let Some(user) = session::current_user(&app, &session).await? {
        repo::record_event(&app.db, user.id, Event::SignOut, "signed out").await?;
        tracing::info!(user_id = user.id, "signed out");
    }
    session::end(&session).await?;
    session::flash(&session, FlashKind::Success, "You are signed out.").await?;
    leptos_axum::redirect("/sign-in");
    Ok(())
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<SignIn>::new();
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <section class="auth-card" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">"Sign in"</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("sign-in", stash, action);
                    let errors = feedback.errors();
                    view! {
                        <ActionForm action=action attr:novalidate=true>
                            <FormError errors=errors/>
                            <input type="hidden" name="next" value=next/>
                            <TextField label="E-mail" name="email" kind="email"
                                value=feedback.value("email", "") errors=errors
                                autocomplete="username" required=true/>
                            <TextField label="Password" name="password" kind="password"
                                value=String::new() errors=errors
                                autocomplete="current-password" required=true/>
                            <button type="submit" class="primary" disabled=move || action.pending().get()>
                                "Sign in"
                            </button>
                        </ActionForm>
                    }
                })}
            </Suspense>
            <p>"New to Florin? " <a href="/sign-up">"Create an account"</a></p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<SignUp>::new();
    view! {
        <section class="auth-card" aria-labelledby="sign-up-title">
            <h1 id="sign-up-title">"Create your account"</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("sign-up", stash, action);
                    let errors = feedback.errors();
                    view! {
                        <ActionForm action=action attr:novalidate=true>
                            <FormError errors=errors/>
                            <TextField label="First name (optional)" name="first_name"
                                value=feedback.value("first_name", "") errors=errors
                                autocomplete="given-name"/>
                            <TextField label="E-mail" name="email" kind="email"
                                value=feedback.value("email", "") errors=errors
                                autocomplete="email" required=true/>
                            <TextField label="Password" name="password" kind="password"
                                value=String::new() errors=errors
                                autocomplete="new-password" required=true
                                hint="At least 10 characters. Not a common password."/>
                            <button type="submit" class="primary" disabled=move || action.pending().get()>
                                "Create account"
                            </button>
                        </ActionForm>
                    }
                })}
            </Suspense>
            <p>"Already have an account? " <a href="/sign-in">"Sign in"</a></p>
        </section>
    }
}

/// The sign-out button: a real form, so it works without JavaScript.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let action = ServerAction::<SignOut>::new();
    view! {
        <ActionForm action=action attr:class="inline">
            <button type="submit" class="link">"Sign out"</button>
        </ActionForm>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn AuthRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
        <Route path=path!("/sign-up") view=SignUpPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
