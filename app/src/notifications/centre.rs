//! The notification centre: the signed-in user's notices, newest first, each marked read
//! with a plain form (no script needed).

use super::types::{NotificationView, NotificationsList};
use crate::error::AppError;
use crate::pages::{Page, listed};
use leptos::prelude::*;

/// The signed-in user's notifications, newest first.
#[server(endpoint = "notifications")]
pub async fn list_notifications() -> Result<NotificationsList, AppError> {
    let (app, _, user) = crate::session::require_user().await?;
    super::repo::list(&app.db, user.id).await
}

/// Marks one of the user's notifications read; anyone else's id is `NotFound`.
#[server(endpoint = "notifications/read")]
pub async fn mark_notification_read(id: i64) -> Result<(), AppError> {
    use crate::session::{Done, finish, require_user};
    let result = async {
        let (app, _, user) = require_user().await?;
        super::repo::mark_read(&app.db, user.id, id).await
    }
    .await;
    finish("notification", "/notifications", &(), result, |()| {
        Done::new("", "/notifications")
    })
    .await
}

#[server(endpoint = "notifications/read-all")]
pub async fn mark_all_notifications_read() -> Result<(), AppError> {
    use crate::session::{Done, finish, require_user};
    let result = async {
        let (app, _, user) = require_user().await?;
        super::repo::mark_all_read(&app.db, user.id).await.map(drop)
    }
    .await;
    finish("notification", "/notifications", &(), result, |()| {
        Done::new("All notifications marked as read.", "/notifications")
    })
    .await
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    view! { <Page title="Notifications"><NotificationsCentre/></Page> }
}

#[component]
fn NotificationsCentre() -> impl IntoView {
    let data = Resource::new(|| (), |()| list_notifications());
    let read_all = ServerAction::<MarkAllNotificationsRead>::new();
    view! {
        {listed(
            data,
            "No notifications yet. Payment reminders and other notices appear here.",
            |list| list.items.is_empty(),
            move |list| view! {
                <p class="lead">{florin::notification::unread_label(list.unread)}</p>
                {(list.unread > 0).then(|| view! {
                    <ActionForm action=read_all>
                        <button type="submit">"Mark all as read"</button>
                    </ActionForm>
                })}
                <div class="notifications">
                    {list.items.into_iter().map(|item| view! { <NotificationItem item/> }).collect_view()}
                </div>
            }.into_any(),
        )}
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
