//! The transactions list: filters in the URL, keyset pagination, the totals of the
//! filtered set, and links to edit, copy, delete and export.

use super::types::{ListItem, ListPage, ListQuery, with_blank};
use crate::components::{FormError, SelectField, TextField};
use crate::error::{AppError, FieldErrors};
use crate::pages::{Card, Page};
use florin::ledger::TransactionKind;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "transactions")]
pub async fn list_transactions(query: ListQuery) -> Result<ListPage, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m, &query).await).await
}

fn query_from_url() -> Memo<ListQuery> {
    let query = use_query_map();
    Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        ListQuery {
            from: get("from"),
            to: get("to"),
            account: get("account"),
            category: get("category"),
            tag: get("tag"),
            kind: get("kind"),
            min: get("min"),
            max: get("max"),
            q: get("q"),
            after: get("after"),
        }
    })
}

#[component]
pub fn TransactionsPage() -> impl IntoView {
    view! { <Page title="Transactions"><TransactionsList/></Page> }
}

#[component]
fn TransactionsList() -> impl IntoView {
    let query = query_from_url();
    let data = Resource::new(move || query.get(), list_transactions);
    view! {
        <p class="actions"><a class="button primary" href="/transactions/new">"Add a transaction"</a></p>
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let q = query.get_untracked();
                match data.await {
                    Ok(page) => view! { <ListView page q/> }.into_any(),
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The list's address with `q`, its cursor replaced by `after` (none for the newest).
fn href(base: &str, q: &ListQuery, after: Option<String>) -> String {
    let mut q = q.clone();
    q.after = after.unwrap_or_default();
    format!("{base}?{}", q.to_query())
}

#[component]
fn ListView(page: ListPage, q: ListQuery) -> impl IntoView {
    let next_href = page
        .next
        .clone()
        .map(|cursor| href("/transactions", &q, Some(cursor)));
    let export_href = href("/transactions/export.csv", &q, None);
    let first_href = (!q.after.is_empty()).then(|| href("/transactions", &q, None));
    let filter = view! { <FilterForm page=page.clone() q/> }.into_any();
    view! {
        {filter}
        <TotalsSection totals=page.totals export_href/>
        <section aria-labelledby="list-title">
            <h2 id="list-title" class="visually-hidden">"Transactions"</h2>
            <table class="transactions">
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Payee"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Account"</th>
                        <th scope="col" class="num">"Amount"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {page.items.into_iter().map(|item| view! { <ItemRow item/> }.into_any()).collect_view()}
                </tbody>
            </table>
            <nav class="pager" aria-label="Pages">
                {first_href.map(|href| view! { <a href=href>"← Newest"</a> })}
                {next_href.map(|href| view! { <a href=href rel="next">"Older →"</a> })}
            </nav>
        </section>
    }
}

/// The filter as a plain GET form, so a filtered view is an address.
#[component]
fn FilterForm(page: ListPage, q: ListQuery) -> impl IntoView {
    let errors = Signal::derive({
        let e: FieldErrors = page.errors.clone();
        move || e.clone()
    });
    let kinds = std::iter::once((String::new(), "Any kind".to_owned()))
        .chain(
            TransactionKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), k.label().to_owned())),
        )
        .collect::<Vec<_>>();
    view! {
        <details class="card filters" open=true>
            <summary>"Filter"</summary>
            <form method="get" action="/transactions" class="filter-form">
                <FormError errors/>
                <div class="row">
                    <TextField label="From" name="from" kind="date" value=q.from.clone() errors/>
                    <TextField label="To" name="to" kind="date" value=q.to.clone() errors/>
                    <SelectField label="Kind" name="kind" value=q.kind.clone() options=kinds errors/>
                </div>
                <div class="row">
                    <SelectField label="Account" name="account" value=q.account.clone() options=with_blank("Any account", &page.accounts) errors/>
                    <SelectField label="Category" name="category" value=q.category.clone() options=with_blank("Any category", &page.categories) errors/>
                    <TextField label="Tag" name="tag" value=q.tag.clone() errors/>
                </div>
                <div class="row">
                    <TextField label="Amount from" name="min" value=q.min.clone() errors/>
                    <TextField label="Amount to" name="max" value=q.max.clone() errors/>
                    <TextField label="Payee or notes contain" name="q" kind="search" value=q.q errors/>
                </div>
                <button type="submit" class="primary">"Apply filters"</button>
                " "
                <a href="/transactions">"Clear"</a>
            </form>
        </details>
    }
}

/// Totals of the whole filtered set by currency and kind, and its CSV export.
#[component]
fn TotalsSection(totals: Vec<(String, String, String, i64)>, export_href: String) -> impl IntoView {
    view! {
        <Card title="Totals of the filtered transactions" id="totals-title">
            <p class="actions">
                <a class="button" href=export_href download="florin-transactions.csv" rel="external">"Export these as CSV"</a>
            </p>
            {if totals.is_empty() {
                view! { <p>"No transactions match."</p> }.into_any()
            } else {
                view! {
                    <table class="totals">
                        <thead><tr><th scope="col">"Currency"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Total"</th><th scope="col" class="num">"Count"</th></tr></thead>
                        <tbody>
                            {totals.into_iter().map(|(currency, kind, total, count)| view! {
                                <tr><td>{currency}</td><td>{kind}</td><td class="num">{total}</td><td class="num">{count}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </Card>
    }
}

#[component]
fn ItemRow(item: ListItem) -> impl IntoView {
    let class = format!("amount {}", item.kind);
    view! {
        <tr>
            <td><time datetime=item.date.clone()>{item.date.clone()}</time></td>
            <td>
                {item.payee.clone()}
                {(!item.tags.is_empty()).then(|| view! {
                    <span class="tags">{item.tags.iter().map(|t| view! { <span class="badge">{t.clone()}</span> " " }).collect_view()}</span>
                })}
                {(!item.notes.is_empty()).then(|| view! { <br/><small class="notes">{item.notes.clone()}</small> })}
            </td>
            <td>
                {item.colour.clone().map(|c| view! {
                    <svg class="swatch" width="12" height="12" aria-hidden="true"><rect width="12" height="12" rx="3" fill=c/></svg>
                })}
                {item.category.clone().unwrap_or_else(|| if item.kind == "transfer" { "Transfer".to_owned() } else { String::new() })}
            </td>
            <td>
                {item.account.clone()}
                {item.counter_account.clone().map(|c| view! { " → " {c} })}
            </td>
            <td class=class>{item.amount.clone()}</td>
            <td class="row-actions">
                <a href=format!("/transactions/{}", item.id)>"Edit"<span class="visually-hidden">{format!(" {} {}", item.date, item.payee)}</span></a>
                " · "
                <a href=format!("/transactions/new?copy={}", item.id)>"Duplicate"</a>
                " · "
                <a href=format!("/transactions/{}/delete", item.id)>"Delete"</a>
            </td>
        </tr>
    }
}
