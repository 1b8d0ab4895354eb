//! Who may do what. Financial data belongs to organisations; a user reaches it only
//! through a membership, and the membership's role decides what they may do there. The
//! user's own role (personal, business, sub-user, admin) is about the instance, not data.

use serde::{Deserialize, Serialize};

/// The role of a user account on the instance, as the seeds define it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserRole {
    /// Keeps their own finances in a personal organisation of one.
    Personal,
    /// Owns a business organisation and manages its sub-users.
    Business,
    /// Works inside a business organisation within what its owner allows.
    SubUser,
    /// Operates the instance: lists, disables and re-enables users; sees no finances.
    Admin,
}

impl UserRole {
    pub const ALL: [Self; 4] = [Self::Personal, Self::Business, Self::SubUser, Self::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Personal => "personal",
            Self::Business => "business",
            Self::SubUser => "sub_user",
            Self::Admin => "admin",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == raw)
    }

    /// Admins operate the instance and are never members of anyone's books.
    pub fn may_hold_finances(self) -> bool {
        self != Self::Admin
    }
}

/// The role a user holds in one organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    /// Full control, including members and their rights.
    Owner,
    /// Reads everything; writes only where the owner granted it.
    Member,
    /// Reads, never writes.
    Viewer,
}

impl MemberRole {
    pub const ALL: [Self; 3] = [Self::Owner, Self::Member, Self::Viewer];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Member => "member",
            Self::Viewer => "viewer",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == raw)
    }
}

/// The areas of an organisation's books that an owner can open to a member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    Ledger,
    Budgets,
    Goals,
    Debts,
    Reports,
    Members,
}

/// Rights a member holds, as a bit set stored in one integer column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rights(i64);

impl Rights {
    pub const NONE: Self = Self(0);

    fn bit(area: Area) -> i64 {
        1 << (area as i64)
    }

    pub fn from_bits(bits: i64) -> Self {
        Self(bits)
    }

    pub fn bits(self) -> i64 {
        self.0
    }

    pub fn with(self, area: Area) -> Self {
        Self(self.0 | Self::bit(area))
    }

    pub fn contains(self, area: Area) -> bool {
        self.0 & Self::bit(area) != 0
    }
}

/// What a membership allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Read,
    Write(Area),
}

/// The one decision every scoped action goes through.
pub fn permits(role: MemberRole, rights: Rights, access: Access) -> bool {
    match (role, access) {
        (_, Access::Read) => true,
        (MemberRole::Owner, Access::Write(_)) => true,
        (MemberRole::Member, Access::Write(Area::Members)) => false,
        (MemberRole::Member, Access::Write(area)) => rights.contains(area),
        (MemberRole::Viewer, Access::Write(_)) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;

    #[test]
    fn roles_round_trip_through_their_stored_names() {
        assert_names_round_trip!(UserRole, MemberRole);
        assert_eq!(UserRole::parse("root"), None);
    }

    #[test]
    fn everyone_with_a_membership_may_read() {
        for role in MemberRole::ALL {
            assert!(permits(role, Rights::NONE, Access::Read));
        }
    }

    fn may_write(role: MemberRole, rights: Rights, area: Area) -> bool {
        permits(role, rights, Access::Write(area))
    }

    #[test]
    fn owners_may_write_everywhere() {
        assert!(may_write(MemberRole::Owner, Rights::NONE, Area::Ledger));
        assert!(may_write(MemberRole::Owner, Rights::NONE, Area::Members));
    }

    #[test]
    fn members_write_only_where_granted_and_never_manage_members() {
        let rights = Rights::NONE.with(Area::Ledger).with(Area::Members);
        assert!(may_write(MemberRole::Member, rights, Area::Ledger));
        assert!(!may_write(MemberRole::Member, rights, Area::Debts));
        assert!(!may_write(MemberRole::Member, rights, Area::Members));
    }

    #[test]
    fn viewers_never_write() {
        let all = Rights::NONE.with(Area::Ledger).with(Area::Goals);
        assert!(!may_write(MemberRole::Viewer, all, Area::Ledger));
    }

    #[test]
    fn admins_hold_no_finances() {
        assert!(!UserRole::Admin.may_hold_finances());
        assert!(UserRole::Personal.may_hold_finances());
    }
}
