//! One error type for pages and server functions.
//!
//! Which variant to use: `Invalid` for input the user can correct (with a message per
//! field), `NotFound` for anything outside the caller's organisations (never `Forbidden`,
//! which would confirm the record exists), `Forbidden` for a record the caller can see
//! but may not change, `Unauthorized` when nobody is signed in, and `Internal` for
//! everything else — its cause goes to the log, never to the user.

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};
use std::collections::BTreeMap;

/// Messages keyed by form field name; the key `""` holds a message for the whole form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub BTreeMap<String, String>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the first message for a field; later ones for the same field are dropped
    /// so the user sees one thing to fix at a time.
    pub fn add(&mut self, field: &str, message: impl ToString) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| message.to_string());
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// A message that concerns the whole form rather than one field.
    pub fn form(message: impl ToString) -> Self {
        let mut errors = Self::new();
        errors.add("", message);
        errors
    }

    /// `Ok(())` when nothing was recorded, else the errors as an `AppError`.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("Please sign in to continue.")]
    Unauthorized,
    #[error("You do not have permission to do that.")]
    Forbidden,
    #[error("We could not find that.")]
    NotFound,
    #[error("{0}")]
    Conflict(String),
    #[error("Please correct the highlighted fields.")]
    Invalid(FieldErrors),
    #[error("Something went wrong on our side. Please try again.")]
    Internal,
    /// The database does not answer (down, restarting, unreachable): the request may
    /// succeed once it is back, with nothing to do on the user's side.
    #[error("Florin cannot reach its database just now. Please try again in a moment.")]
    Unavailable,
    /// The request itself failed (network, encoding); the text is safe to show.
    #[error("The request failed: {0}")]
    Request(String),
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Unauthorized => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Conflict(_) => 409,
            Self::Invalid(_) => 422,
            Self::Internal => 500,
            Self::Unavailable => 503,
            Self::Request(_) => 400,
        }
    }

    /// Field messages when the error is a validation error, else none.
    pub fn field_errors(&self) -> FieldErrors {
        match self {
            Self::Invalid(errors) => errors.clone(),
            other => FieldErrors::form(other),
        }
    }

    /// Logs `cause` with its details and returns the safe `Internal` error.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "internal error");
        Self::Internal
    }

    /// Logs `cause` and every error under it, once, and returns the safe `Internal` error.
    #[cfg(feature = "ssr")]
    pub fn internal_chain(cause: &(dyn std::error::Error + 'static)) -> Self {
        let mut chain = cause.to_string();
        let mut source = cause.source();
        while let Some(inner) = source {
            chain.push_str(": ");
            chain.push_str(&inner.to_string());
            source = inner.source();
        }
        tracing::error!(cause = %chain, "internal error");
        Self::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::ServerError(_) | ServerFnErrorErr::MiddlewareError(_) => {
                Self::Internal
            }
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => {
                Self::Request("the server could not be reached".into())
            }
            other => Self::Request(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => Self::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                tracing::info!(constraint = db.constraint(), "unique violation");
                Self::Conflict("That already exists.".into())
            }
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => {
                tracing::error!(%error, "the database does not answer");
                Self::Unavailable
            }
            _ => Self::internal_chain(&error),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<tower_sessions::session::Error> for AppError {
    fn from(error: tower_sessions::session::Error) -> Self {
        match error {
            // The sessions live in the database: a store that fails is the database.
            tower_sessions::session::Error::Store(cause) => {
                tracing::error!(%cause, "the session store does not answer");
                Self::Unavailable
            }
            other @ tower_sessions::session::Error::SerdeJson(_) => Self::internal(other),
        }
    }
}
