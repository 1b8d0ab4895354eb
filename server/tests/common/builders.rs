//! One place that knows how to make what a test needs before the behaviour it checks: an
//! account, an expense, a debt, a goal, a budget, a cycle and its templates, a limit, a
//! household. Each builder posts the same form, with the same fields, that a person
//! would, and checks the app accepted it, so a broken form fails where it is built
//! rather than in some later assertion. Rows a test needs many or exact ones of are
//! written straight through the repositories by [`repo`].

pub mod account;
pub mod budget;
pub mod cycle;
pub mod debt;
pub mod goal;
pub mod limit;
pub mod organisation;
pub mod repo;
pub mod transaction;

use super::Page;

/// A form's fields: `defaults` in order, each replaced by the override of the same name;
/// overrides naming no default field are added at the end.
pub fn form_fields<'a>(
    defaults: &[(&'a str, &'a str)],
    overrides: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = defaults.to_vec();
    for &(name, value) in overrides {
        match fields.iter_mut().find(|(field, _)| *field == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

/// The fields of a form that acts on one record: `(key, id)`, then `fields`, then each of
/// `defaults` that `fields` does not name.
pub fn for_record<'a>(
    key: (&'a str, &'a str),
    fields: &[(&'a str, &'a str)],
    defaults: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut all = vec![key];
    all.extend_from_slice(fields);
    for &(name, value) in defaults {
        if !fields.iter().any(|(field, _)| *field == name) {
            all.push((name, value));
        }
    }
    all
}

/// The id in the redirect a successful "add" form answers with: `/debts/7` gives 7 for
/// the prefix `/debts/`.
pub fn id_from_redirect(posted: &Page, prefix: &str) -> i64 {
    let location = posted.location.as_deref().expect("a redirect");
    location
        .strip_prefix(prefix)
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "a redirect to {prefix}<id>, got {location}: {}",
                posted.body
            )
        })
}
