//! Transactions: the list (filters in the URL, keyset pagination, totals of the filtered
//! set) and the form to add, edit, duplicate and delete one.
#![expect(
    clippy::too_many_arguments,
    reason = "a server function takes one argument per form field"
)]

use crate::components::{FormError, SelectField, TextField};
use crate::context::{RequireUser, use_shell};
use crate::error::{AppError, FieldErrors};
use crate::form::FormFeedback;
use crate::url::encode_component;
use florin::ledger::TransactionKind;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// The list's filter exactly as it appears in the URL, so a view can be bookmarked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    pub from: String,
    pub to: String,
    pub account: String,
    pub category: String,
    pub tag: String,
    pub kind: String,
    pub min: String,
    pub max: String,
    pub q: String,
    /// The keyset cursor: `YYYY-MM-DD.id` of the last row of the previous page.
    pub after: String,
}

impl ListQuery {
    const KEYS: [&'static str; 10] = [
        "from", "to", "account", "category", "tag", "kind", "min", "max", "q", "after",
    ];

    fn get(&self, key: &str) -> &str {
        match key {
            "from" => &self.from,
            "to" => &self.to,
            "account" => &self.account,
            "category" => &self.category,
            "tag" => &self.tag,
            "kind" => &self.kind,
            "min" => &self.min,
            "max" => &self.max,
            "q" => &self.q,
            _ => &self.after,
        }
    }

    /// The query string (without `?`) of the non-empty parts.
    pub fn to_query(&self) -> String {
        Self::KEYS
            .iter()
            .filter(|k| !self.get(k).is_empty())
            .map(|k| format!("{k}={}", encode_component(self.get(k))))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// One row of the list, formatted for display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub id: i64,
    pub date: String,
    pub kind: String,
    pub payee: String,
    pub notes: String,
    pub account: String,
    pub counter_account: Option<String>,
    pub category: Option<String>,
    pub colour: Option<String>,
    /// Signed for income and expense; for a transfer, both legs.
    pub amount: String,
    pub tags: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Option2 {
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPage {
    pub items: Vec<ListItem>,
    /// The cursor of the next page, if there is one.
    pub next: Option<String>,
    /// "Income", "Spending", "Transfers" per currency, formatted.
    pub totals: Vec<(String, String, String, i64)>,
    pub errors: FieldErrors,
    pub accounts: Vec<Option2>,
    pub categories: Vec<Option2>,
}

#[server(endpoint = "transactions")]
pub async fn list_transactions(query: ListQuery) -> Result<ListPage, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    ssr::list(&member, &query).await
}

/// What the transaction form starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxForm {
    /// Empty for a new transaction.
    pub id: String,
    pub kind: String,
    pub date: String,
    pub amount: String,
    pub account_id: String,
    pub counter_account_id: String,
    pub counter_amount: String,
    pub category_id: String,
    pub payment_method_id: String,
    pub payee: String,
    pub notes: String,
    pub tags: String,
    pub accounts: Vec<Option2>,
    pub payment_methods: Vec<Option2>,
    pub expense_categories: Vec<Option2>,
    pub income_categories: Vec<Option2>,
    /// For the delete confirmation: a one-line description.
    pub summary: String,
}

/// The form for a new transaction (`id` = None), an existing one, or a copy of one
/// (`copy_of`).
#[server(endpoint = "transactions/form")]
pub async fn transaction_form(id: Option<i64>, copy_of: Option<i64>) -> Result<TxForm, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    ssr::form(&member, id, copy_of)
        .await
        .inspect_err(crate::session::set_status)
}

#[server(endpoint = "transactions/save")]
pub async fn save_transaction(
    #[server(default)] id: String,
    kind: String,
    date: String,
    amount: String,
    account_id: String,
    #[server(default)] counter_account_id: String,
    #[server(default)] counter_amount: String,
    #[server(default)] category_id: String,
    #[server(default)] payment_method_id: String,
    #[server(default)] payee: String,
    #[server(default)] notes: String,
    #[server(default)] tags: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("kind", kind.as_str()),
        ("date", date.as_str()),
        ("amount", amount.as_str()),
        ("account_id", account_id.as_str()),
        ("counter_account_id", counter_account_id.as_str()),
        ("counter_amount", counter_amount.as_str()),
        ("category_id", category_id.as_str()),
        ("payment_method_id", payment_method_id.as_str()),
        ("payee", payee.as_str()),
        ("notes", notes.as_str()),
        ("tags", tags.as_str()),
    ];
    let page = if id.is_empty() {
        "/transactions/new".to_owned()
    } else {
        format!("/transactions/{id}")
    };
    let result: Result<(i64, bool), AppError> = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        let existing = match id.trim() {
            "" => None,
            raw => Some(raw.parse::<i64>().map_err(|_| AppError::NotFound)?),
        };
        let input = ssr::RawInput {
            kind: &kind,
            date: &date,
            amount: &amount,
            account_id: &account_id,
            counter_account_id: &counter_account_id,
            counter_amount: &counter_amount,
            category_id: &category_id,
            payment_method_id: &payment_method_id,
            payee: &payee,
            notes: &notes,
            tags: &tags,
        };
        let new = ssr::validate(&member, &input).await?;
        match existing {
            None => Ok((repo::create(member.db(), &member.scope, &new).await?, true)),
            Some(id) => {
                repo::update(member.db(), &member.scope, id, &new).await?;
                Ok((id, false))
            }
        }
    }
    .await;
    match result {
        Ok((tx_id, created)) => {
            let session = session::session().await?;
            let message = if created {
                "Transaction added."
            } else {
                "Transaction saved."
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect("/transactions");
            Ok(tx_id)
        }
        Err(error) => Err(session::fail_form("transaction", &page, &values, error).await),
    }
}

#[server(endpoint = "transactions/delete")]
pub async fn delete_transaction(id: i64) -> Result<(), AppError> {
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
            session::flash(&session, FlashKind::Success, "Transaction deleted.").await?;
            leptos_axum::redirect("/transactions");
            Ok(())
        }
        Err(error) => {
            Err(session::fail_form("transaction-delete", "/transactions", &[], error).await)
        }
    }
}

#[cfg(feature = "ssr")]
pub mod ssr;

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

fn with_blank(blank: &str, options: &[Option2]) -> Vec<(String, String)> {
    std::iter::once((String::new(), blank.to_owned()))
        .chain(options.iter().map(|o| (o.value.clone(), o.label.clone())))
        .collect()
}

#[component]
pub fn TransactionsPage() -> impl IntoView {
    view! {
        <Title text="Transactions"/>
        <h1>"Transactions"</h1>
        <RequireUser>
            <TransactionsList/>
        </RequireUser>
    }
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

#[component]
fn ListView(page: ListPage, q: ListQuery) -> impl IntoView {
    let errors = Signal::derive({
        let e = page.errors.clone();
        move || e.clone()
    });
    let kinds = std::iter::once((String::new(), "Any kind".to_owned()))
        .chain(
            TransactionKind::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), k.label().to_owned())),
        )
        .collect::<Vec<_>>();
    let next_href = page.next.clone().map(|cursor| {
        let mut next = q.clone();
        next.after = cursor;
        format!("/transactions?{}", next.to_query())
    });
    let export_href = {
        let mut all = q.clone();
        all.after.clear();
        format!("/transactions/export.csv?{}", all.to_query())
    };
    let first_href = (!q.after.is_empty()).then(|| {
        let mut first = q.clone();
        first.after.clear();
        format!("/transactions?{}", first.to_query())
    });
    view! {
        {view! {
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
        }.into_any()}
        <section class="card" aria-labelledby="totals-title">
            <h2 id="totals-title">"Totals of the filtered transactions"</h2>
            <p class="actions">
                <a class="button" href=export_href download="florin-transactions.csv" rel="external">"Export these as CSV"</a>
            </p>
            {if page.totals.is_empty() {
                view! { <p>"No transactions match."</p> }.into_any()
            } else {
                view! {
                    <table class="totals">
                        <thead><tr><th scope="col">"Currency"</th><th scope="col">"Kind"</th><th scope="col" class="num">"Total"</th><th scope="col" class="num">"Count"</th></tr></thead>
                        <tbody>
                            {page.totals.iter().map(|(currency, kind, total, count)| view! {
                                <tr><td>{currency.clone()}</td><td>{kind.clone()}</td><td class="num">{total.clone()}</td><td class="num">{*count}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
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

#[component]
pub fn NewTransactionPage() -> impl IntoView {
    let query = use_query_map();
    let copy = move || query.read().get("copy").and_then(|c| c.parse::<i64>().ok());
    view! {
        <Title text="Add a transaction"/>
        <h1>"Add a transaction"</h1>
        <RequireUser>
            <TransactionEditor id=Signal::derive(|| None) copy_of=Signal::derive(copy)/>
        </RequireUser>
    }
}

#[component]
pub fn EditTransactionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .or(Some(-1))
    };
    view! {
        <Title text="Edit transaction"/>
        <h1>"Edit transaction"</h1>
        <RequireUser>
            <TransactionEditor id=Signal::derive(id) copy_of=Signal::derive(|| None)/>
        </RequireUser>
    }
}

#[component]
fn TransactionEditor(id: Signal<Option<i64>>, copy_of: Signal<Option<i64>>) -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(
        move || (id.get(), copy_of.get()),
        |(id, copy)| transaction_form(id, copy),
    );
    let save = ServerAction::<SaveTransaction>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(form) if form.accounts.is_empty() => view! {
                        <p>"Add an account first: every transaction belongs to one."</p>
                        <p><a class="button primary" href="/accounts">"Add an account"</a></p>
                    }.into_any(),
                    Ok(form) => {
                        let feedback = FormFeedback::new("transaction", stash, save);
                        view! { <TransactionFormView form feedback action=save/> }.into_any()
                    }
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn TransactionFormView(
    form: TxForm,
    feedback: FormFeedback,
    action: ServerAction<SaveTransaction>,
) -> impl IntoView {
    let errors = feedback.errors();
    let kinds = TransactionKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect::<Vec<_>>();
    let accounts = form
        .accounts
        .iter()
        .map(|o| (o.value.clone(), o.label.clone()))
        .collect::<Vec<_>>();
    let mut categories = vec![(String::new(), "— none —".to_owned())];
    categories.extend(
        form.expense_categories
            .iter()
            .map(|o| (o.value.clone(), format!("{} (expense)", o.label))),
    );
    categories.extend(
        form.income_categories
            .iter()
            .map(|o| (o.value.clone(), format!("{} (income)", o.label))),
    );
    let counter = with_blank("— not a transfer —", &form.accounts);
    let methods = with_blank("— none —", &form.payment_methods);
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=form.id.clone()/>
            <div class="row">
                <SelectField label="Kind" name="kind" value=feedback.value("kind", &form.kind) options=kinds errors/>
                <TextField label="Date" name="date" kind="date" value=feedback.value("date", &form.date) errors required=true/>
                <TextField label="Amount" name="amount" value=feedback.value("amount", &form.amount) errors required=true
                    hint="In the account's currency, without a sign."/>
            </div>
            <div class="row">
                <SelectField label="Account" name="account_id" value=feedback.value("account_id", &form.account_id) options=accounts errors/>
                <SelectField label="Category" name="category_id" value=feedback.value("category_id", &form.category_id) options=categories errors/>
                <SelectField label="Payment method" name="payment_method_id" value=feedback.value("payment_method_id", &form.payment_method_id) options=methods errors/>
            </div>
            <fieldset>
                <legend>"For a transfer"</legend>
                <div class="row">
                    <SelectField label="To account" name="counter_account_id" value=feedback.value("counter_account_id", &form.counter_account_id) options=counter errors/>
                    <TextField label="Amount received" name="counter_amount" value=feedback.value("counter_amount", &form.counter_amount) errors
                        hint="Only when the accounts' currencies differ."/>
                </div>
            </fieldset>
            <div class="row">
                <TextField label="Payee or title" name="payee" value=feedback.value("payee", &form.payee) errors/>
                <TextField label="Tags" name="tags" value=feedback.value("tags", &form.tags) errors hint="Separate tags with commas."/>
            </div>
            <TextField label="Notes" name="notes" value=feedback.value("notes", &form.notes) errors/>
            <button type="submit" class="primary" disabled=move || action.pending().get()>
                {if form.id.is_empty() { "Add transaction" } else { "Save transaction" }}
            </button>
            " "
            <a href="/transactions">"Cancel"</a>
        </ActionForm>
    }
}

#[component]
pub fn DeleteTransactionPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|raw| raw.parse::<i64>().ok())
            .unwrap_or(-1)
    };
    let data = Resource::new(id, |id| transaction_form(Some(id), None));
    let delete = ServerAction::<DeleteTransaction>::new();
    view! {
        <Title text="Delete transaction"/>
        <h1>"Delete transaction"</h1>
        <RequireUser>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(form) => view! {
                            <section class="card">
                                <p>"Delete this transaction? This cannot be undone."</p>
                                <p><strong>{form.summary.clone()}</strong></p>
                                <ActionForm action=delete>
                                    <input type="hidden" name="id" value=form.id.clone()/>
                                    <button type="submit" class="danger">"Delete transaction"</button>
                                    " "
                                    <a href="/transactions">"Keep it"</a>
                                </ActionForm>
                            </section>
                        }.into_any(),
                        Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </RequireUser>
    }
}

/// This feature's pages, for the shell's router.
#[leptos::component(transparent)]
pub fn TransactionRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use leptos::prelude::*;
    use leptos_router::components::Route;
    use leptos_router::{SsrMode, path};
    view! {
        <Route path=path!("/transactions") view=TransactionsPage ssr=SsrMode::Async/>
        <Route path=path!("/transactions/new") view=NewTransactionPage ssr=SsrMode::Async/>
        <Route path=path!("/transactions/:id") view=EditTransactionPage ssr=SsrMode::Async/>
        <Route path=path!("/transactions/:id/delete") view=DeleteTransactionPage ssr=SsrMode::Async/>
    }
    .into_inner()
}
