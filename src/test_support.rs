//! Checks shared by the core's unit tests.

use crate::fx::Rate;
use std::fmt::Debug;
use time::Date;

/// Every value of a stored enum reads back from its stored name: `parse(as_str(v))` is
/// `Some(v)` for each `v` in `all`.
pub(crate) fn names_round_trip<T: Copy + PartialEq + Debug>(
    all: impl AsRef<[T]>,
    as_str: fn(T) -> &'static str,
    parse: fn(&str) -> Option<T>,
) {
    for &value in all.as_ref() {
        assert_eq!(parse(as_str(value)), Some(value), "{value:?}");
    }
}

/// [`names_round_trip`] for each enum named, through its `ALL`, `as_str` and `parse`.
macro_rules! assert_names_round_trip {
    ($($kind:ty),+ $(,)?) => {$(
        $crate::test_support::names_round_trip(<$kind>::ALL, <$kind>::as_str, <$kind>::parse);
    )+};
}
pub(crate) use assert_names_round_trip;

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

/// A date written "2024-01-31", so a table of cases reads on one line each.
pub(crate) fn day(iso: &str) -> Date {
    Date::parse(
        iso,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .expect("an ISO date")
}
