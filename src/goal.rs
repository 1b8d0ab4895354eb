//! Savings goals as forms and pages name them: what a goal is for, how much it matters,
//! and the words for its status changes.
//!
//! Rule: the names here are stored in the database and posted by forms, so they never
//! change; labels may. The arithmetic of progress and milestones is `crate::planning`'s.

use crate::planning::GoalAction;
use serde::{Deserialize, Serialize};

/// What a goal is saved for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum GoalKind {
    EmergencyFund,
    Purchase,
    Travel,
    Education,
    Retirement,
    Other,
}

impl GoalKind {
    pub const ALL: [Self; 6] = [
        Self::EmergencyFund,
        Self::Purchase,
        Self::Travel,
        Self::Education,
        Self::Retirement,
        Self::Other,
    ];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EmergencyFund => "emergency_fund",
            Self::Purchase => "purchase",
            Self::Travel => "travel",
            Self::Education => "education",
            Self::Retirement => "retirement",
            Self::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::EmergencyFund => "Emergency fund",
            Self::Purchase => "Purchase",
            Self::Travel => "Travel",
            Self::Education => "Education",
            Self::Retirement => "Retirement",
            Self::Other => "Other",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw.trim())
    }
}

/// How much a goal matters next to the others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Self; 3] = [Self::High, Self::Medium, Self::Low];

    /// The name stored in the database and used in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::High => "high",
            Self::Medium => "medium",
            Self::Low => "low",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::High => "High",
            Self::Medium => "Medium",
            Self::Low => "Low",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw.trim())
    }
}

/// What a goal has become after `action`, as a sentence ends: "paused".
pub fn past_tense(action: GoalAction) -> &'static str {
    match action {
        GoalAction::Pause => "paused",
        GoalAction::Resume => "resumed",
        GoalAction::Complete => "completed",
        GoalAction::Cancel => "cancelled",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;

    #[test]
    fn stored_names_read_back_as_the_same_kind_and_priority() {
        assert_names_round_trip!(GoalKind, Priority);
        assert_eq!(GoalKind::parse(" travel "), Some(GoalKind::Travel));
        assert_eq!(GoalKind::parse("Travel"), None);
        assert_eq!(Priority::parse(""), None);
    }

    #[test]
    fn every_action_has_its_own_past_tense() {
        let words: Vec<&str> = GoalAction::ALL.into_iter().map(past_tense).collect();
        assert_eq!(words, ["paused", "resumed", "completed", "cancelled"]);
    }
}
