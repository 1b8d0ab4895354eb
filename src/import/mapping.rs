//! Which column holds which field. A guess only proposes a mapping for the person to
//! confirm; [`Mapping::check`] decides whether a mapping can be used at all.

use super::dates::DateFormat;
use super::table::TableRow;
use serde::{Deserialize, Serialize};

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
        Self { names, used }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::export::EXPORT_HEADERS;
    use crate::import::test_support::{simple_mapping, table};

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

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
}
