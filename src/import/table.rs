//! Reading a CSV file into headers and raw rows, before any cell is given a meaning.
//! Every row keeps the file line it starts on, so a later error can point at it.

use super::dates::DateFormat;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A CSV file split into its header and data rows, before any meaning is given to them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Column names, trimmed.
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

/// One data row. Its length may differ from the header's: short rows are reported when
/// a mapped cell is missing, not refused while reading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    /// 1-based line in the file where the row starts (the header is usually line 1).
    pub line: usize,
    pub cells: Vec<String>,
}

impl Table {
    /// The name to show for a column: its header, or "Column 3" when the header is blank.
    pub fn column_name(&self, index: usize) -> String {
        match self.headers.get(index) {
            Some(name) if !name.is_empty() => name.clone(),
            _ => format!("Column {}", index + 1),
        }
    }
}

/// Why a file could not be read as a table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    NotUtf8,
    Empty,
    /// The first line holds data (a date) rather than column names.
    NoHeader {
        line: usize,
    },
    NoRows,
    TooManyRows {
        max: usize,
    },
    Malformed {
        line: usize,
    },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotUtf8 => f.write_str(
                "The file is not UTF-8 text. Save or export it again as “CSV UTF-8” and retry.",
            ),
            Self::Empty => f.write_str("The file is empty."),
            Self::NoHeader { line } => write!(
                f,
                "Line {line} holds data, not column names. Add a first line naming the columns \
                 (for example Date, Payee, Amount) and retry."
            ),
            Self::NoRows => f.write_str("The file names its columns but has no rows."),
            Self::TooManyRows { max } => write!(
                f,
                "The file has more than {max} rows. Split it into smaller files and import \
                 them one by one."
            ),
            Self::Malformed { line } => {
                write!(f, "Line {line} could not be read as CSV.")
            }
        }
    }
}

impl std::error::Error for TableError {}

const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Reads a CSV file: UTF-8 (a byte-order mark is dropped), delimiter detected from the
/// header line, blank lines skipped, at most `max_rows` data rows.
pub fn read_table(bytes: &[u8], max_rows: usize) -> Result<Table, TableError> {
    let text = std::str::from_utf8(bytes).map_err(|_| TableError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());

    let mut lines = LineCounter::new(text);
    let mut header: Option<TableRow> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => {
                let line = lines.last_line(reader.position().byte()) + 1;
                return Err(TableError::Malformed { line });
            }
        }
        if record.iter().all(|cell| cell.trim().is_empty()) {
            // Spreadsheets save empty rows as ",,,"; they carry nothing to import.
            continue;
        }
        let line = lines.start_line(reader.position().byte(), &record);
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if header.is_none() {
            header = Some(TableRow { line, cells });
            continue;
        }
        if rows.len() == max_rows {
            return Err(TableError::TooManyRows { max: max_rows });
        }
        rows.push(TableRow { line, cells });
    }

    let header = header.ok_or(TableError::Empty)?;
    if looks_like_data(&header.cells) {
        return Err(TableError::NoHeader { line: header.line });
    }
    if rows.is_empty() {
        return Err(TableError::NoRows);
    }
    let headers = header.cells.iter().map(|h| h.trim().to_owned()).collect();
    Ok(Table { headers, rows })
}

/// File line numbers for records. csv's own record positions are taken before the blank
/// lines it skips and, with CRLF endings, before the previous line's "\n"; so the line is
/// counted back from where the record ended, keeping a running count so that a large
/// file is scanned once.
struct LineCounter<'t> {
    text: &'t str,
    counted_to: usize,
    newlines: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text,
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The line holding the last character before byte `end`, not counting the record
    /// terminator just read.
    fn last_line(&mut self, end: u64) -> usize {
        let end = usize::try_from(end)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        let consumed = self.text.get(..end).unwrap_or(self.text);
        let body = consumed.strip_suffix('\n').unwrap_or(consumed);
        let body = body.strip_suffix('\r').unwrap_or(body);
        if body.len() > self.counted_to {
            let fresh = self
                .text
                .get(self.counted_to..body.len())
                .unwrap_or_default();
            self.newlines += fresh.matches('\n').count();
            self.counted_to = body.len();
        }
        1 + self.newlines
    }

    /// The line a record that ended at byte `end` started on: its last line less the
    /// line breaks quoted inside its cells.
    fn start_line(&mut self, end: u64, record: &csv::StringRecord) -> usize {
        let embedded: usize = record.iter().map(|cell| cell.matches('\n').count()).sum();
        self.last_line(end).saturating_sub(embedded).max(1)
    }
}

/// The delimiter used most often in the first line, outside quotes; a comma when the
/// line has none (a one-column file) or on a tie, since comma files are the most common.
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0_usize; DELIMITERS.len()];
    let mut quoted = false;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = DELIMITERS.iter().position(|d| *d == byte) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for (i, count) in counts.iter().enumerate() {
        if *count > counts[best] {
            best = i;
        }
    }
    DELIMITERS[best]
}

/// Every statement has a date column, so a first line holding a date is a headerless
/// file whose first transaction would otherwise be taken for column names.
fn looks_like_data(cells: &[String]) -> bool {
    cells.iter().any(|cell| {
        DateFormat::ALL
            .iter()
            .any(|format| format.parse_date(cell).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rows::parse_rows;
    use crate::import::test_support::{cells, simple_mapping, table};

    #[test]
    fn reads_a_simple_comma_file_with_line_numbers() {
        let t = table("Date, Payee ,Amount\n2026-01-31,Shop,-12.00\n2026-02-01,Boss,100\n");
        assert_eq!(t.headers, ["Date", "Payee", "Amount"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(cells(&t.rows[1]), ["2026-02-01", "Boss", "100"]);
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn byte_order_mark_is_dropped_from_the_first_header() {
        let t = read_table("\u{feff}Date,Amount\n2026-01-31,1\n".as_bytes(), 10).expect("table");
        assert_eq!(t.headers, ["Date", "Amount"]);
    }

    #[test]
    fn invalid_utf8_is_refused_with_advice() {
        let latin1 = b"Date,Payee\n2026-01-31,Caf\xe9\n";
        let error = read_table(latin1, 10).expect_err("not utf-8");
        assert_eq!(error, TableError::NotUtf8);
        assert!(error.to_string().contains("UTF-8"));
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(read_table(b"", 10), Err(TableError::Empty));
        assert_eq!(read_table(b"\n\r\n  \n,,\n", 10), Err(TableError::Empty));
        assert_eq!(
            read_table("\u{feff}".as_bytes(), 10),
            Err(TableError::Empty)
        );
        assert_eq!(read_table(b"Date,Amount\n\n", 10), Err(TableError::NoRows));
        assert_eq!(TableError::Empty.to_string(), "The file is empty.");
    }

    #[test]
    fn a_file_starting_with_data_is_refused_as_headerless() {
        let error = read_table(b"31/01/2026,Shop,-12.00\n01/02/2026,Shop,-3\n", 10);
        assert_eq!(error, Err(TableError::NoHeader { line: 1 }));
        assert!(
            TableError::NoHeader { line: 1 }
                .to_string()
                .starts_with("Line 1 holds data")
        );
    }

    #[test]
    fn semicolon_files_are_detected() {
        let t = table("Datum;Empfänger;Betrag\n31.01.2026;Bäckerei, Müller;-1.234,56\n");
        assert_eq!(t.headers, ["Datum", "Empfänger", "Betrag"]);
        assert_eq!(
            cells(&t.rows[0]),
            ["31.01.2026", "Bäckerei, Müller", "-1.234,56"]
        );
    }

    #[test]
    fn tab_files_are_detected() {
        let t = table("Date\tPayee\tAmount\n2026-01-31\tShop, Inc\t-12.00\n");
        assert_eq!(t.headers, ["Date", "Payee", "Amount"]);
        assert_eq!(cells(&t.rows[0]), ["2026-01-31", "Shop, Inc", "-12.00"]);
    }

    #[test]
    fn delimiters_inside_quoted_headers_do_not_count() {
        assert_eq!(detect_delimiter("\"a;b;c\",d\n"), b',');
        assert_eq!(detect_delimiter("a;b,c;d\n"), b';');
        assert_eq!(detect_delimiter("Only\n1\n"), b',');
    }

    #[test]
    fn quoted_fields_keep_delimiters_quotes_and_newlines_and_crlf_is_handled() {
        let text = "Date,Payee,Notes\r\n\
                    2026-01-31,\"Smith, \"\"Bob\"\"\",\"two\r\nlines\"\r\n\
                    2026-02-01,Plain,x\r\n";
        let t = table(text);
        assert_eq!(t.rows[0].cells[1], "Smith, \"Bob\"");
        assert_eq!(t.rows[0].cells[2], "two\r\nlines");
        // The quoted newline pushes the next row down a line in the file.
        assert_eq!((t.rows[0].line, t.rows[1].line), (2, 4));
    }

    #[test]
    fn blank_lines_are_skipped_and_line_numbers_still_match_the_file() {
        let t = table("\nDate,Amount\n\n2026-01-31,1\n   \n,,\n2026-02-01,2\n\n");
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 4);
        assert_eq!(t.rows[1].line, 7);
    }

    #[test]
    fn line_numbers_survive_crlf_blank_lines_and_quoted_breaks_together() {
        let t = table(
            "\r\nDate,Notes\r\n\r\n2026-01-31,\"a\r\nb\r\nc\"\r\n\r\n2026-02-01,x\r\n2026-02-02,\"\"\r\n",
        );
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 8, 9]);
        let lf = table("Date,Notes\n2026-01-31,\"a\nb\"\n2026-02-01,x");
        let lines: Vec<usize> = lf.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4]);
    }

    #[test]
    fn short_and_long_rows_are_kept_for_per_row_reporting() {
        let t = table("Date,Payee,Amount\n2026-01-31,Shop\n2026-01-31,Shop,1,extra\n");
        assert_eq!(t.rows[0].cells.len(), 2);
        assert_eq!(t.rows[1].cells.len(), 4);
        let outcomes = parse_rows(&t, &simple_mapping(), "USD");
        assert_eq!(
            outcomes[0].clone().expect_err("short row").to_string(),
            "Line 2, Amount: The line has only 2 columns, so this one is missing."
        );
        assert!(outcomes[1].is_ok());
    }

    #[test]
    fn row_limit_is_enforced_on_data_rows_only() {
        let text = "Date,Amount\n2026-01-01,1\n2026-01-02,2\n\n";
        assert_eq!(read_table(text.as_bytes(), 2).map(|t| t.rows.len()), Ok(2));
        let error = read_table(text.as_bytes(), 1).expect_err("too many");
        assert_eq!(error, TableError::TooManyRows { max: 1 });
        assert!(error.to_string().contains("more than 1 rows"));
    }

    #[test]
    fn blank_headers_are_named_by_position() {
        let t = table("Date,,Amount\n2026-01-31,x,1\n");
        assert_eq!(t.column_name(1), "Column 2");
        assert_eq!(t.column_name(2), "Amount");
        assert_eq!(t.column_name(9), "Column 10");
    }
}
