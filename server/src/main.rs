//! `florin`: serves the app, or runs an operator command (`florin help`).

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    florin_server::cli::run(std::env::args().skip(1).collect()).await
}
