//! The profile page: the details form and the password form, under one suspense that
//! also reads the form stash.

use super::details::{ProfileForm, UpdateProfile, get_profile};
use super::password::{ChangePassword, PasswordForm};
use crate::context::RequireUser;
use crate::form::FormFeedback;
use crate::pages::{Fallback, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

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
    let data = Resource::new(|| (), |()| get_profile());
    let save = ServerAction::<UpdateProfile>::new();
    let password = ServerAction::<ChangePassword>::new();
    view! {
        {loaded(data, Fallback::NONE, move |data, stash| {
            let profile_feedback = FormFeedback::new("profile", stash.clone(), save);
            let password_feedback = FormFeedback::new("password", stash, password);
            view! {
                <ProfileForm data feedback=profile_feedback action=save/>
                <PasswordForm feedback=password_feedback action=password/>
            }.into_any()
        })}
    }
}
