//! The Florin server: configuration, database, router assembly, sessions, security layers
//! and the command line.

pub mod api;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod export;
pub mod health;
pub mod imports;
pub mod jobs;
pub mod router;
pub mod security;
pub mod sessions;
