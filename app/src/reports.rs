//! Reports: income and spending over a chosen range, grouped by month, category, tag,
//! account or payee, in the base currency, as a chart and a table whose rows link to the
//! matching transactions. The parameters live in the URL (a GET form), so a report works
//! without JavaScript, can be bookmarked, saved by name, downloaded as CSV
//! (`/reports/export.csv?…`) and printed (the print stylesheet drops the navigation and
//! forms).
//!
//! Rule: reports sit below the dashboard: the dashboard may use this feature's `repo`,
//! `charts` and `missing_rates`, and nothing here uses the dashboard.

pub mod missing_rates;
mod page;
mod results;
mod saved;
pub mod types;

#[cfg(feature = "ssr")]
pub mod charts;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod summary;

pub use page::{ReportsPage, RunReport, run_report};
pub use saved::{DeleteSavedReport, SaveReport, delete_saved_report, save_report};
pub use types::{ReportQuery, ReportRow, ReportView, SaveReportInput, SummaryLine, SummaryTable};

crate::routes!(ReportRoutes {
    "/reports" => ReportsPage,
});
