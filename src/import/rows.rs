//! Turning table rows into transactions with a confirmed mapping. A row that cannot be
//! trusted becomes a [`RowError`] naming its line and column; nothing is guessed.

use super::duplicates::duplicate_key;
use super::formula::unescape_formula;
use super::mapping::Mapping;
use super::table::{Table, TableRow};
use crate::currency::{self, Currency};
use crate::decimal::split_sign;
use crate::ledger::{self, TransactionKind};
use crate::money::{self, AmountError, Money, NumberFormat};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::Date;

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
        Self {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::dates::DateFormat;
    use crate::import::mapping::guess_mapping;
    use crate::import::test_support::{simple_mapping, table};
    use time::macros::date;

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

    /// Each case: the amount cell, the account's currency, whether the file writes decimal
    /// commas, and the signed amount or the message after "Line 2, Amount: ".
    type AmountCase<'a> = (&'a str, &'a str, bool, Result<i64, &'a str>);

    fn assert_amounts(cases: &[AmountCase]) {
        for &(cell, currency, decimal_comma, expected) in cases {
            let expected = expected.map_err(|message| format!("Line 2, Amount: {message}"));
            assert_eq!(
                amount_of(cell, currency, decimal_comma),
                expected,
                "{cell} in {currency}"
            );
        }
    }

    #[test]
    fn amounts_accept_symbols_codes_and_parentheses() {
        assert_amounts(&[
            ("$12.00", "USD", false, Ok(1200)),
            ("-$12.00", "USD", false, Ok(-1200)),
            ("$-12.00", "USD", false, Ok(-1200)),
            ("12.00 EUR", "EUR", false, Ok(1200)),
            ("eur -12.00", "EUR", false, Ok(-1200)),
            ("-12,00 €", "EUR", true, Ok(-1200)),
            ("(12.00)", "USD", false, Ok(-1200)),
            ("($1,234.56)", "USD", false, Ok(-123_456)),
            ("KWD 1.234", "KWD", false, Ok(1234)),
            ("¥1,234", "JPY", false, Ok(1234)),
            ("C$5", "CAD", false, Err("“C$5” is not an amount.")),
            ("$5", "CAD", false, Ok(500)),
            ("+7", "USD", false, Ok(700)),
        ]);
    }

    #[test]
    fn another_currencys_code_is_an_error_not_a_conversion() {
        assert_amounts(&[(
            "12.00 GBP",
            "EUR",
            false,
            Err("“12.00 GBP” is not an amount."),
        )]);
        assert!(amount_of("$12.00", "EUR", false).is_err());
    }

    #[test]
    fn double_signs_are_refused() {
        for cell in ["(-12.00)", "--12", "-+12", "()"] {
            assert!(amount_of(cell, "USD", false).is_err(), "{cell}");
        }
    }

    #[test]
    fn decimal_comma_files_read_european_numbers() {
        assert_amounts(&[
            ("1.234,56", "EUR", true, Ok(123_456)),
            ("-0,5", "EUR", true, Ok(-50)),
            ("1 234,56", "EUR", true, Ok(123_456)),
            ("1\u{a0}234,56", "EUR", true, Ok(123_456)),
            ("1'234.50", "CHF", false, Ok(123_450)),
            (
                "1.234,56",
                "EUR",
                false,
                Err("That number is not written as expected; use “.” for decimals."),
            ),
        ]);
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
        assert_amounts(&[
            (
                "12.345",
                "USD",
                false,
                Err("USD amounts have at most 2 decimals."),
            ),
            (
                "12.345",
                "EUR",
                false,
                Err("EUR amounts have at most 2 decimals."),
            ),
            ("12.5", "JPY", false, Err("JPY amounts have no decimals.")),
            ("twelve", "USD", false, Err("“twelve” is not an amount.")),
            ("", "USD", false, Err("The amount is empty.")),
            ("$", "USD", false, Err("The amount is empty.")),
            (
                "99999999999999999999",
                "USD",
                false,
                Err("That amount is too large."),
            ),
            (
                "1000000000000.01",
                "USD",
                false,
                Err("That amount is too large."),
            ),
            ("1000000000000", "USD", false, Ok(100_000_000_000_000)),
            ("0.00", "USD", false, Err("Amount is zero.")),
            ("12", "XYZ", false, Err("Choose a currency from the list.")),
        ]);
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
        let cases = [
            ("12.00", "", Ok(-1200)),
            ("", "12.00", Ok(1200)),
            ("0.00", "12.00", Ok(1200)),
            ("12.00", "0", Ok(-1200)),
            // Some banks sign their debits; the column already says money out.
            ("-12.00", "", Ok(-1200)),
            ("", "", Err("Line 2: Neither Out nor In has an amount.")),
            (
                "1",
                "2",
                Err("Line 2: Both Out and In have an amount; only one of them may."),
            ),
            ("0", "", Err("Line 2, Out: Amount is zero.")),
            ("x", "", Err("Line 2, Out: “x” is not an amount.")),
        ];
        for (debit, credit, expected) in cases {
            assert_eq!(
                debit_credit(debit, credit),
                expected.map_err(str::to_owned),
                "{debit} / {credit}"
            );
        }
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
        let first_row = |mapping: Mapping| parse_rows(&t, &mapping, "USD").remove(0);
        let no_date = Mapping {
            amount: Some(1),
            ..Mapping::default()
        };
        assert_eq!(
            first_row(no_date).expect_err("no date").to_string(),
            "Line 2: Choose the column that holds the date."
        );
        let no_amount = Mapping {
            date: Some(0),
            ..Mapping::default()
        };
        assert!(first_row(no_amount).is_err());
        let out_of_range = Mapping {
            date: Some(0),
            amount: Some(7),
            ..Mapping::default()
        };
        assert_eq!(
            first_row(out_of_range).expect_err("missing column").column,
            "Column 8"
        );
    }
}
