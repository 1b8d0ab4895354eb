//! The payment-methods page: every method with its kind and linked account, and the
//! form to add one.

use super::edit::{MethodForm, SavePaymentMethod};
use super::types::{PaymentMethodView, PaymentMethodsOverview};
use crate::context::{RequireUser, use_shell};
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "payment-methods")]
pub async fn list_payment_methods() -> Result<PaymentMethodsOverview, AppError> {
    use florin::role::Access;
    let member = crate::orgs::require_member(Access::Read).await?;
    super::ssr::list(&member).await
}

#[component]
pub fn PaymentMethodsPage() -> impl IntoView {
    view! {
        <Title text="Payment methods"/>
        <h1>"Payment methods"</h1>
        <RequireUser>
            <PaymentMethodsList/>
        </RequireUser>
    }
}

#[component]
fn PaymentMethodsList() -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(|| (), |_| list_payment_methods());
    let save = ServerAction::<SavePaymentMethod>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                match data.await {
                    Ok(page) => {
                        let feedback = FormFeedback::new("payment-method", stash, save);
                        let list = if page.methods.is_empty() {
                            view! { <p>"No payment methods yet. Add your first one below."</p> }.into_any()
                        } else {
                            view! { <MethodsTable methods=page.methods/> }.into_any()
                        };
                        view! {
                            <section class="card" aria-labelledby="methods-title">
                                <h2 id="methods-title">"Your payment methods"</h2>
                                {list}
                            </section>
                            <section class="card" aria-labelledby="add-method-title">
                                <h2 id="add-method-title">"Add a payment method"</h2>
                                <MethodForm action=save feedback method=None accounts=page.accounts/>
                            </section>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="error">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MethodsTable(methods: Vec<PaymentMethodView>) -> impl IntoView {
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">"Payment method"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Linked account"</th>
                </tr>
            </thead>
            <tbody>
                {methods.into_iter().map(|m| view! {
                    <tr class:archived=m.archived>
                        <td>
                            <a href=format!("/payment-methods/{}", m.id)>{m.name.clone()}</a>
                            {m.archived.then(|| view! { " " <span class="badge">"archived"</span> })}
                        </td>
                        <td>{m.kind_label.clone()}</td>
                        <td>{m.account_name.clone().unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
