//! Time zones are IANA names (`Europe/Paris`), checked against the tz database that ships
//! with the binary, so dates such as "this month" are computed where the user lives.

/// The zone new users get until they choose their own.
pub const DEFAULT: &str = "UTC";

/// True when `name` is a zone in the bundled IANA database.
pub fn is_valid(name: &str) -> bool {
    time_tz::timezones::get_by_name(name).is_some()
}

/// Canonical zone names for pickers, sorted, with `UTC` included.
pub fn names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = time_tz::timezones::iter()
        .map(time_tz::TimeZone::name)
        .filter(|name| name.contains('/') || *name == DEFAULT)
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_zones_are_valid_and_made_up_ones_are_not() {
        assert!(is_valid("Europe/Paris"));
        assert!(is_valid("Asia/Kolkata"));
        assert!(is_valid("UTC"));
        assert!(!is_valid("Mars/Olympus_Mons"));
        assert!(!is_valid(""));
    }

    #[test]
    fn the_picker_list_is_sorted_and_holds_the_default() {
        let names = names();
        assert!(names.windows(2).all(|w| w[0] < w[1]));
        assert!(names.contains(&DEFAULT));
        assert!(names.contains(&"America/New_York"));
        assert!(names.iter().all(|n| is_valid(n)));
    }
}
