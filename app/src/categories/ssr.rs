//! Server-side work of the category pages: rows shaped for display, and the posted forms
//! checked into writes. Rule: called by this feature's server functions only.

use super::repo::{self, CategoryInput};
use super::types::{CategoryDeleteInput, CategoryFormInput, CategoryView};
use crate::accounts::form_parts;
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;
use florin::ledger::CategoryKind;

/// The colour of a category saved without one.
const DEFAULT_COLOUR: &str = "#8d99ae";

/// Every category of the organisation, with its parent's name.
pub async fn list(member: &Member) -> Result<Vec<CategoryView>, AppError> {
    let rows = repo::list(member.db(), &member.scope).await?;
    let name_of = |id: i64| rows.iter().find(|r| r.id == id).map(|r| r.name.clone());
    Ok(rows
        .iter()
        .map(|r| CategoryView {
            id: r.id,
            name: r.name.clone(),
            kind: r.kind.clone(),
            parent_id: r.parent_id,
            parent_name: r.parent_id.and_then(name_of),
            colour: r.colour.clone(),
            archived: r.archived,
            transactions: r.transactions,
        })
        .collect())
}

/// Adds a category (empty `id`) or updates one; true when it is new.
pub async fn save(member: &Member, input: &CategoryFormInput) -> Result<bool, AppError> {
    let existing = form_parts::existing_id(&input.id)?;
    let category = validate(input)?;
    match existing {
        None => repo::create(member.db(), &member.scope, &category)
            .await
            .map(|_| true),
        Some(id) => repo::update(member.db(), &member.scope, id, &category)
            .await
            .map(|()| false),
    }
}

fn validate(input: &CategoryFormInput) -> Result<CategoryInput, AppError> {
    let mut errors = FieldErrors::new();
    let name = form_parts::name(&input.name, "category", 60, &mut errors);
    let kind = CategoryKind::parse(&input.kind);
    if kind.is_none() {
        errors.add("kind", "Choose expense or income.");
    }
    let parent_id = form_parts::optional_id(
        &input.parent_id,
        "parent_id",
        "Choose a parent from the list.",
        &mut errors,
    );
    let colour = match input.colour.trim() {
        "" => DEFAULT_COLOUR.to_owned(),
        c if florin::ledger::is_colour(c) => c.to_lowercase(),
        _ => {
            errors.add("colour", "Use a colour like #2a9d8f.");
            String::new()
        }
    };
    errors.into_result()?;
    Ok(CategoryInput {
        name: name.to_owned(),
        kind: kind.ok_or(AppError::Internal)?,
        parent_id,
        colour,
    })
}

/// Deletes a category, moving its transactions to the chosen one; how many moved.
pub async fn delete(member: &Member, input: &CategoryDeleteInput) -> Result<u64, AppError> {
    let id = input.id.trim().parse().map_err(|_| AppError::NotFound)?;
    let mut errors = FieldErrors::new();
    let into = form_parts::optional_id(
        &input.into,
        "into",
        "Choose a category from the list.",
        &mut errors,
    );
    errors.into_result()?;
    repo::delete_into(member.db(), &member.scope, id, into).await
}

/// The flash after a delete: how many transactions moved with it.
pub fn deleted_message(moved: u64) -> String {
    match moved {
        0 => "Category deleted.".to_owned(),
        1 => "Category deleted; 1 transaction moved.".to_owned(),
        n => format!("Category deleted; {n} transactions moved."),
    }
}
