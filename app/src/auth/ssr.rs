//! Sign-up and sign-in on the server: validation, password checks and the lockout.
//!
//! Rule: a refused sign-in says [`florin::sign_in::REFUSED`] whatever the reason, and an
//! unknown e-mail costs a password verification like a known one.

use super::types::{SignInInput, SignUpInput};
use super::{hashing, repo};
use crate::audit::Event;
use crate::error::{AppError, FieldErrors};
use crate::state::AppState;
use florin::email::Email;
use florin::role::UserRole;
use florin::sign_in::{REFUSED, locked_message};
use time::OffsetDateTime;

/// Who signed in: their id and the session epoch their password is at.
pub struct SignedIn {
    pub user_id: i64,
    pub epoch: i64,
}

/// The e-mail address of a valid sign-up form; every field's error otherwise.
fn validate(input: &SignUpInput) -> Result<Email, AppError> {
    let mut errors = FieldErrors::new();
    let email = Email::parse(&input.email);
    if let Err(e) = &email {
        errors.add("email", e);
    }
    if let Err(e) = florin::password::check_new(&input.password, input.email.trim()) {
        errors.add("password", e);
    }
    if let Err(e) = florin::profile::check_name(&input.first_name) {
        errors.add("first_name", e);
    }
    errors.into_result()?;
    email.map_err(AppError::internal)
}

/// Creates a personal account from the sign-up form; returns the new user's id.
pub async fn sign_up(app: &AppState, input: &SignUpInput) -> Result<i64, AppError> {
    let email = validate(input)?;
    let hash = hashing::hash(input.password.clone()).await?;
    let new = repo::NewUser {
        email,
        role: UserRole::Personal,
        first_name: input.first_name.trim().to_owned(),
        base_currency: "USD".into(),
    };
    repo::create_user(&app.db, new, hash).await
}

fn refused(message: impl ToString) -> AppError {
    AppError::Invalid(FieldErrors::form(message))
}

/// Checks the sign-in form against the account. Failures are counted for this client
/// and this address ([`Throttle`](super::throttle::Throttle)); while it must wait, every
/// attempt gets the same answer and the same (no) work, account or not. The account's
/// own record of failures is kept for its owner and the audit log.
pub async fn sign_in(app: &AppState, input: &SignInInput) -> Result<SignedIn, AppError> {
    let now = OffsetDateTime::now_utc();
    let client = client_address();
    let address = input.email.trim().to_lowercase();
    if let Some(minutes) = app.throttle.wait(&client, &address, now) {
        tracing::info!("sign-in refused: this client must wait");
        return Err(refused(locked_message(minutes)));
    }
    let login = match Email::parse(&input.email) {
        Ok(parsed) => repo::find_login(&app.db, &parsed).await?,
        Err(_) => None,
    };
    let matches = match &login {
        Some(login) => hashing::verify(input.password.clone(), login.hash.0.clone()).await?,
        None => {
            hashing::verify(input.password.clone(), app.dummy_hash.to_string()).await?;
            false
        }
    };
    match login {
        Some(login) if matches && login.is_active => {
            app.throttle.succeed(&client, &address);
            repo::update_failures(
                &app.db,
                login.user_id,
                florin::lockout::FailureState::after_success,
                Some((Event::SignIn, "signed in")),
            )
            .await?;
            Ok(SignedIn {
                user_id: login.user_id,
                epoch: login.epoch,
            })
        }
        login => {
            if let Some(login) = login {
                record_failure(app, login.user_id, now).await?;
            } else {
                tracing::info!("sign-in failed: unknown account");
            }
            let policy = app.auth.lockout;
            Err(match app.throttle.fail(&client, &address, now, policy) {
                Some(minutes) => refused(locked_message(minutes)),
                None => refused(REFUSED),
            })
        }
    }
}

/// Records a wrong password (or a disabled account) on the account, for its owner and
/// the audit log (a run of failures is logged as a lockout).
async fn record_failure(app: &AppState, user_id: i64, now: OffsetDateTime) -> Result<(), AppError> {
    let policy = app.auth.lockout;
    let after = repo::update_failures(
        &app.db,
        user_id,
        |state| state.after_failure(now, policy),
        Some((Event::SignInFailed, "wrong password or disabled account")),
    )
    .await?;
    tracing::info!(user_id, failed_count = after.failed_count, "sign-in failed");
    Ok(())
}

/// The client an attempt comes from: the connection's peer address. (Behind a proxy
/// every client shares the proxy's; trusting a forwarded address is for the deployment
/// that has one.)
fn client_address() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_default()
}
