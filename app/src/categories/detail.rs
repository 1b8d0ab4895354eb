//! One category's page: rename, recolour or re-parent it, archive or restore it, and
//! delete it (see `delete`).

use super::delete::{DeleteCategory, DeleteSection};
use super::edit::{EditCategoryForm, SaveCategory, parent_options};
use super::list::list_categories;
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;

/// Archives a category (it leaves the pickers) or restores it.
#[server(endpoint = "categories/archive")]
pub async fn set_category_archived(id: i64, archived: bool) -> Result<(), AppError> {
    use crate::accounts::form_parts::after_archive;
    use crate::session::finish;
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::repo::set_archived(member.db(), &member.scope, id, archived).await
    }
    .await;
    let page = format!("/categories/{id}");
    let to = after_archive("Category", archived, "/categories");
    finish("category-archive", &page, &(), result, |()| to).await
}

#[component]
pub fn CategoryPage() -> impl IntoView {
    view! {
        <Title text="Category"/>
        <RequireUser>
            <CategoryEditor/>
        </RequireUser>
    }
}

#[component]
fn CategoryEditor() -> impl IntoView {
    let shell = use_shell();
    let id = crate::url::id_param();
    let data = Resource::new(|| (), |_| list_categories());
    let save = ServerAction::<SaveCategory>::new();
    let archive = ServerAction::<SetCategoryArchived>::new();
    let delete = ServerAction::<DeleteCategory>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                let all = match data.await {
                    Ok(all) => all,
                    Err(error) => return view! { <p class="error">{error.to_string()}</p> }.into_any(),
                };
                let Some(c) = all.iter().find(|c| c.id == id()).cloned() else {
                    return not_found().into_any();
                };
                let feedback = FormFeedback::new("category", stash.clone(), save);
                let delete_feedback = FormFeedback::new("category-delete", stash, delete);
                let parents = parent_options(&all, Some(&c.kind), Some(c.id));
                let kind = if c.kind == "income" { "Income" } else { "Expense" };
                view! {
                    <h1>{c.name.clone()}</h1>
                    <p class="lead">{format!("{kind} category · {} transactions", c.transactions)}</p>
                    <EditCategoryForm action=save feedback category=c.clone() parents/>
                    <ArchiveSection action=archive id=c.id archived=c.archived/>
                    <DeleteSection action=delete feedback=delete_feedback category=c all/>
                    <p><a href="/categories">"Back to categories"</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}

/// Another organisation's id is a 404, like any id that does not exist.
fn not_found() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::session::set_status(&AppError::NotFound);
    view! {
        <h1>"Category"</h1>
        <p class="error">{AppError::NotFound.to_string()}</p>
        <p><a href="/categories">"Back to categories"</a></p>
    }
}

#[component]
fn ArchiveSection(
    action: ServerAction<SetCategoryArchived>,
    id: i64,
    archived: bool,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="archive-category-title">
            <h2 id="archive-category-title">{if archived { "Restore" } else { "Archive" }}</h2>
            <p>"Archived categories keep their transactions but leave the pickers."</p>
            <ActionForm action=action>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="archived" value=(!archived).to_string()/>
                <button type="submit">{if archived { "Restore category" } else { "Archive category" }}</button>
            </ActionForm>
        </section>
    }
}
