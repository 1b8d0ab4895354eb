//! The categories page: spending and income categories in two tables, and the form to
//! add one.

use super::edit::{SaveCategory, kind_options, parent_options};
use super::types::CategoryView;
use crate::components::{FormError, SelectField, TextField};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Card, Fallback, Page, loaded};
use florin::ledger::CategoryKind;
use leptos::prelude::*;

#[server(endpoint = "categories")]
pub async fn list_categories() -> Result<Vec<CategoryView>, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m).await).await
}

#[component]
pub fn CategoriesPage() -> impl IntoView {
    view! { <Page title="Categories"><CategoriesList/></Page> }
}

#[component]
fn CategoriesList() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_categories());
    let save = ServerAction::<SaveCategory>::new();
    view! {
        {loaded(data, Fallback::NONE, move |all, stash| {
            let feedback = FormFeedback::new("category", stash, save);
            let parents = parent_options(&all, None, None);
            view! {
                {[CategoryKind::Expense, CategoryKind::Income].into_iter().map(|kind| {
                    let rows: Vec<CategoryView> = all.iter().filter(|c| c.kind == kind.as_str()).cloned().collect();
                    view! { <KindTable kind rows/> }
                }).collect_view()}
                <AddCategoryForm action=save feedback parents/>
            }.into_any()
        })}
    }
}

/// The categories of one kind, with their parent and how many transactions use them.
#[component]
fn KindTable(kind: CategoryKind, rows: Vec<CategoryView>) -> impl IntoView {
    let title = if kind == CategoryKind::Expense {
        "Spending"
    } else {
        "Income"
    };
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
}

#[component]
fn AddCategoryForm(
    action: ServerAction<SaveCategory>,
    feedback: FormFeedback,
    parents: Vec<(String, String)>,
) -> impl IntoView {
    let errors = feedback.errors();
    view! {
        <Card title="Add a category" id="add-category-title">
            <ActionForm action=action attr:novalidate=true>
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
        </Card>
    }
}
