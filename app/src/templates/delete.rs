//! Deleting an expense template, after a confirmation page (no script needed).

use super::{TemplateFields, template_form};
use crate::context::RequireUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "templates/delete")]
pub async fn delete_template(id: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let page = format!("/templates/{}/delete", id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = id.trim().parse::<i64>().map_err(|_| AppError::NotFound)?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Template deleted.").await?;
            leptos_axum::redirect("/templates");
            Ok(())
        }
        Err(error) => Err(session::fail_form("template-delete", &page, &[], error).await),
    }
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
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => confirm(form, delete).into_any(),
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn confirm(t: TemplateFields, delete: ServerAction<DeleteTemplate>) -> impl IntoView {
    view! {
        <section class="card">
            <p>
                "Delete " <strong>{t.name.clone()}</strong> {format!(" ({})? ", t.described)}
                "Expected expenses already generated from it stay in their cycles. This cannot be undone."
            </p>
            <ActionForm action=delete>
                <input type="hidden" name="id" value=t.id.clone()/>
                <button type="submit" class="danger">"Delete template"</button>
                " "
                <a href="/templates">"Keep it"</a>
            </ActionForm>
        </section>
    }
}
