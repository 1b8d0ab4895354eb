//! Deleting an expense template, after a confirmation page (no script needed).

use super::edit::template_form;
use crate::budgets::plan_pages::{Fallback, confirm_delete, loaded};
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "templates/delete")]
pub async fn delete_template(id: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = crate::budgets::plan_fields::record_id(&id)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    let page = format!("/templates/{}/delete", id.trim());
    finish("template-delete", &page, &(), result, |()| {
        Done::new("Template deleted.", "/templates")
    })
    .await
}

#[component]
pub fn DeleteTemplatePage() -> impl IntoView {
    view! {
        <Title text="Delete expense template"/>
        <h1>"Delete expense template"</h1>
        <RequireUser>
            <DeleteTemplateConfirm/>
        </RequireUser>
    }
}

#[component]
fn DeleteTemplateConfirm() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(move || Some(id()), template_form);
    let delete = ServerAction::<DeleteTemplate>::new();
    loaded(data, Fallback::NONE, move |t, _| {
        let question = view! {
            "Delete " <strong>{t.name}</strong> {format!(" ({})? ", t.described)}
            "Expected expenses already generated from it stay in their cycles. This cannot be undone."
        };
        confirm_delete(
            delete,
            t.id,
            "Delete template",
            "/templates".to_owned(),
            question,
        )
        .into_any()
    })
}
