//! Exchange rates by date and currency pair, per organisation: a list with a date and
//! currency filter, one rate added by hand, many imported from CSV (all or nothing), and
//! deletion behind a confirmation page. Rates are exact decimals (`florin::fx::Rate`);
//! the CSV is read by `florin::rate_csv`.
//!
//! Rule: this file is the feature's face (its modules, what others use, its routes);
//! the pages and server code import `types` and each other, never this file.

mod add;
mod delete;
mod import;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use add::{AddRate, add_rate};
pub use delete::{DeleteRate, DeleteRatePage, GetRate, delete_rate, get_rate};
pub use florin::rate_csv::{CSV_MAX_ROWS, CsvRate, parse_csv};
pub use import::{ImportRates, import_rates};
pub use list::{ListRates, RatesPage, list_rates};
pub use types::{LIST_LIMIT, RateImportInput, RateInput, RateView, RatesData, RatesQuery};

crate::routes!(RateRoutes {
    "/rates" => RatesPage,
    "/rates/:id/delete" => DeleteRatePage,
});
