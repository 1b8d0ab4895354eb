//! What every planning rule shares: the refusal [`PlanError`], and the cycle bounds and
//! statuses its messages name. It imports no other planning module, so none can loop.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a planning value was refused. The messages are written for the person at the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    LimitNotPositive,
    AlertPercentOutOfRange,
    NegativeAmount,
    TooLarge,
    EndBeforeStart,
    CycleTooShort,
    CycleTooLong,
    /// The date, or one computed from it, falls beyond the calendar `time` supports.
    DateOutOfRange,
    CycleReadOnly,
    StatusTransition {
        from: CycleStatus,
        to: CycleStatus,
    },
    IntervalNotPositive,
    DayOfMonthOutOfRange,
    UnknownFrequency,
    TargetNotPositive,
    TargetDatePassed,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LimitNotPositive => f.write_str("A limit must be more than zero."),
            Self::AlertPercentOutOfRange => {
                f.write_str("The alert threshold is a whole percentage from 1 to 100.")
            }
            Self::NegativeAmount => f.write_str("Amounts cannot be negative."),
            Self::TooLarge => f.write_str("That amount is too large."),
            Self::EndBeforeStart => f.write_str("The end date is before the start date."),
            Self::CycleTooShort => {
                write!(f, "A cycle lasts at least {MIN_CYCLE_DAYS} day.")
            }
            Self::CycleTooLong => write!(f, "A cycle lasts at most {MAX_CYCLE_DAYS} days."),
            Self::DateOutOfRange => f.write_str("That date is too far in the future."),
            Self::CycleReadOnly => {
                f.write_str("This cycle is completed and can no longer be changed.")
            }
            Self::StatusTransition { from, to } => write!(
                f,
                "A cycle goes from draft to active to completed; it cannot go from {} to {}.",
                from.as_str(),
                to.as_str()
            ),
            Self::IntervalNotPositive => f.write_str("Repeat at least every 1 day."),
            Self::DayOfMonthOutOfRange => f.write_str("Choose a day of the month from 1 to 31."),
            Self::UnknownFrequency => f.write_str("Choose how often the expense repeats."),
            Self::TargetNotPositive => f.write_str("A goal's target must be more than zero."),
            Self::TargetDatePassed => f.write_str("The target date has passed."),
        }
    }
}

impl std::error::Error for PlanError {}

// Cycle lengths in days. They live here rather than in `cycles` because PlanError's
// messages quote them.
pub const DEFAULT_CYCLE_DAYS: i64 = 42;
pub const MAX_CYCLE_DAYS: i64 = 45;
pub const MIN_CYCLE_DAYS: i64 = 1;

/// A cycle's life: draft → active → completed, one step at a time and never back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CycleStatus {
    Draft,
    Active,
    Completed,
}

impl CycleStatus {
    pub const ALL: &'static [Self] = &[Self::Draft, Self::Active, Self::Completed];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Active => "active",
            Self::Completed => "completed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "Draft",
            Self::Active => "Active",
            Self::Completed => "Completed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|status| status.as_str() == raw.trim())
    }

    /// Only the next step is allowed; staying put is not a transition.
    pub fn can_transition_to(self, next: Self) -> bool {
        matches!(
            (self, next),
            (Self::Draft, Self::Active) | (Self::Active, Self::Completed)
        )
    }

    /// A completed cycle is history: neither it nor its expected expenses change.
    pub fn is_read_only(self) -> bool {
        self == Self::Completed
    }

    /// Refuses any change to a completed cycle with a clear message.
    pub fn ensure_editable(self) -> Result<(), PlanError> {
        if self.is_read_only() {
            Err(PlanError::CycleReadOnly)
        } else {
            Ok(())
        }
    }

    /// The new status, or why the change is refused.
    pub fn transition_to(self, next: Self) -> Result<Self, PlanError> {
        self.ensure_editable()?;
        if self.can_transition_to(next) {
            Ok(next)
        } else {
            Err(PlanError::StatusTransition {
                from: self,
                to: next,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;

    #[test]
    fn cycle_status_only_moves_forward_one_step() {
        use CycleStatus::*;
        assert!(Draft.can_transition_to(Active));
        assert!(Active.can_transition_to(Completed));
        for (from, to) in [
            (Draft, Completed),
            (Active, Draft),
            (Completed, Active),
            (Completed, Draft),
            (Draft, Draft),
            (Active, Active),
        ] {
            assert!(!from.can_transition_to(to), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn a_completed_cycle_is_read_only_with_a_clear_error() {
        use CycleStatus::*;
        assert!(Completed.is_read_only());
        assert!(!Draft.is_read_only() && !Active.is_read_only());
        assert_eq!(Completed.ensure_editable(), Err(PlanError::CycleReadOnly));
        assert_eq!(Active.ensure_editable(), Ok(()));
        assert_eq!(
            Completed.transition_to(Active),
            Err(PlanError::CycleReadOnly)
        );
        assert_eq!(Draft.transition_to(Active), Ok(Active));
        assert_eq!(
            Active.transition_to(Draft),
            Err(PlanError::StatusTransition {
                from: Active,
                to: Draft
            })
        );
        assert_eq!(
            Active.transition_to(Draft).map_err(|e| e.to_string()),
            Err(
                "A cycle goes from draft to active to completed; it cannot go from active to draft."
                    .to_owned()
            )
        );
    }

    #[test]
    fn cycle_statuses_round_trip_through_their_stored_names() {
        assert_names_round_trip!(CycleStatus);
        assert_eq!(CycleStatus::parse("archived"), None);
    }

    #[test]
    fn errors_read_as_sentences_for_the_form() {
        let messages = [
            (
                PlanError::AlertPercentOutOfRange,
                "The alert threshold is a whole percentage from 1 to 100.",
            ),
            (
                PlanError::CycleReadOnly,
                "This cycle is completed and can no longer be changed.",
            ),
            (PlanError::TargetDatePassed, "The target date has passed."),
        ];
        for (error, message) in messages {
            assert_eq!(error.to_string(), message);
        }
    }
}
