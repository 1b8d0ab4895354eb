//! Budgets: a total against its line items, and the next period of the same shape. No
//! amount may be negative, since a negative line would hide overspending in the others.

use super::periods::Month;
use super::types::PlanError;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// A budget's total against the sum of its line items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetCheck {
    pub total: i64,
    pub entries_sum: i64,
    /// How far the entries exceed the total, when they do: the form warns about it.
    pub over_by: Option<i64>,
}

impl BudgetCheck {
    /// Refuses negative amounts: a negative line would silently make room for overspending
    /// in the others.
    pub fn of(total: i64, entries: &[i64]) -> Result<Self, PlanError> {
        if total < 0 || entries.iter().any(|entry| *entry < 0) {
            return Err(PlanError::NegativeAmount);
        }
        let entries_sum = entries
            .iter()
            .try_fold(0_i64, |sum, entry| sum.checked_add(*entry))
            .ok_or(PlanError::TooLarge)?;
        Ok(Self {
            total,
            entries_sum,
            // Both sides are non-negative, so the difference cannot overflow.
            over_by: (entries_sum > total).then(|| entries_sum - total),
        })
    }
}

/// The period after `start..=end`, of the same shape: whole calendar months become the
/// same number of following months (January → February, Q1 → Q2, with correct month
/// ends); any other span of N days becomes the next N days.
pub fn copy_to_next_period(start: Date, end: Date) -> Result<(Date, Date), PlanError> {
    if end < start {
        return Err(PlanError::EndBeforeStart);
    }
    if start.day() == 1 && Month::of(end).last_day() == end {
        let months = Month::of(start).months_until(Month::of(end));
        let first = Month::of(end)
            .add_months(1)
            .ok_or(PlanError::DateOutOfRange)?;
        let last = first.add_months(months).ok_or(PlanError::DateOutOfRange)?;
        return Ok((first.first_day(), last.last_day()));
    }
    let span = end - start + Duration::DAY;
    let next_start = end.next_day().ok_or(PlanError::DateOutOfRange)?;
    let next_end = end.checked_add(span).ok_or(PlanError::DateOutOfRange)?;
    Ok((next_start, next_end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::day;

    #[test]
    fn entries_within_or_equal_to_the_total_are_fine() {
        let check = BudgetCheck::of(82_000, &[50_000, 20_000, 12_000]).expect("valid");
        assert_eq!(
            check,
            BudgetCheck {
                total: 82_000,
                entries_sum: 82_000,
                over_by: None
            }
        );
        assert_eq!(BudgetCheck::of(100, &[]).map(|c| c.over_by), Ok(None));
        assert_eq!(BudgetCheck::of(0, &[0, 0]).map(|c| c.over_by), Ok(None));
    }

    #[test]
    fn entries_past_the_total_say_by_how_much() {
        assert_eq!(
            BudgetCheck::of(80_000, &[50_000, 20_000, 12_000]).map(|c| c.over_by),
            Ok(Some(2_000))
        );
        assert_eq!(BudgetCheck::of(0, &[1]).map(|c| c.over_by), Ok(Some(1)));
    }

    #[test]
    fn budgets_refuse_negative_amounts_and_overflowing_sums() {
        assert_eq!(BudgetCheck::of(-1, &[]), Err(PlanError::NegativeAmount));
        assert_eq!(
            BudgetCheck::of(1_000, &[2_000, -1_500]),
            Err(PlanError::NegativeAmount)
        );
        assert_eq!(
            BudgetCheck::of(i64::MAX, &[i64::MAX, 1]),
            Err(PlanError::TooLarge)
        );
        assert_eq!(
            BudgetCheck::of(0, &[i64::MAX]).map(|c| c.over_by),
            Ok(Some(i64::MAX))
        );
    }

    #[test]
    fn periods_copy_to_the_next_of_the_same_shape() {
        // (period, the period it copies to), each written "first..=last".
        let cases = [
            // A calendar month copies to the next, with its own end.
            ("2024-01-01..=2024-01-31", Ok("2024-02-01..=2024-02-29")),
            ("2023-01-01..=2023-01-31", Ok("2023-02-01..=2023-02-28")),
            ("2024-02-01..=2024-02-29", Ok("2024-03-01..=2024-03-31")),
            ("2024-12-01..=2024-12-31", Ok("2025-01-01..=2025-01-31")),
            // Whole quarters and years copy to the next quarter and year.
            ("2024-01-01..=2024-03-31", Ok("2024-04-01..=2024-06-30")),
            ("2024-11-01..=2025-01-31", Ok("2025-02-01..=2025-04-30")),
            ("2024-01-01..=2024-12-31", Ok("2025-01-01..=2025-12-31")),
            // Other spans copy to the next same number of days: 31 days, not a month.
            ("2023-01-15..=2023-02-14", Ok("2023-02-15..=2023-03-17")),
            // February 1–28 is not the whole of February in a leap year.
            ("2024-02-01..=2024-02-28", Ok("2024-02-29..=2024-03-27")),
            ("2024-02-29..=2024-02-29", Ok("2024-03-01..=2024-03-01")),
            // Reversed periods and the calendar's end are refused.
            ("2024-02-02..=2024-02-01", Err(PlanError::EndBeforeStart)),
            ("9999-12-01..=9999-12-31", Err(PlanError::DateOutOfRange)),
            ("9999-12-20..=9999-12-29", Err(PlanError::DateOutOfRange)),
        ];
        let period = |text: &str| {
            let (first, last) = text.split_once("..=").expect("first..=last");
            (day(first), day(last))
        };
        for (from, expected) in cases {
            let (start, end) = period(from);
            assert_eq!(
                copy_to_next_period(start, end),
                expected.map(period),
                "{from}"
            );
        }
    }
}
