//! `POST /import/upload`: a statement file arrives as a plain multipart form (so it works
//! without JavaScript), is checked, stored as a pending batch, and the browser is sent
//! to its preview. Refusals go back to the upload page with a flash message.

use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use florin::role::{Access, Area};
use florin_app::error::AppError;
use florin_app::form::FlashKind;
use florin_app::imports::{MAX_FILE_BYTES, repo, ssr};
use florin_app::state::AppState;
use tower_sessions::Session;

/// The request may be a little larger than the file: the other fields and the
/// multipart framing.
pub const BODY_LIMIT: usize = MAX_FILE_BYTES + 64 * 1024;

pub async fn upload(
    State(app): State<AppState>,
    session: Session,
    multipart: Multipart,
) -> Response {
    let member = match crate::export::member(app, &session, Access::Write(Area::Ledger)).await {
        Ok(Some(member)) => member,
        Ok(None) => return Redirect::to("/sign-in?next=%2Fimport").into_response(),
        Err(error) => return crate::export::error_response(&error),
    };
    match receive(&member, multipart).await {
        Ok(id) => Redirect::to(&format!("/import/{id}")).into_response(),
        Err(error) => {
            let message = match &error {
                AppError::Invalid(errors) => errors
                    .get("")
                    .map_or_else(|| error.to_string(), str::to_owned),
                other => other.to_string(),
            };
            if let Err(e) = florin_app::session::flash(&session, FlashKind::Error, message).await {
                return crate::export::error_response(&e);
            }
            Redirect::to("/import").into_response()
        }
    }
}

async fn receive(
    member: &florin_app::orgs::Member,
    mut multipart: Multipart,
) -> Result<i64, AppError> {
    let invalid = |m: &str| AppError::Invalid(florin_app::error::FieldErrors::form(m));
    let mut account: Option<i64> = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| invalid("The upload did not arrive whole; please try again (at most 5 MB)."))?
    {
        match field.name() {
            Some("account_id") => {
                let text = field
                    .text()
                    .await
                    .map_err(|_| invalid("Choose an account from the list."))?;
                account = text.trim().parse().ok();
            }
            Some("file") => {
                let name = field.file_name().map_or_else(
                    || "statement.csv".to_owned(),
                    |n| n.chars().filter(|c| !c.is_control()).take(120).collect(),
                );
                let bytes = field.bytes().await.map_err(|_| {
                    invalid("The upload did not arrive whole; please try again (at most 5 MB).")
                })?;
                file = Some((name, bytes.to_vec()));
            }
            _ => {}
        }
    }
    let account = account.ok_or_else(|| invalid("Choose an account from the list."))?;
    let (name, content) = file
        .filter(|(_, bytes)| !bytes.is_empty())
        .ok_or_else(|| invalid("Choose a CSV file to upload."))?;
    let rows = ssr::check_upload(member, account, &content).await?;
    repo::create(member.db(), &member.scope, account, &name, &content, rows).await
}
