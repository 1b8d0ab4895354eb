//! Statement import: upload a CSV file into an account, map its columns, preview every row
//! with its errors and duplicates, then commit all of it or nothing.
//!
//! The upload is a plain multipart form handled by the server (`server/src/imports.rs`);
//! the file waits in `import_batches` until committed. The column mapping lives in the
//! preview page's URL, so changing it is a plain GET that works without JavaScript.
#![expect(
    clippy::too_many_arguments,
    reason = "a server function takes one argument per form field"
)]

use crate::components::FormError;
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

/// Largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Most data rows accepted in one file.
pub const MAX_ROWS: usize = 100_000;
/// Rows shown in the preview table; every row is still checked.
pub const PREVIEW_ROWS: usize = 100;

/// The mapping's fields as the form and the URL carry them: a column index or empty.
pub const MAPPED_FIELDS: [(&str, &str); 9] = [
    ("date", "Date"),
    ("amount", "Amount (signed)"),
    ("debit", "Money out"),
    ("credit", "Money in"),
    ("payee", "Payee or description"),
    ("notes", "Notes"),
    ("category", "Category"),
    ("tags", "Tags"),
    ("external_id", "Bank's transaction id"),
];

/// A column mapping as text, exactly as in the preview page's URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MappingQuery {
    pub date: String,
    pub amount: String,
    pub debit: String,
    pub credit: String,
    pub payee: String,
    pub notes: String,
    pub category: String,
    pub tags: String,
    pub external_id: String,
    pub date_format: String,
    pub decimal_comma: String,
    /// Set when the user submitted the mapping form (an empty field then means "not in
    /// the file" rather than "use the guess").
    pub mapped: String,
}

impl MappingQuery {
    pub fn field(&self, key: &str) -> &str {
        match key {
            "date" => &self.date,
            "amount" => &self.amount,
            "debit" => &self.debit,
            "credit" => &self.credit,
            "payee" => &self.payee,
            "notes" => &self.notes,
            "category" => &self.category,
            "tags" => &self.tags,
            "external_id" => &self.external_id,
            "date_format" => &self.date_format,
            "decimal_comma" => &self.decimal_comma,
            _ => &self.mapped,
        }
    }
}

/// One row of the preview table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviewRow {
    pub line: usize,
    pub date: String,
    pub payee: String,
    pub amount: String,
    pub category: String,
    /// "new", "duplicate" or "error".
    pub status: String,
    pub message: String,
}

/// Everything the preview page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preview {
    pub id: i64,
    pub file_name: String,
    pub account_id: i64,
    pub account_name: String,
    pub currency: String,
    pub committed: bool,
    pub imported: i64,
    pub skipped: i64,
    pub headers: Vec<String>,
    /// The mapping in effect (the URL's, else the guess).
    pub mapping: MappingQuery,
    /// Problems with the mapping itself, by field.
    pub mapping_errors: Vec<(String, String)>,
    pub date_formats: Vec<(String, String)>,
    pub total: usize,
    pub new_rows: usize,
    pub duplicates: usize,
    pub error_count: usize,
    /// The first row errors, as sentences.
    pub errors: Vec<String>,
    pub rows: Vec<PreviewRow>,
}

/// The upload page: the accounts to import into and the recent imports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportStart {
    pub accounts: Vec<(String, String)>,
    pub recent: Vec<RecentImport>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentImport {
    pub id: i64,
    pub file_name: String,
    pub account_name: String,
    pub rows: i64,
    pub status: String,
    pub imported: i64,
    pub skipped: i64,
    pub created: String,
}

#[server(endpoint = "imports")]
pub async fn load_imports() -> Result<ImportStart, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    ssr::start(&member).await
}

#[server(endpoint = "imports/preview")]
pub async fn import_preview(id: i64, mapping: MappingQuery) -> Result<Preview, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    ssr::preview(&member, id, &mapping)
        .await
        .inspect_err(crate::session::set_status)
}

/// Imports every row of the batch that is not a duplicate, or nothing when any row has an
/// error.
#[server(endpoint = "imports/commit")]
pub async fn commit_import(
    id: i64,
    #[server(default)] date: String,
    #[server(default)] amount: String,
    #[server(default)] debit: String,
    #[server(default)] credit: String,
    #[server(default)] payee: String,
    #[server(default)] notes: String,
    #[server(default)] category: String,
    #[server(default)] tags: String,
    #[server(default)] external_id: String,
    #[server(default)] date_format: String,
    #[server(default)] decimal_comma: String,
) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    let mapping = MappingQuery {
        date,
        amount,
        debit,
        credit,
        payee,
        notes,
        category,
        tags,
        external_id,
        date_format,
        decimal_comma,
        mapped: "1".into(),
    };
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        ssr::commit(&member, id, &mapping).await
    }
    .await;
    match result {
        Ok(done) => {
            let session = session::session().await?;
            let message = match done.skipped {
                0 => format!("Imported {} transactions.", done.imported),
                1 => format!(
                    "Imported {} transactions; skipped 1 already in the account.",
                    done.imported
                ),
                n => format!(
                    "Imported {} transactions; skipped {n} already in the account.",
                    done.imported
                ),
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect(&format!("/transactions?account={}", done.account_id));
            Ok(())
        }
        Err(error) => Err(session::fail_form("import", &format!("/import/{id}"), &[], error).await),
    }
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_imports());
    view! {
        <Title text="Import a statement"/>
        <h1>"Import a statement"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(start) => view! { <UploadForm start/> }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
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
        {(!recent.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="recent-imports">
                <h2 id="recent-imports">"Recent imports"</h2>
                <table>
                    <thead><tr><th scope="col">"File"</th><th scope="col">"Account"</th><th scope="col" class="num">"Rows"</th><th scope="col">"Status"</th><th scope="col">"Uploaded"</th></tr></thead>
                    <tbody>
                        {recent.into_iter().map(|r| {
                            let status = if r.status == "committed" {
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
            </section>
        })}
    }
    .into_any()
}

#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let mapping = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        MappingQuery {
            date: get("date"),
            amount: get("amount"),
            debit: get("debit"),
            credit: get("credit"),
            payee: get("payee"),
            notes: get("notes"),
            category: get("category"),
            tags: get("tags"),
            external_id: get("external_id"),
            date_format: get("date_format"),
            decimal_comma: get("decimal_comma"),
            mapped: get("mapped"),
        }
    };
    let data = Resource::new(
        move || (id(), mapping()),
        |(id, mapping)| import_preview(id, mapping),
    );
    view! {
        <Title text="Review the import"/>
        <h1>"Review the import"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(preview) => view! { <PreviewView preview/> }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
    }
}

#[component]
fn PreviewView(preview: Preview) -> impl IntoView {
    let summary = if preview.committed {
        format!(
            "{} into {}: imported {} transactions, skipped {} already in the account.",
            preview.file_name, preview.account_name, preview.imported, preview.skipped
        )
    } else {
        format!(
            "{} into {} ({}): {} rows — {} new, {} already in the account, {} with errors.",
            preview.file_name,
            preview.account_name,
            preview.currency,
            preview.total,
            preview.new_rows,
            preview.duplicates,
            preview.error_count
        )
    };
    let committed = preview.committed;
    view! {
        <p class="lead">{summary}</p>
        {(!committed).then(|| view! { <MappingForm preview=preview.clone()/> }.into_any())}
        {(!committed).then(|| view! { <CommitForm preview=preview.clone()/> }.into_any())}
        {(!preview.errors.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="row-errors">
                <h2 id="row-errors">"Rows with errors"</h2>
                <ul class="errors">
                    {preview.errors.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}
                </ul>
                {(preview.error_count > preview.errors.len()).then(|| view! {
                    <p>{format!("… and {} more.", preview.error_count - preview.errors.len())}</p>
                })}
            </section>
        }.into_any())}
        {(!committed).then(|| view! { <PreviewTable rows=preview.rows.clone() total=preview.total/> }.into_any())}
        <p><a href="/import">"Back to imports"</a></p>
    }
}

#[component]
fn MappingForm(preview: Preview) -> impl IntoView {
    let columns: Vec<(String, String)> =
        std::iter::once((String::new(), "— not in the file —".to_owned()))
            .chain(
                preview
                    .headers
                    .iter()
                    .enumerate()
                    .map(|(i, h)| (i.to_string(), h.clone())),
            )
            .collect();
    let mapping = preview.mapping.clone();
    let error_of = {
        let errors = preview.mapping_errors.clone();
        move |field: &str| {
            errors
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, m)| m.clone())
        }
    };
    view! {
        <details class="card" open=!preview.mapping_errors.is_empty()>
            <summary>"Columns"</summary>
            <form method="get" action=format!("/import/{}", preview.id) class="mapping">
                <input type="hidden" name="mapped" value="1"/>
                <div class="row wrap">
                    {MAPPED_FIELDS.iter().map(|(key, label)| {
                        let id = format!("map-{key}");
                        let chosen = mapping.field(key).to_owned();
                        let error = error_of(key);
                        let has_error = error.is_some();
                        let error_id = format!("{id}-error");
                        view! {
                            <div class="field" class:has-error=has_error>
                                <label for=id.clone()>{*label}</label>
                                <select id=id name=*key aria-invalid=has_error.then_some("true")
                                    aria-describedby=has_error.then(|| error_id.clone())>
                                    {columns.iter().map(|(value, text)| view! {
                                        <option value=value.clone() selected=*value == chosen>{text.clone()}</option>
                                    }).collect_view()}
                                </select>
                                {error.map(|m| view! { <p class="error" id=error_id>{m}</p> })}
                            </div>
                        }
                    }).collect_view()}
                    <div class="field">
                        <label for="map-date_format">"Dates are written"</label>
                        <select id="map-date_format" name="date_format">
                            {preview.date_formats.iter().map(|(value, text)| view! {
                                <option value=value.clone() selected=*value == mapping.date_format>{text.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field checkbox">
                        <input id="map-decimal_comma" type="checkbox" name="decimal_comma" value="on" checked=mapping.decimal_comma == "on"/>
                        <label for="map-decimal_comma">"Amounts use a decimal comma (1.234,56)"</label>
                    </div>
                </div>
                <button type="submit">"Preview with these columns"</button>
            </form>
        </details>
    }
}

#[component]
fn CommitForm(preview: Preview) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<CommitImport>::new();
    let mapping = preview.mapping.clone();
    let ready =
        preview.error_count == 0 && preview.mapping_errors.is_empty() && preview.new_rows > 0;
    let label = match preview.new_rows {
        1 => "Import 1 transaction".to_owned(),
        n => format!("Import {n} transactions"),
    };
    view! {
        <Suspense>
            {move || {
                let mapping = mapping.clone();
                let label = label.clone();
                let preview = preview.clone();
                Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("import", stash, action);
                    let errors = feedback.errors();
                    view! {
                        <ActionForm action=action attr:class="card">
                            <FormError errors/>
                            <input type="hidden" name="id" value=preview.id/>
                            {MAPPED_FIELDS.iter().map(|(key, _)| view! {
                                <input type="hidden" name=*key value=mapping.field(key).to_owned()/>
                            }).collect_view()}
                            <input type="hidden" name="date_format" value=mapping.date_format.clone()/>
                            <input type="hidden" name="decimal_comma" value=mapping.decimal_comma.clone()/>
                            {if ready {
                                view! {
                                    <p>"Rows already in the account (same bank id, or same date, amount and payee) are skipped."</p>
                                    <button type="submit" class="primary">{label}</button>
                                }.into_any()
                            } else if preview.error_count > 0 || !preview.mapping_errors.is_empty() {
                                view! {
                                    <p>"Nothing can be imported until every row reads correctly: fix the columns above or the file, then upload it again."</p>
                                }.into_any()
                            } else {
                                view! { <p>"Every row of this file is already in the account."</p> }.into_any()
                            }}
                        </ActionForm>
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn PreviewTable(rows: Vec<PreviewRow>, total: usize) -> impl IntoView {
    let shown = rows.len();
    view! {
        <section aria-labelledby="preview-title">
            <h2 id="preview-title">"Rows"</h2>
            {(shown < total).then(|| view! { <p>{format!("The first {shown} of {total} rows; all are checked.")}</p> })}
            <table class="transactions preview">
                <thead>
                    <tr>
                        <th scope="col" class="num">"Line"</th>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Payee"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col" class="num">"Amount"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let status = match r.status.as_str() {
                            "new" => "New".to_owned(),
                            "duplicate" => "Already in the account".to_owned(),
                            _ => format!("Error: {}", r.message),
                        };
                        view! {
                            <tr class=format!("import-{}", r.status)>
                                <td class="num">{r.line}</td>
                                <td>{r.date}</td>
                                <td>{r.payee}</td>
                                <td>{r.category}</td>
                                <td class="num">{r.amount}</td>
                                <td>{status}</td>
                            </tr>
                        }.into_any()
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn ImportRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/import") view=ImportPage ssr=SsrMode::Async/>
        <Route path=path!("/import/:id") view=ImportPreviewPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
