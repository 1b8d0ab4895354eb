//! The command line: `serve` (default), `migrate`, `admin create EMAIL`, `demo`.

use crate::config::Config;
use crate::{db, demo, jobs, router};
use florin::email::Email;
use florin::role::UserRole;
use florin_app::auth::{hashing, repo};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "\
usage: florin [COMMAND]

commands:
  serve               start the web server (the default)
  migrate             apply database migrations and exit
  admin create EMAIL  create an instance administrator; the password is read from
                      FLORIN_ADMIN_PASSWORD or, if unset, asked for on the terminal
  demo [--email EMAIL] [--password PASSWORD] [--transactions N] [--seed S]
                      create a demo user with about three years of one household's
                      transactions in USD, EUR and JPY (about 4,000; N spreads that many
                      over the same three years, for benchmarks). Defaults: demo@florin.test,
                      password florin-demo-books (only with FLORIN_ENV=development),
                      a fixed seed, so the same day gives the same data
  help                show this message

Configuration comes from environment variables; see .env.example.";

pub async fn run(args: Vec<String>) -> ExitCode {
    // An optional .env in the working directory; real environment variables win.
    let _ = dotenvy::dotenv();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("florin: {error}");
            return ExitCode::FAILURE;
        }
    };
    init_tracing(&config);
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        [] | ["serve"] => serve(config).await,
        ["migrate"] => open(&config).await.map(|_| ()),
        ["admin", "create", email] => create_admin(&config, email).await,
        ["demo", options @ ..] => demo(&config, options).await,
        ["help"] | ["--help"] | ["-h"] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("florin: {message}");
            ExitCode::FAILURE
        }
    }
}

fn init_tracing(config: &Config) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if config.json_logs {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn open(config: &Config) -> Result<florin_app::db::Db, String> {
    let db = db::connect(&config.database_url, config.db_max_connections)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    db::migrate(&db)
        .await
        .map_err(|e| format!("cannot apply migrations: {e}"))?;
    Ok(db)
}

async fn serve(config: Config) -> Result<(), String> {
    let jobs = jobs::JobSettings::from_env()?;
    let db = open(&config).await?;
    let (stop_jobs, jobs_stop) = tokio::sync::watch::channel(false);
    let jobs = tokio::spawn(jobs::run(db.clone(), jobs, jobs_stop));
    let (app, store) = router::build(&config, db)
        .await
        .map_err(|e| format!("cannot prepare sessions: {e}"))?;
    tokio::spawn(async move {
        use tower_sessions::session_store::ExpiredDeletion;
        if let Err(error) = store
            .continuously_delete_expired(tokio::time::Duration::from_secs(3600))
            .await
        {
            tracing::error!(%error, "expired-session cleanup stopped");
        }
    });
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?;
    let url = format!("http://{}", config.addr);
    tracing::info!(%url, development = config.development, "Florin is listening");
    println!("Florin is running at {url}");
    // Each connection's peer address reaches the handlers: sign-in counts failures by it.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            // The jobs finish the run in progress and release their lease.
            let _ = stop_jobs.send(true);
        })
        .await
        .map_err(|e| format!("server error: {e}"));
    if let Err(error) = jobs.await {
        tracing::error!(%error, "the background jobs ended abnormally");
    }
    served?;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM; in-flight requests then finish before exit.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

async fn create_admin(config: &Config, raw_email: &str) -> Result<(), String> {
    let email = Email::parse(raw_email).map_err(|e| e.to_string())?;
    let password = match std::env::var("FLORIN_ADMIN_PASSWORD") {
        Ok(password) if !password.is_empty() => password,
        _ => rpassword::prompt_password("Password for the new administrator: ")
            .map_err(|e| format!("cannot read the password: {e}"))?,
    };
    florin::password::check_new(&password, email.as_str()).map_err(|e| e.to_string())?;
    let db = open(config).await?;
    let hash = hashing::hash(password).await.map_err(|e| e.to_string())?;
    let new = repo::NewUser {
        email: email.clone(),
        role: UserRole::Admin,
        first_name: String::new(),
        base_currency: "USD".into(),
    };
    let id = repo::create_user(&db, new, hash)
        .await
        .map_err(|e| e.to_string())?;
    println!("Created administrator {email} (user {id}).");
    Ok(())
}

async fn demo(config: &Config, args: &[&str]) -> Result<(), String> {
    let options = demo::Options::from_args(args)?;
    let public_password = options.password == demo::DEFAULT_PASSWORD;
    if public_password && !config.development {
        return Err(
            "the demo password is published; pass --password, or set FLORIN_ENV=development \
             on an instance that is only for trying Florin out"
                .into(),
        );
    }
    let db = open(config).await?;
    let summary = demo::generate(&db, &options)
        .await
        .map_err(|e| e.to_string())?;
    let password = if public_password {
        format!(" (password {})", demo::DEFAULT_PASSWORD)
    } else {
        String::new()
    };
    println!(
        "Created demo user {}{password}: {summary}.",
        options.email.trim().to_lowercase()
    );
    Ok(())
}
