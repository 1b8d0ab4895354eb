//! Florin's domain core: the rules every feature trusts.
//!
//! Pure Rust with no I/O and no web or database types, so it compiles for the server and
//! for the browser (wasm) alike and can be unit-tested exhaustively.

pub mod breakdown;
pub mod budget_lines;
pub mod calendar;
pub mod currency;
pub mod debt_stats;
mod decimal;
pub mod direction;
pub mod email;
pub mod fx;
pub mod goal;
pub mod import;
pub mod import_review;
pub mod ledger;
pub mod limit;
pub mod loan;
pub mod lockout;
pub mod money;
pub mod notification;
pub mod password;
pub mod plan_labels;
pub mod planning;
pub mod profile;
pub mod rate_csv;
pub mod report;
pub mod role;
pub mod sign_in;
pub mod spreadsheet;
pub mod summary;
pub mod timezone;
pub mod transaction;

#[cfg(test)]
mod test_support;
