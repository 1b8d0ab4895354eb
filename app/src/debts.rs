//! Debts: loans and cards with their instalment (EMI), amortization schedule, payments,
//! statistics, a payoff planner and reminders before each due date.
//!
//! Rule: every figure comes from `florin::loan` (exact integer arithmetic); this feature
//! only stores, validates and shows. A payment pays the current period's interest first
//! and the rest reduces `remaining`, the principal owed (`florin::loan::apply_payment`);
//! it is applied to the debt's row locked in the same database transaction as the payment
//! row (see `repo::record_payment`), so concurrent payments can neither over-pay nor lose
//! an update.

mod delete;
mod detail;
mod edit;
mod list;
mod pay;
mod planner;
mod table;
pub mod types;

#[cfg(feature = "ssr")]
pub mod chart;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteDebt, DeleteDebtPage, delete_debt};
pub use detail::{DebtPage, GetDebt, get_debt};
pub use edit::{DebtEditorPage, DebtForm, SaveDebt, debt_form, save_debt};
pub use list::{DebtsPage, ListDebts, list_debts};
pub use pay::{RecordPayment, record_payment};
pub use planner::{PlanPayoff, PlannerPage, plan_payoff};
pub use types::{
    DebtFields, DebtInput, DebtKind, DebtSummary, DebtView, DebtsOverview, PaymentDefaults,
    PaymentInput, PayoffPlan, PayoffPlanQuery,
};

crate::routes!(DebtRoutes {
    "/debts" => DebtsPage,
    "/debts/new" => DebtEditorPage,
    "/debts/planner" => PlannerPage,
    "/debts/:id" => DebtPage,
    "/debts/:id/edit" => DebtEditorPage,
    "/debts/:id/delete" => DeleteDebtPage,
});
