//! The summary reports: where each goal or each debt stands today, rather than income and
//! spending over a range.
//!
//! Rule: a summary is named in the report's address by [`Summary::as_str`] and takes no
//! range, so its query is only `group=…`.

/// A report that is not income and spending grouped over a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Summary {
    Goals,
    Debts,
}

impl Summary {
    pub const ALL: &'static [Self] = &[Self::Goals, Self::Debts];

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.as_str() == raw)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Goals => "goals",
            Self::Debts => "debts",
        }
    }

    /// The report's query string: a summary takes no range.
    pub fn query(self) -> String {
        format!("group={}", self.as_str())
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Goals => "Goals summary",
            Self::Debts => "Debts summary",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_summary_reads_back_from_its_query() {
        for summary in Summary::ALL {
            assert_eq!(summary.query(), format!("group={}", summary.as_str()));
            assert_eq!(Summary::parse(summary.as_str()), Some(*summary));
        }
        assert_eq!(Summary::parse("category"), None);
        assert_eq!(Summary::Debts.label(), "Debts summary");
    }
}
