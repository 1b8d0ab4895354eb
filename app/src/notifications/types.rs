//! Types shared by the notification pages and their server code. Rule: pages and `repo`
//! both import from here, never from each other.

use serde::{Deserialize, Serialize};

pub use florin::notification::NotificationKind;

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
