//! Types shared by the payment-method pages and their server code: what pages show and
//! what the form posts. Rule: pages and `ssr`/`repo` import from here, never each other.

use serde::{Deserialize, Serialize};

/// One payment method as the pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodView {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub kind_label: String,
    pub account_id: Option<i64>,
    pub account_name: Option<String>,
    pub archived: bool,
}

/// The methods and the accounts they may be linked to, as (value, label) options.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodsOverview {
    pub methods: Vec<PaymentMethodView>,
    pub accounts: Vec<(String, String)>,
}

/// One method for its edit page, with the account options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentMethodEdit {
    pub method: PaymentMethodView,
    pub accounts: Vec<(String, String)>,
}

/// The payment-method form as posted: every field as typed. An empty `id` adds one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaymentMethodFormInput {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub account_id: String,
}

impl PaymentMethodFormInput {
    /// The page the form is on, where a plain post that fails returns.
    pub fn page(&self) -> String {
        match self.id.trim() {
            "" => "/payment-methods".to_owned(),
            raw => format!("/payment-methods/{raw}"),
        }
    }
}
