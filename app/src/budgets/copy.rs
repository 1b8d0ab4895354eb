//! Copying a budget to the next period of the same shape, entries included.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "budgets/copy")]
pub async fn copy_budget(id: String) -> Result<i64, AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = super::plan_fields::record_id(&id)?;
        super::ssr::copy(&member, id).await
    }
    .await;
    let page = super::types::budget_page(&id);
    finish("budget-copy", &page, &(), result, |new_id| {
        Done::new(
            "Budget copied to the next period.",
            format!("/budgets/{new_id}"),
        )
    })
    .await
}
