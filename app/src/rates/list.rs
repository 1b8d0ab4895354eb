//! The exchange-rates page: the filter, the newest matching rates with a link to delete
//! each, and the forms to add one rate or import many (see `add` and `import`).

use super::add::{AddRate, AddRateForm};
use super::delete::DeleteRate;
use super::import::{ImportForm, ImportRates};
use super::types::{LIST_LIMIT, RateView, RatesData, RatesQuery};
use crate::components::{FormError, SelectField, TextField, currency_options};
use crate::context::use_shell;
use crate::error::{AppError, FieldErrors};
use crate::form::FormFeedback;
use crate::pages::{Card, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "rates")]
pub async fn list_rates(query: RatesQuery) -> Result<RatesData, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m, &query).await).await
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
    view! { <Page title="Exchange rates"><RatesBody/></Page> }
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
    let mut any_currency = vec![(String::new(), "Any currency".to_owned())];
    any_currency.extend(currency_options());
    view! {
        <details class="card filters" open=true>
            <summary>"Filter"</summary>
            <form method="get" action="/rates" class="filter-form">
                <FormError errors/>
                <div class="row">
                    <TextField label="From" name="from" kind="date" value=q.from errors/>
                    <TextField label="To" name="to" kind="date" value=q.to errors/>
                    <SelectField label="Currency" name="currency" value=q.currency
                        options=any_currency errors/>
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
            <Card title="Rates" id="rates-title">
                <FormError errors/>
                <p>"No rates yet. Add one below, or import a CSV file."</p>
            </Card>
        }
        .into_any();
    }
    view! {
        <Card title="Rates" id="rates-title">
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
        </Card>
    }
    .into_any()
}
