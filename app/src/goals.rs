//! Savings goals: a target in one currency, optionally by a date, and the contributions
//! towards it, each optionally recorded as a transfer between two ledger accounts.
//!
//! Rule: what has been saved is never stored; it is the sum of the contributions, read
//! whenever a goal is shown, so progress cannot go stale and deleting a contribution
//! needs no bookkeeping. Every figure comes from `florin::planning`. The 25, 50, 75 and
//! 100 % milestones notify once each: the notice is created in the contribution's own
//! database transaction with a key per goal and milestone, so crossing a milestone again
//! after a contribution was deleted finds the notice already there.

mod contribute;
mod delete;
mod detail;
mod edit;
mod list;
mod progress;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
mod validate;

pub use contribute::{AddContribution, add_contribution};
pub use delete::{DeleteGoal, DeleteGoalPage, delete_goal};
pub use detail::{
    ChangeGoalStatus, DeleteContribution, GetGoal, GoalPage, change_goal_status,
    delete_contribution, get_goal,
};
pub use edit::{GoalEditorPage, GoalForm, SaveGoal, goal_form, save_goal};
pub use florin::goal::{GoalKind, Priority};
pub use list::{GoalsPage, ListGoals, list_goals};
pub use progress::GoalProgressBar;
pub use types::{ContributionDefaults, GoalFields, GoalSummary, GoalView};

crate::routes!(GoalRoutes {
    "/goals" => GoalsPage,
    "/goals/new" => GoalEditorPage,
    "/goals/:id" => GoalPage,
    "/goals/:id/edit" => GoalEditorPage,
    "/goals/:id/delete" => DeleteGoalPage,
});
