//! Notifications as people read them: what each is about, and how many await reading.
//!
//! Rule: a kind is stored by [`NotificationKind::as_str`] and read back with
//! [`NotificationKind::parse`]; the names never change, as stored rows keep them.

use serde::{Deserialize, Serialize};

/// What a notification is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NotificationKind {
    PaymentDue,
    PaymentReminder,
    GoalMilestone,
    ExpenseAlert,
    IncomeReceived,
    System,
}

impl NotificationKind {
    pub const ALL: [Self; 6] = [
        Self::PaymentDue,
        Self::PaymentReminder,
        Self::GoalMilestone,
        Self::ExpenseAlert,
        Self::IncomeReceived,
        Self::System,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PaymentDue => "payment_due",
            Self::PaymentReminder => "payment_reminder",
            Self::GoalMilestone => "goal_milestone",
            Self::ExpenseAlert => "expense_alert",
            Self::IncomeReceived => "income_received",
            Self::System => "system",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::PaymentDue => "Payment due",
            Self::PaymentReminder => "Payment reminder",
            Self::GoalMilestone => "Goal milestone",
            Self::ExpenseAlert => "Spending alert",
            Self::IncomeReceived => "Income received",
            Self::System => "Notice",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }
}

/// How many notifications are unread, as a sentence: "3 unread notifications.".
pub fn unread_label(unread: i64) -> String {
    match unread {
        0 => "Everything is read.".to_owned(),
        1 => "1 unread notification.".to_owned(),
        n => format!("{n} unread notifications."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;

    #[test]
    fn every_kind_reads_back_from_its_stored_name() {
        assert_names_round_trip!(NotificationKind);
        assert_eq!(NotificationKind::parse("Payment due"), None);
        assert_eq!(NotificationKind::ExpenseAlert.label(), "Spending alert");
    }

    #[test]
    fn the_unread_count_reads_as_a_sentence() {
        assert_eq!(unread_label(0), "Everything is read.");
        assert_eq!(unread_label(1), "1 unread notification.");
        assert_eq!(unread_label(12), "12 unread notifications.");
    }
}
