//! CSV export: one line per transaction with plain decimals and formula-safe text, in
//! columns that an import maps back without asking (see the round-trip tests).

use super::formula::escape_formula;
use crate::ledger::{Source, TransactionKind};
use crate::money::Money;
use time::Date;

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

/// Prepend to an export so spreadsheet programs read it as UTF-8;
/// [`read_table`](crate::import::read_table) drops it.
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
    use crate::import::dates::DateFormat;
    use crate::import::formula::unescape_formula;
    use crate::import::mapping::guess_mapping;
    use crate::import::rows::{ImportRow, parse_rows};
    use crate::import::table::read_table;
    use crate::import::test_support::{cells, table};
    use time::macros::date;

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
