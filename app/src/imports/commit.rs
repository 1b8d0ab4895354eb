//! Committing an import from its preview page: every new row of the batch, or nothing
//! when any row has an error.

use super::types::{MAPPED_FIELDS, MappingQuery, Preview};
use crate::components::FormError;
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;

/// Imports every row of the batch that is not a duplicate, or nothing when any row has an
/// error. The mapping comes as the preview shows it.
#[server(endpoint = "imports/commit")]
pub async fn commit_import(
    id: i64,
    #[server(flatten)] mapping: MappingQuery,
) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};
    let mapping = MappingQuery {
        mapped: "1".into(),
        ..mapping
    };
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::ssr::commit(&member, id, &mapping).await
    }
    .await;
    let page = format!("/import/{id}");
    let committed = finish("import", &page, &(), result, |done| {
        let to = format!("/transactions?account={}", done.account_id);
        Done::new(done.message(), to)
    });
    committed.await.map(|_| ())
}

/// The commit button with the mapping in hidden fields, or why nothing can be imported.
#[component]
pub fn CommitForm(preview: Preview) -> impl IntoView {
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
                            {commit_body(ready, &preview, label)}
                        </ActionForm>
                    }
                })
            }}
        </Suspense>
    }
}

fn commit_body(ready: bool, preview: &Preview, label: String) -> AnyView {
    if ready {
        view! {
            <p>"Rows already in the account (same bank id, or same date, amount and payee) are skipped."</p>
            <button type="submit" class="primary">{label}</button>
        }
        .into_any()
    } else if preview.error_count > 0 || !preview.mapping_errors.is_empty() {
        view! {
            <p>"Nothing can be imported until every row reads correctly: fix the columns above or the file, then upload it again."</p>
        }
        .into_any()
    } else {
        view! { <p>"Every row of this file is already in the account."</p> }.into_any()
    }
}
