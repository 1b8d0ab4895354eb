//! Organisations and memberships: the boundary of every financial record.
//!
//! Rule: every query on financial data is scoped by an organisation id obtained from
//! [`repo::scope`], which proves the signed-in user is a member with the needed access.
//! An organisation the user does not belong to is indistinguishable from one that does
//! not exist (`NotFound`).

#[cfg(feature = "ssr")]
mod member;
#[cfg(feature = "ssr")]
pub mod repo;
pub mod types;

#[cfg(feature = "ssr")]
pub use member::{
    Deletion, Member, Saving, delete_record, member_in_default_org, reading, require_member,
    save_record,
};
pub use types::OrgSummary;
