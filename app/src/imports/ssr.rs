//! Server-side work of the import pages: reading the stored file with a mapping, marking
//! each row new, duplicate or wrong, and turning the rows into transactions.
//!
//! Rule: imports `types` and the repositories, never a page.

use super::repo::{self, Batch};
use super::types::{
    ImportStart, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MappingQuery, PREVIEW_ROWS, Preview,
    PreviewRow, RecentImport,
};
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;
use crate::transactions::repo::{self as tx_repo, AccountRef, CategoryRef, NewTransaction};
use florin::import::{self, DateFormat, ImportRow, Mapping, RowOutcome, Table};
use florin::import_review::{BatchStatus, RowStatus};
use florin::ledger::{Source, TransactionKind};
use florin::money::{Money, NumberFormat};
use std::collections::HashSet;

/// What a commit did.
pub struct Committed {
    pub imported: i64,
    pub skipped: i64,
    pub account_id: i64,
}

impl Committed {
    /// The flash after a commit: how many rows were imported and skipped.
    pub fn message(&self) -> String {
        let imported = self.imported;
        match self.skipped {
            0 => format!("Imported {imported} transactions."),
            1 => format!("Imported {imported} transactions; skipped 1 already in the account."),
            n => format!("Imported {imported} transactions; skipped {n} already in the account."),
        }
    }
}

pub async fn start(member: &Member) -> Result<ImportStart, AppError> {
    let accounts = tx_repo::accounts(member.db(), &member.scope).await?;
    let recent = repo::recent(member.db(), &member.scope).await?;
    Ok(ImportStart {
        accounts: accounts
            .into_iter()
            .filter(|a| !a.archived)
            .map(|a| (a.id.to_string(), format!("{} ({})", a.name, a.currency)))
            .collect(),
        recent: recent
            .into_iter()
            .map(|b| RecentImport {
                id: b.id,
                file_name: b.file_name,
                account_name: b.account_name,
                rows: b.row_count,
                status: b.status,
                imported: b.imported,
                skipped: b.skipped,
                created: b.created_at.date().to_string(),
            })
            .collect(),
    })
}

/// Reads an upload into a table, or a sentence saying why it cannot be imported.
pub fn read(content: &[u8]) -> Result<Table, String> {
    if content.len() > MAX_FILE_BYTES {
        return Err("That file is larger than 5 MB; split it into smaller files.".into());
    }
    // A NUL byte is in no text file; PostgreSQL would refuse it in any text anyway.
    if content.contains(&0) {
        return Err("That file holds NUL bytes, so it is not a CSV text file.".into());
    }
    let table = import::read_table(content, MAX_ROWS).map_err(|e| e.to_string())?;
    if table.headers.len() > MAX_COLUMNS {
        return Err(format!(
            "That file has {} columns; Florin reads files of up to {MAX_COLUMNS}.",
            table.headers.len()
        ));
    }
    Ok(table)
}

/// The mapping the user chose (in the URL or the commit form), else the guess from the
/// file, with a message per field that does not fit the file.
fn mapping_of(query: &MappingQuery, table: &Table) -> (Mapping, FieldErrors) {
    let guess = import::guess_mapping(&table.headers, &table.rows);
    if query.mapped.is_empty() {
        return (guess, FieldErrors::new());
    }
    let mut errors = FieldErrors::new();
    let mut column = |field: &str| -> Option<usize> {
        let raw = query.field(field).trim();
        if raw.is_empty() {
            return None;
        }
        match raw.parse::<usize>() {
            Ok(i) if i < table.headers.len() => Some(i),
            _ => {
                errors.add(field, "Choose a column from the list.");
                None
            }
        }
    };
    let mut mapping = Mapping {
        date: column("date"),
        amount: column("amount"),
        debit: column("debit"),
        credit: column("credit"),
        payee: column("payee"),
        notes: column("notes"),
        category: column("category"),
        tags: column("tags"),
        external_id: column("external_id"),
        date_format: DateFormat::parse(&query.date_format).unwrap_or(guess.date_format),
        decimal_comma: query.decimal_comma == "on",
    };
    if errors.is_empty()
        && let Err(problems) = mapping.check()
    {
        for (field, message) in problems {
            errors.add(field, message);
        }
    }
    if !errors.is_empty() {
        mapping.date = mapping.date.filter(|_| errors.get("date").is_none());
    }
    (mapping, errors)
}

fn query_of(mapping: &Mapping) -> MappingQuery {
    let text = |c: Option<usize>| c.map(|i| i.to_string()).unwrap_or_default();
    MappingQuery {
        date: text(mapping.date),
        amount: text(mapping.amount),
        debit: text(mapping.debit),
        credit: text(mapping.credit),
        payee: text(mapping.payee),
        notes: text(mapping.notes),
        category: text(mapping.category),
        tags: text(mapping.tags),
        external_id: text(mapping.external_id),
        date_format: mapping.date_format.as_str().to_owned(),
        decimal_comma: if mapping.decimal_comma {
            "on".into()
        } else {
            String::new()
        },
        mapped: "1".into(),
    }
}

/// One row's fate.
enum Fate {
    New(ImportRow),
    Duplicate(ImportRow),
    Wrong(import::RowError),
}

struct Analysis {
    batch: Batch,
    account: AccountRef,
    table_headers: Vec<String>,
    mapping: Mapping,
    mapping_errors: FieldErrors,
    fates: Vec<Fate>,
    categories: Vec<CategoryRef>,
}

async fn analyse(member: &Member, id: i64, query: &MappingQuery) -> Result<Analysis, AppError> {
    let db = member.db();
    let mut batch = repo::find(db, &member.scope, id).await?;
    let account = tx_repo::accounts(db, &member.scope)
        .await?
        .into_iter()
        .find(|a| a.id == batch.account_id)
        .ok_or(AppError::NotFound)?;
    let categories = tx_repo::categories(db, &member.scope).await?;
    // Reading and checking up to 100,000 rows is CPU work: it runs on a blocking thread,
    // leaving the async workers to answer other requests meanwhile.
    let content = std::mem::take(&mut batch.content);
    let (query, currency) = (query.clone(), account.currency.clone());
    let (table, mapping, mapping_errors, outcomes) = tokio::task::spawn_blocking(move || {
        let table =
            read(&content).map_err(|message| AppError::Invalid(FieldErrors::form(message)))?;
        let (mapping, mapping_errors) = mapping_of(&query, &table);
        let outcomes: Vec<RowOutcome> = if mapping_errors.is_empty() {
            import::parse_rows(&table, &mapping, &currency)
        } else {
            Vec::new()
        };
        Ok::<_, AppError>((table, mapping, mapping_errors, outcomes))
    })
    .await
    .map_err(AppError::internal)??;
    let dates = outcomes
        .iter()
        .filter_map(|o| o.as_ref().ok())
        .map(|r| r.date);
    let (from, to) = (dates.clone().min(), dates.max());
    let mut existing = match (from, to) {
        (Some(from), Some(to)) => {
            Some(repo::existing(db, &member.scope, account.id, from, to).await?)
        }
        _ => None,
    };
    // A bank id seen earlier in the same file would break the account's unique index;
    // like one already in the account, it marks a duplicate.
    let mut seen_ids: HashSet<String> = HashSet::new();
    let fates = outcomes
        .into_iter()
        .map(|outcome| match outcome {
            Err(error) => Fate::Wrong(error),
            Ok(row) => {
                let duplicate = match (&row.external_id, existing.as_mut()) {
                    (Some(external), Some(existing)) => {
                        existing.external_ids.contains(external)
                            || !seen_ids.insert(external.clone())
                    }
                    (None, Some(existing)) => existing.keys.contains(&row.duplicate_key()),
                    _ => false,
                };
                if duplicate {
                    Fate::Duplicate(row)
                } else {
                    Fate::New(row)
                }
            }
        })
        .collect();
    Ok(Analysis {
        batch,
        account,
        table_headers: table.headers,
        mapping,
        mapping_errors,
        fates,
        categories,
    })
}

/// The category a row names: one of the organisation's of the row's kind, by name
/// regardless of case; `None` when it has none or names one that does not exist.
fn category_for(categories: &[CategoryRef], row: &ImportRow) -> Option<i64> {
    let wanted = row.category.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    categories
        .iter()
        .find(|c| c.kind == row.kind.as_str() && c.name.to_lowercase() == wanted)
        .map(|c| c.id)
}

pub async fn preview(member: &Member, id: i64, query: &MappingQuery) -> Result<Preview, AppError> {
    let analysis = analyse(member, id, query).await?;
    let format = member.number_format();
    let mut preview = Preview {
        id: analysis.batch.id,
        file_name: analysis.batch.file_name.clone(),
        account_id: analysis.account.id,
        account_name: analysis.account.name.clone(),
        currency: analysis.account.currency.clone(),
        committed: is_committed(&analysis.batch),
        imported: analysis.batch.imported,
        skipped: analysis.batch.skipped,
        headers: analysis.table_headers.clone(),
        mapping: query_of(&analysis.mapping),
        mapping_errors: analysis
            .mapping_errors
            .0
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        date_formats: DateFormat::ALL
            .iter()
            .map(|f| (f.as_str().to_owned(), f.label().to_owned()))
            .collect(),
        total: usize::try_from(analysis.batch.row_count).unwrap_or(0),
        ..Preview::default()
    };
    for fate in &analysis.fates {
        // Only the first rows are shaped for the table; every row is counted.
        let room = preview.rows.len() < PREVIEW_ROWS;
        let row = match fate {
            Fate::New(row) => {
                preview.new_rows += 1;
                room.then(|| row_shown(&analysis, row, RowStatus::New, format))
            }
            Fate::Duplicate(row) => {
                preview.duplicates += 1;
                room.then(|| row_shown(&analysis, row, RowStatus::Duplicate, format))
            }
            Fate::Wrong(error) => {
                preview.error_count += 1;
                if preview.errors.len() < PREVIEW_ROWS {
                    preview.errors.push(error.to_string());
                }
                room.then(|| error_shown(error))
            }
        };
        preview.rows.extend(row);
    }
    Ok(preview)
}

fn is_committed(batch: &Batch) -> bool {
    BatchStatus::parse(&batch.status) == Some(BatchStatus::Committed)
}

/// A row that reads correctly, as the preview table shows it.
fn row_shown(
    analysis: &Analysis,
    row: &ImportRow,
    status: RowStatus,
    format: NumberFormat,
) -> PreviewRow {
    let category = match (row.category.trim(), category_for(&analysis.categories, row)) {
        ("", _) => String::new(),
        (name, Some(_)) => name.to_owned(),
        (name, None) => format!("{name} (no such category: left uncategorised)"),
    };
    PreviewRow {
        line: row.line,
        date: row.date.to_string(),
        payee: row.payee.clone(),
        amount: Money::new(row.signed_amount(), &analysis.account.currency).format(format),
        category,
        status: status.as_str().into(),
        message: String::new(),
    }
}

/// A row that does not read, as the preview table shows it.
fn error_shown(error: &import::RowError) -> PreviewRow {
    PreviewRow {
        line: error.line,
        date: String::new(),
        payee: String::new(),
        amount: String::new(),
        category: String::new(),
        status: RowStatus::Error.as_str().into(),
        message: format!("{}: {}", error.column, error.message),
    }
}

pub async fn commit(member: &Member, id: i64, query: &MappingQuery) -> Result<Committed, AppError> {
    let analysis = analyse(member, id, query).await?;
    if is_committed(&analysis.batch) {
        return Err(AppError::Conflict(
            "This file has already been imported.".into(),
        ));
    }
    if !analysis.mapping_errors.is_empty() {
        return Err(AppError::Invalid(analysis.mapping_errors));
    }
    let wrong = analysis
        .fates
        .iter()
        .filter(|f| matches!(f, Fate::Wrong(_)))
        .count();
    if wrong > 0 {
        return Err(AppError::Invalid(FieldErrors::form(format!(
            "Nothing was imported: {wrong} row(s) have errors. Fix the columns or the file first."
        ))));
    }
    let skipped = analysis
        .fates
        .iter()
        .filter(|f| matches!(f, Fate::Duplicate(_)))
        .count();
    let skipped = i64::try_from(skipped).unwrap_or(i64::MAX);
    let rows: Vec<NewTransaction> = analysis
        .fates
        .iter()
        .filter_map(|fate| match fate {
            Fate::New(row) => Some(NewTransaction {
                kind: row.kind,
                occurred_on: row.date,
                amount: row.amount,
                currency: analysis.account.currency.clone(),
                account_id: analysis.account.id,
                counter_account_id: None,
                counter_amount: None,
                category_id: category_for(&analysis.categories, row),
                payment_method_id: None,
                payee: row.payee.clone(),
                notes: row.notes.clone(),
                tags: row.tags.clone(),
                source: Source::Import,
                external_id: row.external_id.clone(),
            }),
            _ => None,
        })
        .collect();
    debug_assert!(rows.iter().all(|r| r.kind != TransactionKind::Transfer));
    repo::commit(member.db(), &member.scope, id, &rows, skipped).await?;
    Ok(Committed {
        imported: i64::try_from(rows.len()).unwrap_or(i64::MAX),
        skipped,
        account_id: analysis.account.id,
    })
}

/// Checks an upload before it is stored: the account must be the organisation's and
/// open, and the file readable. Returns the number of data rows.
pub async fn check_upload(
    member: &Member,
    account_id: i64,
    content: &[u8],
) -> Result<i64, AppError> {
    let accounts = tx_repo::accounts(member.db(), &member.scope).await?;
    if !accounts.iter().any(|a| a.id == account_id && !a.archived) {
        return Err(AppError::Invalid(FieldErrors::form(
            "Choose an account from the list.",
        )));
    }
    let content = content.to_vec();
    let rows = tokio::task::spawn_blocking(move || read(&content).map(|table| table.rows.len()))
        .await
        .map_err(AppError::internal)?
        .map_err(|m| AppError::Invalid(FieldErrors::form(m)))?;
    Ok(i64::try_from(rows).unwrap_or(i64::MAX))
}
