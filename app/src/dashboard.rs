//! The dashboard, the page after sign-in: this month's income, spending and net in the
//! base currency, cash flow over twelve months, spending by category, net worth over
//! time, the latest transactions, unread notifications and active debts.
//!
//! Charts are SVG drawn by charts-rs on the server (`crate::reports::charts`) and inlined
//! in the HTML, each inside a `<figure>` with a caption and a table of the same figures,
//! so the page reads the same without JavaScript and to a screen reader. The SVG text
//! travels twice (in the HTML and in the hydration data) because charts-rs runs only on
//! the server; compressed, the three charts add a few kilobytes, and the page keeps
//! working after client-side navigation, which an SVG drawn only on the first render
//! would not.
//!
//! Rule: the dashboard sits above the features it summarises and reads them through
//! their `repo` or `ssr`; none of them uses the dashboard.

mod body;
mod cards;
mod home;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use body::Dashboard;
pub use home::{Home, HomePage, home};
pub use types::{DashboardView, DebtLine, Figure, HomeView, NoticeLine, RecentLine};

crate::routes!(DashboardRoutes {
    "/" => HomePage,
});
