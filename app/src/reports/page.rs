//! The reports page: the report's parameters from the address (a GET form), the
//! results, and the forms that save and forget definitions.

use super::results::{ReportResults, SummaryResults};
use super::saved::{SaveReport, SavedReports};
use super::types::{ReportQuery, ReportView};
use crate::components::{FormError, SelectField, TextField};
use crate::context::use_shell;
use crate::error::{AppError, FieldErrors};
use crate::form::FormStash;
use crate::pages::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "reports/run")]
pub async fn run_report(query: ReportQuery) -> Result<ReportView, AppError> {
    crate::orgs::reading(async |m| super::ssr::report(m, &query).await).await
}

/// The report's parameters as the address gives them.
fn query_from_url() -> impl Fn() -> ReportQuery + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
        let q = query.read();
        ReportQuery {
            group: q.get("group").unwrap_or_default(),
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
        }
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let data = Resource::new(query_from_url(), run_report);
    let shell = use_shell();
    view! {
        <Page title="Reports">
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    // One suspense for the report and the form stash: the forms below
                    // need no suspense of their own.
                    let stash = shell.await.ok().and_then(|s| s.form);
                    match data.await {
                        Ok(report) => view! { <ReportBody report stash/> }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </Page>
    }
}

#[component]
fn ReportBody(report: ReportView, stash: Option<FormStash>) -> impl IntoView {
    let errors = Signal::derive({
        let mut fields = FieldErrors::new();
        for (name, message) in &report.errors {
            fields.add(name, message.clone());
        }
        move || fields.clone()
    });
    let groups: Vec<(String, String)> = florin::report::Grouping::ALL
        .iter()
        .map(|g| {
            let label = format!("Income and spending by {}", g.label().to_lowercase());
            (g.as_str().to_owned(), label)
        })
        .chain([
            ("goals".to_owned(), "Goals summary".to_owned()),
            ("debts".to_owned(), "Debts summary".to_owned()),
        ])
        .collect();
    let q = report.query.clone();
    let form = view! {
        <form method="get" action="/reports" class="card" aria-label="Report">
            <FormError errors/>
            <div class="row">
                <SelectField label="Report type" name="group" value=if q.group.is_empty() { "category".to_owned() } else { q.group.clone() } options=groups errors/>
                <TextField label="From" name="from" value=q.from.clone() errors kind="date" hint="Blank: the first of January."/>
                <TextField label="To" name="to" value=q.to errors kind="date" hint="Blank: today."/>
            </div>
            <p class="hint">"The goals and debts summaries show each one as it stands today; they need no range."</p>
            <button type="submit" class="primary">"Show report"</button>
        </form>
    }
    .into_any();
    let saved = view! { <SavedReports saved=report.saved.clone() stash=stash.clone()/> }.into_any();
    if !report.errors.is_empty() {
        return view! { {form} {saved} }.into_any();
    }
    let results = match report.summary.clone() {
        Some(table) => {
            view! { <SummaryResults table canonical=report.canonical.clone()/> }.into_any()
        }
        None => view! { <ReportResults report=report.clone()/> }.into_any(),
    };
    let save = view! { <SaveReport canonical=report.canonical stash/> }.into_any();
    view! { {form} {results} {save} {saved} }.into_any()
}
