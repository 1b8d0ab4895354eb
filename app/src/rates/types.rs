//! Types shared by the exchange-rate pages and their server code: what pages show, the
//! list's filter as the URL carries it, and what the forms post.
//! Rule: pages and `ssr`/`repo` both import from here, never from each other.

use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// How many rates the list shows; narrower dates reach older ones.
pub const LIST_LIMIT: usize = 200;

/// One rate as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateView {
    pub id: i64,
    pub date: String,
    pub base: String,
    pub quote: String,
    pub rate: String,
    pub source: String,
}

/// The list's filter exactly as it appears in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesQuery {
    pub from: String,
    pub to: String,
    pub currency: String,
}

/// The rates page: the newest matching rates and the add form's defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesData {
    pub rates: Vec<RateView>,
    /// True when more rates match than the list shows.
    pub more: bool,
    /// Errors in the filter (a date that does not parse); the filter is then not applied.
    pub errors: FieldErrors,
    /// Defaults for the add form.
    pub base_currency: String,
    pub today: String,
}

/// The add form as posted: one unit of `base` is worth `rate` of `quote` on `date`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateInput {
    pub date: String,
    pub base: String,
    pub quote: String,
    pub rate: String,
}

/// The import form as posted: `date,base,quote,rate` lines.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RateImportInput {
    pub csv: String,
}
