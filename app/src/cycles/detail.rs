//! A cycle's page: its status and the step to the next one, the expected income, the
//! expected expenses by date and, by category, expected against actual spending.

use super::types::{CycleLine, CycleView, ExpectedExpense};
use crate::components::{FormError, ProgressBar};
use crate::context::RequireUser;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Fallback, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "cycles/get")]
pub async fn get_cycle(id: i64) -> Result<CycleView, AppError> {
    crate::orgs::reading(async |m| super::ssr::view(m, id).await).await
}

/// Moves a cycle to its next status: draft → active → completed.
#[server(endpoint = "cycles/status")]
pub async fn change_cycle_status(id: String, status: String) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let id = crate::budgets::plan_fields::record_id(&id)?;
        super::ssr::change_status(&member, id, &status).await
    }
    .await;
    let page = super::types::cycle_page(&id);
    let changed = finish("cycle-status", &page, &(), result, |status| {
        Done::new(florin::plan_labels::cycle_step_done(*status), page.clone())
    });
    changed.await.map(|_| ())
}

/// Removes one expected expense from a cycle that is not completed.
#[server(endpoint = "cycles/expenses/remove")]
pub async fn remove_expected_expense(cycle_id: String, id: String) -> Result<(), AppError> {
    use crate::budgets::plan_fields::record_id;
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Budgets)).await?;
        let (cycle, expense) = (record_id(&cycle_id)?, record_id(&id)?);
        super::ssr::remove_expense(&member, cycle, expense).await
    }
    .await;
    let page = super::types::cycle_page(&cycle_id);
    finish("cycle-expense", &page, &(), result, |()| {
        Done::new("Expected expense removed.", page.clone())
    })
    .await
}

#[component]
pub fn CyclePage() -> impl IntoView {
    view! {
        <Title text="Cycle"/>
        <RequireUser>
            <CycleDetails/>
        </RequireUser>
    }
}

#[component]
fn CycleDetails() -> impl IntoView {
    let id = crate::url::id_param();
    let data = Resource::new(id, get_cycle);
    let status = ServerAction::<ChangeCycleStatus>::new();
    let remove = ServerAction::<RemoveExpectedExpense>::new();
    let fallback = Fallback::page("Cycle", "/cycles", "Back to cycles");
    loaded(data, fallback, move |cycle, stash| {
        let status_feedback = FormFeedback::new("cycle-status", stash.clone(), status);
        let remove_feedback = FormFeedback::new("cycle-expense", stash, remove);
        cycle_view(cycle, status_feedback, remove_feedback, status, remove).into_any()
    })
}

fn cycle_view(
    c: CycleView,
    status_feedback: FormFeedback,
    remove_feedback: FormFeedback,
    status: ServerAction<ChangeCycleStatus>,
    remove: ServerAction<RemoveExpectedExpense>,
) -> impl IntoView {
    let id = c.id;
    let status_errors = status_feedback.errors();
    let remove_errors = remove_feedback.errors();
    let actions = if c.read_only {
        view! {
            <p class="warning" role="note">"This cycle is completed and can no longer be changed."</p>
        }
        .into_any()
    } else {
        let (next, button) = c.next_status.clone().unwrap_or_default();
        view! {
            <div class="actions">
                <ActionForm action=status attr:class="inline">
                    <input type="hidden" name="id" value=id.to_string()/>
                    <input type="hidden" name="status" value=next/>
                    <button type="submit" class="primary">{button}</button>
                </ActionForm>
                " "
                <a class="button" href=format!("/cycles/{id}/edit")>"Edit cycle"</a>
                " "
                <a class="button" href=format!("/cycles/{id}/delete")>"Delete cycle"</a>
            </div>
        }
        .into_any()
    };
    let heading = view! {
        <h1>{c.name.clone()}</h1>
        <p>
            {c.period.clone()} " · " <span class=format!("badge {}", c.status)>{c.status_label.clone()}</span>
            " · expected income " <strong>{c.expected_income.clone()}</strong>
        </p>
        <FormError errors=status_errors/>
        <FormError errors=remove_errors/>
        {actions}
        <p><a href="/templates">"Expense templates"</a> " · " <a href="/cycles">"All cycles"</a></p>
    }
    .into_any();
    let summary = summary(&c).into_any();
    let table = actuals_table(&c).into_any();
    let expenses = expenses_table(&c, remove).into_any();
    view! {
        {heading}
        {summary}
        {table}
        {expenses}
    }
}

fn summary(c: &CycleView) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="summary-title">
            <h2 id="summary-title">"Cycle at a glance"</h2>
            <dl class="figures">
                <div><dt>"Expected income"</dt><dd>{c.expected_income.clone()}</dd></div>
                <div><dt>"Expected expenses"</dt><dd>{c.expected_total.clone()}</dd></div>
                <div><dt>"Planned to be left"</dt><dd>{c.planned_left.clone()}</dd></div>
                <div><dt>"Actually spent"</dt><dd>{c.actual_total.clone()}</dd></div>
                <div><dt>"Left of the income"</dt><dd>{c.left.clone()}</dd></div>
            </dl>
        </section>
    }
}

fn actuals_table(c: &CycleView) -> impl IntoView {
    let lines = c.lines.clone();
    let currency = c.currency.clone();
    view! {
        <section class="card" aria-labelledby="actuals-title">
            <h2 id="actuals-title">"Expected and actual spending"</h2>
            <p class="hint">"Actual spending counts expenses in " {currency} " from the cycle's first day to its last."</p>
            {if lines.is_empty() {
                view! { <p>"No expected expenses and no spending in this cycle yet."</p> }.into_any()
            } else {
                view! {
                    <table class="cycle-actuals">
                        <thead>
                            <tr>
                                <th scope="col">"Category"</th>
                                <th scope="col" class="num">"Expected"</th>
                                <th scope="col" class="num">"Actual"</th>
                                <th scope="col" class="num">"Left"</th>
                                <th scope="col">"Used"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {lines.into_iter().map(line_row).collect_view()}
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">"Total"</th>
                                <td class="num">{c.expected_total.clone()}</td>
                                <td class="num">{c.actual_total.clone()}</td>
                                <td class="num">{c.expected_left.clone()}</td>
                                <td>{c.over_total.then_some("over the plan")}</td>
                            </tr>
                        </tfoot>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

fn line_row(line: CycleLine) -> AnyView {
    let used = match line.percent {
        Some(percent) => {
            let label = format!("{} expected spending used", line.category);
            let state = if line.over { "over" } else { "" };
            view! {
                <ProgressBar label percent value_text=format!("{percent} % used") state/>
                <span class="percent">{percent} " %" {line.over.then_some(" · over")}</span>
            }
            .into_any()
        }
        None => view! { <span class="hint">"not expected"</span> }.into_any(),
    };
    view! {
        <tr class:over=line.over>
            <th scope="row">{line.category}</th>
            <td class="num">{line.expected}</td>
            <td class="num">{line.actual}</td>
            <td class="num">{line.left}</td>
            <td>{used}</td>
        </tr>
    }
    .into_any()
}

fn expenses_table(c: &CycleView, remove: ServerAction<RemoveExpectedExpense>) -> impl IntoView {
    let expenses = c.expenses.clone();
    let cycle_id = c.id.to_string();
    let read_only = c.read_only;
    view! {
        <section class="card" aria-labelledby="expenses-title">
            <h2 id="expenses-title">"Expected expenses"</h2>
            {if expenses.is_empty() {
                view! { <p>"No expected expenses. Tick “Generate expected expenses from the active templates” when adding a cycle to list them."</p> }.into_any()
            } else {
                view! {
                    <table class="cycle-expenses">
                        <thead>
                            <tr>
                                <th scope="col">"Date"</th>
                                <th scope="col">"Expense"</th>
                                <th scope="col">"Category"</th>
                                <th scope="col">"Payment method"</th>
                                <th scope="col" class="num">"Amount"</th>
                                {(!read_only).then(|| view! { <th scope="col">"Actions"</th> })}
                            </tr>
                        </thead>
                        <tbody>
                            {expenses.into_iter().map(|e| expense_row(e, cycle_id.clone(), read_only, remove)).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

fn expense_row(
    e: ExpectedExpense,
    cycle_id: String,
    read_only: bool,
    remove: ServerAction<RemoveExpectedExpense>,
) -> AnyView {
    let label = format!("Remove {} on {}", e.name, e.due_on);
    let action = (!read_only).then(|| {
        view! {
            <td>
                <ActionForm action=remove attr:class="inline">
                    <input type="hidden" name="cycle_id" value=cycle_id/>
                    <input type="hidden" name="id" value=e.id.to_string()/>
                    <button type="submit" class="link" aria-label=label>"Remove"</button>
                </ActionForm>
            </td>
        }
    });
    view! {
        <tr>
            <td>{e.due_on.clone()}</td>
            <th scope="row">{e.name.clone()}</th>
            <td>{e.category}</td>
            <td>{e.payment_method.unwrap_or_else(|| "—".to_owned())}</td>
            <td class="num">{e.amount}</td>
            {action}
        </tr>
    }
    .into_any()
}
