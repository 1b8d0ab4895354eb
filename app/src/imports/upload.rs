//! The upload page: a plain multipart form (handled by `server/src/imports.rs`, not a
//! server function) and the organisation's recent imports.

use super::types::{ImportStart, RecentImport};
use crate::error::AppError;
use crate::pages::{Card, Fallback, Page, loaded};
use florin::import_review::BatchStatus;
use leptos::prelude::*;

#[server(endpoint = "imports")]
pub async fn load_imports() -> Result<ImportStart, AppError> {
    crate::orgs::reading(async |m| super::ssr::start(m).await).await
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_imports());
    view! {
        <Page title="Import a statement">
            {loaded(data, Fallback::NONE, move |start, _| view! { <UploadForm start/> }.into_any())}
        </Page>
    }
}

#[component]
fn UploadForm(start: ImportStart) -> impl IntoView {
    if start.accounts.is_empty() {
        return view! {
            <p>"Add an account first: imported transactions go into one."</p>
            <p><a class="button primary" href="/accounts">"Add an account"</a></p>
        }
        .into_any();
    }
    let recent = start.recent;
    view! {
        <form class="card" method="post" action="/import/upload" enctype="multipart/form-data">
            <p>"A CSV file from your bank or another app, with a header line. You choose which column is which on the next page, and see every row before anything is saved."</p>
            <div class="field">
                <label for="import-account">"Into account"</label>
                <select id="import-account" name="account_id">
                    {start.accounts.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="import-file">"CSV file"</label>
                <p class="hint" id="import-file-hint">"At most 5 MB and 100,000 rows."</p>
                <input id="import-file" type="file" name="file" accept=".csv,text/csv,text/plain" required=true aria-describedby="import-file-hint"/>
            </div>
            <button type="submit" class="primary">"Upload and preview"</button>
        </form>
        {(!recent.is_empty()).then(|| view! { <RecentImports recent/> })}
    }
    .into_any()
}

#[component]
fn RecentImports(recent: Vec<RecentImport>) -> impl IntoView {
    view! {
        <Card title="Recent imports" id="recent-imports">
            <table>
                <thead><tr><th scope="col">"File"</th><th scope="col">"Account"</th><th scope="col" class="num">"Rows"</th><th scope="col">"Status"</th><th scope="col">"Uploaded"</th></tr></thead>
                <tbody>
                    {recent.into_iter().map(|r| {
                        let status = if BatchStatus::parse(&r.status) == Some(BatchStatus::Committed) {
                            format!("Imported {}, skipped {}", r.imported, r.skipped)
                        } else {
                            "Waiting for review".to_owned()
                        };
                        view! {
                            <tr>
                                <td><a href=format!("/import/{}", r.id)>{r.file_name}</a></td>
                                <td>{r.account_name}</td>
                                <td class="num">{r.rows}</td>
                                <td>{status}</td>
                                <td>{r.created}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </Card>
    }
}
