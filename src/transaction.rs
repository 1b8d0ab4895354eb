//! A transaction's amounts as people type and read them: typed as positive numbers (the
//! kind says which way the money goes), shown signed, or as both legs of a transfer
//! between currencies.

use crate::ledger::TransactionKind;
use crate::money::{AmountError, Money, NumberFormat};
use std::fmt;

/// Why a typed transaction amount is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositiveAmountError {
    /// A sign was typed; the kind gives the direction instead.
    Signed,
    Zero,
    Amount(AmountError),
}

impl fmt::Display for PositiveAmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Signed => {
                f.write_str("Enter the amount without a sign; the kind says which way it goes.")
            }
            Self::Zero => f.write_str("Enter an amount greater than zero."),
            Self::Amount(error) => error.fmt(f),
        }
    }
}

/// A typed amount in `currency`'s minor units, which must be written without a sign
/// and be more than zero.
pub fn parse_positive(
    raw: &str,
    currency: &str,
    format: NumberFormat,
) -> Result<i64, PositiveAmountError> {
    if raw.trim().starts_with('-') {
        return Err(PositiveAmountError::Signed);
    }
    match Money::parse(raw, currency, format) {
        Ok(money) if money.minor > 0 => Ok(money.minor),
        Ok(_) => Err(PositiveAmountError::Zero),
        Err(error) => Err(PositiveAmountError::Amount(error)),
    }
}

/// How a list shows a transaction's amount: `+` for income, `-` for an expense; a
/// transfer shows what left, and what `arrived` when that is in another currency.
pub fn amount_label(
    kind: Option<TransactionKind>,
    amount: &Money,
    arrived: Option<&Money>,
    format: NumberFormat,
) -> String {
    match kind {
        Some(TransactionKind::Income) => format!("+{}", amount.format(format)),
        Some(TransactionKind::Expense) => format!("-{}", amount.format(format)),
        _ => match arrived {
            Some(arrived) if arrived.currency != amount.currency => {
                format!("{} → {}", amount.format(format), arrived.format(format))
            }
            _ => amount.format(format),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> NumberFormat {
        NumberFormat::for_locale("en")
    }

    #[test]
    fn typed_amounts_are_positive_and_unsigned() {
        assert_eq!(parse_positive("12.50", "USD", english()), Ok(1250));
        assert_eq!(
            parse_positive(" -3", "USD", english()),
            Err(PositiveAmountError::Signed)
        );
        assert_eq!(
            parse_positive("0", "USD", english()),
            Err(PositiveAmountError::Zero)
        );
        assert_eq!(
            parse_positive("1.234", "USD", english()).map_err(|e| e.to_string()),
            Err("USD amounts have at most 2 decimals.".to_owned())
        );
    }

    #[test]
    fn income_and_expense_are_signed_and_transfers_show_both_currencies() {
        let usd = Money::new(500, "USD");
        let eur = Money::new(460, "EUR");
        let label = |kind, arrived| amount_label(kind, &usd, arrived, english());
        assert_eq!(label(Some(TransactionKind::Income), None), "+$5.00");
        assert_eq!(label(Some(TransactionKind::Expense), None), "-$5.00");
        assert_eq!(label(Some(TransactionKind::Transfer), Some(&usd)), "$5.00");
        assert_eq!(
            label(Some(TransactionKind::Transfer), Some(&eur)),
            "$5.00 → €4.60"
        );
    }
}
