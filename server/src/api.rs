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
    if holds_control(&bytes) {
        return refused_text(&parts.headers);
    }
    let request = Request::from_parts(parts, Body::from(bytes));
    with_error_status(next.run(request).await).await
}

/// Whether a form-encoded body holds a control character other than tab, line feed and
/// carriage return, raw or percent-encoded. No field of Florin takes one, and PostgreSQL
/// refuses NUL in any text while SQLite would store it: refused here, both behave alike.
fn holds_control(body: &[u8]) -> bool {
    let hex = |b: u8| {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    let mut i = 0;
    while i < body.len() {
        let byte = match (body[i], body.get(i + 1), body.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) if hex(high).is_some() && hex(low).is_some() => {
                i += 3;
                hex(high).zip(hex(low)).map_or(0, |(h, l)| h * 16 + l)
            }
            (raw, _, _) => {
                i += 1;
                raw
            }
        };
        if (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r')) || byte == 0x7f {
            return true;
        }
    }
    false
}

/// The answer to a body holding control characters: 400, as the caller reads errors.
fn refused_text(headers: &axum::http::HeaderMap) -> Response {
    let error = AppError::Request("text may not hold control characters such as NUL".into());
    let wants_json = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    if wants_json && let Ok(body) = serde_json::to_string(&error) {
        return (
            StatusCode::BAD_REQUEST,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        error.to_string(),
    )
        .into_response()
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
