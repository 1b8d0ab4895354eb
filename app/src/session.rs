//! The signed-in user, read from the session and checked against the database on every
//! request, plus the one-time flash and form stash that make plain form posts work.

use crate::error::{AppError, FieldErrors};
use crate::form::{Flash, FlashKind, FormStash};
use crate::sql;
use crate::state::{AppState, state};
use florin::role::UserRole;
use http::request::Parts;
use leptos::prelude::use_context;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use time::OffsetDateTime;
use tower_sessions::Session;

const AUTH_KEY: &str = "auth";
const FLASH_KEY: &str = "flash";
const FORM_KEY: &str = "form";

/// What the session remembers about who signed in. The epoch is compared with the
/// credentials row on each request, so a password change ends every other session.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
struct AuthRecord {
    user_id: i64,
    epoch: i64,
    signed_in_at: i64,
}

/// The user behind the current request.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: i64,
    pub email: String,
    pub role: UserRole,
    pub display_name: String,
    pub base_currency: String,
    pub locale: String,
}

crate::from_row! {
    struct UserRow {
        id: i64,
        email: String,
        role: String,
        is_active: bool,
        session_epoch: i64,
        first_name: String,
        base_currency: String,
        locale: String,
    }
}

/// The session of the current request.
pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(AppError::internal)
}

/// The signed-in user, or `None`. A session whose user is gone or disabled, whose password
/// changed since, or that outlived the absolute limit is ended here.
pub async fn current_user(
    app: &AppState,
    session: &Session,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(record) = session.get::<AuthRecord>(AUTH_KEY).await? else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc().unix_timestamp();
    if now - record.signed_in_at > app.auth.session_absolute.whole_seconds() {
        end(session).await?;
        return Ok(None);
    }
    let row: Option<UserRow> = sql!(
        &app.db,
        optional,
        "SELECT u.id, u.email, u.role, u.is_active, c.session_epoch, \
                COALESCE(p.first_name, '') AS first_name, \
                COALESCE(p.base_currency, 'USD') AS base_currency, \
                COALESCE(p.locale, 'en') AS locale \
         FROM users u \
         JOIN credentials c ON c.user_id = u.id \
         LEFT JOIN profiles p ON p.user_id = u.id \
         WHERE u.id = $1",
        record.user_id
    )?;
    match row {
        Some(row) if row.is_active && row.session_epoch == record.epoch => {
            let display_name = if row.first_name.is_empty() {
                row.email.clone()
            } else {
                row.first_name
            };
            Ok(Some(CurrentUser {
                id: row.id,
                email: row.email,
                role: UserRole::parse(&row.role).unwrap_or(UserRole::Personal),
                display_name,
                base_currency: row.base_currency,
                locale: row.locale,
            }))
        }
        _ => {
            end(session).await?;
            Ok(None)
        }
    }
}

/// The signed-in user or `Unauthorized`, with the app state.
pub async fn require_user() -> Result<(AppState, Session, CurrentUser), AppError> {
    let app = state()?;
    let session = session().await?;
    let Some(user) = current_user(&app, &session).await? else {
        set_status(&AppError::Unauthorized);
        return Err(AppError::Unauthorized);
    };
    Ok((app, session, user))
}

/// Marks the session as belonging to `user_id`, under a fresh id so that an id planted
/// before sign-in is worthless after it.
pub async fn start(session: &Session, user_id: i64, epoch: i64) -> Result<(), AppError> {
    session.cycle_id().await?;
    let record = AuthRecord {
        user_id,
        epoch,
        signed_in_at: OffsetDateTime::now_utc().unix_timestamp(),
    };
    session.insert(AUTH_KEY, record).await?;
    Ok(())
}

/// Keeps the current session valid after its user's epoch moved on (password change).
pub async fn refresh_epoch(session: &Session, epoch: i64) -> Result<(), AppError> {
    if let Some(mut record) = session.get::<AuthRecord>(AUTH_KEY).await? {
        record.epoch = epoch;
        session.cycle_id().await?;
        session.insert(AUTH_KEY, record).await?;
    }
    Ok(())
}

/// Deletes the session server-side. Anything stored afterwards (a flash) goes into a
/// session under a new id: tower-sessions would otherwise re-create the record under the
/// old id, and the old cookie would live on.
pub async fn end(session: &Session) -> Result<(), AppError> {
    session.flush().await?;
    session.cycle_id().await?;
    Ok(())
}

/// True when the request is a plain HTML form post (no JavaScript): the browser asks for
/// a page back, whereas the hydrated client asks for the server function's encoding.
pub fn is_plain_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Leaves a message for the next page. Hydrated clients show the action's result in
/// place, so only plain posts need it; but a redirect after success shows it either way.
pub async fn flash(
    session: &Session,
    kind: FlashKind,
    message: impl Into<String>,
) -> Result<(), AppError> {
    session
        .insert(
            FLASH_KEY,
            Flash {
                kind,
                message: message.into(),
            },
        )
        .await?;
    Ok(())
}

/// Takes (and removes) the pending flash and form stash.
pub async fn take_pending(
    session: &Session,
) -> Result<(Option<Flash>, Option<FormStash>), AppError> {
    let flash = session.remove::<Flash>(FLASH_KEY).await?;
    let form = session.remove::<FormStash>(FORM_KEY).await?;
    Ok((flash, form))
}

/// Where a form leads once it succeeded: a one-time message and the page to show.
pub struct Done {
    pub message: String,
    pub to: String,
}

impl Done {
    pub fn new(message: impl Into<String>, to: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            to: to.into(),
        }
    }

    /// Where a save leads: "Account added." or "Account saved." for `what` = "Account".
    pub fn saved(what: &str, created: bool, to: impl Into<String>) -> Self {
        let verb = if created { "added" } else { "saved" };
        Self::new(format!("{what} {verb}."), to)
    }
}

/// Ends every form's server function the same way. On success: the flash message (none
/// when empty) and a redirect to `done(&value).to`, which a hydrated client follows too.
/// On failure: [`stash_failure`] with the typed values of `input` (passwords excepted).
pub async fn finish<T>(
    form: &str,
    page: &str,
    input: &impl Serialize,
    result: Result<T, AppError>,
    done: impl FnOnce(&T) -> Done,
) -> Result<T, AppError> {
    match result {
        Ok(value) => {
            let Done { message, to } = done(&value);
            if !message.is_empty() {
                let session = session().await?;
                flash(&session, FlashKind::Success, message).await?;
            }
            leptos_axum::redirect(&to);
            Ok(value)
        }
        Err(error) => Err(stash_failure(form, page, typed_values(input), error).await),
    }
}

/// A form's input as typed, field by field, for the stash. A field whose name contains
/// `password` is never stashed.
pub fn typed_values(input: &impl Serialize) -> BTreeMap<String, String> {
    let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(input) else {
        return BTreeMap::new();
    };
    fields
        .into_iter()
        .filter(|(name, _)| !name.contains("password"))
        .map(|(name, value)| {
            let text = match value {
                serde_json::Value::String(text) => text,
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            };
            (name, text)
        })
        .collect()
}

/// Fails a form with loose values; prefer [`finish`] with the form's input struct.
pub async fn fail_form(
    form: &str,
    page: &str,
    values: &[(&str, &str)],
    error: AppError,
) -> AppError {
    let values = values
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    stash_failure(form, page, values, error).await
}

/// Fails a form: after a plain post, stashes what was typed and the errors and sends the
/// browser back to the page it came from (or `page`). Returns the error for the hydrated
/// client either way.
pub async fn stash_failure(
    form: &str,
    page: &str,
    values: BTreeMap<String, String>,
    error: AppError,
) -> AppError {
    if !is_plain_form_post() {
        set_status(&error);
        return error;
    }
    let errors: FieldErrors = error.field_errors();
    let stash = FormStash {
        form: form.to_owned(),
        values,
        errors,
    };
    match session().await {
        Ok(session) => {
            if let Err(e) = session.insert(FORM_KEY, stash).await {
                return AppError::internal(e);
            }
        }
        Err(e) => return e,
    }
    leptos_axum::redirect(&back_to(page));
    error
}

/// Sends the error's own status (422 for invalid input, 401, 404 …) instead of the
/// default 500, so clients and logs see a refusal, not a failure. A redirect already
/// chosen for the page (a visitor sent to sign in) stays: the page's parts that load data
/// refuse the same visitor, in no fixed order.
pub fn set_status(error: &AppError) {
    if let (Some(response), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(error.status_code()),
    ) {
        let redirecting = response
            .0
            .read()
            .is_ok_and(|parts| parts.status.is_some_and(|s| s.is_redirection()));
        if !redirecting {
            response.set_status(status);
        }
    }
}

/// The same-origin path of the referring page, or `fallback`.
pub fn back_to(fallback: &str) -> String {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(local_path)
        })
        .unwrap_or_else(|| fallback.to_owned())
}

/// The path and query of an absolute or relative URL, dropping scheme and host so a
/// redirect never leaves the site.
fn local_path(url: &str) -> Option<String> {
    let rest = match url.split_once("://") {
        Some((_, rest)) => &rest[rest.find('/')?..],
        None => url,
    };
    safe_next(rest)
}

/// Accepts only a local absolute path (`/x`), never `//host` or a scheme.
pub fn safe_next(path: &str) -> Option<String> {
    let ok = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(char::is_control);
    ok.then(|| path.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_next("/profile?tab=1").as_deref(),
            Some("/profile?tab=1")
        );
        assert_eq!(safe_next("//evil.example/x"), None);
        assert_eq!(safe_next("/\\evil.example"), None);
        assert_eq!(safe_next("https://evil.example/"), None);
        assert_eq!(safe_next("profile"), None);
        assert_eq!(
            local_path("http://127.0.0.1:3000/sign-in?next=/profile").as_deref(),
            Some("/sign-in?next=/profile")
        );
        assert_eq!(local_path("http://127.0.0.1:3000"), None);
    }
}
