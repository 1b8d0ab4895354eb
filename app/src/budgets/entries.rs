//! Setting and removing a budget's per-category entries, from the budget's page.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the amount planned for one expense category, replacing an earlier amount.
#[server(endpoint = "budgets/entry")]
pub async fn save_entry(
    budget_id: String,
    #[server(default)] category_id: String,
    #[server(default)] amount: String,
) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("category_id", category_id.as_str()),
        ("amount", amount.as_str()),
    ];
    let page = format!("/budgets/{}", budget_id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let budget_id = budget_id
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::NotFound)?;
        super::ssr::save_entry(&member, budget_id, &category_id, &amount).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Entry saved.").await?;
            leptos_axum::redirect(&page);
            Ok(())
        }
        Err(error) => Err(session::fail_form("budget-entry", &page, &values, error).await),
    }
}

#[server(endpoint = "budgets/entry/remove")]
pub async fn remove_entry(budget_id: String, category_id: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let page = format!("/budgets/{}", budget_id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let parse = |raw: &str| raw.trim().parse::<i64>().map_err(|_| AppError::NotFound);
        let (budget_id, category_id) = (parse(&budget_id)?, parse(&category_id)?);
        super::repo::delete_entry(member.db(), &member.scope, budget_id, category_id).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Entry removed.").await?;
            leptos_axum::redirect(&page);
            Ok(())
        }
        Err(error) => Err(session::fail_form("budget-entry-remove", &page, &[], error).await),
    }
}
