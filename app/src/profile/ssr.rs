//! The profile's server side: checks each form and writes it. Passwords are checked and
//! stored through the auth feature's `hashing` and `repo`.

use super::types::{PasswordInput, Profile, ProfileInput};
use crate::error::{AppError, FieldErrors};
use crate::session::CurrentUser;
use crate::state::AppState;
use tower_sessions::Session;

/// Field rules for the profile form; every field's error at once.
pub fn validate_profile(input: &ProfileInput) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("first_name", &input.first_name),
        ("last_name", &input.last_name),
    ] {
        if let Err(e) = florin::profile::check_name(value) {
            errors.add(field, e);
        }
    }
    if let Err(e) = florin::profile::check_phone(&input.phone) {
        errors.add("phone", e);
    }
    if florin::currency::find(&input.base_currency).is_none() {
        errors.add("base_currency", "Choose a currency from the list.");
    }
    if !florin::timezone::is_valid(input.time_zone.trim()) {
        errors.add("time_zone", "Choose a time zone from the list.");
    }
    errors
}

/// Saves the signed-in user's details from a valid form.
pub async fn update(
    app: &AppState,
    user: CurrentUser,
    input: &ProfileInput,
) -> Result<(), AppError> {
    validate_profile(input).into_result()?;
    let profile = Profile {
        email: user.email,
        first_name: input.first_name.trim().to_owned(),
        last_name: input.last_name.trim().to_owned(),
        phone: input.phone.trim().to_owned(),
        base_currency: input.base_currency.trim().to_ascii_uppercase(),
        time_zone: input.time_zone.trim().to_owned(),
    };
    super::repo::update(&app.db, user.id, &profile).await
}

/// Changes the password after checking the current one. Every other session ends; this
/// one moves on to the new epoch.
pub async fn change_password(
    app: &AppState,
    session: &Session,
    user: &CurrentUser,
    input: &PasswordInput,
) -> Result<(), AppError> {
    use crate::auth::{hashing, repo as auth_repo};
    let login = auth_repo::find_login_by_id(&app.db, user.id).await?;
    let mut errors = FieldErrors::new();
    if !hashing::verify(input.current_password.clone(), login.hash.0.clone()).await? {
        errors.add("current_password", "That is not your current password.");
    }
    if let Err(e) = florin::password::check_new(&input.new_password, &user.email) {
        errors.add("new_password", e);
    } else if input.new_password == input.current_password {
        errors.add(
            "new_password",
            "Choose a password different from the current one.",
        );
    }
    errors.into_result()?;
    let hash = hashing::hash(input.new_password.clone()).await?;
    let epoch = auth_repo::set_password(&app.db, user.id, hash).await?;
    crate::session::refresh_epoch(session, epoch).await?;
    tracing::info!(user_id = user.id, "password changed");
    Ok(())
}
