//! Month arithmetic and month labels, shared by every feature that groups by month.
//!
//! Rule: a month is keyed by its first day; labels are English month names, as the
//! rest of the interface is.

use time::{Date, Month};

/// The first day of `date`'s month.
pub fn month_start(date: Date) -> Date {
    date.replace_day(1).unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn month_end(date: Date) -> Date {
    let start = month_start(date);
    start
        .replace_day(start.month().length(start.year()))
        .unwrap_or(start)
}

/// The first day of the month `back` months before `date`'s month.
pub fn month_start_back(date: Date, back: u32) -> Date {
    let month0 =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 - i64::from(back);
    let year = i32::try_from(month0.div_euclid(12)).unwrap_or(date.year());
    let month = u8::try_from(month0.rem_euclid(12) + 1)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .unwrap_or(Month::January);
    Date::from_calendar_date(year, month, 1).unwrap_or(date)
}

/// A month as sentences and headings name it: "March 2029".
pub fn long_month_label(date: Date) -> String {
    format!("{} {}", date.month(), date.year())
}

/// A month as charts and tables label it: "Nov 2026".
pub fn short_month_label(date: Date) -> String {
    let name = date.month().to_string();
    format!("{} {}", name.get(..3).unwrap_or(&name), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_step_back_across_years() {
        assert_eq!(
            month_start_back(date!(2026 - 03 - 31), 0),
            date!(2026 - 03 - 01)
        );
        assert_eq!(
            month_start_back(date!(2026 - 03 - 31), 3),
            date!(2025 - 12 - 01)
        );
        assert_eq!(
            month_start_back(date!(2026 - 01 - 15), 11),
            date!(2025 - 02 - 01)
        );
    }

    #[test]
    fn a_month_runs_from_its_first_to_its_last_day() {
        assert_eq!(month_start(date!(2028 - 02 - 17)), date!(2028 - 02 - 01));
        assert_eq!(month_end(date!(2028 - 02 - 17)), date!(2028 - 02 - 29));
        assert_eq!(month_end(date!(2027 - 12 - 01)), date!(2027 - 12 - 31));
    }

    #[test]
    fn labels_read_as_months() {
        assert_eq!(long_month_label(date!(2029 - 03 - 15)), "March 2029");
        assert_eq!(short_month_label(date!(2026 - 11 - 01)), "Nov 2026");
        assert_eq!(short_month_label(date!(2026 - 05 - 31)), "May 2026");
    }
}
