//! Importing exchange rates from CSV text: every line valid or nothing written.

use super::types::RateImportInput;
use crate::components::FormError;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use leptos::prelude::*;

/// Imports `date,base,quote,rate` lines: every line valid or nothing written.
#[server(endpoint = "rates/import")]
pub async fn import_rates(#[server(flatten)] input: RateImportInput) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::ssr::import(&member, &input).await
    }
    .await;
    let imported = finish("rate-import", "/rates", &input, result, |saved| {
        let total = saved.added + saved.updated;
        let noun = if total == 1 { "rate" } else { "rates" };
        let message = format!(
            "Imported {total} {noun}: {} added, {} updated.",
            saved.added, saved.updated
        );
        Done::new(message, "/rates")
    });
    imported.await.map(|_| ())
}

#[component]
pub fn ImportForm(action: ServerAction<ImportRates>, feedback: FormFeedback) -> impl IntoView {
    let errors = feedback.errors();
    let value = feedback.value("csv", "");
    let error = move || errors.read().get("csv").map(str::to_owned);
    view! {
        <Card title="Import from CSV" id="import-rates-title">
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <div class="field" class:has-error=move || error().is_some()>
                    <label for="field-csv">"Rates, one per line"</label>
                    <p class="hint" id="field-csv-hint">
                        "Lines of date,from,to,rate — for example 2026-01-31,EUR,USD,1.0845. A header line is optional. If any line is wrong, nothing is imported; rates for a date and pair already stored are replaced."
                    </p>
                    <textarea id="field-csv" name="csv" rows="8" spellcheck="false"
                        aria-invalid=move || error().is_some().then_some("true")
                        aria-describedby=move || if error().is_some() { "field-csv-hint field-csv-error" } else { "field-csv-hint" }
                    >{value}</textarea>
                    {move || error().map(|message| view! {
                        <ul class="error" id="field-csv-error" role="alert">
                            {message.lines().map(|line| view! { <li>{line.to_owned()}</li> }).collect_view()}
                        </ul>
                    })}
                </div>
                <button type="submit" class="primary" disabled=move || action.pending().get()>"Import rates"</button>
            </ActionForm>
        </Card>
    }
}
