//! Exchange rates by date and currency pair, per organisation.

#[cfg(feature = "ssr")]
pub mod repo;
