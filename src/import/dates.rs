//! Statement date formats. A date is read only when its shape is certain (four-digit
//! year, one separator, a real calendar day); anything else is refused, never guessed.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// How a statement writes its dates. Years always have four digits: "01/02/03" cannot be
/// read without guessing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFormat {
    /// 2026-01-31
    #[default]
    Iso,
    /// 31/01/2026, 31-01-2026, 31.01.2026
    DayMonthYear,
    /// 01/31/2026, 01-31-2026
    MonthDayYear,
    /// 2026/01/31, 2026.01.31
    YearMonthDaySlash,
}

impl DateFormat {
    /// In the order [`DateFormat::detect`] prefers them.
    pub const ALL: &'static [Self] = &[
        Self::Iso,
        Self::DayMonthYear,
        Self::MonthDayYear,
        Self::YearMonthDaySlash,
    ];

    /// The name used in forms and saved mappings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Iso => "iso",
            Self::DayMonthYear => "day_month_year",
            Self::MonthDayYear => "month_day_year",
            Self::YearMonthDaySlash => "year_month_day_slash",
        }
    }

    /// The name shown to people: an example date, so nobody has to decode "DMY".
    pub fn label(self) -> &'static str {
        match self {
            Self::Iso => "2026-01-31",
            Self::DayMonthYear => "31/01/2026 (day first)",
            Self::MonthDayYear => "01/31/2026 (month first)",
            Self::YearMonthDaySlash => "2026/01/31",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        Self::ALL.iter().copied().find(|f| f.as_str() == raw)
    }

    /// Reads a date; a time after it ("2026-01-31 08:15", "2026-01-31T08:15:00") is
    /// ignored because statements list days, and some exports add midnight to every row.
    pub fn parse_date(self, raw: &str) -> Option<Date> {
        let day_part = raw.split_whitespace().next()?;
        let (separators, order): (&[char], [usize; 3]) = match self {
            Self::Iso => (&['-'], [0, 1, 2]),
            Self::DayMonthYear => (&['/', '-', '.'], [2, 1, 0]),
            Self::MonthDayYear => (&['/', '-'], [2, 0, 1]),
            Self::YearMonthDaySlash => (&['/', '.'], [0, 1, 2]),
        };
        let day_part = match self {
            Self::Iso => day_part.split('T').next()?,
            _ => day_part,
        };
        let parts = split_date(day_part, separators)?;
        let [year, month, day] = order.map(|i| parts[i]);
        if year.len() != 4 || month.len() > 2 || day.len() > 2 {
            return None;
        }
        let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
        Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
    }

    /// The first format, in [`DateFormat::ALL`] order, that reads every non-empty sample;
    /// `None` when there are no samples or none fits. When all days are 12 or less the
    /// file is ambiguous and day-first wins, as most of the world writes it.
    pub fn detect(samples: &[&str]) -> Option<Self> {
        let samples: Vec<&str> = samples
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if samples.is_empty() {
            return None;
        }
        Self::ALL
            .iter()
            .copied()
            .find(|format| samples.iter().all(|s| format.parse_date(s).is_some()))
    }
}

/// Three all-digit parts joined by the same separator (so "31/01-2026" is refused).
fn split_date<'a>(text: &'a str, separators: &[char]) -> Option<[&'a str; 3]> {
    let separator = text.chars().find(|c| !c.is_ascii_digit())?;
    if !separators.contains(&separator) {
        return None;
    }
    let mut parts = text.split(separator);
    let found = [parts.next()?, parts.next()?, parts.next()?];
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    (parts.next().is_none() && found.iter().all(|p| digits(p))).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;
    use time::macros::date;

    #[test]
    fn date_formats_round_trip_through_their_names() {
        assert_names_round_trip!(DateFormat);
        assert_eq!(DateFormat::parse("ymd"), None);
    }

    #[test]
    fn saved_mappings_name_date_formats_as_forms_do() {
        use serde::Deserialize;
        use serde::de::value::{Error, StrDeserializer};
        for format in DateFormat::ALL {
            let named = StrDeserializer::<Error>::new(format.as_str());
            assert_eq!(DateFormat::deserialize(named), Ok(*format));
        }
    }

    #[test]
    fn each_format_reads_its_own_shape() {
        let day = date!(2026 - 01 - 31);
        assert_eq!(DateFormat::Iso.parse_date("2026-01-31"), Some(day));
        assert_eq!(DateFormat::Iso.parse_date(" 2026-1-31 "), Some(day));
        assert_eq!(
            DateFormat::Iso.parse_date("2026-01-31T08:15:00Z"),
            Some(day)
        );
        assert_eq!(DateFormat::Iso.parse_date("2026-01-31 00:00"), Some(day));
        for raw in ["31/01/2026", "31-01-2026", "31.01.2026", "31.1.2026"] {
            assert_eq!(DateFormat::DayMonthYear.parse_date(raw), Some(day), "{raw}");
        }
        assert_eq!(DateFormat::MonthDayYear.parse_date("01/31/2026"), Some(day));
        assert_eq!(DateFormat::MonthDayYear.parse_date("1-31-2026"), Some(day));
        assert_eq!(
            DateFormat::YearMonthDaySlash.parse_date("2026/01/31"),
            Some(day)
        );
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        assert_eq!(DateFormat::Iso.parse_date("2026-02-30"), None);
        assert_eq!(DateFormat::Iso.parse_date("2026/01/31"), None);
        assert_eq!(DateFormat::Iso.parse_date("2026-01"), None);
        assert_eq!(DateFormat::Iso.parse_date("2026-01-31-1"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("31/13/2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("31/01-2026"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("31/01/26"), None);
        assert_eq!(DateFormat::DayMonthYear.parse_date("3I/01/2026"), None);
        assert_eq!(DateFormat::MonthDayYear.parse_date("31/01/2026"), None);
        assert_eq!(DateFormat::Iso.parse_date(""), None);
        assert_eq!(DateFormat::Iso.parse_date("Date"), None);
    }

    #[test]
    fn detection_tells_day_first_from_month_first() {
        assert_eq!(
            DateFormat::detect(&["31/01/2026", "01/02/2026"]),
            Some(DateFormat::DayMonthYear)
        );
        assert_eq!(
            DateFormat::detect(&["01/02/2026", "01/31/2026"]),
            Some(DateFormat::MonthDayYear)
        );
        // All days 12 or less: either reading works, day first is preferred.
        assert_eq!(
            DateFormat::detect(&["01/02/2026", "03/04/2026"]),
            Some(DateFormat::DayMonthYear)
        );
        assert_eq!(
            DateFormat::detect(&["2026-01-31", "", "2026-02-01"]),
            Some(DateFormat::Iso)
        );
        assert_eq!(
            DateFormat::detect(&["2026/01/31"]),
            Some(DateFormat::YearMonthDaySlash)
        );
        assert_eq!(DateFormat::detect(&["", "  "]), None);
        assert_eq!(DateFormat::detect(&["13/13/2026"]), None);
        assert_eq!(DateFormat::detect(&["2026-01-31", "31/01/2026"]), None);
    }
}
