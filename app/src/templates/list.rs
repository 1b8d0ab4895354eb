//! The templates page: every expense template, active ones first, with switches to
//! activate or deactivate each.

use super::types::TemplateSummary;
use crate::error::AppError;
use crate::pages::{Card, Fallback, Head, Page, Table, loaded};
use leptos::prelude::*;

#[server(endpoint = "templates")]
pub async fn list_templates() -> Result<Vec<TemplateSummary>, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m).await).await
}

/// Activates (`active` = "true") or deactivates a template.
#[server(endpoint = "templates/active")]
pub async fn set_template_active(id: String, active: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let active = active.trim() == "true";
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = crate::budgets::plan_fields::record_id(&id)?;
        super::repo::set_active(member.db(), &member.scope, id, active).await
    }
    .await;
    finish("template-active", "/templates", &(), result, |()| {
        let message = if active {
            "Template activated."
        } else {
            "Template deactivated."
        };
        Done::new(message, "/templates")
    })
    .await
}

#[component]
pub fn TemplatesPage() -> impl IntoView {
    view! { <Page title="Expense templates"><TemplatesOverview/></Page> }
}

#[component]
fn TemplatesOverview() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_templates());
    let toggle = ServerAction::<SetTemplateActive>::new();
    view! {
        <p class="actions">
            <a class="button primary" href="/templates/new">"Add a template"</a>
            " "
            <a href="/cycles">"Back to cycles"</a>
        </p>
        {loaded(data, Fallback::NONE, move |templates, _| if templates.is_empty() {
            view! {
                <p class="card">"No templates yet. Add the expenses you expect again and again (rent, groceries, a weekly lesson) and new cycles can list them for you."</p>
            }.into_any()
        } else {
            templates_table(templates, toggle).into_any()
        })}
    }
}

fn templates_table(
    templates: Vec<TemplateSummary>,
    toggle: ServerAction<SetTemplateActive>,
) -> impl IntoView {
    view! {
        <Card title="Your templates" id="templates-title">
            <Table class="templates" heads=vec![Head::text("Template"), Head::num("Amount"), Head::text("Category"), Head::text("Payment method"), Head::text("Frequency"), Head::text("Status"), Head::text("Actions")]>
                    {templates.into_iter().map(|t| template_row(t, toggle)).collect_view()}
            </Table>
        </Card>
    }
}

fn template_row(t: TemplateSummary, toggle: ServerAction<SetTemplateActive>) -> AnyView {
    let (status, button, next) = if t.active {
        ("Active", "Deactivate", "false")
    } else {
        ("Inactive", "Activate", "true")
    };
    let id = t.id;
    view! {
        <tr class:inactive=!t.active>
            <th scope="row">
                {t.name}
                {(!t.description.is_empty()).then(|| view! { <br/><span class="hint">{t.description}</span> })}
            </th>
            <td class="num">{t.amount}</td>
            <td>{t.category}</td>
            <td>{t.payment_method.unwrap_or_else(|| "—".to_owned())}</td>
            <td>{t.frequency}</td>
            <td>{status}</td>
            <td>
                <ActionForm action=toggle attr:class="inline">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <input type="hidden" name="active" value=next/>
                    <button type="submit" class="link">{button}</button>
                </ActionForm>
                " · " <a href=format!("/templates/{id}/edit")>"Edit"</a>
                " · " <a href=format!("/templates/{id}/delete")>"Delete"</a>
            </td>
        </tr>
    }
    .into_any()
}
