//! Types shared by the report pages and their server code: the report's parameters, what
//! the page shows and what the save form posts. Rule: pages and `ssr` both import from
//! here, never from each other.

use serde::{Deserialize, Serialize};

/// The report's parameters exactly as in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub group: String,
    pub from: String,
    pub to: String,
}

impl ReportQuery {
    /// Reads `group`, `from` and `to` from a query string (`group=month&from=…`); other
    /// keys are ignored.
    pub fn parse(raw: &str) -> Self {
        let mut query = Self::default();
        for pair in raw.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = value.to_owned();
            match key {
                "group" => query.group = value,
                "from" => query.from = value,
                "to" => query.to = value,
                _ => {}
            }
        }
        query
    }
}

/// One group of the report, formatted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub label: String,
    pub income: String,
    pub spending: String,
    pub net: String,
    pub negative: bool,
    /// The transactions behind the figures.
    pub link: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub query: ReportQuery,
    pub errors: Vec<(String, String)>,
    pub base_currency: String,
    pub grouping_label: String,
    /// "2026-01-01 to 2026-11-22".
    pub range: String,
    /// The validated parameters as a query string (for CSV and saving).
    pub canonical: String,
    pub rows: Vec<ReportRow>,
    pub total: ReportRow,
    pub missing_rates: Vec<String>,
    /// The chart's SVG (empty without rows).
    pub chart: String,
    /// Saved definitions: (id, name, address).
    pub saved: Vec<(i64, String, String)>,
    /// For the goals and debts summaries, the table shown instead of income and spending.
    pub summary: Option<SummaryTable>,
}

/// A summary report: one row per record, linked to it, then totals per currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryTable {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<SummaryLine>,
    pub totals: Vec<SummaryLine>,
    /// Shown instead of the table when there are no rows.
    pub empty: String,
    pub note: String,
}

/// One row of a summary: its cells, the first being its label, linked to `link` when
/// not empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLine {
    pub link: String,
    pub cells: Vec<String>,
}

/// The save form as posted: a name and the report's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SaveReportInput {
    pub name: String,
    pub query: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_string_gives_the_report_parameters_only() {
        let query = ReportQuery::parse("group=month&from=2026-01-01&x=1&to");
        assert_eq!(
            query,
            ReportQuery {
                group: "month".into(),
                from: "2026-01-01".into(),
                to: String::new(),
            }
        );
    }
}
