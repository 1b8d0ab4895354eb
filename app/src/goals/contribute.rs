//! Adding a contribution to a goal: amount, date, a note, and optionally the same money
//! as a transfer from one ledger account into a savings account.

use super::types::{ContributionDefaults, ContributionInput};
use crate::components::{FormError, SelectField, TextField};
use crate::context::use_shell;
use crate::error::AppError;
use crate::form::FormFeedback;
use crate::pages::Card;
use leptos::prelude::*;

/// Records a contribution; the flash names the highest milestone it reached.
#[server(endpoint = "goals/contribute")]
pub async fn add_contribution(
    #[server(flatten)] input: ContributionInput,
) -> Result<i64, AppError> {
    use crate::session::{Done, finish};
    use florin::role::{Access, Area};

    let result = async {
        let member = crate::orgs::require_member(Access::Write(Area::Goals)).await?;
        super::ssr::contribute(&member, &input).await
    }
    .await;
    let page = input.page();
    let recorded = finish("contribution", &page, &input, result, |(id, recorded)| {
        Done::new(
            super::ssr::added_message(&recorded.milestones),
            format!("/goals/{id}"),
        )
    });
    recorded.await.map(|(_, recorded)| recorded.contribution_id)
}

/// The contribution form; errors after a plain post come back through the shell's stash.
#[component]
pub fn ContributionForm(defaults: ContributionDefaults) -> impl IntoView {
    let shell = use_shell();
    let action = ServerAction::<AddContribution>::new();
    let defaults = StoredValue::new(defaults);
    view! {
        <Card title="Add a contribution" id="contribute-title">
            <Suspense>
                {move || Suspend::new(async move {
                    let stash = shell.await.ok().and_then(|s| s.form);
                    let feedback = FormFeedback::new("contribution", stash, action);
                    view! { <ContributionFields defaults=defaults.get_value() feedback action/> }
                })}
            </Suspense>
        </Card>
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
