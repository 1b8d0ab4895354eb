//! Category limits and their alerts. Reaching a level counts as crossing it, compared
//! exactly, so each alert and each limit is reported once per climb and never missed.

use super::arith::{percent_floor, reaches};
use super::types::PlanError;
use serde::{Deserialize, Serialize};

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
            Self::Alert => "alert",
            Self::Limit => "limit",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim() {
            "alert" => Some(Self::Alert),
            "limit" => Some(Self::Limit),
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
    pub fn new(limit: i64, alert_pct: i64) -> Result<Self, PlanError> {
        if limit <= 0 {
            return Err(PlanError::LimitNotPositive);
        }
        let alert_pct = u8::try_from(alert_pct)
            .ok()
            .filter(|pct| (1..=100).contains(pct))
            .ok_or(PlanError::AlertPercentOutOfRange)?;
        Ok(Self { limit, alert_pct })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::names_round_trip;

    fn threshold(limit: i64, alert_pct: i64) -> Threshold {
        Threshold::new(limit, alert_pct).expect("valid threshold")
    }

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
    fn crossings_count_each_level_reached_on_the_way_up() {
        use Level::{Alert, Limit};
        let t = threshold(10_000, 80);
        // (spent before, spent after, levels crossed)
        let cases: [(i64, i64, &[Level]); 12] = [
            // Reaching the alert exactly counts, and a cent below does not.
            (0, 8_000, &[Alert]),
            (0, 7_999, &[]),
            (7_999, 8_000, &[Alert]),
            (8_000, 9_999, &[]),
            // Reaching the limit exactly counts.
            (9_000, 10_000, &[Limit]),
            (10_000, 12_000, &[]),
            // One large expense can cross both levels, lowest first.
            (0, 15_000, &[Alert, Limit]),
            // Lowering spending crosses nothing, and climbing back crosses again.
            (8_500, 7_000, &[]),
            (11_000, 0, &[]),
            // Pure: the same edit gives the same answer each time; the database dedups.
            (7_000, 8_500, &[Alert]),
            (7_000, 8_500, &[Alert]),
            (5_000, 5_000, &[]),
        ];
        for (before, after, crossed) in cases {
            assert_eq!(t.crossings(before, after), crossed, "{before} → {after}");
        }
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
        names_round_trip([Level::Alert, Level::Limit], Level::as_str, Level::parse);
        assert_eq!(Level::parse("warning"), None);
    }
}
