//! Setting and removing a budget's per-category entries, from the budget's page.

use super::types::EntryInput;
use crate::error::AppError;
use leptos::prelude::*;

/// Sets the amount planned for one expense category, replacing an earlier amount.
#[server(endpoint = "budgets/entry")]
pub async fn save_entry(#[server(flatten)] input: EntryInput) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        super::ssr::save_entry(&member, &input).await
    }
    .await;
    let page = input.page();
    finish("budget-entry", &page, &input, result, |()| {
        Done::new("Entry saved.", page.clone())
    })
    .await
}

#[server(endpoint = "budgets/entry/remove")]
pub async fn remove_entry(budget_id: String, category_id: String) -> Result<(), AppError> {
    use super::plan_fields::record_id;
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let (budget, category) = (record_id(&budget_id)?, record_id(&category_id)?);
        super::repo::delete_entry(member.db(), &member.scope, budget, category).await
    }
    .await;
    let page = super::types::budget_page(&budget_id);
    finish("budget-entry-remove", &page, &(), result, |()| {
        Done::new("Entry removed.", page.clone())
    })
    .await
}
