//! Checks shared by the core's unit tests.

use crate::fx::Rate;
use std::fmt::Debug;
use time::Date;

/// Every value of a stored enum reads back from its stored name: `parse(as_str(v))` is
/// `Some(v)` for each `v` in `all`.
pub(crate) fn assert_names_round_trip<T: Copy + PartialEq + Debug>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
) {
    for &value in all {
        assert_eq!(parse(as_str(value)), Some(value), "{value:?}");
    }
}

/// An exchange rate as stored, (base, quote, date, rate), for building a `RateBook`.
pub(crate) fn rate_row(
    base: &str,
    quote: &str,
    on: Date,
    rate: &str,
) -> (String, String, Date, Rate) {
    let rate = Rate::parse(rate).expect("valid rate");
    (base.to_owned(), quote.to_owned(), on, rate)
}
