//! Signing out: the session is deleted on the server, not only forgotten by the browser.

use crate::error::AppError;
use leptos::prelude::*;

/// Signs out and deletes the session on the server.
#[server(endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::session::{self, Done, finish};
    let result = async {
        let app = crate::state::state()?;
        let session = session::session().await?;
        if let Some(user) = session::current_user(&app, &session).await? {
            let event = crate::audit::Event::SignOut;
            super::repo::record_event(&app.db, user.id, event, "signed out").await?;
            tracing::info!(user_id = user.id, "signed out");
        }
        session::end(&session).await
    }
    .await;
    finish("sign-out", "/", &(), result, |()| {
        Done::new("You are signed out.", "/sign-in")
    })
    .await
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
