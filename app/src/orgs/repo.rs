//! Membership checks and organisation queries.
//!
//! Rule: only [`scope`] makes a [`Scope`], and only after checking the membership and the
//! access asked for; writes to a membership need an owner's scope.

use super::types::OrgSummary;
use crate::db::Db;
use crate::error::AppError;
use crate::sql;
use florin::role::{Access, MemberRole, Rights, permits};

/// Proof that a user may act in an organisation. Only [`scope`] makes one, so a
/// repository function that takes a `Scope` cannot be called without the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub org_id: i64,
    pub user_id: i64,
    pub role: MemberRole,
    pub rights: Rights,
}

crate::from_row! {
    struct MembershipRow {
        role: String,
        rights: i64,
    }
}

/// Checks that `user_id` is a member of `org_id` with `access`. Not a member (or no such
/// organisation): `NotFound`. A member without the right: `Forbidden`.
pub async fn scope(db: &Db, user_id: i64, org_id: i64, access: Access) -> Result<Scope, AppError> {
    let row: Option<MembershipRow> = sql!(
        db,
        optional,
        "SELECT m.role, m.rights FROM memberships m \
         JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 AND m.user_id = $2 AND u.is_active = $3",
        org_id,
        user_id,
        true
    )?;
    let row = row.ok_or(AppError::NotFound)?;
    let role =
        MemberRole::parse(&row.role).ok_or_else(|| AppError::internal("unknown member role"))?;
    let rights = Rights::from_bits(row.rights);
    if !permits(role, rights, access) {
        return Err(AppError::Forbidden);
    }
    Ok(Scope {
        org_id,
        user_id,
        role,
        rights,
    })
}

/// The organisation a user works in by default: the oldest one they own, else the oldest
/// they belong to.
pub async fn default_org(db: &Db, user_id: i64) -> Result<Option<i64>, AppError> {
    let id: Option<i64> = sql!(
        db,
        scalar_optional,
        "SELECT organisation_id FROM memberships WHERE user_id = $1 \
         ORDER BY CASE role WHEN 'owner' THEN 0 ELSE 1 END, organisation_id LIMIT 1",
        user_id
    )?;
    Ok(id)
}

pub async fn list_for_user(db: &Db, user_id: i64) -> Result<Vec<OrgSummary>, AppError> {
    let rows: Vec<(i64, String, String, String, i64)> = sql!(
        db,
        all,
        "SELECT o.id, o.name, o.kind, m.role, \
                (SELECT COUNT(*) FROM memberships all_m WHERE all_m.organisation_id = o.id) AS members \
         FROM memberships m JOIN organisations o ON o.id = m.organisation_id \
         WHERE m.user_id = $1 ORDER BY o.id",
        user_id
    )?;
    Ok(rows
        .into_iter()
        .map(|(id, name, kind, role, members)| OrgSummary {
            id,
            name,
            kind,
            role,
            members,
        })
        .collect())
}

/// Adds a member to an organisation; only an owner may.
#[tracing::instrument(skip_all, fields(org = owner.org_id, user_id = user_id, role = role.as_str()))]
pub async fn add_member(
    db: &Db,
    owner: &Scope,
    user_id: i64,
    role: MemberRole,
    rights: Rights,
) -> Result<(), AppError> {
    if owner.role != MemberRole::Owner {
        return Err(AppError::Forbidden);
    }
    sql!(
        db,
        execute,
        "INSERT INTO memberships (organisation_id, user_id, role, rights, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
        owner.org_id,
        user_id,
        role.as_str(),
        rights.bits(),
        time::OffsetDateTime::now_utc()
    )?;
    Ok(())
}
