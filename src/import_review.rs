//! What the review of a statement import says: of each row (new, already in the account,
//! or wrong) and of the batch (waiting for review, or imported).

use serde::{Deserialize, Serialize};

/// One row's fate in the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RowStatus {
    New,
    /// Already in the account (same bank id, or same date, amount and payee).
    Duplicate,
    Error,
}

impl RowStatus {
    pub const ALL: [Self; 3] = [Self::New, Self::Duplicate, Self::Error];

    /// The name used in pages' data and CSS classes (`import-new`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Duplicate => "duplicate",
            Self::Error => "error",
        }
    }

    /// The status as the review table shows it; an error adds its message.
    pub fn label(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Duplicate => "Already in the account",
            Self::Error => "Error",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }
}

/// Where an uploaded batch stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BatchStatus {
    /// Uploaded, waiting for review.
    Pending,
    Committed,
}

impl BatchStatus {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Committed => "committed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Pending, Self::Committed]
            .into_iter()
            .find(|s| s.as_str() == raw.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::assert_names_round_trip;

    #[test]
    fn statuses_read_back_what_they_write() {
        assert_names_round_trip!(RowStatus);
        assert_eq!(RowStatus::parse("other"), None);
        assert_eq!(RowStatus::Duplicate.label(), "Already in the account");
        assert_eq!(
            BatchStatus::parse("committed"),
            Some(BatchStatus::Committed)
        );
        assert_eq!(BatchStatus::parse(" pending "), Some(BatchStatus::Pending));
        assert_eq!(BatchStatus::parse("done"), None);
    }
}
