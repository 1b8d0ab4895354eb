//! The note under figures converted into the base currency that names what was left out
//! for want of an exchange rate; the reports and the dashboard both show it.

use leptos::prelude::*;

/// Nothing when every amount could be converted; else which currencies were left out,
/// with a link to add their rates.
#[component]
pub fn MissingRates(base_currency: String, missing: Vec<String>) -> impl IntoView {
    (!missing.is_empty()).then(|| {
        view! {
            <p class="hint" role="note">
                {format!(
                    "Left out for want of an exchange rate into {base_currency}: {}. ",
                    missing.join(", ")
                )}
                <a href="/rates">"Add rates"</a>
            </p>
        }
    })
}
