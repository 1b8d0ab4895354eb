//! Assembles the application: Leptos pages and server functions, health checks, static
//! assets, sessions and the security and observability layers. Tests build the very same
//! router on a fresh database.

use crate::config::Config;
use crate::security;
use crate::sessions::Store;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use florin_app::db::Db;
use florin_app::state::AppState;
use florin_app::{App, shell};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tower::ServiceBuilder;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

const REQUEST_ID: &str = "x-request-id";

/// Leptos settings for a site rooted at `site_root`. The build step writes a `build-id`
/// there and puts the bundle in `pkg/<build-id>/`, so its file names change with every
/// build and can be cached for a year.
pub fn leptos_options(config: &Config) -> LeptosOptions {
    let build_id = std::fs::read_to_string(config.site_root.join("build-id"))
        .ok()
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric()));
    let pkg_dir = match build_id {
        Some(id) => format!("pkg/{id}"),
        None => "pkg".to_owned(),
    };
    LeptosOptions::builder()
        .output_name("florin")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir(pkg_dir)
        .site_addr(config.addr)
        .build()
}

/// The app's routes, generated once per process. Generating them renders the app with
/// resource loading suppressed process-wide, so a page rendering at that moment on
/// another router (tests build many) would wait forever (leptos issue #4773).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the full router on `db`, whose schema must already be migrated.
pub async fn build(config: &Config, db: Db) -> Result<(Router, Store), sqlx::Error> {
    let options = leptos_options(config);
    let store = Store::new(&db).await?;
    let state = AppState {
        db,
        auth: Arc::new(config.auth.clone()),
        leptos_options: options.clone(),
        dummy_hash: florin_app::auth::hashing::dummy_hash().into(),
        throttle: Arc::default(),
    };
    let sessions = SessionManagerLayer::new(store.clone())
        .with_name("florin_session")
        .with_secure(!config.development)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(config.auth.session_idle));
    let hsts = !config.development;
    let router = handlers()
        .leptos_routes_with_context(
            &state,
            route_list(),
            {
                let state = state.clone();
                move || {
                    provide_context(state.clone());
                    florin_app::security::provide_request_nonce();
                }
            },
            move || shell(options.clone()),
        )
        .nest("/pkg", bundle(config))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(florin_app::security::provide_request_nonce, shell))
        .layer(sessions)
        .layer(axum::middleware::from_fn(security::refuse_cross_site))
        .layer(axum::middleware::from_fn(crate::api::guard))
        .layer(axum::middleware::from_fn(move |req, next| {
            security::headers(hsts, req, next)
        }))
        .layer(CompressionLayer::new());
    Ok((traced(router).with_state(state), store))
}

/// The routes that are plain axum handlers: health checks, downloads, the upload, and
/// the server functions under `/api`.
fn handlers() -> Router<AppState> {
    Router::new()
        .route("/health", get(crate::health::live))
        .route("/health/db", get(crate::health::ready))
        .route(
            "/transactions/export.csv",
            get(crate::export::transactions_csv),
        )
        .route("/reports/export.csv", get(crate::export::report_csv))
        .route(
            "/debts/planner/chart.svg",
            get(florin_app::debts::chart::planner_chart),
        )
        .route(
            "/import/upload",
            post(crate::imports::upload).layer(axum::extract::DefaultBodyLimit::max(
                crate::imports::BODY_LIMIT,
            )),
        )
        .route(
            "/api/{*fn_name}",
            post(server_fn_handler).get(server_fn_handler),
        )
}

/// The browser bundle, from precompressed files; its folder is named after its content,
/// so browsers may keep it for a year.
fn bundle(config: &Config) -> Router<AppState> {
    Router::new()
        .fallback_service(
            ServeDir::new(Path::new(&config.site_root).join("pkg"))
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
}

/// Gives each request an id, carried by every log line of the request and sent back.
fn traced(router: Router<AppState>) -> Router<AppState> {
    let request_id = HeaderName::from_static(REQUEST_ID);
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(request_id.clone(), MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http().make_span_with(|request: &Request<Body>| {
                    let id = request
                        .headers()
                        .get(REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    // The path only: query strings and headers (cookies) stay out of logs.
                    tracing::info_span!(
                        "request",
                        request_id = %id,
                        method = %request.method(),
                        path = %request.uri().path(),
                    )
                }),
            )
            .layer(PropagateRequestIdLayer::new(request_id)),
    )
}

async fn server_fn_handler(State(state): State<AppState>, request: Request<Body>) -> Response {
    handle_server_fns_with_context(move || provide_context(state.clone()), request)
        .await
        .into_response()
}
