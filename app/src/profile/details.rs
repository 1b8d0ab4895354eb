//! The profile form: names, phone, base currency and time zone.

use super::types::{ProfileInput, ProfilePageData};
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use leptos::prelude::*;

#[server(endpoint = "profile")]
pub async fn get_profile() -> Result<ProfilePageData, AppError> {
    let (app, _, user) = crate::session::require_user().await?;
    let profile = super::repo::find(&app.db, user.id).await?;
    Ok(ProfilePageData {
        profile,
        time_zones: florin::timezone::names()
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

#[server(endpoint = "profile/update")]
pub async fn update_profile(#[server(flatten)] input: ProfileInput) -> Result<(), AppError> {
    use crate::session::{Done, finish, require_user};
    let result = async {
        let (app, _, user) = require_user().await?;
        super::ssr::update(&app, user, &input).await
    }
    .await;
    finish("profile", "/profile", &input, result, |()| {
        Done::new("Profile saved.", "/profile")
    })
    .await
}

#[component]
pub fn ProfileForm(
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
    view! {
        <Card title="Your details" id="profile-title">
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
            </ActionForm>
        </Card>
    }
}
