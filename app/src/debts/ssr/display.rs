//! Debts shaped for display: amounts in the user's number format, a debt's summary line
//! and today's date. Rule: formatting only; no queries.

use crate::debts::repo::DebtRecord;
use crate::debts::types::{DebtKind, DebtSummary};
use crate::form::format_date;
use florin::debt_stats::rate_text;
use florin::money::{Money, NumberFormat};
use time::{Date, OffsetDateTime};

/// An amount with its currency, as the user writes numbers.
pub fn money(minor: i64, currency: &str, format: NumberFormat) -> String {
    Money::new(minor, currency).format(format)
}

pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// A debt as the list and its page head show it.
pub fn summary(record: &DebtRecord, format: NumberFormat) -> DebtSummary {
    let m = |minor| money(minor, &record.currency, format);
    DebtSummary {
        id: record.id,
        name: record.name.clone(),
        kind_label: DebtKind::parse(&record.kind)
            .map_or_else(|| record.kind.clone(), |k| k.label().to_owned()),
        lender: record.lender.clone(),
        currency: record.currency.clone(),
        principal: m(record.principal),
        remaining: m(record.remaining),
        total_paid: m(record.paid_in_total()),
        interest_paid: m(record.interest_paid),
        payoff: m(record.payoff()),
        emi: m(record.emi),
        rate: rate_text(record.rate()),
        next_payment: format_date(record.next_payment_date),
        paid_off: !record.is_active(),
    }
}
