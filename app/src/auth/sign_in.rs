//! Signing in, and back to the page that asked for it (`next`, local paths only).

use super::types::SignInInput;
use crate::components::{FormError, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Signs in. Every failure says the same thing, whether or not the e-mail exists, and
/// takes about as long.
#[server(endpoint = "sign-in")]
pub async fn sign_in(#[server(flatten)] input: SignInInput) -> Result<(), AppError> {
    use crate::session::{self, Done, finish};
    let result = async {
        let app = crate::state::state()?;
        let signed_in = super::ssr::sign_in(&app, &input).await?;
        let session = session::session().await?;
        session::start(&session, signed_in.user_id, signed_in.epoch).await?;
        tracing::info!(user_id = signed_in.user_id, "signed in");
        Ok(())
    }
    .await;
    let next = session::safe_next(&input.next).unwrap_or_else(|| "/".to_owned());
    finish("sign-in", "/sign-in", &input, result, |()| {
        Done::new("You are signed in.", next)
    })
    .await
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
