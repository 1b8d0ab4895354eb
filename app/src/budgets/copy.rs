//! Copying a budget to the next period of the same shape, entries included.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "budgets/copy")]
pub async fn copy_budget(id: String) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let page = format!("/budgets/{}", id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::ssr::copy(&member, id).await
    }
    .await;
    match result {
        Ok(new_id) => {
            let session = session::session().await?;
            session::flash(
                &session,
                FlashKind::Success,
                "Budget copied to the next period.",
            )
            .await?;
            leptos_axum::redirect(&format!("/budgets/{new_id}"));
            Ok(new_id)
        }
        Err(error) => Err(session::fail_form("budget-copy", &page, &[], error).await),
    }
}
