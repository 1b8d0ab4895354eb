//! Defusing spreadsheet formulas in exported text (CSV injection). Export escapes what a
//! spreadsheet would run; import removes exactly that escape and nothing else.

/// Text starting with these is run as a formula by spreadsheet programs, so a payee named
/// "=HYPERLINK(…)" in a bank feed could act when the export is opened (CSV injection).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Prefixes an apostrophe, which spreadsheets show as text; import removes it again.
pub(super) fn escape_formula(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Undoes [`escape_formula`] only: an apostrophe before anything else is the text's own
/// ("'quoted'") and stays.
pub(super) fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}
