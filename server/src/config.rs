//! Configuration from environment variables (and an optional `.env` file read by the
//! launcher). Every setting has a safe default; see `.env.example`.

use florin::lockout::LockoutPolicy;
use florin_app::state::AuthSettings;
use std::net::SocketAddr;
use std::path::PathBuf;
use time::Duration;

#[derive(Clone, Debug)]
pub struct Config {
    pub addr: SocketAddr,
    pub database_url: String,
    pub data_dir: PathBuf,
    pub site_root: PathBuf,
    /// Only explicit local development turns the `Secure` cookie flag (and HSTS) off.
    pub development: bool,
    pub json_logs: bool,
    pub auth: AuthSettings,
    pub db_max_connections: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|e: T::Err| ConfigError::Invalid {
                name,
                reason: e.to_string(),
            }),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let data_dir = PathBuf::from(var("FLORIN_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = var("DATABASE_URL").unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", data_dir.join("florin.db").display())
        });
        let addr = parse(
            "FLORIN_ADDR",
            parse::<SocketAddr>("LEPTOS_SITE_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?,
        )?;
        let environment = var("FLORIN_ENV").unwrap_or_else(|| "production".into());
        let development = match environment.as_str() {
            "development" => true,
            "production" => false,
            other => {
                return Err(ConfigError::Invalid {
                    name: "FLORIN_ENV",
                    reason: format!("expected development or production, got {other}"),
                });
            }
        };
        let max_failures: i64 = parse("FLORIN_LOCKOUT_MAX_FAILURES", 5)?;
        if max_failures < 1 {
            return Err(ConfigError::Invalid {
                name: "FLORIN_LOCKOUT_MAX_FAILURES",
                reason: "must be at least 1".into(),
            });
        }
        let auth = AuthSettings {
            lockout: LockoutPolicy {
                max_failures,
                duration: Duration::minutes(parse("FLORIN_LOCKOUT_MINUTES", 15)?),
            },
            session_idle: Duration::minutes(parse("FLORIN_SESSION_IDLE_MINUTES", 12 * 60)?),
            session_absolute: Duration::hours(parse("FLORIN_SESSION_ABSOLUTE_HOURS", 7 * 24)?),
        };
        Ok(Self {
            addr,
            database_url,
            data_dir,
            site_root: PathBuf::from(
                var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            ),
            development,
            json_logs: var("FLORIN_LOG_FORMAT").as_deref() == Some("json"),
            auth,
            db_max_connections: parse("FLORIN_DB_MAX_CONNECTIONS", 8)?,
        })
    }
}
