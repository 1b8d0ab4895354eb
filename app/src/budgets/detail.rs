//! A budget's page: its entries against the period's actual spending by category, the
//! warning when the entries add up to more than the total, the form to set an entry, and
//! copying the budget to the next period.

use super::copy::CopyBudget;
use super::entries::{RemoveEntry, SaveEntry};
use super::types::{BudgetLine, BudgetView};
use crate::components::{FormError, ProgressBar, SelectField, TextField};
use crate::context::RequireUser;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "budgets/get")]
pub async fn get_budget(id: i64) -> Result<BudgetView, AppError> {
    crate::orgs::reading(async |m| super::ssr::view(m, id).await).await
}

#[component]
pub fn BudgetPage() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, get_budget);
    let save = ServerAction::<SaveEntry>::new();
    let remove = ServerAction::<RemoveEntry>::new();
    let copy = ServerAction::<CopyBudget>::new();
    let fallback = Fallback::page("Budget", "/budgets", "Back to budgets");
    view! {
        <Title text="Budget"/>
        <RequireUser>
            {loaded(data, fallback, move |budget, stash| {
                let feedback = FormFeedback::new("budget-entry", stash, save);
                budget_page(budget, feedback, save, remove, copy).into_any()
            })}
        </RequireUser>
    }
}

fn budget_page(
    b: BudgetView,
    feedback: FormFeedback,
    save: ServerAction<SaveEntry>,
    remove: ServerAction<RemoveEntry>,
    copy: ServerAction<CopyBudget>,
) -> impl IntoView {
    let id = b.id;
    let heading = view! {
        <h1>{b.name.clone()}</h1>
        <p>
            {b.period.clone()} " · total " <strong>{b.total.clone()}</strong>
            " · entries " {b.entries_sum.clone()}
        </p>
        {b.warning.clone().map(|w| view! { <p class="warning" role="note">"Warning: " {w}</p> })}
        <p class="actions">
            <a class="button" href=format!("/budgets/{id}/edit")>"Edit budget"</a>
            " "
            <a class="button" href=format!("/budgets/{id}/delete")>"Delete budget"</a>
        </p>
    }
    .into_any();
    let table = actuals_table(&b, remove).into_any();
    let entry = entry_form(&b, feedback, save).into_any();
    let copy_form = copy_section(&b, copy).into_any();
    view! {
        {heading}
        {table}
        {entry}
        {copy_form}
    }
}

fn actuals_table(b: &BudgetView, remove: ServerAction<RemoveEntry>) -> impl IntoView {
    let budget_id = b.id.to_string();
    let lines = b.lines.clone();
    let currency = b.currency.clone();
    view! {
        <section class="card" aria-labelledby="actuals-title">
            <h2 id="actuals-title">"Budget and actual spending"</h2>
            <p class="hint">"Actual spending counts expenses in " {currency} " over the period."</p>
            {if lines.is_empty() {
                view! { <p>"No entries and no spending in this period yet."</p> }.into_any()
            } else {
                view! {
                    <table class="budget-actuals">
                        <thead>
                            <tr>
                                <th scope="col">"Category"</th>
                                <th scope="col" class="num">"Planned"</th>
                                <th scope="col" class="num">"Actual"</th>
                                <th scope="col" class="num">"Remaining"</th>
                                <th scope="col">"Used"</th>
                                <th scope="col">"Actions"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines.into_iter().map(|line| line_row(line, budget_id.clone(), remove)).collect_view()}
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">"Total"</th>
                                <td class="num">{b.total.clone()}</td>
                                <td class="num">{b.actual_total.clone()}</td>
                                <td class="num">{b.remaining_total.clone()}</td>
                                <td>{b.over_total.then_some("over budget")}</td>
                                <td></td>
                            </tr>
                        </tfoot>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

fn line_row(line: BudgetLine, budget_id: String, remove: ServerAction<RemoveEntry>) -> AnyView {
    let used = match line.percent {
        Some(percent) => {
            let label = format!("{} budget used", line.category);
            let state = if line.over { "over" } else { "" };
            view! {
                <ProgressBar label percent value_text=format!("{percent} % used") state/>
                <span class="percent">{percent} " %" {line.over.then_some(" · over")}</span>
            }
            .into_any()
        }
        None if line.planned.is_none() => {
            view! { <span class="hint">"not planned"</span> }.into_any()
        }
        None => view! { <span class="hint">"—"</span> }.into_any(),
    };
    let action = match (line.category_id, line.planned.is_some()) {
        (Some(category_id), true) => view! {
            <ActionForm action=remove attr:class="inline">
                <input type="hidden" name="budget_id" value=budget_id/>
                <input type="hidden" name="category_id" value=category_id.to_string()/>
                <button type="submit" class="link">"Remove entry"</button>
            </ActionForm>
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <tr class:over=line.over>
            <th scope="row">{line.category}</th>
            <td class="num">{line.planned.unwrap_or_else(|| "—".to_owned())}</td>
            <td class="num">{line.actual}</td>
            <td class="num">{line.remaining.unwrap_or_else(|| "—".to_owned())}</td>
            <td>{used}</td>
            <td>{action}</td>
        </tr>
    }
    .into_any()
}

fn entry_form(
    b: &BudgetView,
    feedback: FormFeedback,
    save: ServerAction<SaveEntry>,
) -> impl IntoView {
    let errors = feedback.errors();
    let category_id = feedback.value("category_id", "");
    let amount = feedback.value("amount", "");
    let mut categories = vec![(String::new(), "— choose a category —".to_owned())];
    categories.extend(b.categories.iter().cloned());
    let budget_id = b.id.to_string();
    view! {
        <section class="card" aria-labelledby="entry-title">
            <h2 id="entry-title">"Set an entry"</h2>
            <ActionForm action=save attr:novalidate=true>
                <FormError errors/>
                <input type="hidden" name="budget_id" value=budget_id/>
                <div class="row">
                    <SelectField label="Category" name="category_id" value=category_id options=categories errors/>
                    <TextField label="Planned amount" name="amount" value=amount errors required=true
                        hint="Replaces the category's earlier amount, if any."/>
                </div>
                <button type="submit" class="primary" disabled=move || save.pending().get()>"Save entry"</button>
            </ActionForm>
        </section>
    }
}

fn copy_section(b: &BudgetView, copy: ServerAction<CopyBudget>) -> impl IntoView {
    let id = b.id.to_string();
    b.next_period.clone().map(move |next| {
        view! {
            <section class="card" aria-labelledby="copy-title">
                <h2 id="copy-title">"Copy to the next period"</h2>
                <p>"A new budget for " {next} " with the same total and entries."</p>
                <ActionForm action=copy>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit">"Copy budget"</button>
                </ActionForm>
            </section>
        }
    })
}
