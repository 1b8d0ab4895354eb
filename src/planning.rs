//! Planning arithmetic: calendar months where the user lives, category limits and their
//! alerts, budgets, cycles, expense templates and savings goals.
//!
//! The rule: money stays in integer minor units and every "has it reached X %" question is
//! answered exactly, as `amount × 100 ≥ whole × percent` in 128 bits, so a threshold is
//! never missed or reported twice through rounding. Percentages are whole percent
//! (`80` means 80 %). Date ranges include both ends. Everything here is pure: whether a
//! crossing was already notified is the database's business, not this module's.

use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Duration, OffsetDateTime, UtcOffset};
use time_tz::{Offset, TimeZone};

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
            PlanError::LimitNotPositive => f.write_str("A limit must be more than zero."),
            PlanError::AlertPercentOutOfRange => {
                f.write_str("The alert threshold is a whole percentage from 1 to 100.")
            }
            PlanError::NegativeAmount => f.write_str("Amounts cannot be negative."),
            PlanError::TooLarge => f.write_str("That amount is too large."),
            PlanError::EndBeforeStart => f.write_str("The end date is before the start date."),
            PlanError::CycleTooShort => {
                write!(f, "A cycle lasts at least {MIN_CYCLE_DAYS} day.")
            }
            PlanError::CycleTooLong => write!(f, "A cycle lasts at most {MAX_CYCLE_DAYS} days."),
            PlanError::DateOutOfRange => f.write_str("That date is too far in the future."),
            PlanError::CycleReadOnly => {
                f.write_str("This cycle is completed and can no longer be changed.")
            }
            PlanError::StatusTransition { from, to } => write!(
                f,
                "A cycle goes from draft to active to completed; it cannot go from {} to {}.",
                from.as_str(),
                to.as_str()
            ),
            PlanError::IntervalNotPositive => f.write_str("Repeat at least every 1 day."),
            PlanError::DayOfMonthOutOfRange => {
                f.write_str("Choose a day of the month from 1 to 31.")
            }
            PlanError::UnknownFrequency => f.write_str("Choose how often the expense repeats."),
            PlanError::TargetNotPositive => f.write_str("A goal's target must be more than zero."),
            PlanError::TargetDatePassed => f.write_str("The target date has passed."),
        }
    }
}

impl std::error::Error for PlanError {}

/// True when `amount` is at least `percent` % of `whole`. Exact: the products are taken in
/// 128 bits, where no pair of `i64` amounts times a percentage can overflow.
fn reaches(amount: i64, whole: i64, percent: u8) -> bool {
    i128::from(amount) * 100 >= i128::from(whole) * i128::from(percent)
}

/// `amount` as a percentage of `whole` (> 0), rounded down and clamped to `0..=cap`.
fn percent_floor(amount: i64, whole: i64, cap: u16) -> u16 {
    let percent = (i128::from(amount) * 100).div_euclid(i128::from(whole));
    let clamped = percent.clamp(0, i128::from(cap));
    u16::try_from(clamped).unwrap_or(cap)
}

/// `numerator / denominator` rounded up, for a positive numerator and denominator.
fn ceil_div(numerator: i64, denominator: i64) -> i64 {
    numerator / denominator + i64::from(numerator % denominator != 0)
}

// ---------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------

/// A calendar month. It holds its first day, so every `Month` is a real month of the
/// calendar `time` supports and its boundaries can always be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    first: Date,
}

impl Month {
    /// The month `month` of `year`; `None` outside the supported calendar (±9999).
    pub fn new(year: i32, month: time::Month) -> Option<Month> {
        Date::from_calendar_date(year, month, 1)
            .ok()
            .map(|first| Month { first })
    }

    /// The month `date` falls in.
    pub fn of(date: Date) -> Month {
        // Stepping back to day 1 of the same month never leaves the calendar.
        let back = Duration::days(i64::from(date.day()) - 1);
        Month {
            first: date.saturating_sub(back),
        }
    }

    /// Parses the `YYYY-MM` form used in URLs and forms, such as `2024-02`.
    pub fn parse(raw: &str) -> Option<Month> {
        let (year, month) = raw.trim().split_once('-')?;
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
        Month::new(year.parse().ok()?, month)
    }

    pub fn year(self) -> i32 {
        self.first.year()
    }

    pub fn month(self) -> time::Month {
        self.first.month()
    }

    /// How many days the month has: 28 to 31, leap years included.
    pub fn len_days(self) -> u8 {
        self.month().length(self.year())
    }

    pub fn first_day(self) -> Date {
        self.first
    }

    pub fn last_day(self) -> Date {
        self.day_or_last(31)
    }

    /// Day `day` of this month, or its last day when the month is shorter: day 31 of
    /// February 2024 is the 29th. Day 0 is read as day 1.
    pub fn day_or_last(self, day: u8) -> Date {
        let day = day.clamp(1, self.len_days());
        self.first
            .saturating_add(Duration::days(i64::from(day) - 1))
    }

    /// The following month. December 9999, the last month `time` can represent, is its
    /// own successor; nothing Florin plans reaches that far.
    pub fn next(self) -> Month {
        self.add_months(1).unwrap_or(self)
    }

    /// The month `count` months later (earlier when negative), if the calendar has it.
    pub fn add_months(self, count: i64) -> Option<Month> {
        Month::from_index(self.index().checked_add(count)?)
    }

    /// How many month boundaries lie between the two months: 0 for the same month, 1 for
    /// January to February, −1 for February to January.
    pub fn months_until(self, later: Month) -> i64 {
        later.index() - self.index()
    }

    pub fn contains(self, date: Date) -> bool {
        Month::of(date) == self
    }

    /// Months counted from year 0, so month arithmetic is integer arithmetic.
    fn index(self) -> i64 {
        i64::from(self.year()) * 12 + i64::from(u8::from(self.month())) - 1
    }

    fn from_index(index: i64) -> Option<Month> {
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Month::new(year, time::Month::try_from(month).ok()?)
    }
}

impl fmt::Display for Month {
    /// `YYYY-MM`, the form [`Month::parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), u8::from(self.month()))
    }
}

/// The calendar date at instant `now` in the IANA zone `tz_name`: which day it is for the
/// user, and so which month a transaction belongs to. An unknown zone falls back to UTC,
/// the default every account starts with.
pub fn today_in(tz_name: &str, now: OffsetDateTime) -> Date {
    let offset = match time_tz::timezones::get_by_name(tz_name) {
        Some(tz) => tz.get_offset_utc(&now).to_utc(),
        None => UtcOffset::UTC,
    };
    // Only instants within a day of the calendar's ends (year ±9999) cannot be shifted;
    // their own date is then the best answer there is.
    now.checked_to_offset(offset)
        .map_or(now.date(), |local| local.date())
}

// ---------------------------------------------------------------------------------------
// Category limits
// ---------------------------------------------------------------------------------------

/// A level of spending against a category's monthly limit that deserves a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// The alert threshold (say 80 %) was reached.
    Alert,
    /// The limit itself (100 %) was reached.
    Limit,
}

impl Level {
    /// The name stored with a notification, part of its once-per-month key.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Alert => "alert",
            Level::Limit => "limit",
        }
    }

    pub fn parse(raw: &str) -> Option<Level> {
        match raw.trim() {
            "alert" => Some(Level::Alert),
            "limit" => Some(Level::Limit),
            _ => None,
        }
    }
}

/// Where spending stands against a limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpendingStatus {
    /// Below the alert threshold.
    Under,
    /// At or past the alert threshold, below the limit.
    Alert,
    /// At or past the limit: "reaches" counts, like the limit notification.
    Over,
}

/// Spending against a limit, ready for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub spent: i64,
    pub limit: i64,
    /// `limit − spent`; negative once the limit is exceeded.
    pub remaining: i64,
    /// Whole percent of the limit spent, rounded down, from 0 to [`PROGRESS_PERCENT_CAP`].
    pub percent_floor: u16,
    pub status: SpendingStatus,
}

/// Shown percentages stop here: "999 %" already says all there is to say.
pub const PROGRESS_PERCENT_CAP: u16 = 999;

/// A category's monthly limit with its alert threshold, both validated. Not
/// `Deserialize`, so the only way in is [`Threshold::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Threshold {
    limit: i64,
    alert_pct: u8,
}

impl Threshold {
    /// `limit` in minor units (> 0) and `alert_pct` in whole percent (1 to 100).
    pub fn new(limit: i64, alert_pct: i64) -> Result<Threshold, PlanError> {
        if limit <= 0 {
            return Err(PlanError::LimitNotPositive);
        }
        let alert_pct = u8::try_from(alert_pct)
            .ok()
            .filter(|pct| (1..=100).contains(pct))
            .ok_or(PlanError::AlertPercentOutOfRange)?;
        Ok(Threshold { limit, alert_pct })
    }

    pub fn limit(self) -> i64 {
        self.limit
    }

    pub fn alert_pct(self) -> u8 {
        self.alert_pct
    }

    /// The levels crossed upwards when the month's spending goes from `before` to `after`,
    /// lowest first. Reaching a level counts as crossing it. Lowering spending crosses
    /// nothing; climbing back over a level crosses it again, and the caller's
    /// once-per-(category, level, month) record keeps that from notifying twice.
    /// A threshold of 100 % is the limit itself, so only [`Level::Limit`] is reported.
    pub fn crossings(self, before: i64, after: i64) -> Vec<Level> {
        self.levels()
            .iter()
            .copied()
            .filter(|level| !self.has_reached(*level, before) && self.has_reached(*level, after))
            .collect()
    }

    /// The highest level `spent` has reached, if any. Net refunds (negative spending) reach
    /// nothing.
    pub fn level(self, spent: i64) -> Option<Level> {
        self.levels()
            .iter()
            .rev()
            .copied()
            .find(|level| self.has_reached(*level, spent))
    }

    pub fn progress(self, spent: i64) -> Progress {
        Progress {
            spent,
            limit: self.limit,
            remaining: self.limit.saturating_sub(spent),
            percent_floor: percent_floor(spent, self.limit, PROGRESS_PERCENT_CAP),
            status: match self.level(spent) {
                None => SpendingStatus::Under,
                Some(Level::Alert) => SpendingStatus::Alert,
                Some(Level::Limit) => SpendingStatus::Over,
            },
        }
    }

    fn levels(self) -> &'static [Level] {
        if self.alert_pct == 100 {
            &[Level::Limit]
        } else {
            &[Level::Alert, Level::Limit]
        }
    }

    fn has_reached(self, level: Level, spent: i64) -> bool {
        let percent = match level {
            Level::Alert => self.alert_pct,
            Level::Limit => 100,
        };
        reaches(spent, self.limit, percent)
    }
}

// ---------------------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------------------

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
    pub fn of(total: i64, entries: &[i64]) -> Result<BudgetCheck, PlanError> {
        if total < 0 || entries.iter().any(|entry| *entry < 0) {
            return Err(PlanError::NegativeAmount);
        }
        let entries_sum = entries
            .iter()
            .try_fold(0_i64, |sum, entry| sum.checked_add(*entry))
            .ok_or(PlanError::TooLarge)?;
        Ok(BudgetCheck {
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

// ---------------------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------------------

pub const DEFAULT_CYCLE_DAYS: i64 = 42;
pub const MAX_CYCLE_DAYS: i64 = 45;
pub const MIN_CYCLE_DAYS: i64 = 1;

/// A budgeting period of 1 to 45 consecutive days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cycle {
    start: Date,
    length_days: i64,
}

impl Cycle {
    pub fn new(start: Date, length_days: i64) -> Result<Cycle, PlanError> {
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
        Ok(Cycle { start, length_days })
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
    pub fn next(self) -> Result<Cycle, PlanError> {
        Cycle::new(self.next_start(), self.length_days)
    }

    pub fn contains(self, date: Date) -> bool {
        self.start <= date && date <= self.end()
    }
}

/// A cycle's life: draft → active → completed, one step at a time and never back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CycleStatus {
    Draft,
    Active,
    Completed,
}

impl CycleStatus {
    pub const ALL: &'static [CycleStatus] = &[
        CycleStatus::Draft,
        CycleStatus::Active,
        CycleStatus::Completed,
    ];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            CycleStatus::Draft => "draft",
            CycleStatus::Active => "active",
            CycleStatus::Completed => "completed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CycleStatus::Draft => "Draft",
            CycleStatus::Active => "Active",
            CycleStatus::Completed => "Completed",
        }
    }

    pub fn parse(raw: &str) -> Option<CycleStatus> {
        CycleStatus::ALL
            .iter()
            .copied()
            .find(|status| status.as_str() == raw.trim())
    }

    /// Only the next step is allowed; staying put is not a transition.
    pub fn can_transition_to(self, next: CycleStatus) -> bool {
        matches!(
            (self, next),
            (CycleStatus::Draft, CycleStatus::Active)
                | (CycleStatus::Active, CycleStatus::Completed)
        )
    }

    /// A completed cycle is history: neither it nor its expected expenses change.
    pub fn is_read_only(self) -> bool {
        self == CycleStatus::Completed
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
    pub fn transition_to(self, next: CycleStatus) -> Result<CycleStatus, PlanError> {
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

// ---------------------------------------------------------------------------------------
// Expense templates
// ---------------------------------------------------------------------------------------

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
    pub fn from_parts(kind: &str, value: Option<i64>) -> Result<Frequency, PlanError> {
        let frequency = match kind.trim() {
            "weekly" => Frequency::Weekly,
            "every_n_days" => Frequency::EveryNDays(
                value
                    .and_then(|n| u16::try_from(n).ok())
                    .ok_or(PlanError::IntervalNotPositive)?,
            ),
            "monthly" => Frequency::Monthly {
                day: value
                    .and_then(|day| u8::try_from(day).ok())
                    .ok_or(PlanError::DayOfMonthOutOfRange)?,
            },
            "per_cycle" => Frequency::PerCycle,
            _ => return Err(PlanError::UnknownFrequency),
        };
        frequency.validate()
    }

    /// The kind name stored in the database, with the number that goes with it.
    pub fn to_parts(self) -> (&'static str, Option<i64>) {
        match self {
            Frequency::Weekly => ("weekly", None),
            Frequency::EveryNDays(n) => ("every_n_days", Some(i64::from(n))),
            Frequency::Monthly { day } => ("monthly", Some(i64::from(day))),
            Frequency::PerCycle => ("per_cycle", None),
        }
    }

    /// The frequency itself when its number is in range.
    pub fn validate(self) -> Result<Frequency, PlanError> {
        match self {
            Frequency::EveryNDays(0) => Err(PlanError::IntervalNotPositive),
            Frequency::Monthly { day } if !(1..=31).contains(&day) => {
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
    pub fn of<K>(income: i64, lines: &[PlanLine<K>]) -> Result<CycleTotals, PlanError> {
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
        Ok(CycleTotals {
            income,
            expected,
            actual,
            planned_left: income.checked_sub(expected).ok_or(PlanError::TooLarge)?,
            left: income.checked_sub(actual).ok_or(PlanError::TooLarge)?,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------

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
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::Active,
        GoalStatus::Paused,
        GoalStatus::Completed,
        GoalStatus::Cancelled,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Paused => "paused",
            GoalStatus::Completed => "completed",
            GoalStatus::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "Active",
            GoalStatus::Paused => "Paused",
            GoalStatus::Completed => "Completed",
            GoalStatus::Cancelled => "Cancelled",
        }
    }

    pub fn parse(raw: &str) -> Option<GoalStatus> {
        GoalStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == raw.trim())
    }

    /// Whether money may still be put towards the goal.
    pub fn accepts_contributions(self) -> bool {
        matches!(self, GoalStatus::Active | GoalStatus::Paused)
    }

    /// The status `action` leads to from this one, or `None` when it does not apply:
    /// pause an active goal, resume a paused, completed or cancelled one, complete or
    /// cancel an open one.
    pub fn after(self, action: GoalAction) -> Option<GoalStatus> {
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
    pub const ALL: [GoalAction; 4] = [
        GoalAction::Pause,
        GoalAction::Resume,
        GoalAction::Complete,
        GoalAction::Cancel,
    ];

    /// The name used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            GoalAction::Pause => "pause",
            GoalAction::Resume => "resume",
            GoalAction::Complete => "complete",
            GoalAction::Cancel => "cancel",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GoalAction::Pause => "Pause",
            GoalAction::Resume => "Resume",
            GoalAction::Complete => "Mark completed",
            GoalAction::Cancel => "Cancel goal",
        }
    }

    pub fn parse(raw: &str) -> Option<GoalAction> {
        GoalAction::ALL
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
    pub fn of(target: i64, current: i64) -> Result<GoalProgress, PlanError> {
        ensure_positive_target(target)?;
        let remaining = target.checked_sub(current).ok_or(PlanError::TooLarge)?;
        Ok(GoalProgress {
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
/// lowest first; reaching a milestone counts. Like [`Threshold::crossings`], falling back
/// and climbing again reports a milestone again, and the caller keeps one notification
/// per goal and milestone.
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
    use time::macros::{date, datetime};

    fn month(year: i32, month: time::Month) -> Month {
        Month::new(year, month).expect("month in range")
    }

    fn threshold(limit: i64, alert_pct: i64) -> Threshold {
        Threshold::new(limit, alert_pct).expect("valid threshold")
    }

    // ---- periods ----

    #[test]
    fn february_has_29_days_in_leap_years_only() {
        use time::Month::February;
        assert_eq!(month(2024, February).last_day(), date!(2024 - 02 - 29));
        assert_eq!(month(2023, February).last_day(), date!(2023 - 02 - 28));
        assert_eq!(month(2000, February).last_day(), date!(2000 - 02 - 29));
        assert_eq!(month(2100, February).last_day(), date!(2100 - 02 - 28));
        assert_eq!(month(2024, February).len_days(), 29);
    }

    #[test]
    fn a_month_runs_from_its_first_to_its_last_day() {
        let april = Month::of(date!(2024 - 04 - 17));
        assert_eq!(april.first_day(), date!(2024 - 04 - 01));
        assert_eq!(april.last_day(), date!(2024 - 04 - 30));
        assert_eq!(april.year(), 2024);
        assert_eq!(april.month(), time::Month::April);
        assert!(april.contains(date!(2024 - 04 - 01)));
        assert!(april.contains(date!(2024 - 04 - 30)));
        assert!(!april.contains(date!(2024 - 03 - 31)));
        assert!(!april.contains(date!(2024 - 05 - 01)));
        assert!(!april.contains(date!(2023 - 04 - 15)));
    }

    #[test]
    fn any_day_of_a_month_gives_the_same_month() {
        let first = Month::of(date!(2024 - 12 - 01));
        assert_eq!(Month::of(date!(2024 - 12 - 31)), first);
        assert_eq!(Month::of(date!(2024 - 12 - 15)), first);
        assert_eq!(
            Month::of(date!(2024 - 02 - 29)).first_day(),
            date!(2024 - 02 - 01)
        );
    }

    #[test]
    fn next_crosses_the_year_end_and_stops_at_the_calendars_end() {
        let december = month(2024, time::Month::December);
        assert_eq!(december.next(), month(2025, time::Month::January));
        assert_eq!(
            month(2024, time::Month::January).next(),
            month(2024, time::Month::February)
        );
        let last = month(9999, time::Month::December);
        assert_eq!(last.next(), last);
        assert_eq!(last.add_months(1), None);
    }

    #[test]
    fn months_add_and_count_across_years_both_ways() {
        let march = month(2024, time::Month::March);
        assert_eq!(
            march.add_months(10),
            Some(month(2025, time::Month::January))
        );
        assert_eq!(
            march.add_months(-3),
            Some(month(2023, time::Month::December))
        );
        assert_eq!(march.add_months(0), Some(march));
        assert_eq!(march.months_until(month(2025, time::Month::February)), 11);
        assert_eq!(march.months_until(month(2023, time::Month::March)), -12);
        assert_eq!(march.add_months(i64::MAX), None);
    }

    #[test]
    fn months_print_and_parse_as_year_dash_month() {
        let february = month(2024, time::Month::February);
        assert_eq!(february.to_string(), "2024-02");
        assert_eq!(Month::parse("2024-02"), Some(february));
        assert_eq!(
            Month::parse(" 0999-12 "),
            Some(month(999, time::Month::December))
        );
        for bad in [
            "",
            "2024",
            "2024-13",
            "2024-00",
            "2024-2",
            "24-02",
            "2024-02-01",
            "abcd-ef",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn late_evening_utc_is_already_tomorrow_in_tokyo() {
        let now = datetime!(2024-01-31 23:30 UTC);
        assert_eq!(today_in("Asia/Tokyo", now), date!(2024 - 02 - 01));
        assert_eq!(today_in("UTC", now), date!(2024 - 01 - 31));
        assert!(Month::of(today_in("Asia/Tokyo", now)).contains(date!(2024 - 02 - 10)));
    }

    #[test]
    fn early_morning_utc_is_still_yesterday_in_new_york() {
        let now = datetime!(2024-03-01 03:00 UTC);
        assert_eq!(today_in("America/New_York", now), date!(2024 - 02 - 29));
        assert_eq!(today_in("Pacific/Pago_Pago", now), date!(2024 - 02 - 29));
        assert_eq!(today_in("Pacific/Kiritimati", now), date!(2024 - 03 - 01));
    }

    #[test]
    fn the_local_date_follows_daylight_saving_time() {
        // Paris is UTC+1 in winter and UTC+2 from the last Sunday of March.
        let winter = datetime!(2024-01-15 23:30 UTC);
        let summer = datetime!(2024-07-15 22:30 UTC);
        assert_eq!(today_in("Europe/Paris", winter), date!(2024 - 01 - 16));
        assert_eq!(today_in("Europe/Paris", summer), date!(2024 - 07 - 16));
        assert_eq!(
            today_in("Europe/Paris", datetime!(2024-01-15 22:30 UTC)),
            date!(2024 - 01 - 15)
        );
    }

    #[test]
    fn the_instant_counts_not_the_offset_it_was_written_in() {
        let in_kolkata = datetime!(2024-06-01 04:00 +05:30);
        assert_eq!(today_in("UTC", in_kolkata), date!(2024 - 05 - 31));
        assert_eq!(today_in("Asia/Kolkata", in_kolkata), date!(2024 - 06 - 01));
    }

    #[test]
    fn an_unknown_zone_falls_back_to_utc() {
        let now = datetime!(2024-01-31 23:30 UTC);
        assert_eq!(today_in("Mars/Olympus_Mons", now), date!(2024 - 01 - 31));
        assert_eq!(today_in("", now), date!(2024 - 01 - 31));
    }

    // ---- category limits ----

    #[test]
    fn thresholds_refuse_non_positive_limits_and_odd_percentages() {
        assert_eq!(Threshold::new(0, 80), Err(PlanError::LimitNotPositive));
        assert_eq!(Threshold::new(-100, 80), Err(PlanError::LimitNotPositive));
        for pct in [0, 101, -1, 256, i64::MAX] {
            assert_eq!(
                Threshold::new(100, pct),
                Err(PlanError::AlertPercentOutOfRange)
            );
        }
        assert_eq!(threshold(1, 1).alert_pct(), 1);
        assert_eq!(threshold(1, 100).limit(), 1);
    }

    #[test]
    fn reaching_the_alert_exactly_counts_and_a_cent_below_does_not() {
        let t = threshold(10_000, 80);
        assert_eq!(t.crossings(0, 8_000), vec![Level::Alert]);
        assert_eq!(t.crossings(0, 7_999), vec![]);
        assert_eq!(t.crossings(7_999, 8_000), vec![Level::Alert]);
        assert_eq!(t.crossings(8_000, 9_999), vec![]);
    }

    #[test]
    fn reaching_the_limit_exactly_counts() {
        let t = threshold(10_000, 80);
        assert_eq!(t.crossings(9_000, 10_000), vec![Level::Limit]);
        assert_eq!(t.crossings(10_000, 12_000), vec![]);
    }

    #[test]
    fn one_large_expense_can_cross_both_levels_lowest_first() {
        let t = threshold(10_000, 80);
        assert_eq!(t.crossings(0, 15_000), vec![Level::Alert, Level::Limit]);
    }

    #[test]
    fn lowering_spending_crosses_nothing_and_climbing_back_crosses_again() {
        let t = threshold(10_000, 80);
        assert_eq!(t.crossings(8_500, 7_000), vec![]);
        assert_eq!(t.crossings(11_000, 0), vec![]);
        // Pure: the same edit gives the same answer each time; the database dedups.
        assert_eq!(t.crossings(7_000, 8_500), vec![Level::Alert]);
        assert_eq!(t.crossings(7_000, 8_500), vec![Level::Alert]);
        assert_eq!(t.crossings(5_000, 5_000), vec![]);
    }

    #[test]
    fn an_alert_at_100_percent_is_the_limit_and_is_reported_once() {
        let t = threshold(10_000, 100);
        assert_eq!(t.crossings(0, 10_000), vec![Level::Limit]);
        assert_eq!(t.crossings(0, 9_999), vec![]);
        assert_eq!(t.progress(9_999).status, SpendingStatus::Under);
        assert_eq!(t.progress(10_000).status, SpendingStatus::Over);
    }

    #[test]
    fn tiny_limits_are_compared_without_rounding() {
        // 33 % of 3 minor units is 0.99: one unit reaches it.
        let t = threshold(3, 33);
        assert_eq!(t.crossings(0, 1), vec![Level::Alert]);
        assert_eq!(t.crossings(1, 2), vec![]);
        assert_eq!(t.crossings(2, 3), vec![Level::Limit]);
        // 1 % of 1 unit: the first unit spent reaches both.
        assert_eq!(
            threshold(1, 1).crossings(0, 1),
            vec![Level::Alert, Level::Limit]
        );
    }

    #[test]
    fn net_refunds_are_below_every_level() {
        let t = threshold(10_000, 80);
        assert_eq!(t.crossings(-5_000, -1), vec![]);
        assert_eq!(t.crossings(-5_000, 8_000), vec![Level::Alert]);
        assert_eq!(t.level(-1), None);
    }

    #[test]
    fn crossings_respect_each_currencys_minor_unit() {
        // JPY has no decimals: 80 % of ¥5,000 is ¥4,000.
        let yen = threshold(5_000, 80);
        assert_eq!(yen.crossings(3_999, 4_000), vec![Level::Alert]);
        // KWD has three: 80 % of 12.345 KWD is 9.876 exactly.
        let dinar = threshold(12_345, 80);
        assert_eq!(dinar.crossings(0, 9_875), vec![]);
        assert_eq!(dinar.crossings(0, 9_876), vec![Level::Alert]);
    }

    #[test]
    fn extreme_amounts_do_not_overflow() {
        let t = threshold(i64::MAX, 99);
        assert_eq!(t.crossings(0, i64::MAX), vec![Level::Alert, Level::Limit]);
        assert_eq!(t.crossings(i64::MIN, i64::MAX - 1), vec![Level::Alert]);
        let p = t.progress(i64::MIN);
        assert_eq!(p.remaining, i64::MAX);
        assert_eq!(p.percent_floor, 0);
    }

    #[test]
    fn progress_shows_spent_limit_remaining_and_status() {
        let t = threshold(50_000, 80);
        assert_eq!(
            t.progress(12_500),
            Progress {
                spent: 12_500,
                limit: 50_000,
                remaining: 37_500,
                percent_floor: 25,
                status: SpendingStatus::Under,
            }
        );
        assert_eq!(t.progress(40_000).status, SpendingStatus::Alert);
        assert_eq!(t.progress(49_999).percent_floor, 99);
        let over = t.progress(60_000);
        assert_eq!(over.remaining, -10_000);
        assert_eq!(over.percent_floor, 120);
        assert_eq!(over.status, SpendingStatus::Over);
    }

    #[test]
    fn progress_rounds_down_and_caps_for_display() {
        let t = threshold(30_000, 80);
        // 79.99… % shows as 79, not a premature 80.
        assert_eq!(t.progress(23_999).percent_floor, 79);
        assert_eq!(t.progress(23_999).status, SpendingStatus::Under);
        assert_eq!(t.progress(0).percent_floor, 0);
        assert_eq!(t.progress(-500).percent_floor, 0);
        assert_eq!(t.progress(-500).remaining, 30_500);
        assert_eq!(
            threshold(1, 80).progress(1_000_000).percent_floor,
            PROGRESS_PERCENT_CAP
        );
    }

    #[test]
    fn levels_round_trip_through_their_stored_names() {
        for level in [Level::Alert, Level::Limit] {
            assert_eq!(Level::parse(level.as_str()), Some(level));
        }
        assert_eq!(Level::parse("warning"), None);
    }

    // ---- budgets ----

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
    fn a_calendar_month_copies_to_the_next_with_its_own_end() {
        let next = |s, e| copy_to_next_period(s, e).expect("valid period");
        assert_eq!(
            next(date!(2024 - 01 - 01), date!(2024 - 01 - 31)),
            (date!(2024 - 02 - 01), date!(2024 - 02 - 29))
        );
        assert_eq!(
            next(date!(2023 - 01 - 01), date!(2023 - 01 - 31)),
            (date!(2023 - 02 - 01), date!(2023 - 02 - 28))
        );
        assert_eq!(
            next(date!(2024 - 02 - 01), date!(2024 - 02 - 29)),
            (date!(2024 - 03 - 01), date!(2024 - 03 - 31))
        );
        assert_eq!(
            next(date!(2024 - 12 - 01), date!(2024 - 12 - 31)),
            (date!(2025 - 01 - 01), date!(2025 - 01 - 31))
        );
    }

    #[test]
    fn whole_quarters_and_years_copy_to_the_next_quarter_and_year() {
        assert_eq!(
            copy_to_next_period(date!(2024 - 01 - 01), date!(2024 - 03 - 31)),
            Ok((date!(2024 - 04 - 01), date!(2024 - 06 - 30)))
        );
        assert_eq!(
            copy_to_next_period(date!(2024 - 11 - 01), date!(2025 - 01 - 31)),
            Ok((date!(2025 - 02 - 01), date!(2025 - 04 - 30)))
        );
        assert_eq!(
            copy_to_next_period(date!(2024 - 01 - 01), date!(2024 - 12 - 31)),
            Ok((date!(2025 - 01 - 01), date!(2025 - 12 - 31)))
        );
    }

    #[test]
    fn other_spans_copy_to_the_next_same_number_of_days() {
        // 31 days, not a calendar month.
        assert_eq!(
            copy_to_next_period(date!(2023 - 01 - 15), date!(2023 - 02 - 14)),
            Ok((date!(2023 - 02 - 15), date!(2023 - 03 - 17)))
        );
        // February 1–28 is not the whole of February in a leap year.
        assert_eq!(
            copy_to_next_period(date!(2024 - 02 - 01), date!(2024 - 02 - 28)),
            Ok((date!(2024 - 02 - 29), date!(2024 - 03 - 27)))
        );
        assert_eq!(
            copy_to_next_period(date!(2024 - 02 - 29), date!(2024 - 02 - 29)),
            Ok((date!(2024 - 03 - 01), date!(2024 - 03 - 01)))
        );
    }

    #[test]
    fn copying_refuses_reversed_periods_and_the_calendars_end() {
        assert_eq!(
            copy_to_next_period(date!(2024 - 02 - 02), date!(2024 - 02 - 01)),
            Err(PlanError::EndBeforeStart)
        );
        assert_eq!(
            copy_to_next_period(date!(9999 - 12 - 01), date!(9999 - 12 - 31)),
            Err(PlanError::DateOutOfRange)
        );
        assert_eq!(
            copy_to_next_period(date!(9999 - 12 - 20), date!(9999 - 12 - 29)),
            Err(PlanError::DateOutOfRange)
        );
    }

    // ---- cycles ----

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
        assert_eq!(
            PlanError::CycleTooLong.to_string(),
            "A cycle lasts at most 45 days."
        );
        assert_eq!(
            PlanError::CycleTooShort.to_string(),
            "A cycle lasts at least 1 day."
        );
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
        for status in CycleStatus::ALL {
            assert_eq!(CycleStatus::parse(status.as_str()), Some(*status));
        }
        assert_eq!(CycleStatus::parse("archived"), None);
    }

    // ---- expense templates ----

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

    // ---- goals ----

    #[test]
    fn goal_statuses_round_trip_and_change_only_where_it_makes_sense() {
        use GoalAction::{Cancel, Complete, Pause, Resume};
        use GoalStatus::{Active, Cancelled, Completed, Paused};
        for status in GoalStatus::ALL {
            assert_eq!(GoalStatus::parse(status.as_str()), Some(status));
        }
        for action in GoalAction::ALL {
            assert_eq!(GoalAction::parse(action.as_str()), Some(action));
        }
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
    fn required_monthly_spreads_the_remainder_over_whole_months() {
        let today = date!(2024 - 01 - 15);
        assert_eq!(
            required_monthly(1_200_000, 0, today, date!(2025 - 01 - 15)),
            Ok(100_000)
        );
        assert_eq!(
            required_monthly(1_200_000, 600_000, today, date!(2025 - 01 - 15)),
            Ok(50_000)
        );
    }

    #[test]
    fn required_monthly_rounds_up_to_the_minor_unit() {
        let today = date!(2024 - 01 - 15);
        let in_three_months = date!(2024 - 04 - 15);
        // 10.00 USD over 3 months: 3.34, so the target is met, not missed by a cent.
        assert_eq!(required_monthly(1_000, 0, today, in_three_months), Ok(334));
        // ¥100 has no decimals: ¥34.
        assert_eq!(required_monthly(100, 0, today, in_three_months), Ok(34));
        // 10.000 KWD: 3.334 KWD.
        assert_eq!(
            required_monthly(10_000, 0, today, in_three_months),
            Ok(3_334)
        );
        assert_eq!(required_monthly(999, 0, today, in_three_months), Ok(333));
    }

    #[test]
    fn a_date_this_month_or_today_leaves_one_month() {
        let today = date!(2024 - 02 - 10);
        assert_eq!(
            required_monthly(5_000, 1_000, today, date!(2024 - 02 - 29)),
            Ok(4_000)
        );
        assert_eq!(required_monthly(5_000, 1_000, today, today), Ok(4_000));
        // Under a whole month away, even in the next month.
        assert_eq!(
            required_monthly(5_000, 1_000, today, date!(2024 - 03 - 09)),
            Ok(4_000)
        );
    }

    #[test]
    fn a_past_date_is_refused_unless_the_goal_is_reached() {
        let today = date!(2024 - 03 - 01);
        assert_eq!(
            required_monthly(5_000, 1_000, today, date!(2024 - 02 - 29)),
            Err(PlanError::TargetDatePassed)
        );
        assert_eq!(
            required_monthly(5_000, 5_000, today, date!(2024 - 02 - 29)),
            Ok(0)
        );
        assert_eq!(
            required_monthly(5_000, 7_000, today, date!(2025 - 02 - 28)),
            Ok(0)
        );
    }

    #[test]
    fn required_monthly_after_withdrawals_includes_the_shortfall() {
        assert_eq!(
            required_monthly(1_000, -200, date!(2024 - 01 - 01), date!(2024 - 07 - 01)),
            Ok(200)
        );
    }

    #[test]
    fn errors_read_as_sentences_for_the_form() {
        assert_eq!(
            PlanError::AlertPercentOutOfRange.to_string(),
            "The alert threshold is a whole percentage from 1 to 100."
        );
        assert_eq!(
            PlanError::CycleReadOnly.to_string(),
            "This cycle is completed and can no longer be changed."
        );
        assert_eq!(
            PlanError::TargetDatePassed.to_string(),
            "The target date has passed."
        );
    }
}
