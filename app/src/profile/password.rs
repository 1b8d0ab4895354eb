//! The password form: the current password, then a new one; every other session ends.

use super::types::PasswordInput;
use crate::components::{FormError, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use leptos::prelude::*;

/// Changes the password after checking the current one; every other session ends.
#[server(endpoint = "profile/password")]
pub async fn change_password(#[server(flatten)] input: PasswordInput) -> Result<(), AppError> {
    use crate::session::{Done, finish, require_user};
    let result = async {
        let (app, session, user) = require_user().await?;
        super::ssr::change_password(&app, &session, &user, &input).await
    }
    .await;
    finish("password", "/profile", &input, result, |()| {
        Done::new(
            "Password changed. Every other session has been signed out.",
            "/profile",
        )
    })
    .await
}

#[component]
pub fn PasswordForm(feedback: FormFeedback, action: ServerAction<ChangePassword>) -> impl IntoView {
    let errors = feedback.errors();
    view! {
        <Card title="Change password" id="password-title">
            <p>"Changing your password signs out every other session."</p>
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <TextField label="Current password" name="current_password" kind="password" value=String::new() errors=errors autocomplete="current-password" required=true/>
                <TextField label="New password" name="new_password" kind="password" value=String::new() errors=errors autocomplete="new-password" required=true hint="At least 10 characters. Not a common password."/>
                <button type="submit" class="primary" disabled=move || action.pending().get()>"Change password"</button>
            </ActionForm>
        </Card>
    }
}
