//! Liveness and readiness as JSON.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use florin_app::state::AppState;
use serde_json::{Value, json};

/// The process is up.
pub async fn live() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The database answers and holds this build's schema (its newest migration applied).
pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    match crate::db::schema_current(&state.db).await {
        Ok(true) => (
            StatusCode::OK,
            Json(json!({ "status": "ok", "database": state.db.backend() })),
        ),
        Ok(false) => {
            tracing::error!("the database's schema is older than this build's");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "schema behind", "database": state.db.backend() })),
            )
        }
        Err(error) => {
            tracing::error!(%error, "database readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": state.db.backend() })),
            )
        }
    }
}
