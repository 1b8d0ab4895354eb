//! Budgeting cycles of 1 to 45 consecutive days, both ends included. A `Cycle` is checked
//! once when built, so its end and its successor's start can always be computed. The
//! cycle's status lives in `types`, beside the error whose messages name it.

use super::types::{MAX_CYCLE_DAYS, MIN_CYCLE_DAYS, PlanError};
use time::{Date, Duration};

/// A budgeting period of 1 to 45 consecutive days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cycle {
    start: Date,
    length_days: i64,
}

impl Cycle {
    pub fn new(start: Date, length_days: i64) -> Result<Self, PlanError> {
        if length_days < MIN_CYCLE_DAYS {
            return Err(PlanError::CycleTooShort);
        }
        if length_days > MAX_CYCLE_DAYS {
            return Err(PlanError::CycleTooLong);
        }
        // Checked once here so that `end` and `next_start` can never fail later.
        start
            .checked_add(Duration::days(length_days))
            .ok_or(PlanError::DateOutOfRange)?;
        Ok(Self { start, length_days })
    }

    pub fn start(self) -> Date {
        self.start
    }

    pub fn length_days(self) -> i64 {
        self.length_days
    }

    /// The last day of the cycle, included: `start + length − 1`.
    pub fn end(self) -> Date {
        self.start
            .saturating_add(Duration::days(self.length_days - 1))
    }

    /// The day after the end, where a following cycle begins.
    pub fn next_start(self) -> Date {
        self.start.saturating_add(Duration::days(self.length_days))
    }

    /// The cycle of the same length that follows this one.
    pub fn next(self) -> Result<Self, PlanError> {
        Self::new(self.next_start(), self.length_days)
    }

    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planning::types::DEFAULT_CYCLE_DAYS;
    use time::macros::date;

    #[test]
    fn a_default_cycle_ends_41_days_after_it_starts() {
        let cycle = Cycle::new(date!(2024 - 01 - 01), DEFAULT_CYCLE_DAYS).expect("valid");
        assert_eq!(cycle.end(), date!(2024 - 02 - 11));
        assert_eq!(cycle.next_start(), date!(2024 - 02 - 12));
        assert_eq!(cycle.length_days(), 42);
        assert!(cycle.contains(date!(2024 - 01 - 01)));
        assert!(cycle.contains(date!(2024 - 02 - 11)));
        assert!(!cycle.contains(date!(2024 - 02 - 12)));
        assert!(!cycle.contains(date!(2023 - 12 - 31)));
    }

    #[test]
    fn cycle_ends_count_the_leap_day() {
        let leap = Cycle::new(date!(2024 - 02 - 01), 42).expect("valid");
        let common = Cycle::new(date!(2023 - 02 - 01), 42).expect("valid");
        assert_eq!(leap.end(), date!(2024 - 03 - 13));
        assert_eq!(common.end(), date!(2023 - 03 - 14));
    }

    #[test]
    fn a_one_day_cycle_ends_where_it_starts() {
        let cycle = Cycle::new(date!(2024 - 12 - 31), 1).expect("valid");
        assert_eq!(cycle.end(), cycle.start());
        assert_eq!(cycle.next_start(), date!(2025 - 01 - 01));
    }

    #[test]
    fn cycle_lengths_are_between_1_and_45_days() {
        let start = date!(2024 - 01 - 01);
        assert!(Cycle::new(start, MAX_CYCLE_DAYS).is_ok());
        assert_eq!(Cycle::new(start, 46), Err(PlanError::CycleTooLong));
        assert_eq!(Cycle::new(start, 0), Err(PlanError::CycleTooShort));
        assert_eq!(Cycle::new(start, -42), Err(PlanError::CycleTooShort));
        let messages = [
            (PlanError::CycleTooLong, "A cycle lasts at most 45 days."),
            (PlanError::CycleTooShort, "A cycle lasts at least 1 day."),
        ];
        for (error, message) in messages {
            assert_eq!(error.to_string(), message);
        }
    }

    #[test]
    fn the_next_cycle_starts_the_day_after_and_keeps_the_length() {
        let cycle = Cycle::new(date!(2024 - 01 - 20), 45).expect("valid");
        let next = cycle.next().expect("valid");
        assert_eq!(next.start(), date!(2024 - 03 - 05));
        assert_eq!(next.start(), cycle.end().next_day().expect("in range"));
        assert_eq!(next.length_days(), 45);
    }

    #[test]
    fn cycles_cannot_run_past_the_calendars_end() {
        assert_eq!(
            Cycle::new(date!(9999 - 12 - 31), 1),
            Err(PlanError::DateOutOfRange)
        );
        assert!(Cycle::new(date!(9999 - 12 - 30), 1).is_ok());
    }
}
