//! Saved reports: a definition saved under a name, run again from its link, forgotten
//! with a plain form.

use super::types::SaveReportInput;
use crate::components::{FormError, TextField};
use crate::error::AppError;
use crate::form::{FormFeedback, FormStash};
use leptos::prelude::*;

/// Saves the report's query under a name; the same name again replaces it.
#[server(endpoint = "reports/save")]
pub async fn save_report(#[server(flatten)] input: SaveReportInput) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::ssr::save(&member, &input).await
    }
    .await;
    let page = format!("/reports?{}", input.query);
    finish("report-save", &page, &input, result, |()| {
        Done::new("Report saved.", page.clone())
    })
    .await
}

#[server(endpoint = "reports/forget")]
pub async fn delete_saved_report(id: i64) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    finish("report-forget", "/reports", &(), result, |()| {
        Done::new("Saved report removed.", "/reports")
    })
    .await
}

#[component]
pub fn SaveReport(canonical: String, stash: Option<FormStash>) -> impl IntoView {
    let action = ServerAction::<SaveReport>::new();
    let feedback = FormFeedback::new("report-save", stash, action);
    let errors = feedback.errors();
    let name = feedback.value("name", "");
    view! {
        <section class="card no-print" aria-labelledby="save-title">
            <h2 id="save-title">"Save this report"</h2>
            <ActionForm action>
                <FormError errors/>
                <input type="hidden" name="query" value=canonical/>
                <TextField label="Name" name="name" value=name errors required=true
                    hint="Saving again under the same name replaces it."/>
                <button type="submit">"Save report"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn SavedReports(saved: Vec<(i64, String, String)>, stash: Option<FormStash>) -> impl IntoView {
    let forget = ServerAction::<DeleteSavedReport>::new();
    let errors = FormFeedback::new("report-forget", stash, forget).errors();
    view! {
        <section class="card no-print" aria-labelledby="saved-title">
            <h2 id="saved-title">"Saved reports"</h2>
            <FormError errors/>
            {if saved.is_empty() {
                view! { <p>"None yet. Run a report, then save it under a name to run it again later."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {saved.into_iter().map(|(id, name, href)| view! {
                            <li>
                                <a href=href>{name.clone()}</a>
                                " "
                                <ActionForm action=forget attr:class="inline">
                                    <input type="hidden" name="id" value=id.to_string()/>
                                    <button type="submit" class="link" aria-label=format!("Remove saved report {name}")>"Remove"</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
