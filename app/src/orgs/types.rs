//! Types shared by the organisation queries and the pages that list organisations.

use serde::{Deserialize, Serialize};

/// One organisation as its member sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgSummary {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub role: String,
    pub members: i64,
}
