//! Savings goals: a target in one currency, optionally by a date, and the contributions
//! towards it, each optionally recorded as a transfer between two ledger accounts.
//!
//! Rule: what has been saved is never stored; it is the sum of the contributions, read
//! whenever a goal is shown, so progress cannot go stale and deleting a contribution
//! needs no bookkeeping. Every figure comes from `florin::planning`. The 25, 50, 75 and
//! 100 % milestones notify once each: the notice is created in the contribution's own
//! database transaction with a key per goal and milestone, so crossing a milestone again
//! after a contribution was deleted finds the notice already there.

use serde::{Deserialize, Serialize};

mod contribute;
mod delete;
mod detail;
mod edit;
mod list;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use contribute::{AddContribution, ContributionDefaults, add_contribution};
pub use delete::{DeleteGoal, DeleteGoalPage, delete_goal};
pub use detail::{
    ChangeGoalStatus, DeleteContribution, GetGoal, GoalPage, GoalView, change_goal_status,
    delete_contribution, get_goal,
};
pub use edit::{EditGoalPage, GoalFields, GoalForm, NewGoalPage, SaveGoal, goal_form, save_goal};
pub use list::{GoalsPage, ListGoals, list_goals};

/// What a goal is saved for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalKind {
    EmergencyFund,
    Purchase,
    Travel,
    Education,
    Retirement,
    Other,
}

impl GoalKind {
    pub const ALL: [Self; 6] = [
        Self::EmergencyFund,
        Self::Purchase,
        Self::Travel,
        Self::Education,
        Self::Retirement,
        Self::Other,
    ];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmergencyFund => "emergency_fund",
            Self::Purchase => "purchase",
            Self::Travel => "travel",
            Self::Education => "education",
            Self::Retirement => "retirement",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::EmergencyFund => "Emergency fund",
            Self::Purchase => "Purchase",
            Self::Travel => "Travel",
            Self::Education => "Education",
            Self::Retirement => "Retirement",
            Self::Other => "Other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }
}

/// How much a goal matters next to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Self; 3] = [Self::High, Self::Medium, Self::Low];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw.trim())
    }
}

/// One goal as the list and the detail page show it; amounts are formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalSummary {
    pub id: i64,
    pub title: String,
    pub kind_label: String,
    pub priority_label: String,
    /// `florin::planning::GoalStatus::as_str`.
    pub status: String,
    pub status_label: String,
    pub currency: String,
    pub target: String,
    pub saved: String,
    pub remaining: String,
    /// Whole percent saved, rounded down, 0 to 100.
    pub percent: u8,
    /// "2027-06-30", or empty without a target date.
    pub target_date: String,
    /// The monthly saving that reaches the target by its date, or why there is none.
    pub monthly: String,
}

/// The progress bar and its text, for the list and the detail page.
#[leptos::component]
pub fn GoalProgressBar(percent: u8, saved: String, target: String) -> impl leptos::IntoView {
    use leptos::prelude::*;
    let text = format!("{percent}\u{a0}% saved: {saved} of {target}");
    view! {
        <div class="goal-progress">
            <progress max="100" value=percent.to_string() aria-label=text.clone()>{format!("{percent}\u{a0}%")}</progress>
            " "
            <span>{text}</span>
        </div>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn GoalRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/goals") view=GoalsPage ssr=SsrMode::Async/>
        <Route path=path!("/goals/new") view=NewGoalPage ssr=SsrMode::Async/>
        <Route path=path!("/goals/:id") view=GoalPage ssr=SsrMode::Async/>
        <Route path=path!("/goals/:id/edit") view=EditGoalPage ssr=SsrMode::Async/>
        <Route path=path!("/goals/:id/delete") view=DeleteGoalPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
