//! Creating an account: a personal organisation comes with it, and the new user is
//! signed in at once.

use super::types::SignUpInput;
use crate::components::{FormError, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;

/// Creates an account with a personal organisation and signs it in.
#[server(endpoint = "sign-up")]
pub async fn sign_up(#[server(flatten)] input: SignUpInput) -> Result<(), AppError> {
    use crate::session::{self, Done, finish};
    let result = async {
        let app = crate::state::state()?;
        let user_id = super::ssr::sign_up(&app, &input).await?;
        session::start(&session::session().await?, user_id, 0).await?;
        tracing::info!(user_id, "signed up");
        Ok(())
    }
    .await;
    finish("sign-up", "/sign-up", &input, result, |()| {
        Done::new("Welcome to Florin! Your account is ready.", "/")
    })
    .await
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
