//! Adding a contribution to a goal: amount, date, a note, and optionally the same money
//! as a transfer from one ledger account into a savings account.

use crate::components::{FormError, SelectField, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the contribution form starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionDefaults {
    pub goal_id: i64,
    pub currency: String,
    pub date: String,
    /// (value, label) of the accounts in the goal's currency.
    pub accounts: Vec<(String, String)>,
}

#[server(endpoint = "goals/contribute")]
pub async fn add_contribution(
    goal_id: String,
    amount: String,
    date: String,
    #[server(default)] note: String,
    #[server(default)] from_account_id: String,
    #[server(default)] to_account_id: String,
) -> Result<i64, AppError> {
    use crate::form::FlashKind;
    use crate::session;
    use florin::role::{Access, Area};

    let values = [
        ("amount", amount.as_str()),
        ("date", date.as_str()),
        ("note", note.as_str()),
        ("from_account_id", from_account_id.as_str()),
        ("to_account_id", to_account_id.as_str()),
    ];
    let page = format!("/goals/{}", goal_id.trim());
    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Goals)).await?;
        let id = goal_id
            .trim()
            .parse::<i64>()
            .map_err(|_| AppError::NotFound)?;
        let raw = super::ssr::RawContribution {
            amount: &amount,
            date: &date,
            note: &note,
            from_account_id: &from_account_id,
            to_account_id: &to_account_id,
        };
        let recorded = super::ssr::contribute(&member, id, &raw).await?;
        Ok::<_, AppError>((id, recorded))
    }
    .await;
    match result {
        Ok((id, recorded)) => {
            let session = session::session().await?;
            let message = match recorded.milestones.last() {
                Some(100) => "Contribution added. The target is reached!".to_owned(),
                Some(pct) => format!("Contribution added. {pct}\u{a0}% of the target is saved."),
                None => "Contribution added.".to_owned(),
            };
            session::flash(&session, FlashKind::Success, message).await?;
            leptos_axum::redirect(&format!("/goals/{id}"));
            Ok(recorded.contribution_id)
        }
        Err(error) => Err(session::fail_form("contribution", &page, &values, error).await),
    }
}

/// The contribution form; errors after a plain post come back through the shell's stash.
#[component]
pub fn ContributionForm(defaults: ContributionDefaults) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<AddContribution>::new();
    let defaults = StoredValue::new(defaults);
    view! {
        <section class="card" aria-labelledby="contribute-title">
            <h2 id="contribute-title">"Add a contribution"</h2>
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("contribution", stash, action);
                    view! { <ContributionFields defaults=defaults.get_value() feedback action/> }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ContributionFields(
    defaults: ContributionDefaults,
    feedback: FormFeedback,
    action: ServerAction<AddContribution>,
) -> impl IntoView {
    let errors = feedback.errors();
    let amount = feedback.value("amount", "");
    let date = feedback.value("date", &defaults.date);
    let note = feedback.value("note", "");
    let from = feedback.value("from_account_id", "");
    let to = feedback.value("to_account_id", "");
    let mut from_accounts = vec![(String::new(), "— no transfer —".to_owned())];
    from_accounts.extend(defaults.accounts.iter().cloned());
    let to_accounts = from_accounts.clone();
    let amount_label = if defaults.currency.is_empty() {
        "Amount"
    } else {
        "Amount (in the goal's currency)"
    };
    view! {
        <ActionForm action=action attr:novalidate=true>
            <FormError errors/>
            <input type="hidden" name="goal_id" value=defaults.goal_id/>
            <div class="row">
                <TextField label=amount_label name="amount" value=amount errors required=true/>
                <TextField label="Date" name="date" kind="date" value=date errors required=true/>
                <TextField label="Note (optional)" name="note" value=note errors/>
            </div>
            <p class="hint">{format!("Optionally record it in the ledger as a transfer between two accounts in {}.", defaults.currency)}</p>
            <div class="row">
                <SelectField label="Transfer from" name="from_account_id" value=from options=from_accounts errors/>
                <SelectField label="Into savings account" name="to_account_id" value=to options=to_accounts errors/>
            </div>
            <button type="submit" class="primary" disabled=move || action.pending().get()>"Add contribution"</button>
        </ActionForm>
    }
}
