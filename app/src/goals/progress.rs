//! The progress bar of a goal, shared by the list and the goal's own page. Rule: it shows
//! figures already formatted by the server and computes nothing.

use leptos::prelude::*;

/// The progress bar and its text.
#[component]
pub fn GoalProgressBar(percent: u8, saved: String, target: String) -> impl IntoView {
    let text = format!("{percent}\u{a0}% saved: {saved} of {target}");
    view! {
        <div class="goal-progress">
            <progress max="100" value=percent.to_string() aria-label=text.clone()>{format!("{percent}\u{a0}%")}</progress>
            " "
            <span>{text}</span>
        </div>
    }
}
