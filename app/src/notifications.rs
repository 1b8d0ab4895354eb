//! In-app notifications: notices addressed to one user, read or unread, with an optional
//! link to act on.
//!
//! Rule: a notification is read and changed only by the user it is addressed to; any
//! other id is `NotFound`. Features create them with [`repo::notify`] (inside their own
//! database transaction) and give each a `dedup_key` when it must exist only once.

use crate::error::AppError;
use crate::shell::RequireUser;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

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
    pub const ALL: [NotificationKind; 6] = [
        NotificationKind::PaymentDue,
        NotificationKind::PaymentReminder,
        NotificationKind::GoalMilestone,
        NotificationKind::ExpenseAlert,
        NotificationKind::IncomeReceived,
        NotificationKind::System,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            NotificationKind::PaymentDue => "payment_due",
            NotificationKind::PaymentReminder => "payment_reminder",
            NotificationKind::GoalMilestone => "goal_milestone",
            NotificationKind::ExpenseAlert => "expense_alert",
            NotificationKind::IncomeReceived => "income_received",
            NotificationKind::System => "system",
        }
    }

    /// The name shown to people.
    pub fn label(self) -> &'static str {
        match self {
            NotificationKind::PaymentDue => "Payment due",
            NotificationKind::PaymentReminder => "Payment reminder",
            NotificationKind::GoalMilestone => "Goal milestone",
            NotificationKind::ExpenseAlert => "Spending alert",
            NotificationKind::IncomeReceived => "Income received",
            NotificationKind::System => "Notice",
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

/// The signed-in user's notifications, newest first.
#[server(endpoint = "notifications")]
pub async fn list_notifications() -> Result<NotificationsList, AppError> {
    let (app, _, user) = crate::session::require_user().await?;
    repo::list(&app.db, user.id).await
}

/// Marks one of the user's notifications read; anyone else's id is `NotFound`.
#[server(endpoint = "notifications/read")]
pub async fn mark_notification_read(id: i64) -> Result<(), AppError> {
    use crate::session;
    let result = async {
        let (app, _, user) = session::require_user().await?;
        repo::mark_read(&app.db, user.id, id).await
    }
    .await;
    match result {
        Ok(()) => {
            leptos_axum::redirect("/notifications");
            Ok(())
        }
        Err(error) => Err(session::fail_form("notification", "/notifications", &[], error).await),
    }
}

#[server(endpoint = "notifications/read-all")]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    let result = async {
        let (app, session, user) = session::require_user().await?;
        repo::mark_all_read(&app.db, user.id).await?;
        Ok::<_, AppError>(session)
    }
    .await;
    match result {
        Ok(session) => {
            session::flash(
                &session,
                FlashKind::Success,
                "All notifications marked as read.",
            )
            .await?;
            leptos_axum::redirect("/notifications");
            Ok(())
        }
        Err(error) => Err(session::fail_form("notification", "/notifications", &[], error).await),
    }
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! {
        <Title text="Notifications"/>
        <h1>"Notifications"</h1>
        <RequireUser>
            <NotificationsCentre/>
        </RequireUser>
    }
}

#[component]
fn NotificationsCentre() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_notifications());
    let read_all = ServerAction::<MarkAllNotificationsRead>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.items.is_empty() => view! {
                        <p class="card">"No notifications yet. Payment reminders and other notices appear here."</p>
                    }.into_any(),
                    Ok(list) => view! {
                        <p class="lead">{match list.unread {
                            0 => "Everything is read.".to_owned(),
                            1 => "1 unread notification.".to_owned(),
                            n => format!("{n} unread notifications."),
                        }}</p>
                        {(list.unread > 0).then(|| view! {
                            <ActionForm action=read_all>
                                <button type="submit">"Mark all as read"</button>
                            </ActionForm>
                        })}
                        <div class="notifications">
                            {list.items.into_iter().map(|item| view! { <NotificationItem item/> }).collect_view()}
                        </div>
                    }.into_any(),
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotificationItem(item: NotificationView) -> impl IntoView {
    let read_one = ServerAction::<MarkNotificationRead>::new();
    let state = if item.read { "Read" } else { "Unread" };
    view! {
        <article class="card notification" class:unread=!item.read>
            <h2>
                {item.title.clone()}
                " "
                <span class="badge">{state}</span>
            </h2>
            <p class="hint">{format!("{} · {}", item.kind_label, item.created)}</p>
            {(!item.body.is_empty()).then(|| view! { <p>{item.body.clone()}</p> })}
            <div class="actions">
                {item.link.clone().map(|href| view! { <a href=href>"Open"<span class="visually-hidden">{format!(" {}", item.title)}</span></a> })}
                {(!item.read).then(|| view! {
                    <ActionForm action=read_one attr:class="inline">
                        <input type="hidden" name="id" value=item.id/>
                        <button type="submit" class="link" aria-label=format!("Mark as read: {}", item.title)>"Mark as read"</button>
                    </ActionForm>
                })}
            </div>
        </article>
    }
}
