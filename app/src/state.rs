//! Server state handed to every request: the database and the settings that shape auth.
//! Injected through context (never global) so a test can build the real app on a fresh
//! database.

use crate::db::Db;
use crate::error::AppError;
use axum::extract::FromRef;
use florin::lockout::LockoutPolicy;
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;
use std::sync::Arc;
use time::Duration;

#[derive(Clone, Debug)]
pub struct AuthSettings {
    pub lockout: LockoutPolicy,
    /// A session unused for this long ends.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, however busy.
    pub session_absolute: Duration,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            lockout: LockoutPolicy::default(),
            session_idle: Duration::hours(12),
            session_absolute: Duration::days(7),
        }
    }
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub auth: Arc<AuthSettings>,
    pub leptos_options: LeptosOptions,
    /// A hash of a random password, verified against when the e-mail is unknown so that a
    /// failed sign-in takes as long whether or not the account exists.
    pub dummy_hash: Arc<str>,
    /// Failed sign-ins by client, in memory.
    pub throttle: Arc<crate::auth::throttle::Throttle>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state provided to the current request.
pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
