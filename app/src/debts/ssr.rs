//! Server-side work of the debt pages: forms parsed into domain values, statistics,
//! schedules and plans (from `florin::loan` and `florin::debt_stats`), and rows shaped
//! for display.
//!
//! Rule: reads and writes go through `repo`; nothing here imports a page. This file only
//! names what the pages, the chart and other features call.

mod detail;
mod display;
mod fields;
mod form;
mod overview;
mod payment;
mod planner;

pub use crate::form::format_date;
pub use detail::detail;
pub use display::summary;
pub use form::{DEFAULT_REMINDER_DAYS, MAX_REMINDER_DAYS, form, save, validate};
pub use overview::overview;
pub use payment::{generate_reference, over_payment_message, pay};
pub use planner::{Plans, balance_series, planner, plans};
