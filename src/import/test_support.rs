//! Builders shared by the import modules' tests: one place that knows how to make a
//! table from CSV text and the usual Date, Payee, Amount mapping.

use super::mapping::Mapping;
use super::table::{Table, TableRow, read_table};

/// CSV text the test knows is a valid table; the row limit never gets in the way.
pub(super) fn table(text: &str) -> Table {
    read_table(text.as_bytes(), 1000).expect("a readable table")
}

/// A row's cells as `&str`, to compare with array literals.
pub(super) fn cells(row: &TableRow) -> Vec<&str> {
    row.cells.iter().map(String::as_str).collect()
}

/// A mapping of Date, Payee, Amount in columns 0, 1, 2.
pub(super) fn simple_mapping() -> Mapping {
    Mapping {
        date: Some(0),
        payee: Some(1),
        amount: Some(2),
        ..Mapping::default()
    }
}
