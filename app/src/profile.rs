//! Profile and settings: names, phone, base currency, time zone; password change.

use crate::components::{FormError, Saved, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::{AppError, FieldErrors};
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub base_currency: String,
    pub time_zone: String,
}

/// The profile with the choices its pickers offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfilePageData {
    pub profile: Profile,
    pub time_zones: Vec<String>,
}

#[server(endpoint = "profile")]
pub async fn get_profile() -> Result<ProfilePageData, AppError> {
    let (app, _, user) = crate::session::require_user().await?;
    let profile = repo::find(&app.db, user.id).await?;
    Ok(ProfilePageData {
        profile,
        time_zones: florin::timezone::names()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

/// Field rules for the profile form; pure so both tests and the server use them.
pub fn validate_profile(
    first_name: &str,
    last_name: &str,
    phone: &str,
    base_currency: &str,
    time_zone: &str,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if first_name.trim().chars().count() > 100 {
        errors.add("first_name", "Use at most 100 characters.");
    }
    if last_name.trim().chars().count() > 100 {
        errors.add("last_name", "Use at most 100 characters.");
    }
    let phone = phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !phone.is_empty()
        && (!phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'))
            || !(5..=20).contains(&digits))
    {
        errors.add(
            "phone",
            "Enter a phone number of 5 to 20 digits, like +44 20 7946 0958.",
        );
    }
    if florin::currency::find(base_currency).is_none() {
        errors.add("base_currency", "Choose a currency from the list.");
    }
    if !florin::timezone::is_valid(time_zone.trim()) {
        errors.add("time_zone", "Choose a time zone from the list.");
    }
    errors
}

#[server(endpoint = "profile/update")]
pub async fn update_profile(
    first_name: String,
    last_name: String,
    phone: String,
    base_currency: String,
    time_zone: String,
) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;

    let values = [
        ("first_name", first_name.as_str()),
        ("last_name", last_name.as_str()),
        ("phone", phone.as_str()),
        ("base_currency", base_currency.as_str()),
        ("time_zone", time_zone.as_str()),
    ];
    let result: Result<(), AppError> = async {
        let (app, session, user) = session::require_user().await?;
        validate_profile(&first_name, &last_name, &phone, &base_currency, &time_zone)
            .into_result()?;
        let profile = Profile {
            email: user.email,
            first_name: first_name.trim().to_owned(),
            last_name: last_name.trim().to_owned(),
            phone: phone.trim().to_owned(),
            base_currency: base_currency.trim().to_ascii_uppercase(),
            time_zone: time_zone.trim().to_owned(),
        };
        repo::update(&app.db, user.id, &profile).await?;
        if session::is_plain_form_post() {
            session::flash(&session, FlashKind::Success, "Profile saved.").await?;
        }
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Ok(()),
        Err(error) => Err(session::fail_form("profile", "/profile", &values, error).await),
    }
}

/// Changes the password after checking the current one; every other session ends.
#[server(endpoint = "profile/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::auth::{hashing, repo as auth_repo};
    use crate::form::FlashKind;
    use crate::session;

    let result: Result<(), AppError> = async {
        let (app, session, user) = session::require_user().await?;
        let login = auth_repo::find_login_by_id(&app.db, user.id).await?;
        let mut errors = FieldErrors::new();
        if !hashing::verify(current_password.clone(), login.hash.0.clone()).await? {
            errors.add("current_password", "That is not your current password.");
        }
        if let Err(e) = florin::password::check_new(&new_password, &user.email) {
            errors.add("new_password", e);
        } else if new_password == current_password {
            errors.add(
                "new_password",
                "Choose a password different from the current one.",
            );
        }
        errors.into_result()?;
        let hash = hashing::hash(new_password.clone()).await?;
        let epoch = auth_repo::set_password(&app.db, user.id, hash).await?;
        session::refresh_epoch(&session, epoch).await?;
        tracing::info!(user_id = user.id, "password changed");
        if session::is_plain_form_post() {
            session::flash(
                &session,
                FlashKind::Success,
                "Password changed. Every other session has been signed out.",
            )
            .await?;
        }
        Ok(())
    }
    .await;
    match result {
        Ok(()) => Ok(()),
        Err(error) => Err(session::fail_form("password", "/profile", &[], error).await),
    }
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    view! {
        <Title text="Profile"/>
        <h1>"Profile and settings"</h1>
        <RequireUser>
            <ProfileForms/>
        </RequireUser>
    }
}

#[component]
fn ProfileForms() -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(|| (), |_| get_profile());
    let save = ServerAction::<UpdateProfile>::new();
    let password = ServerAction::<ChangePassword>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(data) => {
                        let profile_feedback = FormFeedback::new("profile", stash.clone(), save);
                        let password_feedback = FormFeedback::new("password", stash, password);
                        view! {
                            <ProfileForm data feedback=profile_feedback action=save/>
                            <PasswordForm feedback=password_feedback action=password/>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProfileForm(
    data: ProfilePageData,
    feedback: FormFeedback,
    action: ServerAction<UpdateProfile>,
) -> impl IntoView {
    let errors = feedback.errors();
    let p = data.profile;
    let currencies = florin::currency::ALL
        .iter()
        .map(|c| (c.code.to_owned(), format!("{} — {}", c.code, c.name)))
        .collect::<Vec<_>>();
    let zones = data
        .time_zones
        .into_iter()
        .map(|z| (z.clone(), z.replace('_', " ")))
        .collect();
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(()))));
    view! {
        <section class="card" aria-labelledby="profile-title">
            <h2 id="profile-title">"Your details"</h2>
            <p>"Signed in as " <strong>{p.email.clone()}</strong></p>
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <div class="row">
                    <TextField label="First name" name="first_name" value=feedback.value("first_name", &p.first_name) errors=errors autocomplete="given-name"/>
                    <TextField label="Last name" name="last_name" value=feedback.value("last_name", &p.last_name) errors=errors autocomplete="family-name"/>
                </div>
                <TextField label="Phone" name="phone" kind="tel" value=feedback.value("phone", &p.phone) errors=errors autocomplete="tel"/>
                <SelectField label="Base currency" name="base_currency" value=feedback.value("base_currency", &p.base_currency) options=currencies errors=errors/>
                <SelectField label="Time zone" name="time_zone" value=feedback.value("time_zone", &p.time_zone) options=zones errors=errors/>
                <button type="submit" class="primary" disabled=move || action.pending().get()>"Save profile"</button>
                <Saved show=saved message="Profile saved."/>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordForm(feedback: FormFeedback, action: ServerAction<ChangePassword>) -> impl IntoView {
    let errors = feedback.errors();
    let saved = Signal::derive(move || matches!(action.value().get(), Some(Ok(()))));
    view! {
        <section class="card" aria-labelledby="password-title">
            <h2 id="password-title">"Change password"</h2>
            <p>"Changing your password signs out every other session."</p>
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <TextField label="Current password" name="current_password" kind="password" value=String::new() errors=errors autocomplete="current-password" required=true/>
                <TextField label="New password" name="new_password" kind="password" value=String::new() errors=errors autocomplete="new-password" required=true hint="At least 10 characters. Not a common password."/>
                <button type="submit" class="primary" disabled=move || action.pending().get()>"Change password"</button>
                <Saved show=saved message="Password changed. Every other session has been signed out."/>
            </ActionForm>
        </section>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn ProfileRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async/>
    }
    .into_inner()
}
