//! Organisations and memberships: the boundary of every financial record.
//!
//! Rule: every query on financial data is scoped by an organisation id obtained from
//! [`scope`], which proves the signed-in user is a member with the needed access. An
//! organisation the user does not belong to is indistinguishable from one that does not
//! exist (`NotFound`).

#[cfg(feature = "ssr")]
use crate::error::AppError;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod repo;

/// One organisation as its member sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub role: String,
    pub members: i64,
}

/// Everything a scoped server function needs: the state, the session, the signed-in
/// user, and proof of membership in the organisation being worked on.
#[cfg(feature = "ssr")]
pub struct Member {
    pub app: crate::state::AppState,
    pub user: crate::session::CurrentUser,
    pub scope: repo::Scope,
}

#[cfg(feature = "ssr")]
impl Member {
    pub fn org(&self) -> i64 {
        self.scope.org_id
    }

    pub fn db(&self) -> &crate::db::Db {
        &self.app.db
    }

    pub fn number_format(&self) -> florin::money::NumberFormat {
        florin::money::NumberFormat::for_locale(&self.user.locale)
    }
}

/// The signed-in user acting in their current organisation with `access`. Users with no
/// organisation (administrators) get `NotFound`: there are no books for them to see.
#[cfg(feature = "ssr")]
pub async fn require_member(access: florin::role::Access) -> Result<Member, AppError> {
    let (app, _session, user) = crate::session::require_user().await?;
    member_in_default_org(app, user, access)
        .await
        .inspect_err(crate::session::set_status)
}

/// `user` acting in their default organisation with `access`; for plain axum handlers
/// (downloads, uploads) as much as for server functions.
#[cfg(feature = "ssr")]
pub async fn member_in_default_org(
    app: crate::state::AppState,
    user: crate::session::CurrentUser,
    access: florin::role::Access,
) -> Result<Member, AppError> {
    let org = repo::default_org(&app.db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = repo::scope(&app.db, user.id, org, access).await?;
    Ok(Member { app, user, scope })
}
