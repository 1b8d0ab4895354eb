//! A report's results: income and spending by group as a chart and a table, or a
//! summary's table; each with its CSV download.

use super::missing_rates::MissingRates;
use super::types::{ReportView, SummaryLine, SummaryTable};
use leptos::prelude::*;

#[component]
pub fn ReportResults(report: ReportView) -> impl IntoView {
    let title = format!(
        "Income and spending by {}, {} ({})",
        report.grouping_label.to_lowercase(),
        report.range,
        report.base_currency
    );
    let missing = view! {
        <MissingRates base_currency=report.base_currency.clone() missing=report.missing_rates.clone()/>
    };
    let body = if report.rows.is_empty() {
        view! { <p>"No income or spending in this range."</p> }.into_any()
    } else {
        let chart = (!report.chart.is_empty()).then(|| view! {
            <figure>
                <div class="chart" inner_html=report.chart.clone() aria-hidden="true"></div>
                <figcaption>"The same figures as the table below, as bars (the twelve largest groups)."</figcaption>
            </figure>
        });
        view! {
            {chart}
            <table class="report">
                <caption>{title.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{report.grouping_label.clone()}</th>
                        <th scope="col" class="num">"Income"</th>
                        <th scope="col" class="num">"Spending"</th>
                        <th scope="col" class="num">"Net"</th>
                    </tr>
                </thead>
                <tbody>
                    {report.rows.clone().into_iter().map(|r| view! {
                        <tr>
                            <th scope="row"><a href=r.link.clone()>{r.label}</a></th>
                            <td class="num">{r.income}</td>
                            <td class="num">{r.spending}</td>
                            <td class="num" class:negative=r.negative>{r.net}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row"><a href=report.total.link.clone()>"Total"</a></th>
                        <td class="num">{report.total.income.clone()}</td>
                        <td class="num">{report.total.spending.clone()}</td>
                        <td class="num" class:negative=report.total.negative>{report.total.net.clone()}</td>
                    </tr>
                </tfoot>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="report-title">
            <h2 id="report-title">{title}</h2>
            <p class="hint">"Transfers between accounts are neither income nor spending. By tag, a transaction with two tags counts under both."</p>
            {missing}
            {body}
            <p class="actions">
                <a class="button" href=format!("/reports/export.csv?{}", report.canonical) download="">"Download CSV"</a>
            </p>
        </section>
    }
}

#[component]
pub fn SummaryResults(table: SummaryTable, canonical: String) -> impl IntoView {
    let body = if table.rows.is_empty() {
        view! { <p>{table.empty.clone()}</p> }.into_any()
    } else {
        let cells = |line: SummaryLine| {
            let mut cells = line.cells.into_iter();
            let label = cells.next().unwrap_or_default();
            let head = if line.link.is_empty() {
                view! { <th scope="row">{label}</th> }.into_any()
            } else {
                view! { <th scope="row"><a href=line.link>{label}</a></th> }.into_any()
            };
            view! { {head} {cells.map(|c| view! { <td>{c}</td> }).collect_view()} }
        };
        view! {
            <table class="report summary">
                <caption>{table.title.clone()}</caption>
                <thead>
                    <tr>{table.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {table.rows.into_iter().map(|l| view! { <tr>{cells(l)}</tr> }).collect_view()}
                </tbody>
                <tfoot>
                    {table.totals.into_iter().map(|l| view! { <tr>{cells(l)}</tr> }).collect_view()}
                </tfoot>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="report-title">
            <h2 id="report-title">{table.title.clone()}</h2>
            <p class="hint">{table.note}</p>
            {body}
            <p class="actions">
                <a class="button" href=format!("/reports/export.csv?{canonical}") download="">"Download CSV"</a>
            </p>
        </section>
    }
}
