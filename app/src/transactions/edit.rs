//! Adding, editing and copying a transaction: one form, filled from the transaction
//! being edited or copied, posting to one server function.

use super::types::{TransactionInput, TxForm, with_blank};
use crate::components::{FormError, SelectField, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Page;
use florin::ledger::TransactionKind;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The form for a new transaction (`id` = None), an existing one, or a copy of one
/// (`copy_of`).
#[server(endpoint = "transactions/form")]
pub async fn transaction_form(id: Option<i64>, copy_of: Option<i64>) -> Result<TxForm, AppError> {
    crate::orgs::reading(async |m| super::ssr::form(m, id, copy_of).await).await
}

/// Creates a transaction (empty `id`) or updates one.
#[server(endpoint = "transactions/save")]
pub async fn save_transaction(#[server(flatten)] input: TransactionInput) -> Result<i64, AppError> {
    use crate::orgs::{Saving, save_record};
    use florin::role::Area;
    let transactions = Saving::to_list(Area::Ledger, "transaction", "Transaction", "/transactions");
    save_record(transactions, &input, &input.page(), super::ssr::save).await
}

#[component]
pub fn NewTransactionPage() -> impl IntoView {
    let query = use_query_map();
    let copy = move || query.read().get("copy").and_then(|c| c.parse::<i64>().ok());
    view! {
        <Page title="Add a transaction">
            <TransactionEditor id=Signal::derive(|| None) copy_of=Signal::derive(copy)/>
        </Page>
    }
}

#[component]
pub fn EditTransactionPage() -> impl IntoView {
    let id = crate::url::id_param();
    view! {
        <Page title="Edit transaction">
            <TransactionEditor id=Signal::derive(move || Some(id())) copy_of=Signal::derive(|| None)/>
        </Page>
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

/// Expense categories then income ones, each marked with its kind, after "none".
fn category_options(form: &TxForm) -> Vec<(String, String)> {
    let marked = |choices: &[super::types::Choice], kind: &str| {
        choices
            .iter()
            .map(|o| (o.value.clone(), format!("{} ({kind})", o.label)))
            .collect::<Vec<_>>()
    };
    let mut options = vec![(String::new(), "— none —".to_owned())];
    options.extend(marked(&form.expense_categories, "expense"));
    options.extend(marked(&form.income_categories, "income"));
    options
}

#[component]
fn TransactionFormView(
    form: TxForm,
    feedback: FormFeedback,
    action: ServerAction<SaveTransaction>,
) -> impl IntoView {
    let errors = feedback.errors();
    let value = move |field: &str, current: &str| feedback.value(field, current);
    let kinds = TransactionKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect::<Vec<_>>();
    let accounts = form
        .accounts
        .iter()
        .map(|o| (o.value.clone(), o.label.clone()))
        .collect::<Vec<_>>();
    let categories = category_options(&form);
    let counter = with_blank("— not a transfer —", &form.accounts);
    let f = form.fields;
    let label = if f.id.is_empty() {
        "Add transaction"
    } else {
        "Save transaction"
    };
    let methods = with_blank("— none —", &form.payment_methods);
    let transfer = view! {
        <fieldset>
            <legend>"For a transfer"</legend>
            <div class="row">
                <SelectField label="To account" name="counter_account_id" value=value("counter_account_id", &f.counter_account_id) options=counter errors/>
                <TextField label="Amount received" name="counter_amount" value=value("counter_amount", &f.counter_amount) errors
                    hint="Only when the accounts' currencies differ."/>
            </div>
        </fieldset>
    }
    .into_any();
    view! {
        <ActionForm action=action attr:novalidate=true attr:class="card">
            <FormError errors/>
            <input type="hidden" name="id" value=f.id.clone()/>
            <div class="row">
                <SelectField label="Kind" name="kind" value=value("kind", &f.kind) options=kinds errors/>
                <TextField label="Date" name="date" kind="date" value=value("date", &f.date) errors required=true/>
                <TextField label="Amount" name="amount" value=value("amount", &f.amount) errors required=true
                    hint="In the account's currency, without a sign."/>
            </div>
            <div class="row">
                <SelectField label="Account" name="account_id" value=value("account_id", &f.account_id) options=accounts errors/>
                <SelectField label="Category" name="category_id" value=value("category_id", &f.category_id) options=categories errors/>
                <SelectField label="Payment method" name="payment_method_id" value=value("payment_method_id", &f.payment_method_id) options=methods errors/>
            </div>
            {transfer}
            <div class="row">
                <TextField label="Payee or title" name="payee" value=value("payee", &f.payee) errors/>
                <TextField label="Tags" name="tags" value=value("tags", &f.tags) errors hint="Separate tags with commas."/>
            </div>
            <TextField label="Notes" name="notes" value=value("notes", &f.notes) errors/>
            <button type="submit" class="primary" disabled=move || action.pending().get()>
                {label}
            </button>
            " "
            <a href="/transactions">"Cancel"</a>
        </ActionForm>
    }
}
