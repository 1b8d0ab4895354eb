//! CSV statement import and CSV export rules.
//!
//! Pure: bytes in, rows or per-row errors out. Nothing here reads files, touches the
//! database or knows about accounts; the caller decides what to insert, and every row
//! that cannot be trusted comes back as an error naming its line and column instead of
//! being guessed at.

use crate::currency::{self, Currency};
use crate::ledger::{self, Source, TransactionKind};
use crate::money::{self, AmountError, Money, NumberFormat};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

// ---------------------------------------------------------------------------------------
// Reading the table
// ---------------------------------------------------------------------------------------

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
            TableError::NotUtf8 => f.write_str(
                "The file is not UTF-8 text. Save or export it again as “CSV UTF-8” and retry.",
            ),
            TableError::Empty => f.write_str("The file is empty."),
            TableError::NoHeader { line } => write!(
                f,
                "Line {line} holds data, not column names. Add a first line naming the columns \
                 (for example Date, Payee, Amount) and retry."
            ),
            TableError::NoRows => f.write_str("The file names its columns but has no rows."),
            TableError::TooManyRows { max } => write!(
                f,
                "The file has more than {max} rows. Split it into smaller files and import \
                 them one by one."
            ),
            TableError::Malformed { line } => {
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

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

/// How a statement writes its dates. Years always have four digits: "01/02/03" cannot be
/// read without guessing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// 2026-01-31
    #[default]
    Iso,
    /// 31/01/2026, 31-01-2026, 31.01.2026
    DayMonthYear,
    /// 01/31/2026, 01-31-2026
    MonthDayYear,
    /// 2026/01/31, 2026.01.31
    YearMonthDaySlash,
}

impl DateFormat {
    /// In the order [`DateFormat::detect`] prefers them.
    pub const ALL: &'static [DateFormat] = &[
        DateFormat::Iso,
        DateFormat::DayMonthYear,
        DateFormat::MonthDayYear,
        DateFormat::YearMonthDaySlash,
    ];

    /// The name used in forms and saved mappings.
    pub fn as_str(self) -> &'static str {
        match self {
            DateFormat::Iso => "iso",
            DateFormat::DayMonthYear => "day_month_year",
            DateFormat::MonthDayYear => "month_day_year",
            DateFormat::YearMonthDaySlash => "year_month_day_slash",
        }
    }

    /// The name shown to people: an example date, so nobody has to decode "DMY".
    pub fn label(self) -> &'static str {
        match self {
            DateFormat::Iso => "2026-01-31",
            DateFormat::DayMonthYear => "31/01/2026 (day first)",
            DateFormat::MonthDayYear => "01/31/2026 (month first)",
            DateFormat::YearMonthDaySlash => "2026/01/31",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        Self::ALL.iter().copied().find(|f| f.as_str() == raw)
    }

    /// Reads a date; a time after it ("2026-01-31 08:15", "2026-01-31T08:15:00") is
    /// ignored because statements list days, and some exports add midnight to every row.
    pub fn parse_date(self, raw: &str) -> Option<Date> {
        let day_part = raw.split_whitespace().next()?;
        let (separators, order): (&[char], [usize; 3]) = match self {
            DateFormat::Iso => (&['-'], [0, 1, 2]),
            DateFormat::DayMonthYear => (&['/', '-', '.'], [2, 1, 0]),
            DateFormat::MonthDayYear => (&['/', '-'], [2, 0, 1]),
            DateFormat::YearMonthDaySlash => (&['/', '.'], [0, 1, 2]),
        };
        let day_part = match self {
            DateFormat::Iso => day_part.split('T').next()?,
            _ => day_part,
        };
        let parts = split_date(day_part, separators)?;
        let [year, month, day] = order.map(|i| parts[i]);
        if year.len() != 4 || month.len() > 2 || day.len() > 2 {
            return None;
        }
        let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
        Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
    }

    /// The first format, in [`DateFormat::ALL`] order, that reads every non-empty sample;
    /// `None` when there are no samples or none fits. When all days are 12 or less the
    /// file is ambiguous and day-first wins, as most of the world writes it.
    pub fn detect(samples: &[&str]) -> Option<DateFormat> {
        let samples: Vec<&str> = samples
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if samples.is_empty() {
            return None;
        }
        Self::ALL
            .iter()
            .copied()
            .find(|format| samples.iter().all(|s| format.parse_date(s).is_some()))
    }
}

/// Three all-digit parts joined by the same separator (so "31/01-2026" is refused).
fn split_date<'a>(text: &'a str, separators: &[char]) -> Option<[&'a str; 3]> {
    let separator = text.chars().find(|c| !c.is_ascii_digit())?;
    if !separators.contains(&separator) {
        return None;
    }
    let mut parts = text.split(separator);
    let found = [parts.next()?, parts.next()?, parts.next()?];
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (parts.next().is_none() && found.iter().all(|p| digits(p))).then_some(found)
}

// ---------------------------------------------------------------------------------------
// Mapping columns to fields
// ---------------------------------------------------------------------------------------

/// Which column holds which field, and how dates and numbers are written. Saved per
/// account so the next statement from the same bank needs no questions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mapping {
    pub date: Option<usize>,
    /// Signed: negative is money out (expense), positive is money in (income).
    pub amount: Option<usize>,
    /// Money out, written as a positive number.
    pub debit: Option<usize>,
    /// Money in, written as a positive number.
    pub credit: Option<usize>,
    pub payee: Option<usize>,
    pub notes: Option<usize>,
    pub category: Option<usize>,
    pub tags: Option<usize>,
    pub external_id: Option<usize>,
    pub date_format: DateFormat,
    /// Numbers are written "1.234,56" (or "1 234,56") rather than "1,234.56".
    pub decimal_comma: bool,
}

/// Field keys as used in forms and [`Mapping::check`] errors, with their labels.
const FIELDS: [(&str, &str); 9] = [
    ("date", "Date"),
    ("amount", "Amount"),
    ("debit", "Debit"),
    ("credit", "Credit"),
    ("payee", "Payee"),
    ("notes", "Notes"),
    ("category", "Category"),
    ("tags", "Tags"),
    ("external_id", "External id"),
];

impl Mapping {
    /// The mapped columns in [`FIELDS`] order.
    fn columns(&self) -> [Option<usize>; 9] {
        [
            self.date,
            self.amount,
            self.debit,
            self.credit,
            self.payee,
            self.notes,
            self.category,
            self.tags,
            self.external_id,
        ]
    }

    /// Field errors, keyed by field, for the mapping form.
    pub fn check(&self) -> Result<(), Vec<(&'static str, String)>> {
        let mut errors = Vec::new();
        if self.date.is_none() {
            errors.push(("date", "Choose the column that holds the date.".to_owned()));
        }
        let has_debit_credit = self.debit.is_some() || self.credit.is_some();
        if self.amount.is_none() && !has_debit_credit {
            errors.push((
                "amount",
                "Choose the amount column, or the debit and credit columns.".to_owned(),
            ));
        }
        if self.amount.is_some() && has_debit_credit {
            errors.push((
                "amount",
                "Use either one signed amount column or debit and credit columns, not both."
                    .to_owned(),
            ));
        }
        let columns = self.columns();
        for (i, column) in columns.iter().enumerate() {
            let earlier = columns[..i].iter().position(|c| c.is_some() && c == column);
            if let Some(earlier) = earlier {
                errors.push((
                    FIELDS[i].0,
                    format!("This column is already chosen for {}.", FIELDS[earlier].1),
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The locale whose separators match the file. A comma-decimal file groups with points
/// ("1.234,56") unless the number has spaces ("1 234,56", French style); a point-decimal
/// file with apostrophes is Swiss ("1'234.56").
fn number_format(decimal_comma: bool, digits: &str) -> NumberFormat {
    let spaced = digits.chars().any(char::is_whitespace);
    let tag = match (decimal_comma, spaced) {
        (true, true) => "fr",
        (true, false) => "de",
        (false, _) if digits.contains(['\'', '’']) => "de-CH",
        (false, _) => "en",
    };
    NumberFormat::for_locale(tag)
}

/// Header names for one field: exact names first, then words a longer header may contain
/// ("Booking date (UTC)", "Debit amount").
struct HeaderRule {
    exact: &'static [&'static str],
    contains: &'static [&'static str],
    /// Skip headers mentioning a date: "Value date" is not an amount called "value".
    avoid_dates: bool,
}

const DATE_RULE: HeaderRule = HeaderRule {
    exact: &[
        "date",
        "booking date",
        "transaction date",
        "posted",
        "posted date",
        "posting date",
    ],
    contains: &["date"],
    avoid_dates: false,
};
const AMOUNT_RULE: HeaderRule = HeaderRule {
    exact: &["amount", "value", "sum", "transaction amount"],
    contains: &["amount"],
    avoid_dates: true,
};
const DEBIT_RULE: HeaderRule = HeaderRule {
    exact: &[
        "debit",
        "debits",
        "debit amount",
        "withdrawal",
        "withdrawals",
        "paid out",
        "money out",
    ],
    contains: &["debit", "withdrawal", "paid out", "money out"],
    avoid_dates: true,
};
const CREDIT_RULE: HeaderRule = HeaderRule {
    exact: &[
        "credit",
        "credits",
        "credit amount",
        "deposit",
        "deposits",
        "paid in",
        "money in",
    ],
    contains: &["credit", "deposit", "paid in", "money in"],
    avoid_dates: true,
};
/// Payee, notes, category, tags and external id, in that order.
const TEXT_RULES: [HeaderRule; 5] = [
    HeaderRule {
        exact: &[
            "payee",
            "description",
            "merchant",
            "name",
            "title",
            "counterparty",
        ],
        // Not "name": "Account name" is not a payee.
        contains: &["payee", "description", "merchant", "counterparty"],
        avoid_dates: true,
    },
    HeaderRule {
        exact: &["notes", "note", "memo", "reference"],
        contains: &["memo", "note", "notes", "reference"],
        avoid_dates: true,
    },
    HeaderRule {
        exact: &["category"],
        contains: &["category"],
        avoid_dates: true,
    },
    HeaderRule {
        exact: &["tags", "tag", "labels"],
        contains: &["tags"],
        avoid_dates: true,
    },
    HeaderRule {
        exact: &["id", "external id", "fitid", "transaction id"],
        // Not "id": "Account id" is not the transaction's.
        contains: &["fitid", "transaction id"],
        avoid_dates: true,
    },
];

/// Hands out each column at most once, so two fields never share one.
struct HeaderPicker {
    names: Vec<String>,
    used: Vec<bool>,
}

impl HeaderPicker {
    fn new(headers: &[String]) -> Self {
        let names: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
        let used = vec![false; names.len()];
        HeaderPicker { names, used }
    }

    fn pick(&mut self, rule: &HeaderRule, exact: bool) -> Option<usize> {
        let found = self.names.iter().enumerate().position(|(i, name)| {
            let matches = if exact {
                rule.exact.contains(&name.as_str())
            } else {
                rule.contains.iter().any(|word| contains_words(name, word))
            };
            matches && !self.used[i] && !(rule.avoid_dates && contains_words(name, "date"))
        })?;
        self.used[found] = true;
        Some(found)
    }

    /// Keeps `current` if already found, else tries the looser match.
    fn or_contains(&mut self, current: Option<usize>, rule: &HeaderRule) -> Option<usize> {
        current.or_else(|| self.pick(rule, false))
    }
}

/// A first guess at the mapping, for the person to confirm: columns by header name
/// (case and punctuation ignored; exact names beat partial ones), the date column by
/// content when no header says "date", and the date and number formats from the rows.
/// A signed amount column wins over debit and credit columns.
pub fn guess_mapping(headers: &[String], rows: &[TableRow]) -> Mapping {
    let mut picker = HeaderPicker::new(headers);
    let date = picker.pick(&DATE_RULE, true);
    let amount = picker.pick(&AMOUNT_RULE, true);
    let (mut debit, mut credit) = match amount {
        Some(_) => (None, None),
        None => (
            picker.pick(&DEBIT_RULE, true),
            picker.pick(&CREDIT_RULE, true),
        ),
    };
    let exact: [Option<usize>; 5] = std::array::from_fn(|i| picker.pick(&TEXT_RULES[i], true));

    let mut date = picker.or_contains(date, &DATE_RULE);
    let mut amount = amount;
    if amount.is_none() && debit.is_none() && credit.is_none() {
        debit = picker.pick(&DEBIT_RULE, false);
        credit = picker.pick(&CREDIT_RULE, false);
        if debit.is_none() && credit.is_none() {
            amount = picker.pick(&AMOUNT_RULE, false);
        }
    }
    let [payee, notes, category, tags, external_id] =
        std::array::from_fn(|i| picker.or_contains(exact[i], &TEXT_RULES[i]));

    if date.is_none() {
        date = date_column_by_content(rows, &picker.used);
    }
    let mut mapping = Mapping {
        date,
        amount,
        debit,
        credit,
        payee,
        notes,
        category,
        tags,
        external_id,
        ..Mapping::default()
    };
    if let Some(date) = date {
        mapping.date_format = DateFormat::detect(&column_samples(rows, date)).unwrap_or_default();
    }
    mapping.decimal_comma = guess_decimal_comma(&mapping, rows);
    mapping
}

/// "Transaction_Date " → "transaction date".
fn normalise_header(raw: &str) -> String {
    raw.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `phrase` occurs in `name` as whole words ("paid out" in "amount paid out").
fn contains_words(name: &str, phrase: &str) -> bool {
    let name = format!(" {name} ");
    name.contains(&format!(" {phrase} "))
}

fn column_samples(rows: &[TableRow], column: usize) -> Vec<&str> {
    rows.iter()
        .filter_map(|row| row.cells.get(column))
        .map(String::as_str)
        .collect()
}

/// The first unused column whose every non-empty cell is a date.
fn date_column_by_content(rows: &[TableRow], used: &[bool]) -> Option<usize> {
    (0..used.len()).find(|&column| {
        !used[column] && DateFormat::detect(&column_samples(rows, column)).is_some()
    })
}

/// Votes by the last separator in each amount: followed by one or two digits it is the
/// decimal separator. Three digits ("1,234" or KWD "1.234") could be either and do not
/// vote, so an undecided file keeps the point.
fn guess_decimal_comma(mapping: &Mapping, rows: &[TableRow]) -> bool {
    let mut comma = 0_usize;
    let mut point = 0_usize;
    let columns = [mapping.amount, mapping.debit, mapping.credit];
    for column in columns.into_iter().flatten() {
        for cell in column_samples(rows, column) {
            let digits = cell.trim().trim_end_matches(|c: char| !c.is_ascii_digit());
            let Some(at) = digits.rfind([',', '.']) else {
                continue;
            };
            let decimals = &digits[at + 1..];
            if (1..=2).contains(&decimals.len()) && decimals.chars().all(|c| c.is_ascii_digit()) {
                if digits[at..].starts_with(',') {
                    comma += 1;
                } else {
                    point += 1;
                }
            }
        }
    }
    comma > point
}

// ---------------------------------------------------------------------------------------
// Reading rows
// ---------------------------------------------------------------------------------------

/// One statement line, ready to become an income or expense transaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    pub line: usize,
    pub date: Date,
    /// Income or expense; a statement line never describes both legs of a transfer.
    pub kind: TransactionKind,
    /// Minor units of the account's currency, always positive.
    pub amount: i64,
    pub payee: String,
    pub notes: String,
    /// A category name as written in the file; empty when none.
    pub category: String,
    pub tags: Vec<String>,
    pub external_id: Option<String>,
}

impl ImportRow {
    /// The effect on the account's balance: negative for an expense.
    pub fn signed_amount(&self) -> i64 {
        match self.kind {
            TransactionKind::Expense => -self.amount,
            _ => self.amount,
        }
    }

    pub fn duplicate_key(&self) -> String {
        duplicate_key(self.date, self.signed_amount(), &self.payee)
    }
}

/// Why one row cannot be imported. Shown as "Line 7, Amount: EUR amounts have at most 2
/// decimals."
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: usize,
    /// The column's header, or [`ROW`] when the problem is not one cell's.
    pub column: String,
    pub message: String,
}

/// The `column` of a [`RowError`] about the row as a whole.
pub const ROW: &str = "row";

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column == ROW {
            write!(f, "Line {}: {}", self.line, self.message)
        } else {
            write!(f, "Line {}, {}: {}", self.line, self.column, self.message)
        }
    }
}

impl std::error::Error for RowError {}

pub type RowOutcome = Result<ImportRow, RowError>;

pub const MAX_PAYEE_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 2000;
pub const MAX_CATEGORY_CHARS: usize = 100;
/// The whole tags cell; each tag is further cut to 40 characters by `parse_tags`.
pub const MAX_TAGS_CHARS: usize = 1000;
pub const MAX_EXTERNAL_ID_CHARS: usize = 100;

/// Reads every row with `mapping` in the account's `currency`. Check the mapping first
/// with [`Mapping::check`]: without a date or amount column every row is an error.
pub fn parse_rows(table: &Table, mapping: &Mapping, currency: &str) -> Vec<RowOutcome> {
    let amounts = AmountReader::new(currency, mapping);
    table
        .rows
        .iter()
        .map(|row| {
            RowReader {
                table,
                row,
                mapping,
            }
            .read(&amounts)
        })
        .collect()
}

/// One row being read, so each field's rule is a small method with the context at hand.
struct RowReader<'a> {
    table: &'a Table,
    row: &'a TableRow,
    mapping: &'a Mapping,
}

impl<'a> RowReader<'a> {
    fn read(&self, amounts: &AmountReader) -> RowOutcome {
        let date = self.date()?;
        let signed = self.signed_amount(amounts)?;
        let kind = if signed < 0 {
            TransactionKind::Expense
        } else {
            TransactionKind::Income
        };
        let payee = self.text(self.mapping.payee, MAX_PAYEE_CHARS)?;
        let notes = self.text(self.mapping.notes, MAX_NOTES_CHARS)?;
        let category = self.text(self.mapping.category, MAX_CATEGORY_CHARS)?;
        let tags = self.text(self.mapping.tags, MAX_TAGS_CHARS)?;
        Ok(ImportRow {
            line: self.row.line,
            date,
            kind,
            amount: signed.abs(),
            payee: payee.to_owned(),
            notes: notes.to_owned(),
            category: category.to_owned(),
            tags: ledger::parse_tags(tags),
            external_id: self.external_id()?,
        })
    }

    fn error(&self, column: Option<usize>, message: impl Into<String>) -> RowError {
        RowError {
            line: self.row.line,
            column: column.map_or_else(|| ROW.to_owned(), |c| self.table.column_name(c)),
            message: message.into(),
        }
    }

    /// The trimmed cell of a mapped column; `None` when the field is not mapped, an error
    /// when the row is too short to have it.
    fn cell(&self, column: Option<usize>) -> Result<Option<&'a str>, RowError> {
        let Some(index) = column else {
            return Ok(None);
        };
        match self.row.cells.get(index) {
            Some(cell) => Ok(Some(cell.trim())),
            None => Err(self.error(
                Some(index),
                format!(
                    "The line has only {} columns, so this one is missing.",
                    self.row.cells.len()
                ),
            )),
        }
    }

    fn date(&self) -> Result<Date, RowError> {
        let Some(column) = self.mapping.date else {
            return Err(self.error(None, "Choose the column that holds the date."));
        };
        let raw = self.cell(Some(column))?.unwrap_or_default();
        if raw.is_empty() {
            return Err(self.error(Some(column), "The date is empty."));
        }
        let format = self.mapping.date_format;
        format.parse_date(raw).ok_or_else(|| {
            self.error(
                Some(column),
                format!("“{raw}” is not a date written like {}.", format.label()),
            )
        })
    }

    /// Minor units, negative for money out, never zero.
    fn signed_amount(&self, amounts: &AmountReader) -> Result<i64, RowError> {
        let mapping = self.mapping;
        let signed = match mapping.amount {
            Some(column) => {
                let raw = self.cell(Some(column))?.unwrap_or_default();
                amounts
                    .read(raw)
                    .map_err(|e| self.error(Some(column), amount_message(&e, raw)))?
            }
            None if mapping.debit.is_some() || mapping.credit.is_some() => {
                self.debit_credit(amounts)?
            }
            None => {
                return Err(self.error(
                    None,
                    "Choose the amount column, or the debit and credit columns.",
                ));
            }
        };
        if signed == 0 {
            let column = mapping.amount.or(mapping.debit).or(mapping.credit);
            return Err(self.error(column, "Amount is zero."));
        }
        Ok(signed)
    }

    /// Exactly one of debit and credit holds money; an empty or zero cell does not.
    fn debit_credit(&self, amounts: &AmountReader) -> Result<i64, RowError> {
        let debit = self.magnitude(self.mapping.debit, amounts)?;
        let credit = self.magnitude(self.mapping.credit, amounts)?;
        match (debit, credit) {
            (Some(d), Some(c)) if d != 0 && c != 0 => Err(self.error(
                None,
                format!(
                    "Both {} and {} have an amount; only one of them may.",
                    self.name(self.mapping.debit),
                    self.name(self.mapping.credit)
                ),
            )),
            (None, None) => Err(self.error(
                None,
                format!(
                    "Neither {} nor {} has an amount.",
                    self.name(self.mapping.debit),
                    self.name(self.mapping.credit)
                ),
            )),
            (d, c) => Ok(c.unwrap_or(0) - d.unwrap_or(0)),
        }
    }

    /// A debit or credit cell's size: `None` when empty. The column already says which
    /// way the money went, and banks that write debits as "-12.00" still mean money out,
    /// so the sign is dropped rather than flipping the transaction.
    fn magnitude(
        &self,
        column: Option<usize>,
        amounts: &AmountReader,
    ) -> Result<Option<i64>, RowError> {
        let Some(raw) = self.cell(column)? else {
            return Ok(None);
        };
        if raw.is_empty() {
            return Ok(None);
        }
        amounts
            .read(raw)
            .map(|minor| Some(minor.abs()))
            .map_err(|e| self.error(column, amount_message(&e, raw)))
    }

    fn name(&self, column: Option<usize>) -> String {
        column.map_or_else(String::new, |c| self.table.column_name(c))
    }

    /// A trimmed free-text cell of at most `max` characters ("" when unmapped).
    fn text(&self, column: Option<usize>, max: usize) -> Result<&'a str, RowError> {
        let text = unescape_formula(self.cell(column)?.unwrap_or_default());
        if text.chars().count() > max {
            return Err(self.error(column, format!("Use at most {max} characters.")));
        }
        Ok(text)
    }

    fn external_id(&self) -> Result<Option<String>, RowError> {
        let id = self.text(self.mapping.external_id, MAX_EXTERNAL_ID_CHARS)?;
        Ok((!id.is_empty()).then(|| id.to_owned()))
    }
}

/// [`AmountError`]'s messages are written for a form field; a file needs the value quoted.
fn amount_message(error: &AmountError, raw: &str) -> String {
    match error {
        AmountError::Empty => "The amount is empty.".to_owned(),
        AmountError::NotANumber => format!("“{raw}” is not an amount."),
        other => other.to_string(),
    }
}

/// Reads statement amounts in one currency: "-12.00", "$12.00", "12.00 EUR", and
/// accounting negatives "(12.00)". Only the account currency's own code and symbol are
/// stripped, so "12.00 GBP" in a EUR account is an error rather than 12 euros.
struct AmountReader {
    currency: String,
    marks: Vec<String>,
    decimal_comma: bool,
}

/// Currencies whose statements commonly write a bare "$" (money.rs gives only USD that
/// symbol, since alone it would be ambiguous on screen; inside an account it is not).
const DOLLAR_SIGN: &[&str] = &["AUD", "CAD", "HKD", "MXN", "NZD", "SGD", "TWD"];

impl AmountReader {
    fn new(currency: &str, mapping: &Mapping) -> Self {
        let mut marks = Vec::new();
        if let Some(found) = currency::find(currency) {
            marks.push(found.code.to_owned());
            marks.extend(symbol_of(found));
            if DOLLAR_SIGN.contains(&found.code) {
                marks.push("$".to_owned());
            }
        }
        AmountReader {
            currency: currency.to_owned(),
            marks,
            decimal_comma: mapping.decimal_comma,
        }
    }

    fn read(&self, raw: &str) -> Result<i64, AmountError> {
        let text = raw.trim();
        let (parenthesised, text) = match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            Some(inner) => (true, inner.trim()),
            None => (false, text),
        };
        let (negative, digits) = split_sign(self.strip_marks(text));
        let digits = self.strip_marks(digits);
        // One sign only: "(-12)" and "--12" are typos, not double negatives.
        if (parenthesised && negative) || digits.starts_with(['-', '+', '\u{2212}']) {
            return Err(AmountError::NotANumber);
        }
        let format = number_format(self.decimal_comma, digits);
        let minor = Money::parse(digits, &self.currency, format)?.minor;
        Ok(if negative || parenthesised {
            -minor
        } else {
            minor
        })
    }

    fn strip_marks<'t>(&self, text: &'t str) -> &'t str {
        let mut text = text.trim();
        for mark in &self.marks {
            if let Some(rest) = strip_prefix_ignore_case(text, mark) {
                text = rest.trim();
            }
            if let Some(rest) = strip_suffix_ignore_case(text, mark) {
                text = rest.trim();
            }
        }
        text
    }
}

/// The symbol money.rs shows for a currency, taken from its own formatting so the two
/// never disagree; `None` when it shows the code.
fn symbol_of(currency: Currency) -> Option<String> {
    let en = NumberFormat::for_locale("en");
    let shown = Money::new(0, currency.code).format(en);
    let number = money::format_minor(0, currency.exponent, en);
    let symbol = shown.replacen(&number, "", 1);
    let symbol = symbol.trim();
    (!symbol.is_empty() && symbol != currency.code).then(|| symbol.to_owned())
}

/// Whether the text starts with a minus, and the text after any sign ("+12" is 12).
fn split_sign(text: &str) -> (bool, &str) {
    let minus = text
        .strip_prefix('-')
        .or_else(|| text.strip_prefix('\u{2212}'));
    match (minus, text.strip_prefix('+')) {
        (Some(rest), _) => (true, rest.trim_start()),
        (None, Some(rest)) => (false, rest.trim_start()),
        (None, None) => (false, text),
    }
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn strip_suffix_ignore_case<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(suffix.len())?;
    let tail = text.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &text[..at])
}

// ---------------------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------------------

/// What makes two rows the same transaction when a statement is imported twice: the day,
/// the signed amount and the payee, ignoring case and spacing ("ACME  Corp " is "acme
/// corp").
pub fn duplicate_key(date: Date, signed_minor: i64, payee: &str) -> String {
    let payee = payee
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    format!("{date}|{signed_minor}|{payee}")
}

// ---------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------

/// Columns of an export, in order. Importing an export maps Date, Amount, Payee, Notes,
/// Category, Tags and External id by these names; the others describe the ledger.
pub const EXPORT_HEADERS: &[&str] = &[
    "Date",
    "Kind",
    "Amount",
    "Currency",
    "Account",
    "To account",
    "Amount received",
    "Category",
    "Payee",
    "Notes",
    "Tags",
    "Payment method",
    "Source",
    "External id",
];

/// Prepend to an export so spreadsheet programs read it as UTF-8; [`read_table`] drops it.
pub const UTF8_BOM: &str = "\u{feff}";

/// One transaction as exported. Text fields are empty when absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportRow<'a> {
    pub date: Date,
    pub kind: TransactionKind,
    /// Positive minor units in `currency`; for a transfer, what left `account`.
    pub amount: i64,
    pub currency: &'a str,
    pub account: &'a str,
    /// For a transfer: where the money went.
    pub counter: Option<Counterpart<'a>>,
    pub category: &'a str,
    pub payee: &'a str,
    pub notes: &'a str,
    pub tags: &'a [String],
    pub payment_method: &'a str,
    pub source: Source,
    pub external_id: Option<&'a str>,
}

/// The receiving side of a transfer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counterpart<'a> {
    pub account: &'a str,
    /// The receiving account's currency.
    pub currency: &'a str,
    /// Positive minor units that arrived, in `currency`.
    pub amount: i64,
}

/// The cells of one export line, in [`EXPORT_HEADERS`] order. Amounts are plain signed
/// decimals ("-1234.50"): negative for expenses and for what left the account in a
/// transfer; "Amount received" is positive, in the receiving account's currency.
pub fn export_record(row: &ExportRow) -> Vec<String> {
    let signed = match row.kind {
        TransactionKind::Income => row.amount,
        TransactionKind::Expense | TransactionKind::Transfer => -row.amount,
    };
    let received = row
        .counter
        .map(|c| plain_decimal(c.amount, c.currency))
        .unwrap_or_default();
    vec![
        row.date.to_string(),
        row.kind.as_str().to_owned(),
        plain_decimal(signed, row.currency),
        row.currency.to_owned(),
        escape_formula(row.account),
        escape_formula(row.counter.map(|c| c.account).unwrap_or_default()),
        received,
        escape_formula(row.category),
        escape_formula(row.payee),
        escape_formula(row.notes),
        escape_formula(&row.tags.join(", ")),
        escape_formula(row.payment_method),
        row.source.as_str().to_owned(),
        escape_formula(row.external_id.unwrap_or_default()),
    ]
}

/// "-1234.50": what any spreadsheet or script reads, whatever the user's locale.
fn plain_decimal(minor: i64, currency: &str) -> String {
    let exponent = Money::new(minor, currency).exponent();
    let scale = 10_u64.pow(u32::from(exponent));
    let magnitude = minor.unsigned_abs();
    let sign = if minor < 0 { "-" } else { "" };
    let major = magnitude / scale;
    match exponent {
        0 => format!("{sign}{major}"),
        _ => format!(
            "{sign}{major}.{:0width$}",
            magnitude % scale,
            width = usize::from(exponent)
        ),
    }
}

/// Text starting with these is run as a formula by spreadsheet programs, so a payee named
/// "=HYPERLINK(…)" in a bank feed could act when the export is opened (CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes an apostrophe, which spreadsheets show as text; import removes it again.
fn escape_formula(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

/// One CSV line, fields quoted where needed, ending in "\r\n", so an export can be
/// streamed line by line. Hand-written rather than through `csv::Writer` because it
/// cannot fail, and tested against the `csv` reader.
pub fn export_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        let field = field.as_ref();
        // A lone empty field is quoted, or the line would read back as blank and vanish.
        if field.contains([',', '"', '\r', '\n']) || (fields.len() == 1 && field.is_empty()) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    line.push_str("\r\n");
    line
}

/// A whole export: the header line, then one line per row.
pub fn export_csv(rows: &[ExportRow]) -> String {
    let mut out = export_line(EXPORT_HEADERS);
    for row in rows {
        out.push_str(&export_line(&export_record(row)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn table(text: &str) -> Table {
        read_table(text.as_bytes(), 1000).expect("a readable table")
    }

    fn cells(row: &TableRow) -> Vec<&str> {
        row.cells.iter().map(String::as_str).collect()
    }

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    /// A mapping of Date, Payee, Amount in columns 0, 1, 2.
    fn simple_mapping() -> Mapping {
        Mapping {
            date: Some(0),
            payee: Some(1),
            amount: Some(2),
            ..Mapping::default()
        }
    }

    fn amount_of(cell: &str, currency: &str, decimal_comma: bool) -> Result<i64, String> {
        let mapping = Mapping {
            decimal_comma,
            ..simple_mapping()
        };
        let t = table(&format!("Date,Payee,Amount\n2026-01-31,Shop,\"{cell}\"\n"));
        match parse_rows(&t, &mapping, currency).remove(0) {
            Ok(row) => Ok(row.signed_amount()),
            Err(e) => Err(e.to_string()),
        }
    }

    // --- read_table ---

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

    // --- dates ---

    #[test]
    fn date_formats_round_trip_through_their_names() {
        for format in DateFormat::ALL {
            assert_eq!(DateFormat::parse(format.as_str()), Some(*format));
        }
        assert_eq!(DateFormat::parse("ymd"), None);
    }

    #[test]
    fn saved_mappings_name_date_formats_as_forms_do() {
        use serde::Deserialize;
        use serde::de::value::{Error, StrDeserializer};
        for format in DateFormat::ALL {
            let named = StrDeserializer::<Error>::new(format.as_str());
            assert_eq!(DateFormat::deserialize(named), Ok(*format));
        }
    }

    #[test]
    fn each_format_reads_its_own_shape() {
        let day = date!(2026 - 01 - 31);
        assert_eq!(DateFormat::Iso.parse_date("2026-01-31"), Some(day));
        assert_eq!(DateFormat::Iso.parse_date(" 2026-1-31 "), Some(day));
        assert_eq!(
            DateFormat::Iso.parse_date("2026-01-31T08:15:00Z"),
            Some(day)
        );
        assert_eq!(DateFormat::Iso.parse_date("2026-01-31 00:00"), Some(day));
        for raw in ["31/01/2026", "31-01-2026", "31.01.2026", "31.1.2026"] {
            assert_eq!(DateFormat::DayMonthYear.parse_date(raw), Some(day), "{raw}");
        }
        assert_eq!(DateFormat::MonthDayYear.parse_date("01/31/2026"), Some(day));
        assert_eq!(DateFormat::MonthDayYear.parse_date("1-31-2026"), Some(day));
        assert_eq!(
            DateFormat::YearMonthDaySlash.parse_date("2026/01/31"),
            Some(day)
        );
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        assert_eq!(DateFormat::Iso.parse_date("2026-02-30"), None);
        assert_eq!(DateFormat::Iso.parse_date("2026/01/31"), None);
        assert_eq!(DateFormat::Iso.parse_date("2026-01"), None);
        assert_eq!(DateFormat::Iso.parse_date("2026-01-31-1"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("31/13/2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("31/01-2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("31/01/26"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("3I/01/2026"), None);
        assert_eq!(DateFormat::MonthDayYear.parse_date("31/01/2026"), None);
        assert_eq!(DateFormat::Iso.parse_date(""), None);
        assert_eq!(DateFormat::Iso.parse_date("Date"), None);
    }

    #[test]
    fn detection_tells_day_first_from_month_first() {
        assert_eq!(
            DateFormat::detect(&["31/01/2026", "01/02/2026"]),
            Some(DateFormat::DayMonthYear)
        );
        assert_eq!(
            DateFormat::detect(&["01/02/2026", "01/31/2026"]),
            Some(DateFormat::MonthDayYear)
        );
        // All days 12 or less: either reading works, day first is preferred.
        assert_eq!(
            DateFormat::detect(&["01/02/2026", "03/04/2026"]),
            Some(DateFormat::DayMonthYear)
        );
        assert_eq!(
            DateFormat::detect(&["2026-01-31", "", "2026-02-01"]),
            Some(DateFormat::Iso)
        );
        assert_eq!(
            DateFormat::detect(&["2026/01/31"]),
            Some(DateFormat::YearMonthDaySlash)
        );
        assert_eq!(DateFormat::detect(&["", "  "]), None);
        assert_eq!(DateFormat::detect(&["13/13/2026"]), None);
        assert_eq!(DateFormat::detect(&["2026-01-31", "31/01/2026"]), None);
    }

    // --- mapping ---

    #[test]
    fn guesses_a_typical_bank_export() {
        let t = table(
            "Booking Date;Value Date;Counterparty;Reference;Amount (EUR);Transaction ID\n\
             31.01.2026;01.02.2026;Bäckerei;Brot;-3,50;abc\n\
             13.01.2026;13.01.2026;Employer;Pay;1.234,56;def\n",
        );
        let m = guess_mapping(&t.headers, &t.rows);
        assert_eq!(m.date, Some(0));
        assert_eq!(m.payee, Some(2));
        assert_eq!(m.notes, Some(3));
        assert_eq!(m.amount, Some(4));
        assert_eq!(m.external_id, Some(5));
        assert_eq!((m.debit, m.credit), (None, None));
        assert_eq!(m.date_format, DateFormat::DayMonthYear);
        assert!(m.decimal_comma);
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn guesses_debit_and_credit_columns_and_month_first_dates() {
        let h = headers(&[
            "Posted",
            "Description",
            "Debit Amount",
            "Credit Amount",
            "Memo",
            "Category",
            "Tags",
        ]);
        let rows = table("a\n01/31/2026\n02/01/2026\n").rows;
        let m = guess_mapping(&h, &rows);
        assert_eq!(m.date, Some(0));
        assert_eq!(m.payee, Some(1));
        assert_eq!((m.amount, m.debit, m.credit), (None, Some(2), Some(3)));
        assert_eq!((m.notes, m.category, m.tags), (Some(4), Some(5), Some(6)));
        assert_eq!(m.date_format, DateFormat::MonthDayYear);
        assert!(!m.decimal_comma);
    }

    #[test]
    fn headers_are_matched_ignoring_case_and_punctuation() {
        let h = headers(&[
            " TRANSACTION_DATE ",
            "Paid out",
            "Paid in",
            "Merchant",
            "FITID",
        ]);
        let m = guess_mapping(&h, &[]);
        assert_eq!(m.date, Some(0));
        assert_eq!((m.debit, m.credit), (Some(1), Some(2)));
        assert_eq!(m.payee, Some(3));
        assert_eq!(m.external_id, Some(4));
        assert_eq!(m.date_format, DateFormat::Iso);
    }

    #[test]
    fn the_date_column_is_found_by_content_when_no_header_names_it() {
        let t = table("When,What,How much\n31/01/2026,Shop,-1\n01/02/2026,Shop,-2\n");
        let m = guess_mapping(&t.headers, &t.rows);
        assert_eq!(m.date, Some(0));
        assert_eq!(m.date_format, DateFormat::DayMonthYear);
        assert_eq!(m.amount, None);
        assert!(m.check().is_err());
    }

    #[test]
    fn export_headers_map_back_to_the_importable_fields() {
        let m = guess_mapping(&headers(EXPORT_HEADERS), &[]);
        let at = |name: &str| EXPORT_HEADERS.iter().position(|h| *h == name);
        assert_eq!(m.date, at("Date"));
        assert_eq!(m.amount, at("Amount"));
        assert_eq!(m.payee, at("Payee"));
        assert_eq!(m.notes, at("Notes"));
        assert_eq!(m.category, at("Category"));
        assert_eq!(m.tags, at("Tags"));
        assert_eq!(m.external_id, at("External id"));
        assert_eq!((m.debit, m.credit), (None, None));
        assert_eq!(m.check(), Ok(()));
    }

    #[test]
    fn check_requires_date_and_money_columns() {
        let errors = Mapping::default().check().expect_err("empty mapping");
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["date", "amount"]);

        let debit_only = Mapping {
            date: Some(0),
            debit: Some(1),
            ..Mapping::default()
        };
        assert_eq!(debit_only.check(), Ok(()));

        let both = Mapping {
            credit: Some(3),
            ..simple_mapping()
        };
        let errors = both.check().expect_err("amount and credit");
        assert_eq!(errors[0].0, "amount");
        assert!(errors[0].1.contains("not both"));
    }

    #[test]
    fn check_refuses_a_column_used_twice() {
        let mapping = Mapping {
            notes: Some(1),
            tags: Some(1),
            ..simple_mapping()
        };
        let errors = mapping.check().expect_err("payee column reused");
        assert_eq!(
            errors,
            vec![
                (
                    "notes",
                    "This column is already chosen for Payee.".to_owned()
                ),
                (
                    "tags",
                    "This column is already chosen for Payee.".to_owned()
                ),
            ]
        );
    }

    // --- rows ---

    #[test]
    fn reads_a_full_row() {
        let t = table(
            "Date,Payee,Amount,Notes,Category,Tags,Id\n\
             2026-01-31,  ACME  Corp ,-12.50, lunch ,Food,\"Work, #Trip\", X-1 \n\
             2026-02-01,Employer,1000,,,,\n",
        );
        let mapping = Mapping {
            notes: Some(3),
            category: Some(4),
            tags: Some(5),
            external_id: Some(6),
            ..simple_mapping()
        };
        let rows: Vec<ImportRow> = parse_rows(&t, &mapping, "EUR")
            .into_iter()
            .collect::<Result<_, _>>()
            .expect("valid rows");
        assert_eq!(
            rows[0],
            ImportRow {
                line: 2,
                date: date!(2026 - 01 - 31),
                kind: TransactionKind::Expense,
                amount: 1250,
                payee: "ACME  Corp".to_owned(),
                notes: "lunch".to_owned(),
                category: "Food".to_owned(),
                tags: vec!["work".to_owned(), "trip".to_owned()],
                external_id: Some("X-1".to_owned()),
            }
        );
        assert_eq!(rows[1].kind, TransactionKind::Income);
        assert_eq!(rows[1].amount, 100_000);
        assert_eq!(rows[1].external_id, None);
        assert!(rows[1].tags.is_empty());
    }

    #[test]
    fn amounts_accept_symbols_codes_and_parentheses() {
        assert_eq!(amount_of("$12.00", "USD", false), Ok(1200));
        assert_eq!(amount_of("-$12.00", "USD", false), Ok(-1200));
        assert_eq!(amount_of("$-12.00", "USD", false), Ok(-1200));
        assert_eq!(amount_of("12.00 EUR", "EUR", false), Ok(1200));
        assert_eq!(amount_of("eur -12.00", "EUR", false), Ok(-1200));
        assert_eq!(amount_of("-12,00 €", "EUR", true), Ok(-1200));
        assert_eq!(amount_of("(12.00)", "USD", false), Ok(-1200));
        assert_eq!(amount_of("($1,234.56)", "USD", false), Ok(-123_456));
        assert_eq!(amount_of("KWD 1.234", "KWD", false), Ok(1234));
        assert_eq!(amount_of("¥1,234", "JPY", false), Ok(1234));
        assert_eq!(
            amount_of("C$5", "CAD", false),
            Err("Line 2, Amount: “C$5” is not an amount.".to_owned())
        );
        assert_eq!(amount_of("$5", "CAD", false), Ok(500));
        assert_eq!(amount_of("+7", "USD", false), Ok(700));
    }

    #[test]
    fn another_currencys_code_is_an_error_not_a_conversion() {
        assert_eq!(
            amount_of("12.00 GBP", "EUR", false),
            Err("Line 2, Amount: “12.00 GBP” is not an amount.".to_owned())
        );
        assert!(amount_of("$12.00", "EUR", false).is_err());
    }

    #[test]
    fn double_signs_are_refused() {
        assert!(amount_of("(-12.00)", "USD", false).is_err());
        assert!(amount_of("--12", "USD", false).is_err());
        assert!(amount_of("-+12", "USD", false).is_err());
        assert!(amount_of("()", "USD", false).is_err());
    }

    #[test]
    fn decimal_comma_files_read_european_numbers() {
        assert_eq!(amount_of("1.234,56", "EUR", true), Ok(123_456));
        assert_eq!(amount_of("-0,5", "EUR", true), Ok(-50));
        assert_eq!(amount_of("1 234,56", "EUR", true), Ok(123_456));
        assert_eq!(amount_of("1\u{a0}234,56", "EUR", true), Ok(123_456));
        assert_eq!(amount_of("1'234.50", "CHF", false), Ok(123_450));
        assert_eq!(
            amount_of("1.234,56", "EUR", false),
            Err(
                "Line 2, Amount: That number is not written as expected; use “.” for decimals."
                    .to_owned()
            )
        );
    }

    #[test]
    fn semicolon_file_with_decimal_comma_imports_once_mapped() {
        let t = table("Buchungstag;Empfänger;Betrag\n31.01.2026;Bäckerei;-1.234,56\n");
        let m = guess_mapping(&t.headers, &t.rows);
        // "Buchungstag" is not English; the date is found by content.
        assert_eq!(m.date, Some(0));
        assert_eq!(m.date_format, DateFormat::DayMonthYear);
        assert_eq!(m.amount, None);
        let m = Mapping {
            amount: Some(2),
            payee: Some(1),
            decimal_comma: true,
            ..m
        };
        let row = parse_rows(&t, &m, "EUR").remove(0).expect("row");
        assert_eq!(row.amount, 123_456);
        assert_eq!(row.kind, TransactionKind::Expense);
        assert_eq!(row.date, date!(2026 - 01 - 31));
    }

    #[test]
    fn amount_errors_name_line_column_and_reason() {
        assert_eq!(
            amount_of("12.345", "USD", false),
            Err("Line 2, Amount: USD amounts have at most 2 decimals.".to_owned())
        );
        assert_eq!(
            amount_of("12.345", "EUR", false),
            Err("Line 2, Amount: EUR amounts have at most 2 decimals.".to_owned())
        );
        assert_eq!(
            amount_of("12.5", "JPY", false),
            Err("Line 2, Amount: JPY amounts have no decimals.".to_owned())
        );
        assert_eq!(
            amount_of("twelve", "USD", false),
            Err("Line 2, Amount: “twelve” is not an amount.".to_owned())
        );
        assert_eq!(
            amount_of("", "USD", false),
            Err("Line 2, Amount: The amount is empty.".to_owned())
        );
        assert_eq!(
            amount_of("$", "USD", false),
            Err("Line 2, Amount: The amount is empty.".to_owned())
        );
        assert_eq!(
            amount_of("99999999999999999999", "USD", false),
            Err("Line 2, Amount: That amount is too large.".to_owned())
        );
        assert_eq!(
            amount_of("1000000000000.01", "USD", false),
            Err("Line 2, Amount: That amount is too large.".to_owned())
        );
        assert_eq!(
            amount_of("1000000000000", "USD", false),
            Ok(100_000_000_000_000)
        );
        assert_eq!(
            amount_of("0.00", "USD", false),
            Err("Line 2, Amount: Amount is zero.".to_owned())
        );
        assert_eq!(
            amount_of("12", "XYZ", false),
            Err("Line 2, Amount: Choose a currency from the list.".to_owned())
        );
    }

    #[test]
    fn dates_must_be_present_and_readable() {
        let t = table("Date,Payee,Amount\n,Shop,1\n31/01/2026,Shop,1\n2026-02-30,Shop,1\n");
        let errors: Vec<String> = parse_rows(&t, &simple_mapping(), "USD")
            .into_iter()
            .map(|o| o.expect_err("bad date").to_string())
            .collect();
        assert_eq!(
            errors,
            [
                "Line 2, Date: The date is empty.",
                "Line 3, Date: “31/01/2026” is not a date written like 2026-01-31.",
                "Line 4, Date: “2026-02-30” is not a date written like 2026-01-31.",
            ]
        );
    }

    fn debit_credit(debit: &str, credit: &str) -> Result<i64, String> {
        let t = table(&format!("Date,Out,In\n2026-01-31,{debit},{credit}\n"));
        let mapping = Mapping {
            date: Some(0),
            debit: Some(1),
            credit: Some(2),
            ..Mapping::default()
        };
        match parse_rows(&t, &mapping, "USD").remove(0) {
            Ok(row) => Ok(row.signed_amount()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn debit_and_credit_columns_need_exactly_one_amount() {
        assert_eq!(debit_credit("12.00", ""), Ok(-1200));
        assert_eq!(debit_credit("", "12.00"), Ok(1200));
        assert_eq!(debit_credit("0.00", "12.00"), Ok(1200));
        assert_eq!(debit_credit("12.00", "0"), Ok(-1200));
        // Some banks sign their debits; the column already says money out.
        assert_eq!(debit_credit("-12.00", ""), Ok(-1200));
        assert_eq!(
            debit_credit("", ""),
            Err("Line 2: Neither Out nor In has an amount.".to_owned())
        );
        assert_eq!(
            debit_credit("1", "2"),
            Err("Line 2: Both Out and In have an amount; only one of them may.".to_owned())
        );
        assert_eq!(
            debit_credit("0", ""),
            Err("Line 2, Out: Amount is zero.".to_owned())
        );
        assert_eq!(
            debit_credit("x", ""),
            Err("Line 2, Out: “x” is not an amount.".to_owned())
        );
    }

    #[test]
    fn a_single_debit_column_is_enough() {
        let t = table("Date,Out\n2026-01-31,5\n");
        let mapping = Mapping {
            date: Some(0),
            debit: Some(1),
            ..Mapping::default()
        };
        let row = parse_rows(&t, &mapping, "USD").remove(0).expect("row");
        assert_eq!((row.kind, row.amount), (TransactionKind::Expense, 500));
    }

    #[test]
    fn text_fields_have_limits_and_ids_may_be_empty() {
        let long_payee = "p".repeat(MAX_PAYEE_CHARS + 1);
        let long_notes = "n".repeat(MAX_NOTES_CHARS + 1);
        let long_id = "i".repeat(MAX_EXTERNAL_ID_CHARS + 1);
        let long_tags = "t".repeat(MAX_TAGS_CHARS + 1);
        let ok_payee = "é".repeat(MAX_PAYEE_CHARS);
        let text = format!(
            "Date,Payee,Amount,Notes,Id,Tags\n\
             2026-01-31,{long_payee},1,,,\n\
             2026-01-31,x,1,{long_notes},,\n\
             2026-01-31,x,1,,{long_id},\n\
             2026-01-31,{ok_payee},1,,   ,\n\
             2026-01-31,x,1,,,{long_tags}\n"
        );
        let mapping = Mapping {
            notes: Some(3),
            external_id: Some(4),
            tags: Some(5),
            ..simple_mapping()
        };
        let outcomes = parse_rows(&table(&text), &mapping, "USD");
        let error = |i: usize| outcomes[i].clone().expect_err("too long").to_string();
        assert_eq!(error(0), "Line 2, Payee: Use at most 200 characters.");
        assert_eq!(error(1), "Line 3, Notes: Use at most 2000 characters.");
        assert_eq!(error(2), "Line 4, Id: Use at most 100 characters.");
        let fine = outcomes[3].clone().expect("200 two-byte characters fit");
        assert_eq!(fine.external_id, None);
        assert_eq!(error(4), "Line 6, Tags: Use at most 1000 characters.");
    }

    #[test]
    fn an_unchecked_mapping_reports_every_row_instead_of_panicking() {
        let t = table("Date,Amount\n2026-01-31,1\n");
        let no_date = Mapping {
            amount: Some(1),
            ..Mapping::default()
        };
        assert_eq!(
            parse_rows(&t, &no_date, "USD")[0]
                .clone()
                .expect_err("no date")
                .to_string(),
            "Line 2: Choose the column that holds the date."
        );
        let no_amount = Mapping {
            date: Some(0),
            ..Mapping::default()
        };
        assert!(parse_rows(&t, &no_amount, "USD")[0].is_err());
        let out_of_range = Mapping {
            date: Some(0),
            amount: Some(7),
            ..Mapping::default()
        };
        assert_eq!(
            parse_rows(&t, &out_of_range, "USD")[0]
                .clone()
                .expect_err("missing column")
                .column,
            "Column 8"
        );
    }

    // --- duplicates ---

    #[test]
    fn duplicate_keys_ignore_case_and_spacing_of_the_payee() {
        let day = date!(2026 - 01 - 31);
        assert_eq!(
            duplicate_key(day, -1250, "ACME  Corp "),
            duplicate_key(day, -1250, "acme corp")
        );
        assert_eq!(
            duplicate_key(day, -1250, " Café\tRöst "),
            duplicate_key(day, -1250, "café röst")
        );
        assert_ne!(
            duplicate_key(day, -1250, "acme"),
            duplicate_key(day, 1250, "acme")
        );
        assert_ne!(
            duplicate_key(day, -1250, "acme"),
            duplicate_key(date!(2026 - 02 - 01), -1250, "acme")
        );
        assert_ne!(
            duplicate_key(day, -1250, "acme"),
            duplicate_key(day, -1250, "acme corp")
        );
        assert_eq!(duplicate_key(day, -1250, "A"), "2026-01-31|-1250|a");
        let t = table("Date,Payee,Amount\n2026-01-31, ACME  Corp,-12.50\n");
        let row = parse_rows(&t, &simple_mapping(), "USD")
            .remove(0)
            .expect("row");
        assert_eq!(row.duplicate_key(), duplicate_key(day, -1250, "acme corp"));
    }

    // --- export ---

    fn export_row<'a>(
        kind: TransactionKind,
        amount: i64,
        currency: &'a str,
        payee: &'a str,
        tags: &'a [String],
    ) -> ExportRow<'a> {
        ExportRow {
            date: date!(2026 - 01 - 31),
            kind,
            amount,
            currency,
            account: "Checking",
            counter: None,
            category: "",
            payee,
            notes: "",
            tags,
            payment_method: "",
            source: Source::Manual,
            external_id: None,
        }
    }

    #[test]
    fn export_records_use_plain_signed_amounts_in_the_currency_exponent() {
        let tags = vec!["holiday".to_owned(), "work trip".to_owned()];
        let record = export_record(&export_row(
            TransactionKind::Expense,
            123_456,
            "USD",
            "Shop",
            &tags,
        ));
        assert_eq!(record.len(), EXPORT_HEADERS.len());
        assert_eq!(
            record,
            [
                "2026-01-31",
                "expense",
                "-1234.56",
                "USD",
                "Checking",
                "",
                "",
                "",
                "Shop",
                "",
                "holiday, work trip",
                "",
                "manual",
                ""
            ]
        );
        let amount = |kind, minor, currency| {
            export_record(&export_row(kind, minor, currency, "", &[]))[2].clone()
        };
        assert_eq!(amount(TransactionKind::Income, 1_234, "JPY"), "1234");
        assert_eq!(amount(TransactionKind::Expense, 1_234, "KWD"), "-1.234");
        assert_eq!(amount(TransactionKind::Income, 5, "USD"), "0.05");
        assert_eq!(
            amount(TransactionKind::Income, 100_000_000_000_000, "USD"),
            "1000000000000.00"
        );
    }

    #[test]
    fn transfers_export_the_sending_leg_negative_and_what_arrived_positive() {
        let row = ExportRow {
            counter: Some(Counterpart {
                account: "Savings (JPY)",
                currency: "JPY",
                amount: 15_000,
            }),
            category: "",
            source: Source::Import,
            external_id: Some("T-9"),
            ..export_row(TransactionKind::Transfer, 10_000, "USD", "", &[])
        };
        let record = export_record(&row);
        assert_eq!(record[1], "transfer");
        assert_eq!(record[2], "-100.00");
        assert_eq!(record[5], "Savings (JPY)");
        assert_eq!(record[6], "15000");
        assert_eq!(record[12], "import");
        assert_eq!(record[13], "T-9");
    }

    #[test]
    fn text_that_spreadsheets_would_run_as_a_formula_is_neutralised() {
        let record = export_record(&export_row(
            TransactionKind::Expense,
            100,
            "USD",
            "=HYPERLINK(\"http://x\")",
            &[],
        ));
        assert_eq!(record[8], "'=HYPERLINK(\"http://x\")");
        // The amount is a number, and stays one.
        assert_eq!(record[2], "-1.00");
        assert_eq!(escape_formula("@sum"), "'@sum");
        assert_eq!(escape_formula("plain - text"), "plain - text");
        assert_eq!(unescape_formula("'-5 fee"), "-5 fee");
        assert_eq!(unescape_formula("'quoted'"), "'quoted'");
    }

    #[test]
    fn export_lines_are_quoted_only_where_needed_and_end_in_crlf() {
        assert_eq!(export_line(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(
            export_line(&["x,y", "say \"hi\"", "two\nlines"]),
            "\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
        assert_eq!(export_line(&[""]), "\"\"\r\n");
        assert_eq!(export_line(EXPORT_HEADERS).matches(',').count(), 13);
    }

    #[test]
    fn export_lines_read_back_through_the_csv_reader_unchanged() {
        let nasty = [
            "plain",
            "comma, inside",
            "\"quoted\"",
            "line\nbreak",
            "crlf\r\nbreak",
            "",
            " padded ",
            "Zürich ✓ 東京",
        ];
        let text = format!(
            "{}{}",
            export_line(&["h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8"]),
            export_line(&nasty)
        );
        let t = table(&text);
        assert_eq!(cells(&t.rows[0]), nasty);
    }

    // --- round trip ---

    /// Exports rows in one currency, imports the file with a guessed mapping, and checks
    /// that every importable field comes back unchanged.
    fn round_trip(rows: &[ExportRow]) {
        let text = format!("{UTF8_BOM}{}", export_csv(rows));
        let t = read_table(text.as_bytes(), 100).expect("export is readable");
        let mapping = guess_mapping(&t.headers, &t.rows);
        assert_eq!(mapping.check(), Ok(()));
        assert_eq!(mapping.date_format, DateFormat::Iso);
        assert!(!mapping.decimal_comma);
        let currency = rows[0].currency;
        let imported: Vec<ImportRow> = parse_rows(&t, &mapping, currency)
            .into_iter()
            .collect::<Result<_, _>>()
            .expect("every exported row imports");
        assert_eq!(imported.len(), rows.len());
        for (exported, back) in rows.iter().zip(&imported) {
            assert_eq!(back.date, exported.date);
            assert_eq!(back.kind, exported.kind);
            assert_eq!(back.amount, exported.amount);
            assert_eq!(back.payee, exported.payee);
            assert_eq!(back.notes, exported.notes);
            assert_eq!(back.category, exported.category);
            assert_eq!(back.tags, exported.tags);
            assert_eq!(back.external_id.as_deref(), exported.external_id);
        }
    }

    #[test]
    fn exported_income_and_expenses_import_back_unchanged() {
        let tags = vec![
            "holiday".to_owned(),
            "work trip".to_owned(),
            "-minus".to_owned(),
        ];
        let rows = [
            ExportRow {
                payee: "Smith, \"Bob\" & Søn",
                notes: "first line\nsecond, with \"quotes\"\r\nthird ✓",
                category: "Food, drink",
                external_id: Some("FIT-1,\"2\""),
                ..export_row(TransactionKind::Expense, 1_234, "USD", "", &tags)
            },
            ExportRow {
                date: date!(2025 - 12 - 01),
                payee: "=HYPERLINK(\"http://evil\")",
                notes: "-5 fee",
                category: "+salary",
                ..export_row(TransactionKind::Income, 100_000_000_000_000, "USD", "", &[])
            },
            export_row(TransactionKind::Income, 1, "USD", "Zürich 東京 مرحبا", &[]),
        ];
        round_trip(&rows);
    }

    #[test]
    fn yen_and_dinar_amounts_round_trip_with_their_own_decimals() {
        let jpy = [
            export_row(TransactionKind::Expense, 1_234, "JPY", "コンビニ", &[]),
            export_row(TransactionKind::Income, 250_000, "JPY", "給料", &[]),
        ];
        round_trip(&jpy);
        let kwd = [
            export_row(TransactionKind::Expense, 1_234, "KWD", "Souq", &[]),
            export_row(TransactionKind::Income, 5, "KWD", "Bank", &[]),
        ];
        round_trip(&kwd);
    }
}
