//! A table of figures as most debt pages show them: a heading per column, each row led by
//! its own heading, amounts right-aligned.
//!
//! Rule: markup only; the figures arrive formatted.

use leptos::prelude::*;

/// A column's heading, and whether it holds amounts (right-aligned).
#[derive(Clone, Debug)]
pub struct Column {
    pub label: String,
    pub num: bool,
}

impl Column {
    /// A column of text.
    pub fn text(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            num: false,
        }
    }

    /// A column of amounts.
    pub fn num(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            num: true,
        }
    }
}

/// One row: its heading (the first column) and a cell for each further column.
pub type FigureRow = (String, Vec<String>);

/// The table; `class` and `caption` are left out when not given.
#[component]
pub fn FigureTable(
    columns: Vec<Column>,
    rows: Vec<FigureRow>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] caption: Option<&'static str>,
) -> impl IntoView {
    let head = columns
        .iter()
        .map(|c| {
            if c.num {
                view! { <th scope="col" class="num">{c.label.clone()}</th> }.into_any()
            } else {
                view! { <th scope="col">{c.label.clone()}</th> }.into_any()
            }
        })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|(heading, cells)| {
            let cells = cells
                .into_iter()
                .zip(columns.iter().skip(1))
                .map(|(cell, column)| {
                    if column.num {
                        view! { <td class="num">{cell}</td> }.into_any()
                    } else {
                        view! { <td>{cell}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{heading}</th>{cells}</tr> }
        })
        .collect_view();
    let inner = view! {
        {caption.map(|text| view! { <caption>{text}</caption> })}
        <thead><tr>{head}</tr></thead>
        <tbody>{body}</tbody>
    };
    match class {
        Some(class) => view! { <table class=class>{inner}</table> }.into_any(),
        None => view! { <table>{inner}</table> }.into_any(),
    }
}
