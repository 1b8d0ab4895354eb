//! What every server function under `/api` shares, in front of leptos_axum's handlers:
//! a bounded body and an honest status.
//!
//! Rule: a body larger than its limit is refused (413) before anything reads it, and an
//! error answers with the status it carries: 400 for a request the server could not read
//! (a missing field, a number that is not one, invalid UTF-8), 404, 422 and so on. Only a
//! failure on our side is a 500.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use florin_app::error::AppError;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

/// The largest body of a server function: a form of a few fields, generously.
pub const FORM_BODY_LIMIT: usize = 64 * 1024;

/// The largest body of the exchange-rate import: a pasted file of up to 5,000 rows,
/// form-encoded.
pub const RATES_IMPORT_BODY_LIMIT: usize = 1024 * 1024;

/// Bounds the body of every `/api` request and gives its errors their own status.
pub async fn guard(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !path.starts_with("/api/") {
        return next.run(request).await;
    }
    let limit = if path == "/api/rates/import" {
        RATES_IMPORT_BODY_LIMIT
    } else {
        FORM_BODY_LIMIT
    };
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return too_large();
    }
    // A body that declared no length (or a wrong one) is read up to the limit, no further.
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return too_large();
    };
    let request = Request::from_parts(parts, Body::from(bytes));
    with_error_status(next.run(request).await).await
}

fn too_large() -> Response {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "This request is larger than any form of Florin sends, and was refused.",
    )
        .into_response()
}

/// server_fn answers every error 500 unless the function set a status itself; this
/// gives the answer the status of the error it carries.
async fn with_error_status(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, FORM_BODY_LIMIT).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}
