//! Types shared by the import pages and their server code: the limits, the column
//! mapping as the URL and the commit form carry it, and what the pages show.
//! Rule: pages and `ssr`/`repo` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows accepted in one file.
pub const MAX_ROWS: usize = 100_000;
/// Most columns accepted in one file: bank exports have a dozen or two.
pub const MAX_COLUMNS: usize = 100;
/// Rows shown in the preview table; every row is still checked.
pub const PREVIEW_ROWS: usize = 100;

/// The mapping's fields as the form and the URL carry them: a column index or empty.
pub const MAPPED_FIELDS: [(&str, &str); 9] = [
    ("date", "Date"),
    ("amount", "Amount (signed)"),
    ("debit", "Money out"),
    ("credit", "Money in"),
    ("payee", "Payee or description"),
    ("notes", "Notes"),
    ("category", "Category"),
    ("tags", "Tags"),
    ("external_id", "Bank's transaction id"),
];

/// A column mapping as text, exactly as in the preview page's URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MappingQuery {
    pub date: String,
    pub amount: String,
    pub debit: String,
    pub credit: String,
    pub payee: String,
    pub notes: String,
    pub category: String,
    pub tags: String,
    pub external_id: String,
    pub date_format: String,
    pub decimal_comma: String,
    /// Set when the user submitted the mapping form (an empty field then means "not in
    /// the file" rather than "use the guess").
    pub mapped: String,
}

impl MappingQuery {
    pub fn field(&self, key: &str) -> &str {
        match key {
            "date" => &self.date,
            "amount" => &self.amount,
            "debit" => &self.debit,
            "credit" => &self.credit,
            "payee" => &self.payee,
            "notes" => &self.notes,
            "category" => &self.category,
            "tags" => &self.tags,
            "external_id" => &self.external_id,
            "date_format" => &self.date_format,
            "decimal_comma" => &self.decimal_comma,
            _ => &self.mapped,
        }
    }
}

/// One row of the preview table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    pub line: usize,
    pub date: String,
    pub payee: String,
    pub amount: String,
    pub category: String,
    /// A `florin::import_review::RowStatus`: "new", "duplicate" or "error".
    pub status: String,
    pub message: String,
}

/// Everything the preview page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub id: i64,
    pub file_name: String,
    pub account_id: i64,
    pub account_name: String,
    pub currency: String,
    pub committed: bool,
    pub imported: i64,
    pub skipped: i64,
    pub headers: Vec<String>,
    /// The mapping in effect (the URL's, else the guess).
    pub mapping: MappingQuery,
    /// Problems with the mapping itself, by field.
    pub mapping_errors: Vec<(String, String)>,
    pub date_formats: Vec<(String, String)>,
    pub total: usize,
    pub new_rows: usize,
    pub duplicates: usize,
    pub error_count: usize,
    /// The first row errors, as sentences.
    pub errors: Vec<String>,
    pub rows: Vec<PreviewRow>,
}

/// The upload page: the accounts to import into and the recent imports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportStart {
    pub accounts: Vec<(String, String)>,
    pub recent: Vec<RecentImport>,
}

/// One recent import, as the upload page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentImport {
    pub id: i64,
    pub file_name: String,
    pub account_name: String,
    pub rows: i64,
    /// A `florin::import_review::BatchStatus`: "pending" or "committed".
    pub status: String,
    pub imported: i64,
    pub skipped: i64,
    pub created: String,
}
