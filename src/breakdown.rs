//! Totals broken down into parts, as reports and the dashboard show them: groups ordered
//! largest first, days folded into months, the largest slices with the rest summed, and
//! each part's share of the whole.
//!
//! Rule: exact integer arithmetic in minor units, as everywhere in the core; only the
//! share is rounded, and only for display.

use crate::report::Totals;
use std::collections::BTreeMap;

/// Sums group totals keyed by day (`2026-03-17`) or month start into one per month,
/// keyed by its first day (`2026-03-01`).
pub fn by_month(groups: BTreeMap<String, Totals>) -> BTreeMap<String, Totals> {
    let mut months: BTreeMap<String, Totals> = BTreeMap::new();
    for (day, totals) in groups {
        let month = format!("{}-01", day.get(..7).unwrap_or(&day));
        let slot = months.entry(month).or_default();
        slot.income += totals.income;
        slot.spending += totals.spending;
    }
    months
}

/// Orders labelled rows by how much moved through each (income and spending), largest
/// first; equal ones by label.
pub fn largest_first<T>(rows: &mut [(String, Totals, T)]) {
    rows.sort_by(|a, b| {
        (b.1.spending + b.1.income)
            .cmp(&(a.1.spending + a.1.income))
            .then_with(|| a.0.cmp(&b.0))
    });
}

/// The sum of every row's totals.
pub fn total<'a>(totals: impl IntoIterator<Item = &'a Totals>) -> Totals {
    totals.into_iter().fold(Totals::default(), |acc, t| Totals {
        income: acc.income + t.income,
        spending: acc.spending + t.spending,
    })
}

/// The positive slices, largest first (equal ones by name), at most `keep` of them: when
/// there are more, the smallest are summed into one slice named `rest`.
pub fn largest_with_rest(
    slices: impl IntoIterator<Item = (String, i64)>,
    keep: usize,
    rest: &str,
) -> Vec<(String, i64)> {
    let mut slices: Vec<(String, i64)> = slices.into_iter().filter(|(_, t)| *t > 0).collect();
    slices.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if keep > 0 && slices.len() > keep {
        let others: i64 = slices[keep - 1..].iter().map(|(_, t)| *t).sum();
        slices.truncate(keep - 1);
        slices.push((rest.to_owned(), others));
    }
    slices
}

/// `part` of `whole` as a whole percentage, rounded half up ("0 %" of nothing).
pub fn share_label(part: i64, whole: i64) -> String {
    if whole <= 0 {
        return "0 %".to_owned();
    }
    let pct = (i128::from(part) * 200 + i128::from(whole)) / (i128::from(whole) * 2);
    format!("{pct} %")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(income: i64, spending: i64) -> Totals {
        Totals { income, spending }
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share_label(1, 3), "33 %");
        assert_eq!(share_label(1, 8), "13 %");
        assert_eq!(share_label(5, 0), "0 %");
    }

    #[test]
    fn days_and_month_starts_fold_into_their_month() {
        let groups = BTreeMap::from([
            ("2026-03-01".to_owned(), t(100, 0)),
            ("2026-03-17".to_owned(), t(0, 40)),
            ("2026-04-02".to_owned(), t(5, 5)),
        ]);
        let months = by_month(groups);
        assert_eq!(months.len(), 2);
        assert_eq!(months["2026-03-01"], t(100, 40));
        assert_eq!(months["2026-04-01"], t(5, 5));
    }

    #[test]
    fn rows_run_largest_first_and_add_up() {
        let mut rows = vec![
            ("b".to_owned(), t(0, 10), ()),
            ("a".to_owned(), t(10, 0), ()),
            ("c".to_owned(), t(50, 0), ()),
        ];
        largest_first(&mut rows);
        let labels: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(labels, ["c", "a", "b"]);
        assert_eq!(total(rows.iter().map(|r| &r.1)), t(60, 10));
    }

    #[test]
    fn beyond_the_kept_slices_the_rest_is_summed() {
        let slices =
            [("a", 5), ("b", 40), ("c", 0), ("d", 30), ("e", 10)].map(|(n, v)| (n.to_owned(), v));
        let kept = largest_with_rest(slices.clone(), 3, "Everything else");
        assert_eq!(
            kept,
            [("b", 40), ("d", 30), ("Everything else", 15)].map(|(n, v)| (n.to_owned(), v))
        );
        assert_eq!(
            largest_with_rest(slices, 6, "rest").len(),
            4,
            "zero left out"
        );
    }
}
