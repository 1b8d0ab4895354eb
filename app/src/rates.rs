//! Exchange rates by date and currency pair, per organisation: a list with a date and
//! currency filter, one rate added by hand, many imported from CSV (all or nothing), and
//! deletion behind a confirmation page. Rates are exact decimals (`florin::fx::Rate`).

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::{AppError, FieldErrors};
use crate::form::FormFeedback;
pub use crate::form::{format_date, parse_date};
use florin::fx::Rate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
use time::Date;

#[cfg(feature = "ssr")]
pub mod repo;

/// How many rates the list shows; narrower dates reach older ones.
pub const LIST_LIMIT: usize = 200;

/// How many lines one CSV import may hold.
pub const CSV_MAX_ROWS: usize = 5_000;

/// One rate as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateView {
    pub id: i64,
    pub date: String,
    pub base: String,
    pub quote: String,
    pub rate: String,
    pub source: String,
}

/// The list's filter exactly as it appears in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesQuery {
    pub from: String,
    pub to: String,
    pub currency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatesData {
    pub rates: Vec<RateView>,
    /// True when more rates match than the list shows.
    pub more: bool,
    /// Errors in the filter (a date that does not parse); the filter is then not applied.
    pub errors: FieldErrors,
    /// Defaults for the add form.
    pub base_currency: String,
    pub today: String,
}

/// One validated line of a rates CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRate {
    /// 1-based line number in the text.
    pub line: usize,
    pub date: Date,
    pub base: &'static str,
    pub quote: &'static str,
    pub rate: Rate,
}

/// Parses `date,base,quote,rate` lines (an optional header line starting with `date`,
/// blank lines skipped). Every line is checked; any error fails the whole text, with one
/// message per bad line, so an import is all or nothing.
pub fn parse_csv(text: &str) -> Result<Vec<CsvRate>, Vec<String>> {
    let mut rates: Vec<CsvRate> = Vec::new();
    let mut errors = Vec::new();
    let mut seen_content = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim().trim_start_matches('\u{feff}');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line
            .split(',')
            .map(|f| f.trim().trim_matches('"').trim())
            .collect();
        let first = !seen_content;
        seen_content = true;
        if first && fields[0].eq_ignore_ascii_case("date") {
            continue;
        }
        match parse_csv_line(number, &fields) {
            Ok(rate) => {
                if let Some(earlier) = rates
                    .iter()
                    .find(|r| r.date == rate.date && r.base == rate.base && r.quote == rate.quote)
                {
                    errors.push(format!(
                        "Line {number}: the same date and currencies as line {}.",
                        earlier.line
                    ));
                } else {
                    rates.push(rate);
                }
            }
            Err(message) => errors.push(format!("Line {number}: {message}")),
        }
    }
    if errors.is_empty() && rates.is_empty() {
        errors.push("There are no rates in the text.".to_owned());
    }
    if rates.len() > CSV_MAX_ROWS {
        errors.insert(
            0,
            format!("Import at most {CSV_MAX_ROWS} rates at a time; split the file."),
        );
    }
    if errors.is_empty() {
        Ok(rates)
    } else {
        Err(errors)
    }
}

fn parse_csv_line(line: usize, fields: &[&str]) -> Result<CsvRate, String> {
    let [date, base, quote, rate] = fields else {
        return Err(format!(
            "expected 4 values (date,base,quote,rate), found {}.",
            fields.len()
        ));
    };
    let date =
        parse_date(date).ok_or_else(|| format!("“{date}” is not a date like 2026-01-31."))?;
    let currency = |code: &str| {
        florin::currency::find(code)
            .map(|c| c.code)
            .ok_or_else(|| format!("“{code}” is not a known currency code."))
    };
    let base = currency(base)?;
    let quote = currency(quote)?;
    if base == quote {
        return Err("the two currencies must differ.".to_owned());
    }
    let rate = Rate::parse(rate).map_err(|e| e.to_string())?;
    Ok(CsvRate {
        line,
        date,
        base,
        quote,
        rate,
    })
}

#[cfg(feature = "ssr")]
fn view_of(row: repo::RateRow) -> RateView {
    RateView {
        id: row.id,
        date: format_date(row.rate_date),
        rate: Rate::from_scaled(row.rate_scaled)
            .map(|r| r.to_string())
            .unwrap_or_default(),
        base: row.base,
        quote: row.quote,
        source: row.source,
    }
}

#[server(endpoint = "rates")]
pub async fn list_rates(query: RatesQuery) -> Result<RatesData, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    let mut errors = FieldErrors::new();
    let mut date = |field: &str, raw: &str| match raw.trim() {
        "" => None,
        value => parse_date(value).or_else(|| {
            errors.add(field, "Enter a date like 2026-01-31.");
            None
        }),
    };
    let filter = repo::RateFilter {
        from: date("from", &query.from),
        to: date("to", &query.to),
        currency: florin::currency::find(&query.currency).map(|c| c.code.to_owned()),
    };
    let limit = LIST_LIMIT + 1;
    let mut rows = repo::list(
        member.db(),
        &member.scope,
        &filter,
        i64::try_from(limit).unwrap_or(i64::MAX),
    )
    .await?;
    let more = rows.len() > LIST_LIMIT;
    rows.truncate(LIST_LIMIT);
    Ok(RatesData {
        rates: rows.into_iter().map(view_of).collect(),
        more,
        errors,
        base_currency: member.user.base_currency.clone(),
        today: format_date(time::OffsetDateTime::now_utc().date()),
    })
}

#[server(endpoint = "rates/one")]
pub async fn get_rate(id: i64) -> Result<RateView, AppError> {
    use florin::role::Access;
    let result = async {
        let member = crate::orgs::require_member(Access::Read).await?;
        repo::find(member.db(), &member.scope, id)
            .await
            .map(view_of)
    }
    .await;
    result.inspect_err(crate::session::set_status)
}

/// Adds a rate by hand; one for the same pair and date is replaced.
#[server(endpoint = "rates/add")]
pub async fn add_rate(
    date: String,
    base: String,
    quote: String,
    rate: String,
) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("date", date.as_str()),
        ("base", base.as_str()),
        ("quote", quote.as_str()),
        ("rate", rate.as_str()),
    ];
    let result: Result<repo::Saved, AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let mut errors = FieldErrors::new();
        let parsed_date = parse_date(&date);
        if parsed_date.is_none() {
            errors.add("date", "Enter a date like 2026-01-31.");
        }
        let from = florin::currency::find(&base);
        if from.is_none() {
            errors.add("base", "Choose a currency from the list.");
        }
        let to = florin::currency::find(&quote);
        if to.is_none() {
            errors.add("quote", "Choose a currency from the list.");
        }
        if from.is_some() && from == to {
            errors.add("quote", "Choose a currency different from the first.");
        }
        let parsed_rate = Rate::parse(&rate).map_err(|e| errors.add("rate", e)).ok();
        errors.into_result()?;
        let (Some(date), Some(from), Some(to), Some(rate)) = (parsed_date, from, to, parsed_rate)
        else {
            return Err(AppError::Internal);
        };
        let new = repo::NewRate {
            date,
            base: from.code.to_owned(),
            quote: to.code.to_owned(),
            rate,
        };
        repo::save_all(
            member.db(),
            &member.scope,
            std::slice::from_ref(&new),
            "manual",
        )
        .await
    }
    .await;
    match result {
        Ok(saved) => {
            let session = session::session().await?;
            let message = if saved.updated > 0 {
                "Rate saved; it replaced the one for that date."
            } else {
                "Rate added."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/rates");
            Ok(())
        }
        Err(error) => Err(session::fail_form("rate", "/rates", &values, error).await),
    }
}

/// Imports `date,base,quote,rate` lines: every line valid or nothing written.
#[server(endpoint = "rates/import")]
pub async fn import_rates(csv: String) -> Result<(), AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};
    /// How many line errors an import reports before summing up the rest.
    const CSV_MAX_ERRORS: usize = 20;

    let values = [("csv", csv.as_str())];
    let result: Result<repo::Saved, AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let lines = parse_csv(&csv).map_err(|messages| {
            let mut shown: Vec<String> = messages.iter().take(CSV_MAX_ERRORS).cloned().collect();
            if messages.len() > CSV_MAX_ERRORS {
                shown.push(format!(
                    "… and {} more lines with errors.",
                    messages.len() - CSV_MAX_ERRORS
                ));
            }
            let mut errors = FieldErrors::new();
            errors.add("csv", shown.join("\n"));
            AppError::Invalid(errors)
        })?;
        let rates: Vec<repo::NewRate> = lines
            .into_iter()
            .map(|line| repo::NewRate {
                date: line.date,
                base: line.base.to_owned(),
                quote: line.quote.to_owned(),
                rate: line.rate,
            })
            .collect();
        repo::save_all(member.db(), &member.scope, &rates, "csv").await
    }
    .await;
    match result {
        Ok(saved) => {
            let session = session::session().await?;
            let message = format!(
                "Imported {} {}: {} added, {} updated.",
                saved.added + saved.updated,
                if saved.added + saved.updated == 1 {
                    "rate"
                } else {
                    "rates"
                },
                saved.added,
                saved.updated
            );
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/rates");
            Ok(())
        }
        Err(error) => Err(session::fail_form("rate-import", "/rates", &values, error).await),
    }
}

#[server(endpoint = "rates/delete")]
pub async fn delete_rate(id: i64) -> Result<(), AppError> {
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
            session::flash(&session, FlashKind::Success, "Rate deleted.").await?;
            leptos_axum::redirect("/rates");
            Ok(())
        }
        Err(error) => Err(session::fail_form("rate-delete", "/rates", &[], error).await),
    }
}

fn currency_options(blank: Option<&str>) -> Vec<(String, String)> {
    blank
        .map(|label| (String::new(), label.to_owned()))
        .into_iter()
        .chain(
            florin::currency::ALL
                .iter()
                .map(|c| (c.code.to_owned(), format!("{} — {}", c.code, c.name))),
        )
        .collect()
}

fn query_from_url() -> Memo<RatesQuery> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        RatesQuery {
            from: q.get("from").unwrap_or_default(),
            to: q.get("to").unwrap_or_default(),
            currency: q.get("currency").unwrap_or_default(),
        }
    })
}

#[component]
pub fn RatesPage() -> impl IntoView {
    view! {
        <Title text="Exchange rates"/>
        <h1>"Exchange rates"</h1>
        <RequireUser>
            <RatesBody/>
        </RequireUser>
    }
}

#[component]
fn RatesBody() -> impl IntoView {
    let shell = use_shell();
    let query = query_from_url();
    let data = Resource::new(move || query.get(), list_rates);
    let add = ServerAction::<AddRate>::new();
    let import = ServerAction::<ImportRates>::new();
    // A failed delete posted from the list (after a plain post) shows its message here.
    let delete = ServerAction::<DeleteRate>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                let q = query.get_untracked();
                match data.await {
                    Ok(data) => {
                        let add_feedback = FormFeedback::new("rate", stash.clone(), add);
                        let delete_errors = FormFeedback::new("rate-delete", stash.clone(), delete).errors();
                        let import_feedback = FormFeedback::new("rate-import", stash, import);
                        let filter = view! { <FilterForm q errors=data.errors.clone()/> }.into_any();
                        let add_form = view! {
                            <AddRateForm action=add feedback=add_feedback base_currency=data.base_currency.clone() today=data.today.clone()/>
                        }.into_any();
                        let import_form = view! { <ImportForm action=import feedback=import_feedback/> }.into_any();
                        let list = view! { <RatesTable rates=data.rates more=data.more errors=delete_errors/> }.into_any();
                        view! {
                            {filter}
                            {list}
                            {add_form}
                            {import_form}
                        }.into_any()
                    }
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FilterForm(q: RatesQuery, errors: FieldErrors) -> impl IntoView {
    let errors = Signal::derive(move || errors.clone());
    view! {
        <details class="card filters" open=true>
            <summary>"Filter"</summary>
            <form method="get" action="/rates" class="filter-form">
                <FormError errors/>
                <div class="row">
                    <TextField label="From" name="from" kind="date" value=q.from errors/>
                    <TextField label="To" name="to" kind="date" value=q.to errors/>
                    <SelectField label="Currency" name="currency" value=q.currency
                        options=currency_options(Some("Any currency")) errors/>
                </div>
                <button type="submit" class="primary">"Apply filter"</button>
                " "
                <a href="/rates">"Clear"</a>
            </form>
        </details>
    }
}

#[component]
fn RatesTable(rates: Vec<RateView>, more: bool, errors: Signal<FieldErrors>) -> impl IntoView {
    if rates.is_empty() {
        return view! {
            <section class="card" aria-labelledby="rates-title">
                <h2 id="rates-title">"Rates"</h2>
                <FormError errors/>
                <p>"No rates yet. Add one below, or import a CSV file."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="card" aria-labelledby="rates-title">
            <h2 id="rates-title">"Rates"</h2>
            <FormError errors/>
            <table class="rates">
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"From"</th>
                        <th scope="col">"To"</th>
                        <th scope="col" class="num">"Rate"</th>
                        <th scope="col">"Source"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {rates.into_iter().map(|r| view! {
                        <tr>
                            <td><time datetime=r.date.clone()>{r.date.clone()}</time></td>
                            <td>{r.base.clone()}</td>
                            <td>{r.quote.clone()}</td>
                            <td class="num">{r.rate.clone()}</td>
                            <td>{r.source.clone()}</td>
                            <td>
                                <a href=format!("/rates/{}/delete", r.id)>"Delete"
                                    <span class="visually-hidden">{format!(" {} {} to {}", r.date, r.base, r.quote)}</span>
                                </a>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {more.then(|| view! {
                <p class="hint">{format!("Showing the newest {LIST_LIMIT}; narrow the dates to see older rates.")}</p>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn AddRateForm(
    action: ServerAction<AddRate>,
    feedback: FormFeedback,
    base_currency: String,
    today: String,
) -> impl IntoView {
    let errors = feedback.errors();
    let from_default = if base_currency == "USD" { "EUR" } else { "USD" };
    view! {
        <section class="card" aria-labelledby="add-rate-title">
            <h2 id="add-rate-title">"Add a rate"</h2>
            <p class="hint">"One unit of the first currency is worth the rate in the second; a rate for the same date and pair is replaced."</p>
            <ActionForm action=action attr:novalidate=true>
                <FormError errors=errors/>
                <div class="row">
                    <TextField label="Date" name="date" kind="date" value=feedback.value("date", &today) errors=errors required=true/>
                    <SelectField label="From currency" name="base" value=feedback.value("base", from_default)
                        options=currency_options(None) errors=errors/>
                    <SelectField label="To currency" name="quote" value=feedback.value("quote", &base_currency)
                        options=currency_options(None) errors=errors/>
                    <TextField label="Rate" name="rate" value=feedback.value("rate", "") errors=errors required=true
                        hint="A point for decimals, like 1.0845."/>
                </div>
                <button type="submit" class="primary" disabled=move || action.pending().get()>"Add rate"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ImportForm(action: ServerAction<ImportRates>, feedback: FormFeedback) -> impl IntoView {
    let errors = feedback.errors();
    let value = feedback.value("csv", "");
    let error = move || errors.read().get("csv").map(str::to_owned);
    view! {
        <section class="card" aria-labelledby="import-rates-title">
            <h2 id="import-rates-title">"Import from CSV"</h2>
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
        </section>
    }
}

#[component]
pub fn DeleteRatePage() -> impl IntoView {
    view! {
        <Title text="Delete a rate"/>
        <h1>"Delete a rate"</h1>
        <RequireUser>
            <DeleteRateConfirm/>
        </RequireUser>
    }
}

#[component]
fn DeleteRateConfirm() -> impl IntoView {
    let shell = use_shell();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let data = Resource::new(id, get_rate);
    let delete = ServerAction::<DeleteRate>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                let errors = FormFeedback::new("rate-delete", stash, delete).errors();
                match data.await {
                    Ok(rate) => view! {
                        <section class="card" aria-labelledby="delete-rate-title">
                            <h2 id="delete-rate-title">"Delete this rate?"</h2>
                            <FormError errors/>
                            <p>{format!("On {}, 1 {} = {} {} ({}).", rate.date, rate.base, rate.rate, rate.quote, rate.source)}</p>
                            <p>"Amounts converted with it will use the next older rate, or none."</p>
                            <ActionForm action=delete>
                                <input type="hidden" name="id" value=rate.id/>
                                <button type="submit" class="danger">"Delete rate"</button>
                                " "
                                <a href="/rates">"Cancel"</a>
                            </ActionForm>
                        </section>
                    }.into_any(),
                    Err(error) => view! {
                        <p class="error">{error.to_string()}</p>
                        <p><a href="/rates">"Back to exchange rates"</a></p>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn RateRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/rates") view=RatesPage ssr=SsrMode::Async/>
        <Route path=path!("/rates/:id/delete") view=DeleteRatePage ssr=SsrMode::Async/>
    }
    .into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn reads_lines_with_or_without_a_header() {
        let text =
            "date,base,quote,rate\n2026-01-31, eur ,USD,1.0845\n\n2026-02-01,\"GBP\",USD,1.27\n";
        let rates = parse_csv(text).expect("valid");
        assert_eq!(rates.len(), 2);
        assert_eq!(rates[0].line, 2);
        assert_eq!(rates[0].date, date!(2026 - 01 - 31));
        assert_eq!((rates[0].base, rates[0].quote), ("EUR", "USD"));
        assert_eq!(rates[0].rate.to_string(), "1.0845");
        assert_eq!(rates[1].line, 4);
        assert_eq!(parse_csv("2026-01-31,EUR,USD,1.08").map(|r| r.len()), Ok(1));
    }

    #[test]
    fn reports_every_bad_line() {
        let text = "2026-02-30,EUR,USD,1\nEUR,USD,1\n2026-01-01,EUR,EUR,1\n2026-01-01,XYZ,USD,1\n\
                    2026-01-01,EUR,USD,-1\n2026-01-02,EUR,USD,1\n2026-01-02,EUR,USD,2\n";
        let errors = parse_csv(text).expect_err("invalid");
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert!(errors[0].starts_with("Line 1: “2026-02-30” is not a date"));
        assert!(errors[1].starts_with("Line 2: expected 4 values"));
        assert!(errors[2].starts_with("Line 3: the two currencies must differ"));
        assert!(errors[3].starts_with("Line 4: “XYZ” is not a known currency"));
        assert_eq!(errors[4], "Line 5: A rate must be more than zero.");
        assert_eq!(errors[5], "Line 7: the same date and currencies as line 6.");
    }

    #[test]
    fn empty_text_and_a_header_alone_are_refused() {
        assert!(parse_csv("").is_err());
        assert!(parse_csv("date,base,quote,rate\n\n").is_err());
    }

    #[test]
    fn a_header_is_only_recognised_on_the_first_line() {
        let errors = parse_csv("2026-01-01,EUR,USD,1\ndate,base,quote,rate").expect_err("bad");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("Line 2:"));
    }
}
