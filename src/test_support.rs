//! Checks shared by the core's unit tests.

use std::fmt::Debug;

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
