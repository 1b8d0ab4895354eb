//! The payment-methods page: every method with its kind and linked account, and the
//! form to add one.

use super::edit::{MethodForm, SavePaymentMethod};
use super::types::{PaymentMethodView, PaymentMethodsOverview};
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Card, Fallback, Head, Page, Table, loaded};
use leptos::prelude::*;

#[server(endpoint = "payment-methods")]
pub async fn list_payment_methods() -> Result<PaymentMethodsOverview, AppError> {
    crate::orgs::reading(async |m| super::ssr::list(m).await).await
}

#[component]
pub fn PaymentMethodsPage() -> impl IntoView {
    view! { <Page title="Payment methods"><PaymentMethodsList/></Page> }
}

#[component]
fn PaymentMethodsList() -> impl IntoView {
    let data = Resource::new(|| (), |_| list_payment_methods());
    let save = ServerAction::<SavePaymentMethod>::new();
    view! {
        {loaded(data, Fallback::NONE, move |page, stash| {
            let feedback = FormFeedback::new("payment-method", stash, save);
            let list = if page.methods.is_empty() {
                view! { <p>"No payment methods yet. Add your first one below."</p> }.into_any()
            } else {
                view! { <MethodsTable methods=page.methods/> }.into_any()
            };
            view! {
                <Card title="Your payment methods" id="methods-title">
                    {list}
                </Card>
                <Card title="Add a payment method" id="add-method-title">
                    <MethodForm action=save feedback method=None accounts=page.accounts/>
                </Card>
            }.into_any()
        })}
    }
}

#[component]
fn MethodsTable(methods: Vec<PaymentMethodView>) -> impl IntoView {
    view! {
        <Table heads=vec![Head::text("Payment method"), Head::text("Kind"), Head::text("Linked account")]>
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
        </Table>
    }
}
