//! Households: one user's default organisation with other users added to it.

use crate::common::TestApp;
use crate::common::query::{member_scope, user_id};
use florin::role::{Access, Area, MemberRole, Rights};
use florin_app::orgs::repo::add_member;

/// Adds the user `member` to `owner`'s default organisation as its owner would, with
/// `role` and `rights`, and returns that organisation's id.
pub async fn add_to_household(
    app: &TestApp,
    owner: &str,
    member: &str,
    role: MemberRole,
    rights: Rights,
) -> i64 {
    let owner = member_scope(app, owner, Access::Write(Area::Members)).await;
    let member = user_id(app, member).await;
    add_member(&app.db, &owner, member, role, rights)
        .await
        .expect("add member");
    owner.org_id
}
