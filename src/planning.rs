//! Planning arithmetic: calendar months where the user lives, category limits and their
//! alerts, budgets, cycles, expense templates and savings goals.
//!
//! The rule: money stays in integer minor units and every "has it reached X %" question is
//! answered exactly, as `amount × 100 ≥ whole × percent` in 128 bits, so a threshold is
//! never missed or reported twice through rounding. Percentages are whole percent
//! (`80` means 80 %). Date ranges include both ends. Everything here is pure: whether a
//! crossing was already notified is the database's business, not this module's.
//!
//! Each part lives in its own module below; this file only names the public paths, and
//! the shared error and cycle vocabulary sits in `types`, so nothing imports from here.

mod arith;
mod budgets;
mod cycles;
mod goals;
mod limits;
mod periods;
mod templates;
mod types;

pub use budgets::{BudgetCheck, copy_to_next_period};
pub use cycles::Cycle;
pub use goals::{
    GoalAction, GoalProgress, GoalStatus, MILESTONES, milestones_crossed,
    milestones_reached_by_retarget, required_monthly, whole_months_between,
};
pub use limits::{Level, PROGRESS_PERCENT_CAP, Progress, SpendingStatus, Threshold};
pub use periods::{Month, today_in};
pub use templates::{
    CycleTotals, Frequency, PlanLine, cycle_occurrences, expected_total, expected_versus_actual,
    occurrences,
};
pub use types::{CycleStatus, DEFAULT_CYCLE_DAYS, MAX_CYCLE_DAYS, MIN_CYCLE_DAYS, PlanError};
