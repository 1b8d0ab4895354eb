//! Category limits as pages and notices name them: the default alert threshold, the words
//! and style for where spending stands, and the key that keeps a notice once a month.
//!
//! Rule: the arithmetic is `crate::planning::Threshold`'s; this module only names its
//! results. A notice key, once written, must read the same forever.

use crate::planning::{Level, Month, SpendingStatus};

/// The alert threshold, in whole percent of the limit, when a form leaves it blank.
pub const DEFAULT_ALERT_PCT: i64 = 80;

/// The progress bar's style for `status`: "under", "alert" or "over".
pub fn status_class(status: SpendingStatus) -> &'static str {
    match status {
        SpendingStatus::Under => "under",
        SpendingStatus::Alert => "alert",
        SpendingStatus::Over => "over",
    }
}

/// Where spending stands, as the limits page says it.
pub fn status_label(status: SpendingStatus) -> &'static str {
    match status {
        SpendingStatus::Under => "under the alert threshold",
        SpendingStatus::Alert => "alert threshold reached",
        SpendingStatus::Over => "limit reached",
    }
}

/// The key of a limit notice: one per category, level and month.
pub fn notice_key(category_id: i64, month: Month, level: Level) -> String {
    let suffix = match level {
        Level::Alert => "warning",
        Level::Limit => "exceeded",
    };
    format!("limit:{category_id}:{month}:{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_keys_name_category_month_and_level() {
        let month = Month::parse("2026-11").expect("month");
        assert_eq!(
            notice_key(7, month, Level::Alert),
            "limit:7:2026-11:warning"
        );
        assert_eq!(
            notice_key(7, month, Level::Limit),
            "limit:7:2026-11:exceeded"
        );
    }

    #[test]
    fn each_status_has_a_style_and_a_label() {
        let all = [
            SpendingStatus::Under,
            SpendingStatus::Alert,
            SpendingStatus::Over,
        ];
        let classes: Vec<&str> = all.into_iter().map(status_class).collect();
        assert_eq!(classes, ["under", "alert", "over"]);
        assert_eq!(status_label(SpendingStatus::Over), "limit reached");
    }
}
