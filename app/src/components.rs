//! Small building blocks shared by pages: labelled fields with their error messages,
//! and the form-level error summary. Accessible by construction: every input has a label,
//! and an error is tied to its input with `aria-describedby`.

use crate::error::FieldErrors;
use leptos::prelude::*;

/// A labelled input with its hint and error message.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: String,
    errors: Signal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let error = move || errors.read().get(name).map(str::to_owned);
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint}</p> })}
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by
            />
            {move || error().map(|message| view! {
                <p class="error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}

/// A labelled select; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] value: String,
    options: Vec<(String, String)>,
    errors: Signal<FieldErrors>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let error = move || errors.read().get(name).map(str::to_owned);
    let described_by = {
        let error_id = error_id.clone();
        move || error().is_some().then(|| error_id.clone())
    };
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name
                aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=described_by>
                {options.into_iter().map(|(option, text)| {
                    let selected = option == value;
                    view! { <option value=option selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || error().map(|message| view! {
                <p class="error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}

/// The message for the whole form, announced to screen readers when it appears.
#[component]
pub fn FormError(errors: Signal<FieldErrors>) -> impl IntoView {
    view! {
        <div role="alert" class="form-errors">
            {move || {
                let errors = errors.get();
                let whole = errors.get("").map(str::to_owned);
                let fields = errors.0.keys().filter(|k| !k.is_empty()).count();
                whole
                    .or_else(|| (fields > 0).then(|| "Please correct the highlighted fields.".to_owned()))
                    .map(|message| view! { <p class="error">{message}</p> })
            }}
        </div>
    }
}

/// A success message shown after a hydrated form submission.
#[component]
pub fn Saved(#[prop(into)] show: Signal<bool>, message: &'static str) -> impl IntoView {
    view! {
        <div role="status" class="saved">
            {move || show.get().then(|| view! { <p class="flash success">{message}</p> })}
        </div>
    }
}

/// A progress bar: `percent` of a whole (drawn up to 100), with its name and a text
/// value for assistive technology. Drawn as SVG so no inline style is needed (the
/// content security policy refuses style attributes).
#[component]
pub fn ProgressBar(
    #[prop(into)] label: String,
    percent: u16,
    #[prop(into)] value_text: String,
    /// An extra class for the state: "alert", "over" or empty.
    #[prop(optional, into)]
    state: String,
) -> impl IntoView {
    let drawn = percent.min(100);
    view! {
        <div class=format!("bar {state}") role="progressbar" aria-label=label aria-valuemin="0"
            aria-valuemax="100" aria-valuenow=drawn.to_string() aria-valuetext=value_text>
            <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect width=drawn.to_string() height="1"/>
            </svg>
        </div>
    }
}

/// Every currency as a select option (`EUR — Euro`).
pub fn currency_options() -> Vec<(String, String)> {
    florin::currency::ALL
        .iter()
        .map(|c| (c.code.to_owned(), format!("{} — {}", c.code, c.name)))
        .collect()
}

/// A select's (value, label) choices, one for each of `all`, as `choice` names it: for
/// the stored-name enums, `choices(GoalKind::ALL, |k| (k.as_str(), k.label()))`.
pub fn choices<T: Copy>(
    all: impl AsRef<[T]>,
    choice: impl Fn(T) -> (&'static str, &'static str),
) -> Vec<(String, String)> {
    all.as_ref()
        .iter()
        .map(|&item| {
            let (value, label) = choice(item);
            (value.to_owned(), label.to_owned())
        })
        .collect()
}
