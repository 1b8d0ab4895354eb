//! Deleting an exchange rate, after a confirmation page (a plain link and form: no
//! script needed).

use super::types::RateView;
use crate::components::FormError;
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::{Card, Page};
use leptos::prelude::*;

#[server(endpoint = "rates/one")]
pub async fn get_rate(id: i64) -> Result<RateView, AppError> {
    crate::orgs::reading(async |m| super::ssr::find(m, id).await).await
}

#[server(endpoint = "rates/delete")]
pub async fn delete_rate(id: i64) -> Result<(), AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Ledger)).await?;
        super::repo::delete(member.db(), &member.scope, id).await
    }
    .await;
    finish("rate-delete", "/rates", &(), result, |()| {
        Done::new("Rate deleted.", "/rates")
    })
    .await
}

#[component]
pub fn DeleteRatePage() -> impl IntoView {
    view! { <Page title="Delete a rate"><DeleteRateConfirm/></Page> }
}

#[component]
fn DeleteRateConfirm() -> impl IntoView {
    let shell = use_shell();
    let data = Resource::new(crate::url::id_param(), get_rate);
    let delete = ServerAction::<DeleteRate>::new();
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let stash = shell.await.ok().and_then(|s| s.form);
                let errors = FormFeedback::new("rate-delete", stash, delete).errors();
                match data.await {
                    Ok(rate) => view! {
                        <Card title="Delete this rate?" id="delete-rate-title">
                            <FormError errors/>
                            <p>{format!("On {}, 1 {} = {} {} ({}).", rate.date, rate.base, rate.rate, rate.quote, rate.source)}</p>
                            <p>"Amounts converted with it will use the next older rate, or none."</p>
                            <ActionForm action=delete>
                                <input type="hidden" name="id" value=rate.id/>
                                <button type="submit" class="danger">"Delete rate"</button>
                                " "
                                <a href="/rates">"Cancel"</a>
                            </ActionForm>
                        </Card>
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
