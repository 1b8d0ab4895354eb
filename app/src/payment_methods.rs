//! Payment methods: how a payment was made (card, bank transfer, cash, UPI, cheque …),
//! optionally linked to one of the organisation's accounts. Names are unique per
//! organisation, ignoring case; archived methods stay on old transactions but leave the
//! pickers.
//!
//! Rule: this file is the feature's face (its modules, what others use, its routes);
//! the pages and server code import `types` and each other, never this file.

mod detail;
mod edit;
mod list;
pub mod types;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use detail::{
    GetPaymentMethod, PaymentMethodPage, SetPaymentMethodArchived, get_payment_method,
    set_payment_method_archived,
};
pub use edit::{SavePaymentMethod, save_payment_method};
pub use list::{ListPaymentMethods, PaymentMethodsPage, list_payment_methods};
pub use types::{
    PaymentMethodEdit, PaymentMethodFormInput, PaymentMethodView, PaymentMethodsOverview,
};

crate::routes!(PaymentMethodRoutes {
    "/payment-methods" => PaymentMethodsPage,
    "/payment-methods/:id" => PaymentMethodPage,
});
