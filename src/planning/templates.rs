//! Expense templates: the dates a recurring expense falls on, and expected against actual
//! spending. Rhythms count from the template's anchor; sums never wrap, they are refused.

use super::arith::ceil_div;
use super::cycles::Cycle;
use super::periods::Month;
use super::types::PlanError;
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

/// How often a template's expense recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Frequency {
    /// Every seven days from the anchor.
    Weekly,
    /// Every `n` days from the anchor; `n` ≥ 1.
    EveryNDays(u16),
    /// On `day` (1 to 31) of each month, or the month's last day when it is shorter.
    Monthly { day: u8 },
    /// Once per cycle, on its first day.
    PerCycle,
}

impl Frequency {
    /// Builds a frequency from its stored or submitted parts: a kind name and, for
    /// `every_n_days` and `monthly`, a number.
    pub fn from_parts(kind: &str, value: Option<i64>) -> Result<Self, PlanError> {
        let frequency = match kind.trim() {
            "weekly" => Self::Weekly,
            "every_n_days" => Self::EveryNDays(
                value
                    .and_then(|n| u16::try_from(n).ok())
                    .ok_or(PlanError::IntervalNotPositive)?,
            ),
            "monthly" => Self::Monthly {
                day: value
                    .and_then(|day| u8::try_from(day).ok())
                    .ok_or(PlanError::DayOfMonthOutOfRange)?,
            },
            "per_cycle" => Self::PerCycle,
            _ => return Err(PlanError::UnknownFrequency),
        };
        frequency.validate()
    }

    /// The kind name stored in the database, with the number that goes with it.
    pub fn to_parts(self) -> (&'static str, Option<i64>) {
        match self {
            Self::Weekly => ("weekly", None),
            Self::EveryNDays(n) => ("every_n_days", Some(i64::from(n))),
            Self::Monthly { day } => ("monthly", Some(i64::from(day))),
            Self::PerCycle => ("per_cycle", None),
        }
    }

    /// The frequency itself when its number is in range.
    pub fn validate(self) -> Result<Self, PlanError> {
        match self {
            Self::EveryNDays(0) => Err(PlanError::IntervalNotPositive),
            Self::Monthly { day } if !(1..=31).contains(&day) => {
                Err(PlanError::DayOfMonthOutOfRange)
            }
            _ => Ok(self),
        }
    }
}

/// The dates in `window_start..=window_end` on which a template with frequency `freq`,
/// started on `anchor`, falls, in order. A template has no dates before its anchor;
/// `Weekly` and `EveryNDays` keep the anchor's rhythm however far back it lies. `PerCycle`
/// falls once, on the window's first day, if the template started by the window's end.
pub fn occurrences(
    freq: Frequency,
    anchor: Date,
    window_start: Date,
    window_end: Date,
) -> Result<Vec<Date>, PlanError> {
    freq.validate()?;
    if window_end < window_start {
        return Err(PlanError::EndBeforeStart);
    }
    let from = anchor.max(window_start);
    if from > window_end {
        return Ok(Vec::new());
    }
    Ok(match freq {
        Frequency::Weekly => every(anchor, 7, from, window_end),
        Frequency::EveryNDays(n) => every(anchor, i64::from(n), from, window_end),
        Frequency::Monthly { day } => monthly(day, from, window_end),
        Frequency::PerCycle => vec![window_start],
    })
}

/// `anchor + k × step` for every k that lands in `from..=to`, where `anchor ≤ from`.
fn every(anchor: Date, step: i64, from: Date, to: Date) -> Vec<Date> {
    // Counting steps from the anchor, rather than from the window, keeps the weekday
    // (or the N-day rhythm) fixed across cycles.
    let steps_to_window = ceil_div((from - anchor).whole_days().max(0), step);
    let mut next = anchor.checked_add(Duration::days(steps_to_window * step));
    let mut dates = Vec::new();
    while let Some(date) = next.filter(|date| *date <= to) {
        dates.push(date);
        next = date.checked_add(Duration::days(step));
    }
    dates
}

/// Day `day` (or the month's last day) of every month, kept when in `from..=to`.
fn monthly(day: u8, from: Date, to: Date) -> Vec<Date> {
    let mut month = Some(Month::of(from));
    let mut dates = Vec::new();
    while let Some(current) = month.filter(|m| m.first_day() <= to) {
        let date = current.day_or_last(day);
        if from <= date && date <= to {
            dates.push(date);
        }
        month = current.add_months(1);
    }
    dates
}

/// What a template is expected to cost over `occurrences` dates. Template amounts are
/// what is spent, so they are never negative.
pub fn expected_total(amount: i64, occurrences: usize) -> Result<i64, PlanError> {
    if amount < 0 {
        return Err(PlanError::NegativeAmount);
    }
    i64::try_from(occurrences)
        .ok()
        .and_then(|count| amount.checked_mul(count))
        .ok_or(PlanError::TooLarge)
}

/// The dates of a cycle on which a template with frequency `freq`, started on `anchor`,
/// falls: what generating a cycle's expected expenses from its templates writes.
pub fn cycle_occurrences(
    cycle: Cycle,
    freq: Frequency,
    anchor: Date,
) -> Result<Vec<Date>, PlanError> {
    occurrences(freq, anchor, cycle.start(), cycle.end())
}

/// One key's (a category's) expected and actual spending over a cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanLine<K> {
    pub key: K,
    pub expected: i64,
    pub actual: i64,
    /// `expected − actual`: what is left of the plan, negative once spending passes it.
    pub left: i64,
}

impl<K> PlanLine<K> {
    pub fn over(&self) -> bool {
        self.actual > self.expected
    }
}

/// Expected expenses (one entry per occurrence, so keys may repeat) against actual
/// spending (one entry per key), as one line per key: the expected keys in their first
/// order, then the keys spent in without any expectation. Expected amounts are never
/// negative; sums that do not fit in `i64` are refused rather than wrapped.
pub fn expected_versus_actual<K: PartialEq + Clone>(
    expected: &[(K, i64)],
    actual: &[(K, i64)],
) -> Result<Vec<PlanLine<K>>, PlanError> {
    let mut lines: Vec<PlanLine<K>> = Vec::new();
    for (key, amount) in expected {
        if *amount < 0 {
            return Err(PlanError::NegativeAmount);
        }
        match lines.iter_mut().find(|line| line.key == *key) {
            Some(line) => {
                line.expected = line
                    .expected
                    .checked_add(*amount)
                    .ok_or(PlanError::TooLarge)?;
            }
            None => lines.push(PlanLine {
                key: key.clone(),
                expected: *amount,
                actual: 0,
                left: 0,
            }),
        }
    }
    for (key, amount) in actual {
        match lines.iter_mut().find(|line| line.key == *key) {
            Some(line) => {
                line.actual = line
                    .actual
                    .checked_add(*amount)
                    .ok_or(PlanError::TooLarge)?;
            }
            None => lines.push(PlanLine {
                key: key.clone(),
                expected: 0,
                actual: *amount,
                left: 0,
            }),
        }
    }
    for line in &mut lines {
        line.left = line
            .expected
            .checked_sub(line.actual)
            .ok_or(PlanError::TooLarge)?;
    }
    Ok(lines)
}

/// A cycle's whole picture: the expected income against expected and actual spending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CycleTotals {
    pub income: i64,
    pub expected: i64,
    pub actual: i64,
    /// `income − expected`: what the plan leaves over; negative when it plans a deficit.
    pub planned_left: i64,
    /// `income − actual`: what is left at the present rate of spending.
    pub left: i64,
}

impl CycleTotals {
    pub fn of<K>(income: i64, lines: &[PlanLine<K>]) -> Result<Self, PlanError> {
        if income < 0 {
            return Err(PlanError::NegativeAmount);
        }
        let sum = |f: fn(&PlanLine<K>) -> i64| {
            lines
                .iter()
                .try_fold(0_i64, |sum, line| sum.checked_add(f(line)))
                .ok_or(PlanError::TooLarge)
        };
        let expected = sum(|line| line.expected)?;
        let actual = sum(|line| line.actual)?;
        Ok(Self {
            income,
            expected,
            actual,
            planned_left: income.checked_sub(expected).ok_or(PlanError::TooLarge)?,
            left: income.checked_sub(actual).ok_or(PlanError::TooLarge)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn dates(freq: Frequency, anchor: Date, start: Date, end: Date) -> Vec<Date> {
        occurrences(freq, anchor, start, end).expect("valid frequency and window")
    }

    #[test]
    fn weekly_keeps_the_anchors_weekday_inside_the_window() {
        // Anchored on Monday 2024-01-01; the window starts on a Wednesday.
        let got = dates(
            Frequency::Weekly,
            date!(2024 - 01 - 01),
            date!(2024 - 01 - 03),
            date!(2024 - 01 - 31),
        );
        assert_eq!(
            got,
            vec![
                date!(2024 - 01 - 08),
                date!(2024 - 01 - 15),
                date!(2024 - 01 - 22),
                date!(2024 - 01 - 29)
            ]
        );
        assert!(got.iter().all(|d| d.weekday() == time::Weekday::Monday));
    }

    #[test]
    fn window_ends_are_included() {
        let got = dates(
            Frequency::Weekly,
            date!(2024 - 01 - 01),
            date!(2024 - 01 - 08),
            date!(2024 - 01 - 15),
        );
        assert_eq!(got, vec![date!(2024 - 01 - 08), date!(2024 - 01 - 15)]);
    }

    #[test]
    fn a_template_has_no_dates_before_its_anchor() {
        let got = dates(
            Frequency::Weekly,
            date!(2024 - 01 - 20),
            date!(2024 - 01 - 01),
            date!(2024 - 01 - 31),
        );
        assert_eq!(got, vec![date!(2024 - 01 - 20), date!(2024 - 01 - 27)]);
        let later = dates(
            Frequency::Monthly { day: 1 },
            date!(2024 - 03 - 01),
            date!(2024 - 01 - 01),
            date!(2024 - 02 - 29),
        );
        assert_eq!(later, vec![]);
    }

    #[test]
    fn every_n_days_counts_from_a_distant_anchor_across_a_leap_day() {
        let got = dates(
            Frequency::EveryNDays(10),
            date!(2023 - 12 - 31),
            date!(2024 - 02 - 15),
            date!(2024 - 03 - 27),
        );
        assert_eq!(
            got,
            vec![
                date!(2024 - 02 - 19),
                date!(2024 - 02 - 29),
                date!(2024 - 03 - 10),
                date!(2024 - 03 - 20)
            ]
        );
        let daily = dates(
            Frequency::EveryNDays(1),
            date!(2024 - 01 - 01),
            date!(2024 - 02 - 27),
            date!(2024 - 03 - 01),
        );
        assert_eq!(daily.len(), 4);
    }

    #[test]
    fn monthly_on_the_31st_falls_on_the_last_day_of_shorter_months() {
        let leap = dates(
            Frequency::Monthly { day: 31 },
            date!(2024 - 01 - 01),
            date!(2024 - 01 - 01),
            date!(2024 - 04 - 30),
        );
        assert_eq!(
            leap,
            vec![
                date!(2024 - 01 - 31),
                date!(2024 - 02 - 29),
                date!(2024 - 03 - 31),
                date!(2024 - 04 - 30)
            ]
        );
        let common = dates(
            Frequency::Monthly { day: 30 },
            date!(2023 - 01 - 01),
            date!(2023 - 02 - 01),
            date!(2023 - 02 - 28),
        );
        assert_eq!(common, vec![date!(2023 - 02 - 28)]);
    }

    #[test]
    fn monthly_in_a_42_day_cycle_can_fall_twice() {
        let cycle = Cycle::new(date!(2024 - 01 - 10), 42).expect("valid");
        let got = dates(
            Frequency::Monthly { day: 15 },
            date!(2023 - 06 - 15),
            cycle.start(),
            cycle.end(),
        );
        assert_eq!(got, vec![date!(2024 - 01 - 15), date!(2024 - 02 - 15)]);
        let once = dates(
            Frequency::Monthly { day: 5 },
            date!(2023 - 06 - 15),
            cycle.start(),
            cycle.end(),
        );
        assert_eq!(once, vec![date!(2024 - 02 - 05)]);
    }

    #[test]
    fn per_cycle_falls_once_on_the_first_day() {
        let start = date!(2024 - 01 - 10);
        let end = date!(2024 - 02 - 20);
        assert_eq!(
            dates(Frequency::PerCycle, date!(2020 - 01 - 01), start, end),
            vec![start]
        );
        assert_eq!(
            dates(Frequency::PerCycle, date!(2024 - 02 - 01), start, end),
            vec![start]
        );
        assert_eq!(
            dates(Frequency::PerCycle, date!(2024 - 02 - 21), start, end),
            vec![]
        );
    }

    #[test]
    fn occurrences_refuse_bad_frequencies_and_reversed_windows() {
        let day = date!(2024 - 01 - 01);
        assert_eq!(
            occurrences(Frequency::EveryNDays(0), day, day, day),
            Err(PlanError::IntervalNotPositive)
        );
        for bad in [0, 32, 255] {
            assert_eq!(
                occurrences(Frequency::Monthly { day: bad }, day, day, day),
                Err(PlanError::DayOfMonthOutOfRange)
            );
        }
        assert_eq!(
            occurrences(Frequency::Weekly, day, date!(2024 - 01 - 02), day),
            Err(PlanError::EndBeforeStart)
        );
    }

    #[test]
    fn occurrences_stop_at_the_calendars_end() {
        let got = dates(
            Frequency::EveryNDays(3),
            date!(9999 - 12 - 25),
            date!(9999 - 12 - 25),
            date!(9999 - 12 - 31),
        );
        assert_eq!(
            got,
            vec![
                date!(9999 - 12 - 25),
                date!(9999 - 12 - 28),
                date!(9999 - 12 - 31)
            ]
        );
        let monthly = dates(
            Frequency::Monthly { day: 31 },
            date!(9999 - 11 - 01),
            date!(9999 - 11 - 01),
            date!(9999 - 12 - 31),
        );
        assert_eq!(monthly, vec![date!(9999 - 11 - 30), date!(9999 - 12 - 31)]);
    }

    #[test]
    fn a_42_day_cycle_over_a_month_end_and_29_february_2028() {
        // 2028-01-31 + 41 days: through the whole of a leap February to 12 March.
        let cycle = Cycle::new(date!(2028 - 01 - 31), 42).expect("valid");
        assert_eq!(cycle.end(), date!(2028 - 03 - 12));
        let anchor = date!(2028 - 01 - 31);
        let weekly = cycle_occurrences(cycle, Frequency::Weekly, anchor).expect("valid");
        assert_eq!(weekly.len(), 6);
        assert_eq!(weekly.last(), Some(&date!(2028 - 03 - 06)));
        let every_ten = cycle_occurrences(cycle, Frequency::EveryNDays(10), anchor).expect("valid");
        assert_eq!(
            every_ten,
            vec![
                date!(2028 - 01 - 31),
                date!(2028 - 02 - 10),
                date!(2028 - 02 - 20),
                date!(2028 - 03 - 01),
                date!(2028 - 03 - 11)
            ]
        );
        let monthly =
            cycle_occurrences(cycle, Frequency::Monthly { day: 31 }, anchor).expect("valid");
        assert_eq!(monthly, vec![date!(2028 - 01 - 31), date!(2028 - 02 - 29)]);
        let once = cycle_occurrences(cycle, Frequency::PerCycle, anchor).expect("valid");
        assert_eq!(once, vec![date!(2028 - 01 - 31)]);
        // A template that starts after the cycle ends adds nothing to it.
        let later = cycle_occurrences(cycle, Frequency::PerCycle, date!(2028 - 03 - 13));
        assert_eq!(later, Ok(vec![]));
    }

    #[test]
    fn expected_versus_actual_sums_occurrences_and_keeps_unplanned_spending() {
        let lines = expected_versus_actual(
            &[(Some(1), 10_000), (Some(2), 0), (Some(1), 10_000)],
            &[(Some(1), 25_050), (None, 700), (Some(3), 1)],
        )
        .expect("fits");
        assert_eq!(
            lines,
            vec![
                PlanLine {
                    key: Some(1),
                    expected: 20_000,
                    actual: 25_050,
                    left: -5_050
                },
                PlanLine {
                    key: Some(2),
                    expected: 0,
                    actual: 0,
                    left: 0
                },
                PlanLine {
                    key: None,
                    expected: 0,
                    actual: 700,
                    left: -700
                },
                PlanLine {
                    key: Some(3),
                    expected: 0,
                    actual: 1,
                    left: -1
                },
            ]
        );
        assert!(lines[0].over());
        assert!(!lines[1].over());
        let totals = CycleTotals::of(30_000, &lines).expect("fits");
        assert_eq!(
            totals,
            CycleTotals {
                income: 30_000,
                expected: 20_000,
                actual: 25_751,
                planned_left: 10_000,
                left: 4_249,
            }
        );
        // Zero income: everything planned is a deficit.
        let zero = CycleTotals::of(0, &lines).expect("fits");
        assert_eq!((zero.planned_left, zero.left), (-20_000, -25_751));
        assert_eq!(
            expected_versus_actual::<i64>(&[], &[]),
            Ok(vec![]),
            "an empty cycle"
        );
    }

    #[test]
    fn expected_versus_actual_refuses_negative_plans_and_overflow() {
        assert_eq!(
            expected_versus_actual(&[(1, -1)], &[]),
            Err(PlanError::NegativeAmount)
        );
        assert_eq!(
            expected_versus_actual(&[(1, i64::MAX), (1, 1)], &[]),
            Err(PlanError::TooLarge)
        );
        assert_eq!(
            expected_versus_actual(&[(1, 0)], &[(1, i64::MIN)]),
            Err(PlanError::TooLarge),
            "0 − i64::MIN does not fit"
        );
        let lines = expected_versus_actual(&[(1, i64::MAX), (2, 1)], &[]).expect("fits");
        assert_eq!(CycleTotals::of(0, &lines), Err(PlanError::TooLarge));
        assert_eq!(
            CycleTotals::of(-1, &lines[1..]),
            Err(PlanError::NegativeAmount)
        );
    }

    #[test]
    fn frequencies_round_trip_through_their_stored_parts() {
        for freq in [
            Frequency::Weekly,
            Frequency::EveryNDays(14),
            Frequency::Monthly { day: 31 },
            Frequency::PerCycle,
        ] {
            let (kind, value) = freq.to_parts();
            assert_eq!(Frequency::from_parts(kind, value), Ok(freq));
        }
        assert_eq!(
            Frequency::from_parts("every_n_days", Some(0)),
            Err(PlanError::IntervalNotPositive)
        );
        assert_eq!(
            Frequency::from_parts("every_n_days", None),
            Err(PlanError::IntervalNotPositive)
        );
        assert_eq!(
            Frequency::from_parts("every_n_days", Some(-7)),
            Err(PlanError::IntervalNotPositive)
        );
        assert_eq!(
            Frequency::from_parts("monthly", Some(32)),
            Err(PlanError::DayOfMonthOutOfRange)
        );
        assert_eq!(
            Frequency::from_parts("yearly", None),
            Err(PlanError::UnknownFrequency)
        );
    }

    #[test]
    fn expected_totals_multiply_exactly_and_refuse_overflow() {
        assert_eq!(expected_total(12_50, 4), Ok(50_00));
        assert_eq!(expected_total(1_500, 6), Ok(9_000)); // JPY: ¥1,500 weekly
        assert_eq!(expected_total(0, 6), Ok(0));
        assert_eq!(expected_total(12_50, 0), Ok(0));
        assert_eq!(expected_total(-1, 3), Err(PlanError::NegativeAmount));
        assert_eq!(expected_total(i64::MAX, 2), Err(PlanError::TooLarge));
        assert_eq!(expected_total(i64::MAX, 1), Ok(i64::MAX));
    }
}
