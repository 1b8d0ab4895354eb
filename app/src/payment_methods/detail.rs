//! One payment method's page: the form to edit it, and archiving or restoring it.

use super::edit::{MethodForm, SavePaymentMethod};
use super::types::PaymentMethodEdit;
use crate::components::FormError;
use crate::context::RequireUser;
use crate::error::{AppError, FieldErrors};
use crate::form::FormFeedback;
use crate::pages::{Card, Fallback, loaded};
use leptos::prelude::*;
use leptos_meta::Title;

#[server(endpoint = "payment-methods/one")]
pub async fn get_payment_method(id: i64) -> Result<PaymentMethodEdit, AppError> {
    crate::orgs::reading(async |m| super::ssr::edit(m, id).await).await
}

/// Archives a payment method (it leaves the pickers) or restores it.
#[server(endpoint = "payment-methods/archive")]
pub async fn set_payment_method_archived(id: i64, archived: bool) -> Result<(), AppError> {
    use crate::accounts::form_parts::after_archive;
    use crate::session::finish;
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::repo::set_archived(member.db(), &member.scope, id, archived).await
    }
    .await;
    let page = format!("/payment-methods/{id}");
    let to = after_archive("Payment method", archived, "/payment-methods");
    finish("payment-method-archive", &page, &(), result, |()| to).await
}

#[component]
pub fn PaymentMethodPage() -> impl IntoView {
    view! {
        <Title text="Payment method"/>
        <RequireUser>
            <MethodEditor/>
        </RequireUser>
    }
}

#[component]
fn MethodEditor() -> impl IntoView {
    let data = Resource::new(crate::url::id_param(), get_payment_method);
    let save = ServerAction::<SavePaymentMethod>::new();
    let archive = ServerAction::<SetPaymentMethodArchived>::new();
    view! {
        {loaded(data, Fallback::page("Payment method", "/payment-methods", "Back to payment methods"), move |edit, stash| {
            let feedback = FormFeedback::new("payment-method", stash.clone(), save);
            let method = edit.method;
            let title = method.name.clone();
            let lead = match &method.account_name {
                Some(account) => format!("{} · linked to {account}", method.kind_label),
                None => method.kind_label.clone(),
            };
            let archive_errors = FormFeedback::new("payment-method-archive", stash, archive).errors();
            let archive_section = view! {
                <ArchiveSection action=archive errors=archive_errors id=method.id archived=method.archived/>
            }.into_any();
            view! {
                <h1>{title}</h1>
                <p class="lead">{lead}</p>
                <Card title="Edit payment method" id="edit-method-title">
                    <MethodForm action=save feedback method=Some(method) accounts=edit.accounts/>
                </Card>
                {archive_section}
                <p><a href="/payment-methods">"Back to payment methods"</a></p>
            }.into_any()
        })}
    }
}

#[component]
fn ArchiveSection(
    action: ServerAction<SetPaymentMethodArchived>,
    errors: Signal<FieldErrors>,
    id: i64,
    archived: bool,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="archive-method-title">
            <h2 id="archive-method-title">{if archived { "Restore" } else { "Archive" }}</h2>
            <p>{if archived {
                "Restored payment methods can be chosen for new transactions again."
            } else {
                "Archived payment methods stay on past transactions but leave the pickers."
            }}</p>
            <ActionForm action=action>
                <FormError errors/>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="archived" value=(!archived).to_string()/>
                <button type="submit">{if archived { "Restore payment method" } else { "Archive payment method" }}</button>
            </ActionForm>
        </section>
    }
}
