//! Text bound for a spreadsheet (a report's CSV download).
//!
//! Rule: a cell that a spreadsheet program would run as a formula is written as text, so
//! a payee named "=HYPERLINK(…)" cannot act when the download is opened.

/// `cell` as a spreadsheet keeps it: an apostrophe before a leading `=`, `+`, `-` or `@`.
pub fn text_cell(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_stay_text_and_the_rest_is_untouched() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text_cell("-5"), "'-5");
        assert_eq!(text_cell("Groceries"), "Groceries");
        assert_eq!(text_cell(""), "");
    }
}
