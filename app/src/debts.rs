//! Debts: loans and cards with their instalment (EMI), amortization schedule, payments,
//! statistics, a payoff planner and reminders before each due date.
//!
//! Rule: every figure comes from `florin::loan` (exact integer arithmetic); this feature
//! only stores, validates and shows. A payment pays the current period's interest first
//! and the rest reduces `remaining`, the principal owed (`florin::loan::apply_payment`);
//! it is applied to the debt's row locked in the same database transaction as the payment
//! row (see `repo::record_payment`), so concurrent payments can neither over-pay nor lose
//! an update.

use serde::{Deserialize, Serialize};

mod delete;
mod detail;
mod edit;
mod list;
mod pay;
mod planner;
pub mod types;

#[cfg(feature = "ssr")]
pub mod chart;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use delete::{DeleteDebt, DeleteDebtPage, delete_debt};
pub use detail::{DebtPage, DebtView, GetDebt, get_debt};
pub use edit::{DebtFields, DebtForm, EditDebtPage, NewDebtPage, SaveDebt, debt_form, save_debt};
pub use list::{DebtsOverview, DebtsPage, ListDebts, list_debts};
pub use pay::{PaymentDefaults, RecordPayment, record_payment};
pub use planner::{PayoffPlan, PayoffPlanQuery, PlanPayoff, PlannerPage, plan_payoff};

/// What kind of debt it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DebtKind {
    Home,
    Car,
    Personal,
    Student,
    CreditCard,
    Other,
}

impl DebtKind {
    pub const ALL: [Self; 6] = [
        Self::Home,
        Self::Car,
        Self::Personal,
        Self::Student,
        Self::CreditCard,
        Self::Other,
    ];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Home => "home",
            Self::Car => "car",
            Self::Personal => "personal",
            Self::Student => "student",
            Self::CreditCard => "credit_card",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Home => "Home loan",
            Self::Car => "Car loan",
            Self::Personal => "Personal loan",
            Self::Student => "Student loan",
            Self::CreditCard => "Credit card",
            Self::Other => "Other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }
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

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn DebtRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/debts") view=DebtsPage ssr=SsrMode::Async/>
        <Route path=path!("/debts/new") view=NewDebtPage ssr=SsrMode::Async/>
        <Route path=path!("/debts/planner") view=PlannerPage ssr=SsrMode::Async/>
        <Route path=path!("/debts/:id") view=DebtPage ssr=SsrMode::Async/>
        <Route path=path!("/debts/:id/edit") view=EditDebtPage ssr=SsrMode::Async/>
        <Route path=path!("/debts/:id/delete") view=DeleteDebtPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
