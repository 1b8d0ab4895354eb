//! In-app notifications: notices addressed to one user, read or unread, with an optional
//! link to act on.
//!
//! Rule: a notification is read and changed only by the user it is addressed to; any
//! other id is `NotFound`. Features create them with [`repo::notify`] (inside their own
//! database transaction) and give each a `dedup_key` when it must exist only once.

mod centre;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod types;

pub use centre::{
    ListNotifications, MarkAllNotificationsRead, MarkNotificationRead, NotificationsPage,
    list_notifications, mark_all_notifications_read, mark_notification_read,
};
pub use types::{NotificationKind, NotificationView, NotificationsList};

crate::routes!(NotificationRoutes {
    "/notifications" => NotificationsPage,
});
