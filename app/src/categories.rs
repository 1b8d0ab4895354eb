//! Categories: what money is spent on or earned from. Rename, recolour, nest one level,
//! archive, and delete — moving the transactions to another category (a merge).

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::error::FieldErrors;
use crate::form::FormFeedback;
use florin::ledger::CategoryKind;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    pub colour: String,
    pub archived: bool,
    pub transactions: i64,
}

#[server(endpoint = "categories")]
pub async fn list_categories() -> Result<Vec<CategoryView>, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    let rows = repo::list(member.db(), &member.scope).await?;
    let name_of = |id: i64| rows.iter().find(|r| r.id == id).map(|r| r.name.clone());
    Ok(rows
        .iter()
        .map(|r| CategoryView {
            id: r.id,
            name: r.name.clone(),
            kind: r.kind.clone(),
            parent_id: r.parent_id,
            parent_name: r.parent_id.and_then(name_of),
            colour: r.colour.clone(),
            archived: r.archived,
            transactions: r.transactions,
        })
        .collect())
}

#[server(endpoint = "categories/save")]
pub async fn save_category(
    #[server(default)] id: String,
    name: String,
    kind: String,
    #[server(default)] parent_id: String,
    #[server(default)] colour: String,
) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("name", name.as_str()),
        ("kind", kind.as_str()),
        ("parent_id", parent_id.as_str()),
        ("colour", colour.as_str()),
    ];
    let page = if id.is_empty() {
        "/categories".to_owned()
    } else {
        format!("/categories/{id}")
    };
    let result: Result<bool, AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let existing = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let mut errors = FieldErrors::new();
        let name = name.trim();
        if name.is_empty() {
            errors.add("name", "Give the category a name.");
        } else if name.chars().count() > 60 {
            errors.add("name", "Use at most 60 characters.");
        }
        let kind = CategoryKind::parse(&kind);
        if kind.is_none() {
            errors.add("kind", "Choose expense or income.");
        }
        let parent = match parent_id.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(id),
                Err(_) => {
                    errors.add("parent_id", "Choose a parent from the list.");
                    None
                }
            },
        };
        let colour = match colour.trim() {
            "" => "#8d99ae".to_owned(),
            c if florin::ledger::is_colour(c) => c.to_lowercase(),
            _ => {
                errors.add("colour", "Use a colour like #2a9d8f.");
                String::new()
            }
        };
        errors.into_result()?;
        let kind = kind.ok_or(AppError::Internal)?;
        let input = repo::CategoryInput {
            name: name.to_owned(),
            kind,
            parent_id: parent,
            colour,
        };
        match existing {
            None => repo::create(member.db(), &member.scope, &input)
                .await
                .map(|_| true),
            Some(id) => repo::update(member.db(), &member.scope, id, &input)
                .await
                .map(|()| false),
        }
    }
    .await;
    match result {
        Ok(created) => {
            let session = session::session().await?;
            let message = if created {
                "Category added."
            } else {
                "Category saved."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/categories");
            Ok(())
        }
        Err(error) => Err(session::fail_form("category", &page, &values, error).await),
    }
}

#[server(endpoint = "categories/archive")]
pub async fn set_category_archived(id: i64, archived: bool) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        repo::set_archived(member.db(), &member.scope, id, archived).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            let message = if archived {
                "Category archived."
            } else {
                "Category restored."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/categories");
            Ok(())
        }
        Err(error) => {
            Err(
                session::fail_form("category-archive", &format!("/categories/{id}"), &[], error)
                    .await,
            )
        }
    }
}

/// Deletes a category; its transactions move to `into` (a merge). Without a destination
/// only an unused category can be deleted.
#[server(endpoint = "categories/delete")]
pub async fn delete_category(id: i64, #[server(default)] into: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    let values = [("into", into.as_str())];
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let target = match into.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| {
                let mut errors = FieldErrors::new();
                errors.add("into", "Choose a category from the list.");
                AppError::Invalid(errors)
            })?),
        };
        repo::delete_into(member.db(), &member.scope, id, target).await
    }
    .await;
    match result {
        Ok(moved) => {
            let session = session::session().await?;
            let message = match moved {
                0 => "Category deleted.".to_owned(),
                1 => "Category deleted; 1 transaction moved.".to_owned(),
                n => format!("Category deleted; {n} transactions moved."),
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/categories");
            Ok(())
        }
        Err(error) => Err(session::fail_form(
            "category-delete",
            &format!("/categories/{id}"),
            &values,
            error,
        )
        .await),
    }
}

fn kind_options() -> Vec<(String, String)> {
    CategoryKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect()
}

fn parent_options(
    all: &[CategoryView],
    kind: Option<&str>,
    except: Option<i64>,
) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "— none (top level) —".to_owned())];
    options.extend(
        all.iter()
            .filter(|c| c.parent_id.is_none() && !c.archived && Some(c.id) != except)
            .filter(|c| kind.is_none_or(|k| c.kind == k))
            .map(|c| (c.id.to_string(), format!("{} ({})", c.name, c.kind))),
    );
    options
}

#[component]
pub fn CategoriesPage() -> impl IntoView {
    view! {
        <Title text="Categories"/>
        <h1>"Categories"</h1>
        <RequireUser>
            <CategoriesList/>
        </RequireUser>
    }
}

#[component]
fn CategoriesList() -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(|| (), |_| list_categories());
    let save = ServerAction::<SaveCategory>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(all) => {
                        let feedback = FormFeedback::new("category", stash, save);
                        let errors = feedback.errors();
                        let parents = parent_options(&all, None, None);
                        view! {
                            {[CategoryKind::Expense, CategoryKind::Income].into_iter().map(|kind| {
                                let rows: Vec<CategoryView> = all.iter().filter(|c| c.kind == kind.as_str()).cloned().collect();
                                let title = if kind == CategoryKind::Expense { "Spending" } else { "Income" };
                                view! {
                                    <section class="card">
                                        <h2>{title}</h2>
                                        <table>
                                            <thead><tr><th scope="col">"Category"</th><th scope="col">"Parent"</th><th scope="col" class="num">"Transactions"</th></tr></thead>
                                            <tbody>
                                                {rows.into_iter().map(|c| view! {
                                                    <tr class:archived=c.archived>
                                                        <td>
                                                            <svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="3" fill=c.colour.clone()/></svg>
                                                            <a href=format!("/categories/{}", c.id)>{c.name.clone()}</a>
                                                            {c.archived.then(|| view! { " " <span class="badge">"archived"</span> })}
                                                        </td>
                                                        <td>{c.parent_name.clone().unwrap_or_default()}</td>
                                                        <td class="num">{c.transactions}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </section>
                                }
                            }).collect_view()}
                            <section class="card" aria-labelledby="add-category-title">
                                <h2 id="add-category-title">"Add a category"</h2>
                                <ActionForm action=save attr:novalidate=true>
                                    <FormError errors=errors/>
                                    <input type="hidden" name="id" value=""/>
                                    <div class="row">
                                        <TextField label="Name" name="name" value=feedback.value("name", "") errors=errors required=true/>
                                        <SelectField label="Kind" name="kind" value=feedback.value("kind", "expense") options=kind_options() errors=errors/>
                                    </div>
                                    <div class="row">
                                        <SelectField label="Parent" name="parent_id" value=feedback.value("parent_id", "") options=parents errors=errors/>
                                        <TextField label="Colour" name="colour" kind="color" value=feedback.value("colour", "#8d99ae") errors=errors/>
                                    </div>
                                    <button type="submit" class="primary">"Add category"</button>
                                </ActionForm>
                            </section>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
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
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    };
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
                    // Another organisation's id is a 404, like any id that does not exist.
                    #[cfg(feature = "ssr")]
                    crate::session::set_status(&AppError::NotFound);
                    return view! {
                        <h1>"Category"</h1>
                        <p class="error">{AppError::NotFound.to_string()}</p>
                        <p><a href="/categories">"Back to categories"</a></p>
                    }.into_any();
                };
                let feedback = FormFeedback::new("category", stash.clone(), save);
                let delete_feedback = FormFeedback::new("category-delete", stash, delete);
                let errors = feedback.errors();
                let delete_errors = delete_feedback.errors();
                let parents = parent_options(&all, Some(&c.kind), Some(c.id));
                let mut targets = vec![(String::new(), "— nowhere (only if unused) —".to_owned())];
                targets.extend(all.iter().filter(|o| o.kind == c.kind && o.id != c.id).map(|o| (o.id.to_string(), o.name.clone())));
                let parent = c.parent_id.map(|p| p.to_string()).unwrap_or_default();
                view! {
                    <h1>{c.name.clone()}</h1>
                    <p class="lead">{format!("{} category · {} transactions", if c.kind == "income" { "Income" } else { "Expense" }, c.transactions)}</p>
                    <section class="card" aria-labelledby="edit-category-title">
                        <h2 id="edit-category-title">"Rename or recolour"</h2>
                        <ActionForm action=save attr:novalidate=true>
                            <FormError errors=errors/>
                            <input type="hidden" name="id" value=c.id/>
                            <input type="hidden" name="kind" value=c.kind.clone()/>
                            <div class="row">
                                <TextField label="Name" name="name" value=feedback.value("name", &c.name) errors=errors required=true/>
                                <SelectField label="Parent" name="parent_id" value=feedback.value("parent_id", &parent) options=parents errors=errors/>
                                <TextField label="Colour" name="colour" kind="color" value=feedback.value("colour", &c.colour) errors=errors/>
                            </div>
                            <button type="submit" class="primary">"Save category"</button>
                        </ActionForm>
                    </section>
                    <section class="card" aria-labelledby="archive-category-title">
                        <h2 id="archive-category-title">{if c.archived { "Restore" } else { "Archive" }}</h2>
                        <p>"Archived categories keep their transactions but leave the pickers."</p>
                        <ActionForm action=archive>
                            <input type="hidden" name="id" value=c.id/>
                            <input type="hidden" name="archived" value=(!c.archived).to_string()/>
                            <button type="submit">{if c.archived { "Restore category" } else { "Archive category" }}</button>
                        </ActionForm>
                    </section>
                    <section class="card" aria-labelledby="delete-category-title">
                        <h2 id="delete-category-title">"Delete or merge"</h2>
                        <p>"Deleting moves this category's transactions to the category you choose, then removes it. This cannot be undone."</p>
                        <ActionForm action=delete attr:novalidate=true>
                            <FormError errors=delete_errors/>
                            <input type="hidden" name="id" value=c.id/>
                            <SelectField label="Move its transactions to" name="into" value=delete_feedback.value("into", "") options=targets errors=delete_errors/>
                            <button type="submit" class="danger">"Delete category"</button>
                        </ActionForm>
                    </section>
                    <p><a href="/categories">"Back to categories"</a></p>
                }.into_any()
            })}
        </Suspense>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn CategoryRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/categories") view=CategoriesPage ssr=SsrMode::Async/>
        <Route path=path!("/categories/:id") view=CategoryPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
