//! Reports: income and spending over a chosen range, grouped by month, category, tag,
//! account or payee, in the base currency, as a chart and a table whose rows link to the
//! matching transactions. The parameters live in the URL (a GET form), so a report works
//! without JavaScript, can be bookmarked, saved by name, downloaded as CSV
//! (`/reports/export.csv?…`) and printed (the print stylesheet drops the navigation and
//! forms).

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::{AppError, FieldErrors};
use crate::form::{FormFeedback, FormStash};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod summary;

/// The report's parameters exactly as in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    pub group: String,
    pub from: String,
    pub to: String,
}

impl ReportQuery {
    fn from_url() -> impl Fn() -> Self + Copy + Send + Sync + 'static {
        let query = use_query_map();
        move || {
            let q = query.read();
            Self {
                group: q.get("group").unwrap_or_default(),
                from: q.get("from").unwrap_or_default(),
                to: q.get("to").unwrap_or_default(),
            }
        }
    }
}

/// One group of the report, formatted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub label: String,
    pub income: String,
    pub spending: String,
    pub net: String,
    pub negative: bool,
    /// The transactions behind the figures.
    pub link: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub query: ReportQuery,
    pub errors: Vec<(String, String)>,
    pub base_currency: String,
    pub grouping_label: String,
    /// "2026-01-01 to 2026-11-22".
    pub range: String,
    /// The validated parameters as a query string (for CSV and saving).
    pub canonical: String,
    pub rows: Vec<ReportRow>,
    pub total: ReportRow,
    pub missing_rates: Vec<String>,
    /// The chart's SVG (empty without rows).
    pub chart: String,
    /// Saved definitions: (id, name, address).
    pub saved: Vec<(i64, String, String)>,
    /// For the goals and debts summaries, the table shown instead of income and spending.
    pub summary: Option<SummaryTable>,
}

/// A summary report: one row per record, linked to it, then totals per currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryTable {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<SummaryLine>,
    pub totals: Vec<SummaryLine>,
    /// Shown instead of the table when there are no rows.
    pub empty: String,
    pub note: String,
}

/// One row of a summary: its cells, the first being its label, linked to `link` when
/// not empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLine {
    pub link: String,
    pub cells: Vec<String>,
}

#[server(endpoint = "reports/run")]
pub async fn run_report(query: ReportQuery) -> Result<ReportView, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    ssr::report(&member, &query).await
}

#[server(endpoint = "reports/save")]
pub async fn save_report(name: String, query: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    let page = format!("/reports?{query}");
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let name = name.trim();
        let mut errors = FieldErrors::new();
        if name.is_empty() {
            errors.add("name", "Enter a name for this report.");
        } else if name.chars().count() > 80 {
            errors.add("name", "Use at most 80 characters.");
        }
        errors.into_result()?;
        // Only a query the report accepts is stored, rebuilt from its parsed parameters.
        let parsed: ReportQuery = serde_urlencoded_query(&query);
        let today = time::OffsetDateTime::now_utc().date();
        let canonical = ssr::canonical(&parsed, today).map_err(AppError::Invalid)?;
        repo::save(member.db(), &member.scope, name, &canonical).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Report saved.").await?;
            leptos_axum::redirect(&page);
            Ok(())
        }
        Err(error) => {
            Err(session::fail_form("report-save", &page, &[("name", name.as_str())], error).await)
        }
    }
}

/// Reads `group`, `from` and `to` from a query string.
#[cfg(feature = "ssr")]
fn serde_urlencoded_query(raw: &str) -> ReportQuery {
    let mut query = ReportQuery::default();
    for pair in raw.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = value.to_owned();
        match key {
            "group" => query.group = value,
            "from" => query.from = value,
            "to" => query.to = value,
            _ => {}
        }
    }
    query
}

#[server(endpoint = "reports/forget")]
pub async fn delete_saved_report(id: i64) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    match result {
        Ok(()) => {
            let session = session::session().await?;
            session::flash(&session, FlashKind::Success, "Saved report removed.").await?;
            leptos_axum::redirect("/reports");
            Ok(())
        }
        Err(error) => Err(session::fail_form("report-forget", "/reports", &[], error).await),
    }
}

#[component]
pub fn ReportsPage() -> impl IntoView {
    let inputs = ReportQuery::from_url();
    let data = Resource::new(inputs, run_report);
    let shell = use_shell();
    view! {
        <Title text="Reports"/>
        <h1>"Reports"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    // One suspense for the report and the form stash: the forms below
                    // need no suspense of their own.
                    let stash = shell.await.ok().and_then(|s| s.form);
                    match data.await {
                        Ok(report) => view! { <ReportBody report stash/> }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
    }
}

#[component]
fn ReportBody(report: ReportView, stash: Option<FormStash>) -> impl IntoView {
    let errors = Signal::derive({
        let mut fields = FieldErrors::new();
        for (name, message) in &report.errors {
            fields.add(name, message.clone());
        }
        move || fields.clone()
    });
    let groups: Vec<(String, String)> = florin::report::Grouping::ALL
        .iter()
        .map(|g| {
            let label = format!("Income and spending by {}", g.label().to_lowercase());
            (g.as_str().to_owned(), label)
        })
        .chain([
            ("goals".to_owned(), "Goals summary".to_owned()),
            ("debts".to_owned(), "Debts summary".to_owned()),
        ])
        .collect();
    let q = report.query.clone();
    let form = view! {
        <form method="get" action="/reports" class="card" aria-label="Report">
            <FormError errors/>
            <div class="row">
                <SelectField label="Report type" name="group" value=if q.group.is_empty() { "category".to_owned() } else { q.group.clone() } options=groups errors/>
                <TextField label="From" name="from" value=q.from.clone() errors kind="date" hint="Blank: the first of January."/>
                <TextField label="To" name="to" value=q.to errors kind="date" hint="Blank: today."/>
            </div>
            <p class="hint">"The goals and debts summaries show each one as it stands today; they need no range."</p>
            <button type="submit" class="primary">"Show report"</button>
        </form>
    }
    .into_any();
    let saved = view! { <SavedReports saved=report.saved.clone() stash=stash.clone()/> }.into_any();
    if !report.errors.is_empty() {
        return view! { {form} {saved} }.into_any();
    }
    let results = match report.summary.clone() {
        Some(table) => {
            view! { <SummaryResults table canonical=report.canonical.clone()/> }.into_any()
        }
        None => view! { <ReportResults report=report.clone()/> }.into_any(),
    };
    let save = view! { <SaveReport canonical=report.canonical stash/> }.into_any();
    view! { {form} {results} {save} {saved} }.into_any()
}

#[component]
fn ReportResults(report: ReportView) -> impl IntoView {
    let title = format!(
        "Income and spending by {}, {} ({})",
        report.grouping_label.to_lowercase(),
        report.range,
        report.base_currency
    );
    let missing = (!report.missing_rates.is_empty()).then(|| {
        view! {
            <p class="hint" role="note">
                {format!(
                    "Left out for want of an exchange rate into {}: {}. ",
                    report.base_currency,
                    report.missing_rates.join(", ")
                )}
                <a href="/rates">"Add rates"</a>
            </p>
        }
    });
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
fn SummaryResults(table: SummaryTable, canonical: String) -> impl IntoView {
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

#[component]
fn SaveReport(canonical: String, stash: Option<FormStash>) -> impl IntoView {
    let action = ServerAction::<SaveReport>::new();
    let feedback = FormFeedback::new("report-save", stash, action);
    let errors = feedback.errors();
    let name = feedback.value("name", "");
    view! {
        <section class="card no-print" aria-labelledby="save-title">
            <h2 id="save-title">"Save this report"</h2>
            <ActionForm action>
                <FormError errors/>
                <input type="hidden" name="query" value=canonical/>
                <TextField label="Name" name="name" value=name errors required=true
                    hint="Saving again under the same name replaces it."/>
                <button type="submit">"Save report"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn SavedReports(saved: Vec<(i64, String, String)>, stash: Option<FormStash>) -> impl IntoView {
    let forget = ServerAction::<DeleteSavedReport>::new();
    let errors = FormFeedback::new("report-forget", stash, forget).errors();
    view! {
        <section class="card no-print" aria-labelledby="saved-title">
            <h2 id="saved-title">"Saved reports"</h2>
            <FormError errors/>
            {if saved.is_empty() {
                view! { <p>"None yet. Run a report, then save it under a name to run it again later."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {saved.into_iter().map(|(id, name, href)| view! {
                            <li>
                                <a href=href>{name.clone()}</a>
                                " "
                                <ActionForm action=forget attr:class="inline">
                                    <input type="hidden" name="id" value=id.to_string()/>
                                    <button type="submit" class="link" aria-label=format!("Remove saved report {name}")>"Remove"</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn ReportRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/reports") view=ReportsPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
