//! The test harness: the real router on a fresh database per test, on SQLite (a temporary
//! file) or PostgreSQL (a database created for the test and dropped after it), driven
//! the way a browser without JavaScript drives it. Whatever a test needs before the
//! behaviour it checks (a user with an account, a debt, a goal…) is made by the
//! [`builders`] through the same forms, and read back with the [`query`] helpers; test
//! files keep no private copies of either.

#![allow(
    dead_code,
    reason = "each test binary uses a different part of the harness"
)]

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use florin_app::db::Db;
use florin_server::config::Config;
use std::sync::atomic::{AtomicUsize, Ordering};
use tower::ServiceExt;

pub mod builders;
pub mod query;

/// The password every test user signs up with.
pub const PASSWORD: &str = "correct horse battery";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs one test body against both databases.
///
/// Every test runs on one shared multi-threaded runtime, as requests do in the server,
/// so concurrency bugs show up here rather than only under load.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    $crate::common::run(super::$name($crate::common::Backend::Sqlite))
                }
                #[test]
                fn postgres() {
                    $crate::common::run(super::$name($crate::common::Backend::Postgres))
                }
            }
        )*
    };
}

/// The runtime all integration tests share.
pub fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: std::sync::OnceLock<tokio::runtime::Runtime> = std::sync::OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(4)
            .enable_all()
            .build()
            .expect("test runtime")
    })
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// The databases this test thread created (a test's future runs on its own thread
    /// under `block_on`), to remove once the test is over.
    static CREATED: std::cell::RefCell<Vec<Cleanup>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops test databases, even with sessions still open; best effort.
async fn drop_databases(names: &[String]) {
    if let Ok(Db::Postgres(pool)) = florin_server::db::connect(&postgres_admin_url(), 1).await {
        for name in names {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&pool)
                .await;
        }
        pool.close().await;
    }
}

/// Runs a test on the shared runtime, then removes every database it created, whether it
/// passed or failed; the failure, if any, is then reported as usual.
pub fn run(test: impl std::future::Future<Output = ()>) {
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| runtime().block_on(test)));
    let created: Vec<Cleanup> = CREATED.with(|c| c.borrow_mut().drain(..).collect());
    let mut names = Vec::new();
    for cleanup in created {
        match cleanup {
            Cleanup::SqliteFile(path) => remove_sqlite_files(&path),
            Cleanup::PostgresDatabase(name) => names.push(name),
        }
    }
    if !names.is_empty() {
        runtime().block_on(drop_databases(&names));
    }
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

pub fn postgres_admin_url() -> String {
    std::env::var("FLORIN_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// Removes a SQLite database file with its journal files; best effort.
fn remove_sqlite_files(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// The app under test; [`run`] removes its database once the test is over.
pub struct TestApp {
    pub router: Router,
    pub db: Db,
    pub config: Config,
}

/// What removes a test's database: its SQLite file or its PostgreSQL database.
enum Cleanup {
    SqliteFile(std::path::PathBuf),
    PostgresDatabase(String),
}

pub fn test_config() -> Config {
    Config {
        addr: "127.0.0.1:0".parse().expect("address"),
        database_url: String::new(),
        data_dir: std::env::temp_dir(),
        site_root: std::env::temp_dir().join("florin-no-site"),
        development: false,
        json_logs: false,
        auth: Default::default(),
        db_max_connections: 5,
    }
}

impl TestApp {
    pub async fn new(backend: Backend) -> Self {
        Self::with_config(backend, |_| {}).await
    }

    pub async fn with_config(backend: Backend, tweak: impl FnOnce(&mut Config)) -> Self {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let tag = format!("{}_{}_{}", std::process::id(), n, rand_suffix());
        let mut config = test_config();
        tweak(&mut config);
        match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("florin_test_{tag}.db"));
                config.database_url = format!("sqlite://{}?mode=rwc", path.display());
                CREATED.with(|c| c.borrow_mut().push(Cleanup::SqliteFile(path)));
            }
            Backend::Postgres => {
                let name = format!("florin_t_{tag}");
                let admin = florin_server::db::connect(&postgres_admin_url(), 1)
                    .await
                    .expect("PostgreSQL is reachable for tests");
                let Db::Postgres(pool) = &admin else {
                    unreachable!()
                };
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(pool)
                    .await
                    .expect("create test database");
                pool.close().await;
                CREATED.with(|c| c.borrow_mut().push(Cleanup::PostgresDatabase(name.clone())));
                let base = postgres_admin_url();
                let root = base
                    .rsplit_once('/')
                    .map_or(base.as_str(), |(root, _)| root);
                config.database_url = format!("{root}/{name}");
            }
        };
        let db = florin_server::db::connect(&config.database_url, config.db_max_connections)
            .await
            .expect("connect");
        florin_server::db::migrate(&db).await.expect("migrate");
        let (router, _store) = florin_server::router::build(&config, db.clone())
            .await
            .expect("router");
        Self { router, db, config }
    }

    /// A new browser: its own cookie jar.
    pub fn browser(&self) -> Browser {
        Browser {
            router: self.router.clone(),
            cookie: None,
            peer: None,
        }
    }

    /// A fresh browser on another machine: its requests come from `ip`.
    pub fn browser_at(&self, ip: &str) -> Browser {
        let ip: std::net::IpAddr = ip.parse().expect("an IP address");
        Browser {
            peer: Some(std::net::SocketAddr::new(ip, 50_000)),
            ..self.browser()
        }
    }

    /// A fresh app on `backend` and a browser signed up there as `email`.
    pub async fn with_user(backend: Backend, email: &str) -> (Self, Browser) {
        let app = Self::new(backend).await;
        let browser = app.signed_up(email, PASSWORD).await;
        (app, browser)
    }

    /// Signs up a new user through the form and returns the signed-in browser.
    pub async fn signed_up(&self, email: &str, password: &str) -> Browser {
        let mut browser = self.browser();
        let response = browser
            .post_form(
                "/api/sign-up",
                "/sign-up",
                &[
                    ("email", email),
                    ("password", password),
                    ("first_name", "Test"),
                ],
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::FOUND,
            "sign-up: {}",
            response.body
        );
        assert_eq!(response.location.as_deref(), Some("/"));
        browser
    }
}

fn rand_suffix() -> u32 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos())
}

pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Page {
    /// The text a person sees on this page, as [`text`] gives it.
    pub fn text(&self) -> String {
        text(&self.body)
    }

    /// Checks that the page is a redirect to `to`, showing the body if it is not.
    #[track_caller]
    pub fn redirects_to(&self, to: &str) {
        assert_eq!(self.location.as_deref(), Some(to), "{}", self.body);
    }

    /// Checks that the page's form has each of `values` filled in: a default, or what was
    /// typed before a refusal.
    #[track_caller]
    pub fn has_values(&self, values: &[&str]) {
        for value in values {
            assert!(self.body.contains(&format!("value=\"{value}\"")), "{value}");
        }
    }

    /// Checks that the page's text contains each of `expected`, as [`assert_shows`]
    /// does, and returns that text.
    #[track_caller]
    pub fn shows(&self, expected: &[&str]) -> String {
        let shown = self.text();
        assert_shows(&shown, expected);
        shown
    }
}

/// A form's fields, in order, as `(name, value)`.
pub type Fields<'a> = [(&'a str, &'a str)];

/// A cookie-keeping client that sends what a browser without JavaScript sends.
pub struct Browser {
    router: Router,
    pub cookie: Option<String>,
    /// The address its connection comes from, as a served app learns it.
    peer: Option<std::net::SocketAddr>,
}

pub const HOST: &str = "florin.test";

impl Browser {
    pub async fn get(&mut self, path: &str) -> Page {
        let request = Request::get(path)
            .header(header::HOST, HOST)
            .header(header::ACCEPT, "text/html")
            .header("sec-fetch-site", "none");
        self.send(request, Body::empty()).await
    }

    /// Posts a form as a browser does: same-origin, asking for HTML, with a referer.
    pub async fn post_form(&mut self, action: &str, page: &str, fields: &Fields<'_>) -> Page {
        self.post_form_with(action, page, fields, &[("sec-fetch-site", "same-origin")])
            .await
    }

    /// Posts a form as a hydrated page's server-function call does: same-origin, asking
    /// for JSON, so a refusal comes back as a status and a body rather than a redirect.
    pub async fn post_hydrated(&mut self, action: &str, page: &str, fields: &Fields<'_>) -> Page {
        self.post_form_with(
            action,
            page,
            fields,
            &[
                ("sec-fetch-site", "same-origin"),
                ("accept", "application/json"),
            ],
        )
        .await
    }

    /// Posts a form as [`Browser::post_hydrated`] does and checks it is refused with 422
    /// and `message` in the answer.
    pub async fn refused_hydrated(
        &mut self,
        action: &str,
        page: &str,
        fields: &Fields<'_>,
        message: &str,
    ) {
        let json = self.post_hydrated(action, page, fields).await;
        assert_eq!(
            json.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            json.body
        );
        assert!(json.body.contains(message), "{}", json.body);
    }

    /// Posts a form from `page` with the `extra` headers, each replacing any of its name.
    pub async fn post_form_with(
        &mut self,
        action: &str,
        page: &str,
        fields: &Fields<'_>,
        extra: &Fields<'_>,
    ) -> Page {
        let body = serde_urlencoded(fields);
        let mut request = form_post(action, page, "application/x-www-form-urlencoded");
        if let Some(headers) = request.headers_mut() {
            for (k, v) in extra {
                headers.insert(
                    axum::http::HeaderName::from_bytes(k.as_bytes()).expect("header name"),
                    axum::http::HeaderValue::from_str(v).expect("header value"),
                );
            }
        }
        self.send(request, Body::from(body)).await
    }

    /// Posts `body` as it is, as a hydrated page's call would post a form's bytes: for
    /// bodies no browser form sends (invalid UTF-8, oversized).
    pub async fn post_bytes(&mut self, action: &str, page: &str, body: Vec<u8>) -> Page {
        let mut request = form_post(action, page, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
        if let Some(headers) = request.headers_mut() {
            headers.insert(header::ACCEPT, "application/json".parse().expect("accept"));
        }
        self.send(request, Body::from(body)).await
    }

    /// Uploads a file as a browser submits a `multipart/form-data` form.
    pub async fn post_file(
        &mut self,
        action: &str,
        from_page: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
    ) -> Page {
        let boundary = "----florin-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        let (name, file_name, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = form_post(
            action,
            from_page,
            &format!("multipart/form-data; boundary={boundary}"),
        )
        .header("sec-fetch-site", "same-origin");
        self.send(request, Body::from(body)).await
    }

    /// Posts a form as [`Browser::post_form`] does and follows the redirect it answers
    /// with; returns the page it lands on.
    pub async fn submit(&mut self, action: &str, page: &str, fields: &Fields<'_>) -> Page {
        let posted = self.post_form(action, page, fields).await;
        self.follow(&posted).await
    }

    /// Confirms deleting `id` in `area` from its page `/{area}/{id}/delete`, posting
    /// `/api/{area}/delete`; the answer is left to the caller.
    pub async fn delete(&mut self, area: &str, id: impl std::fmt::Display) -> Page {
        let id = id.to_string();
        self.post_form(
            &format!("/api/{area}/delete"),
            &format!("/{area}/{id}/delete"),
            &[("id", &id)],
        )
        .await
    }

    /// Follows a redirect with a GET, as a browser does after a form post.
    pub async fn follow(&mut self, page: &Page) -> Page {
        let location = page.location.clone().expect("a redirect");
        self.get(&location).await
    }

    async fn send(&mut self, mut request: axum::http::request::Builder, body: Body) -> Page {
        if let Some(cookie) = &self.cookie {
            request = request.header(header::COOKIE, format!("florin_session={cookie}"));
        }
        let mut request = request.body(body).expect("request");
        if let Some(peer) = self.peer {
            request
                .extensions_mut()
                .insert(axum::extract::ConnectInfo(peer));
        }
        let what = format!("{} {}", request.method(), request.uri());
        // A request that never answers fails the test instead of hanging the suite.
        let response = tokio::time::timeout(
            std::time::Duration::from_secs(30),
            self.router.clone().oneshot(request),
        )
        .await
        .unwrap_or_else(|_| panic!("no response within 30 s to {what}"))
        .expect("infallible");
        for set in response.headers().get_all(header::SET_COOKIE) {
            let set = set.to_str().expect("ascii cookie");
            if let Some(rest) = set.strip_prefix("florin_session=") {
                let value = rest.split(';').next().unwrap_or_default();
                let expired = set.contains("Max-Age=0") || value.is_empty();
                self.cookie = (!expired).then(|| value.to_owned());
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let location = headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        Page {
            status,
            location,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// Posts the sign-in form from `/sign-in` as `email`, with no page to go back to.
pub async fn sign_in(browser: &mut Browser, email: &str, password: &str) -> Page {
    browser
        .post_form(
            "/api/sign-in",
            "/sign-in",
            &[("email", email), ("password", password), ("next", "")],
        )
        .await
}

/// The headers every form submission carries: to our host, asking for HTML, from
/// `from_page` on this site.
fn form_post(action: &str, from_page: &str, content_type: &str) -> axum::http::request::Builder {
    Request::post(action)
        .header(header::HOST, HOST)
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::CONTENT_TYPE, content_type)
        .header(header::REFERER, format!("http://{HOST}{from_page}"))
        .header(header::ORIGIN, format!("http://{HOST}"))
}

fn serde_urlencoded(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The text a person sees: tags stripped, and scripts and styles dropped (Leptos puts
/// its serialized data, error messages included, in scripts, which no one sees).
pub fn text(html: &str) -> String {
    let mut visible = String::with_capacity(html.len());
    let mut rest = html;
    let next_hidden = |s: &str| {
        [s.find("<script"), s.find("<style")]
            .into_iter()
            .flatten()
            .min()
    };
    while let Some(start) = next_hidden(rest) {
        let close = if rest[start..].starts_with("<script") {
            "</script>"
        } else {
            "</style>"
        };
        visible.push_str(&rest[..start]);
        rest = match rest[start..].find(close) {
            Some(end) => &rest[start + end + close.len()..],
            None => "",
        };
    }
    visible.push_str(rest);
    let mut out = String::with_capacity(visible.len());
    let mut in_tag = false;
    for c in visible.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks that the text `shown` contains each of `expected`.
#[track_caller]
pub fn assert_shows(shown: &str, expected: &[&str]) {
    for message in expected {
        assert!(shown.contains(message), "{message}: {shown}");
    }
}

/// The pages of record `id` in `area`: `/{area}/{id}` and its edit and delete pages.
pub fn record_pages(area: &str, id: impl std::fmt::Display) -> [String; 3] {
    [
        format!("/{area}/{id}"),
        format!("/{area}/{id}/edit"),
        format!("/{area}/{id}/delete"),
    ]
}

/// Checks that `browser` gets "not found" for each of `paths`, with no sign of `secret`;
/// returns those pages.
pub async fn assert_not_found<P: AsRef<str>>(
    browser: &mut Browser,
    paths: &[P],
    secret: &str,
) -> Vec<Page> {
    let mut pages = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let page = browser.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!page.body.contains(secret), "{path} leaks");
        pages.push(page);
    }
    pages
}

/// Today in UTC, as the server dates what it records.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// A date as the forms write it: `2026-01-31`.
pub fn iso(date: time::Date) -> String {
    florin_app::form::format_date(date)
}
