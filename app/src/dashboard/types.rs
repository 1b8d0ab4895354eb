//! Types shared by the dashboard's pages and its server code: everything the home page
//! shows, formatted. Rule: pages and `ssr` both import from here, never from each other.

use serde::{Deserialize, Serialize};

/// A chart with its text alternative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The SVG document drawn on the server (empty when there is nothing to draw).
    pub svg: String,
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentLine {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub payee: String,
    pub account: String,
    pub category: String,
    pub amount: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeLine {
    pub title: String,
    pub body: String,
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtLine {
    pub id: i64,
    pub name: String,
    pub remaining: String,
    pub next_payment: String,
}

/// Everything the dashboard shows, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardView {
    pub base_currency: String,
    /// "Nov 2026".
    pub month: String,
    pub income: String,
    pub spending: String,
    pub net: String,
    pub net_negative: bool,
    /// Currencies whose amounts were left out for want of an exchange rate.
    pub missing_rates: Vec<String>,
    /// Whether the organisation has any account yet.
    pub has_ledger: bool,
    pub cash_flow: Figure,
    pub categories: Figure,
    pub net_worth: Figure,
    pub recent: Vec<RecentLine>,
    pub unread: i64,
    pub notifications: Vec<NoticeLine>,
    pub debts: Vec<DebtLine>,
    /// Active goals with their progress.
    pub goals: Vec<crate::goals::GoalSummary>,
    /// This month's category limits with what was spent against them.
    pub limits: Vec<crate::limits::LimitView>,
}

/// What the home page shows a signed-in user: their organisations and the dashboard of
/// their own (`None` for a user in none: an instance administrator keeps no books).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HomeView {
    pub orgs: Vec<crate::orgs::OrgSummary>,
    pub dashboard: Option<DashboardView>,
}
