//! How budgets, cycles and expense templates word their periods, rhythms and steps.
//!
//! Rule: dates read as date fields show them (`2026-01-31`); words are English, as the
//! rest of the interface is.

use crate::planning::{CycleStatus, Frequency};
use time::Date;

fn day(date: Date) -> String {
    date.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// A period with both ends included: "2026-11-01 – 2026-11-30".
pub fn period_label(start: Date, end: Date) -> String {
    format!("{} – {}", day(start), day(end))
}

/// A cycle's period with its length: "2026-11-01 – 2026-12-12 (42 days)".
pub fn cycle_period_label(start: Date, end: Date, days: i64) -> String {
    let unit = if days == 1 { "day" } else { "days" };
    format!("{} ({days} {unit})", period_label(start, end))
}

/// How often a template recurs, in words: "Every 10 days from 2026-01-05".
pub fn frequency_label(frequency: Frequency, starts_on: Date) -> String {
    let from = day(starts_on);
    match frequency {
        Frequency::Weekly => format!("Weekly from {from}"),
        Frequency::EveryNDays(1) => format!("Daily from {from}"),
        Frequency::EveryNDays(n) => format!("Every {n} days from {from}"),
        Frequency::Monthly { day } => format!("Monthly on day {day} from {from}"),
        Frequency::PerCycle => format!("Once per cycle from {from}"),
    }
}

/// The frequencies a template form offers, as (value, label).
pub const FREQUENCY_CHOICES: [(&str, &str); 4] = [
    ("weekly", "Weekly"),
    ("every_n_days", "Every N days"),
    ("monthly", "Monthly"),
    ("per_cycle", "Once per cycle"),
];

/// The step a cycle can take next and the words of its button; none once completed.
pub fn next_cycle_step(status: CycleStatus) -> Option<(CycleStatus, &'static str)> {
    match status {
        CycleStatus::Draft => Some((CycleStatus::Active, "Activate cycle")),
        CycleStatus::Active => Some((CycleStatus::Completed, "Complete cycle")),
        CycleStatus::Completed => None,
    }
}

/// What is said once a cycle reached `status`.
pub fn cycle_step_done(status: CycleStatus) -> &'static str {
    match status {
        CycleStatus::Draft => "Cycle is a draft again.",
        CycleStatus::Active => "Cycle activated.",
        CycleStatus::Completed => "Cycle completed. It can no longer be changed.",
    }
}

/// "3 expected expenses from 1 template": a count with its noun, singular for one.
pub fn count_of(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn periods_read_with_both_ends() {
        assert_eq!(
            period_label(date!(2026 - 11 - 01), date!(2026 - 11 - 30)),
            "2026-11-01 – 2026-11-30"
        );
        assert_eq!(
            cycle_period_label(date!(2026 - 11 - 01), date!(2026 - 12 - 12), 42),
            "2026-11-01 – 2026-12-12 (42 days)"
        );
        assert_eq!(
            cycle_period_label(date!(2026 - 11 - 01), date!(2026 - 11 - 01), 1),
            "2026-11-01 – 2026-11-01 (1 day)"
        );
    }

    #[test]
    fn frequencies_read_as_words() {
        let from = date!(2026 - 01 - 05);
        assert_eq!(
            frequency_label(Frequency::EveryNDays(10), from),
            "Every 10 days from 2026-01-05"
        );
        assert_eq!(
            frequency_label(Frequency::EveryNDays(1), from),
            "Daily from 2026-01-05"
        );
        assert_eq!(
            frequency_label(Frequency::Monthly { day: 5 }, from),
            "Monthly on day 5 from 2026-01-05"
        );
        assert_eq!(
            frequency_label(Frequency::Weekly, from),
            "Weekly from 2026-01-05"
        );
        assert_eq!(
            frequency_label(Frequency::PerCycle, from),
            "Once per cycle from 2026-01-05"
        );
        assert!(
            FREQUENCY_CHOICES
                .iter()
                .all(|(kind, _)| *kind == "every_n_days"
                    || *kind == "monthly"
                    || Frequency::from_parts(kind, None).is_ok())
        );
    }

    #[test]
    fn a_cycle_steps_forward_until_completed() {
        assert_eq!(
            next_cycle_step(CycleStatus::Draft),
            Some((CycleStatus::Active, "Activate cycle"))
        );
        assert_eq!(
            next_cycle_step(CycleStatus::Active),
            Some((CycleStatus::Completed, "Complete cycle"))
        );
        assert_eq!(next_cycle_step(CycleStatus::Completed), None);
        assert_eq!(cycle_step_done(CycleStatus::Active), "Cycle activated.");
    }

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(count_of(1, "template", "templates"), "1 template");
        assert_eq!(count_of(3, "expense", "expenses"), "3 expenses");
        assert_eq!(count_of(0, "expense", "expenses"), "0 expenses");
    }
}
