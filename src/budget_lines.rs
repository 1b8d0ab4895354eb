//! A plan against what was actually spent, line by line: a budget's entries, then the
//! spending it has no entry for; and the share of a planned amount already used.
//!
//! Rule: amounts are minor units of one currency; remainders and totals saturate instead
//! of wrapping, so a figure far out of range still shows as a bound, never as garbage.

use crate::planning::Threshold;

/// One line of a budget against its period's spending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetLine {
    /// None for spending without a category.
    pub category: Option<i64>,
    /// None for spending in a category the budget has no entry for.
    pub planned: Option<i64>,
    pub actual: i64,
    /// `planned − actual`, None without an entry.
    pub remaining: Option<i64>,
    /// Whole percent of the entry spent, rounded down; None without a positive entry.
    pub percent: Option<u16>,
    pub over: bool,
}

/// Whole percent of `planned` that `actual` used, rounded down (capped like every shown
/// percentage); None when nothing positive was planned.
pub fn percent_used(planned: i64, actual: i64) -> Option<u16> {
    Threshold::new(planned, 100)
        .ok()
        .map(|threshold| threshold.progress(actual).percent_floor)
}

/// `entries` are (category, planned amount) in the order to show; `spent` is (category,
/// or none for uncategorised spending, total) once per category. One line per entry, then
/// one per category spent in without an entry, in `spent`'s order.
pub fn budget_lines(entries: &[(i64, i64)], spent: &[(Option<i64>, i64)]) -> Vec<BudgetLine> {
    let spent_in = |category: i64| {
        spent
            .iter()
            .find(|(c, _)| *c == Some(category))
            .map_or(0, |(_, total)| *total)
    };
    let planned = entries.iter().map(|&(category, amount)| {
        let actual = spent_in(category);
        BudgetLine {
            category: Some(category),
            planned: Some(amount),
            actual,
            remaining: Some(amount.saturating_sub(actual)),
            percent: percent_used(amount, actual),
            over: actual > amount,
        }
    });
    let has_entry = |category: Option<i64>| {
        category.is_some_and(|category| entries.iter().any(|(c, _)| *c == category))
    };
    let unplanned = spent
        .iter()
        .filter(|(category, _)| !has_entry(*category))
        .map(|&(category, actual)| BudgetLine {
            category,
            planned: None,
            actual,
            remaining: None,
            percent: None,
            over: false,
        });
    planned.chain(unplanned).collect()
}

/// Everything spent over the period, all categories together.
pub fn spent_total(spent: &[(Option<i64>, i64)]) -> i64 {
    spent
        .iter()
        .fold(0_i64, |sum, (_, total)| sum.saturating_add(*total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_first_then_unplanned_spending() {
        let lines = budget_lines(
            &[(7, 10_000), (3, 5_000)],
            &[(None, 400), (Some(3), 6_000), (Some(9), 250)],
        );
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0],
            BudgetLine {
                category: Some(7),
                planned: Some(10_000),
                actual: 0,
                remaining: Some(10_000),
                percent: Some(0),
                over: false,
            }
        );
        assert_eq!(lines[1].actual, 6_000);
        assert_eq!(lines[1].remaining, Some(-1_000));
        assert_eq!(lines[1].percent, Some(120));
        assert!(lines[1].over);
        assert_eq!(lines[2].category, None);
        assert_eq!(lines[2].planned, None);
        assert_eq!(lines[2].remaining, None);
        assert_eq!(lines[3].category, Some(9));
        assert!(!lines[3].over);
    }

    #[test]
    fn a_zero_entry_has_no_percentage() {
        assert_eq!(percent_used(0, 100), None);
        assert_eq!(percent_used(200, 100), Some(50));
        assert_eq!(percent_used(3, 1), Some(33));
        let lines = budget_lines(&[(1, 0)], &[(Some(1), 100)]);
        assert_eq!(lines[0].percent, None);
        assert!(lines[0].over);
    }

    #[test]
    fn totals_saturate_instead_of_wrapping() {
        assert_eq!(spent_total(&[(None, i64::MAX), (Some(1), 5)]), i64::MAX);
        assert_eq!(spent_total(&[]), 0);
        let lines = budget_lines(&[(1, i64::MIN)], &[(Some(1), 1)]);
        assert_eq!(lines[0].remaining, Some(i64::MIN));
    }
}
