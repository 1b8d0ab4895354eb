//! Types shared by the debt pages and their server code: what forms post and what pages
//! show. Rule: pages and `ssr` both import from here, never from each other.

use crate::error::FieldErrors;
pub use florin::debt_stats::DebtKind;
use serde::{Deserialize, Serialize};

/// The debt form as posted: every field as typed. An empty `id` adds a debt.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DebtInput {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub principal: String,
    pub currency: String,
    pub annual_rate: String,
    pub tenure_months: String,
    pub emi: String,
    pub lender: String,
    pub start_date: String,
    pub next_payment_date: String,
    pub reminder_days: String,
    pub account_id: String,
}

impl DebtInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        crate::url::editor_address("/debts", &self.id)
    }
}

/// What the debt form starts from: the fields as the user would type them (an empty
/// `id` for a new debt), and the choices around them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtFields {
    pub values: DebtInput,
    /// (value, label) of the accounts a payment may be recorded in.
    pub accounts: Vec<(String, String)>,
    /// Once anything was paid, the currency is fixed.
    pub has_payments: bool,
}

/// The payment form as posted: every field as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentInput {
    pub debt_id: String,
    pub amount: String,
    pub method: String,
    pub date: String,
    /// Blank: one is generated.
    pub reference: String,
    /// Blank: no expense is recorded in the ledger.
    pub account_id: String,
}

impl PaymentInput {
    /// The debt's page, where the form is and where a plain post that fails returns.
    pub fn page(&self) -> String {
        format!("/debts/{}", self.debt_id.trim())
    }
}

/// What the payment form starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentDefaults {
    pub debt_id: i64,
    pub currency: String,
    /// The instalment (or what remains, when less), as the user would type it.
    pub amount: String,
    pub date: String,
    pub method: String,
    pub account_id: String,
    /// (value, label) of the accounts in the debt's currency.
    pub accounts: Vec<(String, String)>,
    /// The most that can be paid, formatted.
    pub max: String,
    /// What is left of the current instalment, formatted with its currency.
    pub due: String,
}

/// One debt as the list and the detail page show it; amounts are formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtSummary {
    pub id: i64,
    pub name: String,
    pub kind_label: String,
    pub lender: String,
    pub currency: String,
    pub principal: String,
    /// Principal still owed.
    pub remaining: String,
    /// Principal and interest paid.
    pub total_paid: String,
    pub interest_paid: String,
    /// What clears the debt today: the principal owed and the current period's interest.
    pub payoff: String,
    pub emi: String,
    /// "6.5 %".
    pub rate: String,
    pub next_payment: String,
    pub paid_off: bool,
}

/// Statistics over the debts of one currency (amounts in different currencies are never
/// added together).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub currency: String,
    pub principal: String,
    pub remaining: String,
    pub paid: String,
    /// What the active debts' instalments take each month.
    pub monthly: String,
    /// Weighted by what remains of each debt, exactly; "—" when nothing remains.
    pub average_rate: String,
    /// The month the last debt closes paying the instalments as they are.
    pub debt_free: String,
}

/// One month of payment history: the month and the total per currency of `currencies`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub month: String,
    pub amounts: Vec<String>,
}

/// Everything the debts page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtsOverview {
    pub debts: Vec<DebtSummary>,
    pub summary: Vec<SummaryRow>,
    pub history_currencies: Vec<String>,
    /// The last twelve months, oldest first; empty when nothing was paid in them.
    pub history: Vec<HistoryRow>,
}

/// One month of a schedule, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleRowView {
    pub n: u32,
    pub date: String,
    pub payment: String,
    pub interest: String,
    pub principal: String,
    pub balance: String,
}

/// A schedule with its totals, or why there is none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleView {
    /// True for the whole loan from its start; false for what remains.
    pub full: bool,
    pub rows: Vec<ScheduleRowView>,
    pub total_interest: String,
    pub total_paid: String,
    pub error: Option<String>,
}

/// One recorded payment, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    pub date: String,
    pub amount: String,
    pub interest: String,
    pub principal: String,
    pub method: String,
    pub reference: String,
    pub status: String,
    pub expense: bool,
}

/// Everything the debt page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DebtView {
    pub debt: DebtSummary,
    pub start_date: String,
    pub tenure_months: i64,
    pub reminder_days: i64,
    pub account_name: Option<String>,
    pub schedule: ScheduleView,
    pub payments: Vec<PaymentView>,
    pub pay: PaymentDefaults,
}

/// The planner's inputs exactly as in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PayoffPlanQuery {
    pub extra: String,
    pub currency: String,
}

/// One strategy's outcome, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyView {
    pub name: String,
    pub months: String,
    pub debt_free: String,
    pub total_interest: String,
    pub total_paid: String,
    /// The debts in the order they close: (name, month it closes).
    pub order: Vec<(String, String)>,
}

/// A debt as the planner starts from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDebtView {
    pub name: String,
    pub balance: String,
    pub rate: String,
    pub minimum: String,
}

/// Everything the planner page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoffPlan {
    pub currency: String,
    /// Currencies with active debts; a plan covers one at a time.
    pub currencies: Vec<String>,
    /// The extra amount as typed.
    pub extra: String,
    pub errors: FieldErrors,
    pub debts: Vec<PlanDebtView>,
    pub strategies: Vec<StrategyView>,
    /// The chart's address, with the same inputs.
    pub chart_src: String,
    /// The chart's figures: a label (a month) and the total balance under each strategy.
    pub table: Vec<(String, Vec<String>)>,
}
