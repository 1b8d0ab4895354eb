//! Florin's domain core: the rules every feature trusts.
//!
//! Pure Rust with no I/O and no web or database types, so it compiles for the server and
//! for the browser (wasm) alike and can be unit-tested exhaustively.

pub mod breakdown;
pub mod calendar;
pub mod currency;
pub mod direction;
pub mod email;
pub mod fx;
pub mod import;
pub mod ledger;
pub mod loan;
pub mod lockout;
pub mod money;
pub mod notification;
pub mod password;
pub mod planning;
pub mod profile;
pub mod report;
pub mod role;
pub mod sign_in;
pub mod spreadsheet;
pub mod summary;
pub mod timezone;
