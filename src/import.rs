//! CSV statement import and CSV export rules.
//!
//! Pure: bytes in, rows or per-row errors out. Nothing here reads files, touches the
//! database or knows about accounts; the caller decides what to insert, and every row
//! that cannot be trusted comes back as an error naming its line and column instead of
//! being guessed at.
//!
//! Layout: [`read_table`] splits the file, [`guess_mapping`] proposes which column is which,
//! [`parse_rows`] reads each row with the confirmed [`Mapping`]; export writes what import
//! reads back. Each step lives in its own module; this file only names the public paths.

mod dates;
mod duplicates;
mod export;
mod formula;
mod mapping;
mod rows;
mod table;
#[cfg(test)]
mod test_support;

pub use dates::DateFormat;
pub use duplicates::duplicate_key;
pub use export::{
    Counterpart, EXPORT_HEADERS, ExportRow, UTF8_BOM, export_csv, export_line, export_record,
};
pub use mapping::{Mapping, guess_mapping};
pub use rows::{
    ImportRow, MAX_CATEGORY_CHARS, MAX_EXTERNAL_ID_CHARS, MAX_NOTES_CHARS, MAX_PAYEE_CHARS,
    MAX_TAGS_CHARS, ROW, RowError, RowOutcome, parse_rows,
};
pub use table::{Table, TableError, TableRow, read_table};
