//! Category rows: per organisation, expense or income, optionally nested one level.

use crate::db::{Db, Rule, Tx, on_violation};
use crate::error::{AppError, FieldErrors};
use crate::orgs::repo::Scope;
use crate::{on_tx, sql, sql_tx};
use florin::ledger::{CategoryKind, DEFAULT_CATEGORIES};
use time::OffsetDateTime;

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct CategoryRow {
        pub id: i64,
        pub name: String,
        pub kind: String,
        pub parent_id: Option<i64>,
        pub colour: String,
        pub archived: bool,
        pub transactions: i64,
    }
}

/// Creates the default categories of a new organisation, inside its creating transaction.
#[tracing::instrument(skip_all, fields(org = org_id))]
pub async fn insert_defaults(tx: &mut Tx, org_id: i64) -> Result<(), sqlx::Error> {
    let now = OffsetDateTime::now_utc();
    for (name, kind, colour) in DEFAULT_CATEGORIES {
        sql_tx!(
            tx,
            execute,
            "INSERT INTO categories (organisation_id, name, kind, colour, archived, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
            org_id,
            *name,
            kind.as_str(),
            *colour,
            false,
            now
        )?;
    }
    Ok(())
}

pub async fn list(db: &Db, scope: &Scope) -> Result<Vec<CategoryRow>, AppError> {
    let sql = "SELECT c.id, c.name, c.kind, c.parent_id, c.colour, c.archived, \
                      (SELECT COUNT(*) FROM transactions t WHERE t.category_id = c.id) AS transactions \
               FROM categories c WHERE c.organisation_id = $1 \
               ORDER BY c.kind, c.archived, LOWER(c.name), c.id";
    crate::accounts::repo::org_rows(db, scope, sql).await
}

/// A category to store, already checked.
pub struct CategoryInput {
    pub name: String,
    pub kind: CategoryKind,
    pub parent_id: Option<i64>,
    pub colour: String,
}

/// Checks that a parent belongs to the organisation, has the same kind and is itself a
/// top-level category (one level of nesting keeps reports readable).
async fn check_parent(
    db: &Db,
    scope: &Scope,
    input: &CategoryInput,
    own_id: Option<i64>,
) -> Result<(), AppError> {
    let Some(parent) = input.parent_id else {
        return Ok(());
    };
    let row: Option<(String, Option<i64>)> = sql!(
        db,
        optional,
        "SELECT kind, parent_id FROM categories WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        parent
    )?;
    let mut errors = FieldErrors::new();
    match row {
        None => errors.add("parent_id", "Choose a parent from the list."),
        Some(_) if Some(parent) == own_id => {
            errors.add("parent_id", "A category cannot be its own parent.");
        }
        Some((kind, _)) if kind != input.kind.as_str() => {
            errors.add("parent_id", "The parent must be of the same kind.");
        }
        Some((_, Some(_))) => errors.add("parent_id", "Choose a top-level category as the parent."),
        Some(_) => {}
    }
    errors.into_result()
}

/// Names are unique per organisation and kind, whatever their case.
const UNIQUE_NAME: [Rule; 1] = [Rule {
    postgres: "categories_org_kind_name_key",
    sqlite: "index 'categories_org_kind_name_key'",
    field: "name",
    message: "A category of that kind with that name already exists.",
}];

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, input: &CategoryInput) -> Result<i64, AppError> {
    check_parent(db, scope, input, None).await?;
    let id = sql!(db, scalar, "INSERT INTO categories (organisation_id, name, kind, parent_id, colour, archived, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id", scope.org_id, &input.name, input.kind.as_str(), input.parent_id, &input.colour, false, OffsetDateTime::now_utc())
    .map_err(|e| on_violation(e, &UNIQUE_NAME))?;
    Ok(id)
}

/// Renames, recolours or re-parents a category; its kind is fixed once created.
#[tracing::instrument(skip_all, fields(org = scope.org_id, category = id))]
pub async fn update(
    db: &Db,
    scope: &Scope,
    id: i64,
    input: &CategoryInput,
) -> Result<(), AppError> {
    check_parent(db, scope, input, Some(id)).await?;
    let changed = sql!(
        db,
        execute,
        "UPDATE categories SET name = $3, parent_id = $4, colour = $5 \
         WHERE organisation_id = $1 AND id = $2 AND kind = $6",
        scope.org_id,
        id,
        &input.name,
        input.parent_id,
        &input.colour,
        input.kind.as_str()
    )
    .map_err(|e| on_violation(e, &UNIQUE_NAME))?;
    crate::db::found(changed)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, category = id, archived = archived))]
pub async fn set_archived(db: &Db, scope: &Scope, id: i64, archived: bool) -> Result<(), AppError> {
    let changed = sql!(
        db,
        execute,
        "UPDATE categories SET archived = $3 WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        archived
    )?;
    crate::db::found(changed)
}

/// Moves every transaction of `from` to `into`, then deletes `from`,
/// all in one transaction. Both must belong to the organisation and share a kind. With
/// `into = None` the category is deleted only when nothing uses it.
#[tracing::instrument(skip_all, fields(org = scope.org_id, category = from, into = into))]
pub async fn delete_into(
    db: &Db,
    scope: &Scope,
    from: i64,
    into: Option<i64>,
) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    check_target(&mut tx, scope, from, into).await?;
    let moved = match into {
        Some(target) => sql_tx!(
            &mut tx,
            execute,
            "UPDATE transactions SET category_id = $3 WHERE organisation_id = $1 AND category_id = $2",
            scope.org_id,
            from,
            target
        )?,
        None => {
            refuse_if_used(&mut tx, scope, from).await?;
            0
        }
    };
    on_tx!(&mut tx, |conn| {
        // Children are promoted to the top level rather than nested under the target,
        // which may itself be a child.
        sqlx::query(
            "UPDATE categories SET parent_id = NULL WHERE organisation_id = $1 AND parent_id = $2",
        )
        .bind(scope.org_id)
        .bind(from)
        .execute(conn)
        .await
        .map(|done| done.rows_affected())
    })?;
    sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM categories WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        from
    )?;
    tx.commit().await?;
    Ok(moved)
}

/// `NotFound` unless `from` is the organisation's; a field error unless `into`, when
/// given, is another of its categories of the same kind.
async fn check_target(
    tx: &mut Tx,
    scope: &Scope,
    from: i64,
    into: Option<i64>,
) -> Result<(), AppError> {
    let kinds: Vec<(i64, String)> = sql_tx!(
        tx,
        all,
        "SELECT id, kind FROM categories WHERE organisation_id = $1 AND (id = $2 OR id = $3)",
        scope.org_id,
        from,
        into.unwrap_or(from)
    )?;
    let kind_of = |id: i64| kinds.iter().find(|(k, _)| *k == id).map(|(_, kind)| kind);
    let from_kind = kind_of(from).ok_or(AppError::NotFound)?;
    let Some(target) = into else {
        return Ok(());
    };
    let message = match kind_of(target) {
        None => "Choose a category from the list.",
        Some(_) if target == from => "Choose a different category.",
        Some(kind) if kind != from_kind => "Choose a category of the same kind.",
        Some(_) => return Ok(()),
    };
    Err(crate::accounts::form_parts::refused("into", message))
}

/// Refuses to delete a category that transactions still use.
async fn refuse_if_used(tx: &mut Tx, scope: &Scope, category: i64) -> Result<(), AppError> {
    let used: i64 = sql_tx!(
        tx,
        scalar,
        "SELECT COUNT(*) FROM transactions WHERE organisation_id = $1 AND category_id = $2",
        scope.org_id,
        category
    )?;
    if used > 0 {
        let message = "This category has transactions; choose where they go.";
        return Err(crate::accounts::form_parts::refused("into", message));
    }
    Ok(())
}
