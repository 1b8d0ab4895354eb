//! Savings goals: status changes, progress, milestones and the monthly saving needed.
//! Milestones are compared exactly and the monthly saving rounds up, so a target is met.

use super::arith::{ceil_div, percent_floor, reaches};
use super::periods::Month;
use super::types::PlanError;
use serde::{Deserialize, Serialize};
use time::Date;

/// Where a goal stands. Active and paused goals take contributions; completed and
/// cancelled ones are closed until resumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalStatus {
    Active,
    Paused,
    Completed,
    Cancelled,
}

impl GoalStatus {
    pub const ALL: [Self; 4] = [Self::Active, Self::Paused, Self::Completed, Self::Cancelled];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Paused => "paused",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Paused => "Paused",
            Self::Completed => "Completed",
            Self::Cancelled => "Cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == raw.trim())
    }

    /// Whether money may still be put towards the goal.
    pub fn accepts_contributions(self) -> bool {
        matches!(self, Self::Active | Self::Paused)
    }

    /// The status `action` leads to from this one, or `None` when it does not apply:
    /// pause an active goal, resume a paused, completed or cancelled one, complete or
    /// cancel an open one.
    pub fn after(self, action: GoalAction) -> Option<Self> {
        use GoalStatus::{Active, Cancelled, Completed, Paused};
        match (self, action) {
            (Active, GoalAction::Pause) => Some(Paused),
            (Paused | Completed | Cancelled, GoalAction::Resume) => Some(Active),
            (Active | Paused, GoalAction::Complete) => Some(Completed),
            (Active | Paused, GoalAction::Cancel) => Some(Cancelled),
            _ => None,
        }
    }
}

/// A change of a goal's status that a person asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalAction {
    Pause,
    Resume,
    Complete,
    Cancel,
}

impl GoalAction {
    pub const ALL: [Self; 4] = [Self::Pause, Self::Resume, Self::Complete, Self::Cancel];

    /// The name used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pause => "pause",
            Self::Resume => "resume",
            Self::Complete => "complete",
            Self::Cancel => "cancel",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pause => "Pause",
            Self::Resume => "Resume",
            Self::Complete => "Mark completed",
            Self::Cancel => "Cancel goal",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|action| action.as_str() == raw.trim())
    }
}

/// The percentages at which a goal notifies, once each.
pub const MILESTONES: [u8; 4] = [25, 50, 75, 100];

/// A goal's progress, derived from its target and what has been saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalProgress {
    /// Whole percent saved, rounded down, from 0 to 100 (saving past the target shows 100).
    pub percent_floor: u8,
    /// What is still to save; 0 once the target is met or passed.
    pub remaining: i64,
}

impl GoalProgress {
    /// `current` may be anything, including past the target or below zero after
    /// withdrawals.
    pub fn of(target: i64, current: i64) -> Result<Self, PlanError> {
        ensure_positive_target(target)?;
        let remaining = target.checked_sub(current).ok_or(PlanError::TooLarge)?;
        Ok(Self {
            percent_floor: u8::try_from(percent_floor(current, target, 100)).unwrap_or(100),
            remaining: remaining.max(0),
        })
    }
}

fn ensure_positive_target(target: i64) -> Result<(), PlanError> {
    if target > 0 {
        Ok(())
    } else {
        Err(PlanError::TargetNotPositive)
    }
}

/// The milestones crossed upwards when the saved amount goes from `before` to `after`,
/// lowest first; reaching a milestone counts. Like
/// [`Threshold::crossings`](crate::planning::Threshold::crossings), falling back and
/// climbing again reports a milestone again, and the caller keeps one notification per
/// goal and milestone.
pub fn milestones_crossed(target: i64, before: i64, after: i64) -> Result<Vec<u8>, PlanError> {
    ensure_positive_target(target)?;
    Ok(MILESTONES
        .into_iter()
        .filter(|m| !reaches(before, target, *m) && reaches(after, target, *m))
        .collect())
}

/// The milestones newly reached when a goal's target changes from `old_target` to
/// `new_target` while `saved` stays: lowering the target can reach a milestone without a
/// contribution. Lowest first; empty when the target rose or stayed.
pub fn milestones_reached_by_retarget(
    old_target: i64,
    new_target: i64,
    saved: i64,
) -> Result<Vec<u8>, PlanError> {
    ensure_positive_target(old_target)?;
    ensure_positive_target(new_target)?;
    Ok(MILESTONES
        .into_iter()
        .filter(|m| !reaches(saved, old_target, *m) && reaches(saved, new_target, *m))
        .collect())
}

/// Whole months from `from` to `to`: the largest k such that `from` plus k calendar
/// months, on the same day or the month's last day when shorter, is not after `to`.
/// January 31 to February 29 is one month; January 31 to March 30 is still one. Zero when
/// `to` is not after `from`.
pub fn whole_months_between(from: Date, to: Date) -> i64 {
    let start = Month::of(from);
    let months = start.months_until(Month::of(to));
    let landed = start
        .add_months(months)
        .map(|month| month.day_or_last(from.day()));
    let whole = if landed.is_some_and(|date| date > to) {
        months - 1
    } else {
        months
    };
    whole.max(0)
}

/// The monthly saving that reaches `target` by `target_date`: the amount still to save
/// divided by the whole months left, rounded up to the currency's minor unit so the
/// target is met rather than missed by a cent (or a yen). A date later this month, or
/// today, leaves one month. Already reached is 0 whatever the date; otherwise a past date
/// is an error.
pub fn required_monthly(
    target: i64,
    current: i64,
    today: Date,
    target_date: Date,
) -> Result<i64, PlanError> {
    let remaining = GoalProgress::of(target, current)?.remaining;
    if remaining == 0 {
        return Ok(0);
    }
    if target_date < today {
        return Err(PlanError::TargetDatePassed);
    }
    let months = whole_months_between(today, target_date).max(1);
    Ok(ceil_div(remaining, months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{assert_names_round_trip, day};
    use PlanError::TargetDatePassed;
    use time::macros::date;

    #[test]
    fn goal_statuses_round_trip_and_change_only_where_it_makes_sense() {
        use GoalAction::{Cancel, Complete, Pause, Resume};
        use GoalStatus::{Active, Cancelled, Completed, Paused};
        assert_names_round_trip!(GoalStatus, GoalAction);
        assert_eq!(GoalStatus::parse("done"), None);
        assert_eq!(Active.after(Pause), Some(Paused));
        assert_eq!(Paused.after(Resume), Some(Active));
        assert_eq!(Cancelled.after(Resume), Some(Active));
        assert_eq!(Completed.after(Resume), Some(Active));
        assert_eq!(Active.after(Complete), Some(Completed));
        assert_eq!(Paused.after(Cancel), Some(Cancelled));
        assert_eq!(Active.after(Resume), None);
        assert_eq!(Paused.after(Pause), None);
        assert_eq!(Cancelled.after(Complete), None);
        assert_eq!(Completed.after(Cancel), None);
        assert!(Active.accepts_contributions() && Paused.accepts_contributions());
        assert!(!Completed.accepts_contributions() && !Cancelled.accepts_contributions());
    }

    #[test]
    fn goal_progress_rounds_down_and_caps_at_100() {
        let of = |target, current| GoalProgress::of(target, current).expect("valid target");
        assert_eq!(
            of(100_000, 0),
            GoalProgress {
                percent_floor: 0,
                remaining: 100_000
            }
        );
        assert_eq!(of(300, 100).percent_floor, 33);
        assert_eq!(of(100_000, 99_999).percent_floor, 99);
        assert_eq!(
            of(100_000, 100_000),
            GoalProgress {
                percent_floor: 100,
                remaining: 0
            }
        );
        assert_eq!(
            of(100_000, 250_000),
            GoalProgress {
                percent_floor: 100,
                remaining: 0
            }
        );
    }

    #[test]
    fn goal_progress_after_withdrawals_below_zero() {
        assert_eq!(
            GoalProgress::of(1_000, -500),
            Ok(GoalProgress {
                percent_floor: 0,
                remaining: 1_500
            })
        );
        assert_eq!(GoalProgress::of(1, i64::MIN), Err(PlanError::TooLarge));
    }

    #[test]
    fn goals_need_a_positive_target() {
        assert_eq!(GoalProgress::of(0, 0), Err(PlanError::TargetNotPositive));
        assert_eq!(GoalProgress::of(-5, 0), Err(PlanError::TargetNotPositive));
        assert_eq!(
            milestones_crossed(0, 0, 10),
            Err(PlanError::TargetNotPositive)
        );
        assert_eq!(
            required_monthly(0, 0, date!(2024 - 01 - 01), date!(2025 - 01 - 01)),
            Err(PlanError::TargetNotPositive)
        );
    }

    #[test]
    fn lowering_a_target_can_reach_milestones_without_a_contribution() {
        // 300 saved: 30 % of 1,000, 60 % of 500, 100 % of 300.
        assert_eq!(
            milestones_reached_by_retarget(1_000, 500, 300),
            Ok(vec![50])
        );
        assert_eq!(
            milestones_reached_by_retarget(1_000, 300, 300),
            Ok(vec![50, 75, 100])
        );
        assert_eq!(milestones_reached_by_retarget(500, 1_000, 300), Ok(vec![]));
        assert_eq!(
            milestones_reached_by_retarget(1_000, 1_000, 300),
            Ok(vec![])
        );
        assert_eq!(milestones_reached_by_retarget(1_000, 999, 0), Ok(vec![]));
        assert_eq!(
            milestones_reached_by_retarget(1_000, 0, 300),
            Err(PlanError::TargetNotPositive)
        );
    }

    #[test]
    fn milestones_are_crossed_upwards_and_reaching_counts() {
        assert_eq!(milestones_crossed(10_000, 0, 6_000), Ok(vec![25, 50]));
        assert_eq!(milestones_crossed(10_000, 2_499, 2_500), Ok(vec![25]));
        assert_eq!(milestones_crossed(10_000, 0, 2_499), Ok(vec![]));
        assert_eq!(milestones_crossed(10_000, 5_000, 7_400), Ok(vec![]));
        assert_eq!(
            milestones_crossed(10_000, 0, 20_000),
            Ok(vec![25, 50, 75, 100])
        );
        assert_eq!(milestones_crossed(10_000, 9_999, 10_000), Ok(vec![100]));
    }

    #[test]
    fn falling_back_crosses_nothing_and_climbing_again_crosses_again() {
        assert_eq!(milestones_crossed(10_000, 6_000, 4_000), Ok(vec![]));
        assert_eq!(milestones_crossed(10_000, 4_000, 6_000), Ok(vec![50]));
        assert_eq!(milestones_crossed(10_000, -100, 2_500), Ok(vec![25]));
    }

    #[test]
    fn milestones_of_tiny_and_huge_targets_are_exact() {
        // 25 % of 3 units is 0.75, so 1 unit reaches it; 50 % (1.5) needs 2.
        assert_eq!(milestones_crossed(3, 0, 1), Ok(vec![25]));
        assert_eq!(milestones_crossed(3, 1, 2), Ok(vec![50]));
        assert_eq!(milestones_crossed(3, 2, 3), Ok(vec![75, 100]));
        assert_eq!(
            milestones_crossed(i64::MAX, 0, i64::MAX),
            Ok(vec![25, 50, 75, 100])
        );
    }

    #[test]
    fn whole_months_handle_month_ends_and_leap_days() {
        let months = whole_months_between;
        assert_eq!(months(date!(2024 - 01 - 15), date!(2025 - 01 - 15)), 12);
        assert_eq!(months(date!(2024 - 01 - 15), date!(2025 - 01 - 14)), 11);
        assert_eq!(months(date!(2024 - 01 - 31), date!(2024 - 02 - 29)), 1);
        assert_eq!(months(date!(2023 - 01 - 31), date!(2023 - 02 - 28)), 1);
        assert_eq!(months(date!(2024 - 01 - 31), date!(2024 - 03 - 30)), 1);
        assert_eq!(months(date!(2024 - 01 - 31), date!(2024 - 03 - 31)), 2);
        assert_eq!(months(date!(2024 - 02 - 29), date!(2025 - 02 - 28)), 12);
        assert_eq!(months(date!(2024 - 01 - 10), date!(2024 - 01 - 31)), 0);
        assert_eq!(months(date!(2024 - 01 - 10), date!(2024 - 01 - 10)), 0);
        assert_eq!(months(date!(2024 - 03 - 10), date!(2024 - 01 - 31)), 0);
    }

    #[test]
    fn required_monthly_spreads_the_remainder_over_whole_months_rounding_up() {
        // (target, saved, today, target date, monthly amount)
        let cases = [
            (1_200_000, 0, "2024-01-15", "2025-01-15", Ok(100_000)),
            (1_200_000, 600_000, "2024-01-15", "2025-01-15", Ok(50_000)),
            // Rounded up to the minor unit. 10.00 USD over 3 months: 3.34, so the target
            // is met, not missed by a cent.
            (1_000, 0, "2024-01-15", "2024-04-15", Ok(334)),
            // ¥100 has no decimals: ¥34.
            (100, 0, "2024-01-15", "2024-04-15", Ok(34)),
            // 10.000 KWD: 3.334 KWD.
            (10_000, 0, "2024-01-15", "2024-04-15", Ok(3_334)),
            (999, 0, "2024-01-15", "2024-04-15", Ok(333)),
            // A date this month, or today, leaves one month.
            (5_000, 1_000, "2024-02-10", "2024-02-29", Ok(4_000)),
            (5_000, 1_000, "2024-02-10", "2024-02-10", Ok(4_000)),
            // Under a whole month away, even in the next month.
            (5_000, 1_000, "2024-02-10", "2024-03-09", Ok(4_000)),
            // A past date is refused unless the goal is reached.
            (
                5_000,
                1_000,
                "2024-03-01",
                "2024-02-29",
                Err(TargetDatePassed),
            ),
            (5_000, 5_000, "2024-03-01", "2024-02-29", Ok(0)),
            (5_000, 7_000, "2024-03-01", "2025-02-28", Ok(0)),
            // After withdrawals, the shortfall is included.
            (1_000, -200, "2024-01-01", "2024-07-01", Ok(200)),
        ];
        for (target, saved, today, target_date, expected) in cases {
            assert_eq!(
                required_monthly(target, saved, day(today), day(target_date)),
                expected,
                "{target} {saved} {today} {target_date}"
            );
        }
    }
}
