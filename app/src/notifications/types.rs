//! Types shared by the notification pages and their server code.

use serde::{Deserialize, Serialize};

/// What a notification is about; stored by [`NotificationKind::as_str`].
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

/// One notification as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub kind_label: String,
    pub title: String,
    pub body: String,
    /// A local path to act on the notice; never another site.
    pub link: Option<String>,
    pub read: bool,
    /// When it was created, as `YYYY-MM-DD HH:MM UTC`.
    pub created: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsList {
    pub items: Vec<NotificationView>,
    pub unread: i64,
}
