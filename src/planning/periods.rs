//! Calendar months and "today" as the user sees it. A `Month` is always a real month of
//! the supported calendar, and the date of an instant depends on the user's time zone.

use std::fmt;
use time::{Date, Duration, OffsetDateTime, UtcOffset};
use time_tz::{Offset, TimeZone};

/// A calendar month. It holds its first day, so every `Month` is a real month of the
/// calendar `time` supports and its boundaries can always be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    first: Date,
}

impl Month {
    /// The month `month` of `year`; `None` outside the supported calendar (±9999).
    pub fn new(year: i32, month: time::Month) -> Option<Self> {
        Date::from_calendar_date(year, month, 1)
            .ok()
            .map(|first| Self { first })
    }

    /// The month `date` falls in.
    pub fn of(date: Date) -> Self {
        // Stepping back to day 1 of the same month never leaves the calendar.
        let back = Duration::days(i64::from(date.day()) - 1);
        Self {
            first: date.saturating_sub(back),
        }
    }

    /// Parses the `YYYY-MM` form used in URLs and forms, such as `2024-02`.
    pub fn parse(raw: &str) -> Option<Self> {
        let (year, month) = raw.trim().split_once('-')?;
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
        Self::new(year.parse().ok()?, month)
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
    pub fn next(self) -> Self {
        self.add_months(1).unwrap_or(self)
    }

    /// The month `count` months later (earlier when negative), if the calendar has it.
    pub fn add_months(self, count: i64) -> Option<Self> {
        Self::from_index(self.index().checked_add(count)?)
    }

    /// How many month boundaries lie between the two months: 0 for the same month, 1 for
    /// January to February, −1 for February to January.
    pub fn months_until(self, later: Self) -> i64 {
        later.index() - self.index()
    }

    pub fn contains(self, date: Date) -> bool {
        Self::of(date) == self
    }

    /// Months counted from year 0, so month arithmetic is integer arithmetic.
    fn index(self) -> i64 {
        i64::from(self.year()) * 12 + i64::from(u8::from(self.month())) - 1
    }

    fn from_index(index: i64) -> Option<Self> {
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Self::new(year, time::Month::try_from(month).ok()?)
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
        .map_or(now.date(), time::OffsetDateTime::date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    fn month(year: i32, month: time::Month) -> Month {
        Month::new(year, month).expect("month in range")
    }

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
}
