//! Exchange rates as CSV text, `date,base,quote,rate` a line: every line checked, and
//! any error fails the whole text with one message per bad line, so an import is all or
//! nothing.

use crate::fx::Rate;
use time::Date;

/// How many lines one CSV import may hold.
pub const CSV_MAX_ROWS: usize = 5_000;

/// One validated line of a rates CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRate {
    /// 1-based line number in the text.
    pub line: usize,
    pub date: Date,
    pub base: &'static str,
    pub quote: &'static str,
    pub rate: Rate,
}

/// Parses `date,base,quote,rate` lines (an optional header line starting with `date`,
/// blank lines skipped). Every line is checked; any error fails the whole text, with one
/// message per bad line.
pub fn parse_csv(text: &str) -> Result<Vec<CsvRate>, Vec<String>> {
    let mut rates: Vec<CsvRate> = Vec::new();
    let mut errors = Vec::new();
    let mut seen_content = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line
            .split(',')
            .map(|f| f.trim().trim_matches('"').trim())
            .collect();
        let first = !seen_content;
        seen_content = true;
        if first && fields[0].eq_ignore_ascii_case("date") {
            continue;
        }
        match parse_line(number, &fields) {
            Ok(rate) => match rates
                .iter()
                .find(|r| r.date == rate.date && r.base == rate.base && r.quote == rate.quote)
            {
                Some(earlier) => errors.push(format!(
                    "Line {number}: the same date and currencies as line {}.",
                    earlier.line
                )),
                None => rates.push(rate),
            },
            Err(message) => errors.push(format!("Line {number}: {message}")),
        }
    }
    if errors.is_empty() && rates.is_empty() {
        errors.push("There are no rates in the text.".to_owned());
    }
    if rates.len() > CSV_MAX_ROWS {
        errors.insert(
            0,
            format!("Import at most {CSV_MAX_ROWS} rates at a time; split the file."),
        );
    }
    if errors.is_empty() {
        Ok(rates)
    } else {
        Err(errors)
    }
}

/// A date written `2026-01-31`, as every date field takes it.
fn parse_date(raw: &str) -> Option<Date> {
    Date::parse(
        raw.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

fn parse_line(line: usize, fields: &[&str]) -> Result<CsvRate, String> {
    let [date, base, quote, rate] = fields else {
        return Err(format!(
            "expected 4 values (date,base,quote,rate), found {}.",
            fields.len()
        ));
    };
    let date =
        parse_date(date).ok_or_else(|| format!("“{date}” is not a date like 2026-01-31."))?;
    let currency = |code: &str| {
        crate::currency::find(code)
            .map(|c| c.code)
            .ok_or_else(|| format!("“{code}” is not a known currency code."))
    };
    let base = currency(base)?;
    let quote = currency(quote)?;
    if base == quote {
        return Err("the two currencies must differ.".to_owned());
    }
    let rate = Rate::parse(rate).map_err(|e| e.to_string())?;
    Ok(CsvRate {
        line,
        date,
        base,
        quote,
        rate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn reads_lines_with_or_without_a_header() {
        let text =
            "date,base,quote,rate\n2026-01-31, eur ,USD,1.0845\n\n2026-02-01,\"GBP\",USD,1.27\n";
        let rates = parse_csv(text).expect("valid");
        assert_eq!(rates.len(), 2);
        assert_eq!(rates[0].line, 2);
        assert_eq!(rates[0].date, date!(2026 - 01 - 31));
        assert_eq!((rates[0].base, rates[0].quote), ("EUR", "USD"));
        assert_eq!(rates[0].rate.to_string(), "1.0845");
        assert_eq!(rates[1].line, 4);
        assert_eq!(parse_csv("2026-01-31,EUR,USD,1.08").map(|r| r.len()), Ok(1));
    }

    #[test]
    fn reports_every_bad_line() {
        let text = "2026-02-30,EUR,USD,1\nEUR,USD,1\n2026-01-01,EUR,EUR,1\n2026-01-01,XYZ,USD,1\n\
                    2026-01-01,EUR,USD,-1\n2026-01-02,EUR,USD,1\n2026-01-02,EUR,USD,2\n";
        let errors = parse_csv(text).expect_err("invalid");
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert!(errors[0].starts_with("Line 1: “2026-02-30” is not a date"));
        assert!(errors[1].starts_with("Line 2: expected 4 values"));
        assert!(errors[2].starts_with("Line 3: the two currencies must differ"));
        assert!(errors[3].starts_with("Line 4: “XYZ” is not a known currency"));
        assert_eq!(errors[4], "Line 5: A rate must be more than zero.");
        assert_eq!(errors[5], "Line 7: the same date and currencies as line 6.");
    }

    #[test]
    fn empty_text_and_a_header_alone_are_refused() {
        assert!(parse_csv("").is_err());
        assert!(parse_csv("date,base,quote,rate\n\n").is_err());
    }

    #[test]
    fn a_header_is_only_recognised_on_the_first_line() {
        let errors = parse_csv("2026-01-01,EUR,USD,1\ndate,base,quote,rate").expect_err("bad");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("Line 2:"));
    }
}
