//! The preview page of an uploaded file: the column mapping (in the URL, so changing it
//! is a plain GET), every row's fate with the first errors, and the commit form.

use super::commit::CommitForm;
use super::types::{MAPPED_FIELDS, MappingQuery, Preview, PreviewRow};
use crate::error::AppError;
use crate::pages::{Card, Fallback, Head, Page, Table, loaded};
use florin::import_review::RowStatus;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "imports/preview")]
pub async fn import_preview(id: i64, mapping: MappingQuery) -> Result<Preview, AppError> {
    crate::orgs::reading(async |m| super::ssr::preview(m, id, &mapping).await).await
}

fn mapping_from_url() -> impl Fn() -> MappingQuery + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move || {
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
    }
}

#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let id = crate::url::id_param();
    let mapping = mapping_from_url();
    let data = Resource::new(
        move || (id(), mapping()),
        |(id, mapping)| import_preview(id, mapping),
    );
    view! {
        <Page title="Review the import">
            {loaded(data, Fallback::NONE, move |preview, _| view! { <PreviewView preview/> }.into_any())}
        </Page>
    }
}

fn summary(preview: &Preview) -> String {
    if preview.committed {
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
    }
}

#[component]
fn PreviewView(preview: Preview) -> impl IntoView {
    let committed = preview.committed;
    view! {
        <p class="lead">{summary(&preview)}</p>
        {(!committed).then(|| view! { <MappingForm preview=preview.clone()/> }.into_any())}
        {(!committed).then(|| view! { <CommitForm preview=preview.clone()/> }.into_any())}
        {(!preview.errors.is_empty()).then(|| view! {
            <RowErrors errors=preview.errors.clone() count=preview.error_count/>
        }.into_any())}
        {(!committed).then(|| view! { <PreviewTable rows=preview.rows.clone() total=preview.total/> }.into_any())}
        <p><a href="/import">"Back to imports"</a></p>
    }
}

#[component]
fn RowErrors(errors: Vec<String>, count: usize) -> impl IntoView {
    let more = count.saturating_sub(errors.len());
    view! {
        <Card title="Rows with errors" id="row-errors">
            <ul class="errors">
                {errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p>{format!("… and {more} more.")}</p> })}
        </Card>
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
    let errors = preview.mapping_errors.clone();
    view! {
        <details class="card" open=!preview.mapping_errors.is_empty()>
            <summary>"Columns"</summary>
            <form method="get" action=format!("/import/{}", preview.id) class="mapping">
                <input type="hidden" name="mapped" value="1"/>
                <div class="row wrap">
                    {MAPPED_FIELDS.iter().map(|(key, label)| {
                        let error = errors.iter().find(|(f, _)| f == key).map(|(_, m)| m.clone());
                        let chosen = mapping.field(key).to_owned();
                        view! { <ColumnField field=key label chosen error columns=columns.clone()/> }
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

/// The column one mapped field is read from, with its error.
#[component]
fn ColumnField(
    field: &'static str,
    label: &'static str,
    chosen: String,
    error: Option<String>,
    columns: Vec<(String, String)>,
) -> impl IntoView {
    let id = format!("map-{field}");
    let has_error = error.is_some();
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}</label>
            <select id=id name=field aria-invalid=has_error.then_some("true")
                aria-describedby=has_error.then(|| error_id.clone())>
                {columns.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            {error.map(|m| view! { <p class="error" id=error_id>{m}</p> })}
        </div>
    }
}

#[component]
fn PreviewTable(rows: Vec<PreviewRow>, total: usize) -> impl IntoView {
    let shown = rows.len();
    view! {
        <section aria-labelledby="preview-title">
            <h2 id="preview-title">"Rows"</h2>
            {(shown < total).then(|| view! { <p>{format!("The first {shown} of {total} rows; all are checked.")}</p> })}
            <Table class="transactions preview" heads=vec![Head::num("Line"), Head::text("Date"), Head::text("Payee"), Head::text("Category"), Head::num("Amount"), Head::text("Status")]>
                    {rows.into_iter().map(|r| {
                        let status = match RowStatus::parse(&r.status) {
                            Some(RowStatus::New) => RowStatus::New.label().to_owned(),
                            Some(RowStatus::Duplicate) => RowStatus::Duplicate.label().to_owned(),
                            _ => format!("{}: {}", RowStatus::Error.label(), r.message),
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
            </Table>
        </section>
    }
}
