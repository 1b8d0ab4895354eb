//! Transaction rows: filtered, keyset-paginated lists with totals, and writes that keep
//! each transaction and its tags together in one database transaction.

use crate::db::{Db, Tx};
use crate::error::{AppError, FieldErrors};
use crate::orgs::repo::Scope;
use crate::{on_db, sql, sql_tx};
use florin::ledger::{Source, TransactionKind};
use time::{Date, OffsetDateTime};

/// Rows per page of the list.
pub const PAGE_SIZE: i64 = 50;

/// A validated filter; every part optional.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub account: Option<i64>,
    pub category: Option<i64>,
    pub tag: Option<String>,
    pub kind: Option<TransactionKind>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub text: Option<String>,
}

/// Where the next page starts: after this (date, id) in descending order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub date: Date,
    pub id: i64,
}

enum Bind {
    I64(i64),
    Text(String),
    Date(Date),
}

/// Builds `WHERE …` for a filter; placeholders are numbered from `$1` (the organisation).
fn where_clause(scope: &Scope, filter: &Filter, binds: &mut Vec<Bind>) -> String {
    binds.push(Bind::I64(scope.org_id));
    let mut sql = String::from("t.organisation_id = $1");
    let mut push = |clause: &str, bind: Bind, binds: &mut Vec<Bind>| {
        binds.push(bind);
        sql.push_str(" AND ");
        sql.push_str(&clause.replace("$?", &format!("${}", binds.len())));
    };
    if let Some(from) = filter.from {
        push("t.occurred_on >= $?", Bind::Date(from), binds);
    }
    if let Some(to) = filter.to {
        push("t.occurred_on <= $?", Bind::Date(to), binds);
    }
    if let Some(account) = filter.account {
        push(
            "(t.account_id = $? OR t.counter_account_id = $?)",
            Bind::I64(account),
            binds,
        );
    }
    if let Some(category) = filter.category {
        push(
            "(t.category_id = $? OR t.category_id IN (SELECT id FROM categories WHERE parent_id = $?))",
            Bind::I64(category),
            binds,
        );
    }
    if let Some(tag) = &filter.tag {
        push(
            "EXISTS (SELECT 1 FROM transaction_tags g WHERE g.transaction_id = t.id AND g.tag = $?)",
            Bind::Text(tag.clone()),
            binds,
        );
    }
    if let Some(kind) = filter.kind {
        push("t.kind = $?", Bind::Text(kind.as_str().to_owned()), binds);
    }
    if let Some(min) = filter.min {
        push("t.amount >= $?", Bind::I64(min), binds);
    }
    if let Some(max) = filter.max {
        push("t.amount <= $?", Bind::I64(max), binds);
    }
    if let Some(text) = &filter.text {
        let pattern = format!("%{}%", like_escape(&text.to_lowercase()));
        push(
            "(LOWER(t.payee) LIKE $? ESCAPE '\\' OR LOWER(t.notes) LIKE $? ESCAPE '\\')",
            Bind::Text(pattern),
            binds,
        );
    }
    sql
}

fn like_escape(raw: &str) -> String {
    raw.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct ListRow {
        pub id: i64,
        pub occurred_on: Date,
        pub kind: String,
        pub amount: i64,
        pub currency: String,
        pub counter_amount: Option<i64>,
        pub payee: String,
        pub notes: String,
        pub account_id: i64,
        pub account_name: String,
        pub counter_account_id: Option<i64>,
        pub counter_name: Option<String>,
        pub counter_currency: Option<String>,
        pub category_name: Option<String>,
        pub category_colour: Option<String>,
    }
}

macro_rules! bind_all {
    ($query:expr, $binds:expr) => {{
        let mut query = $query;
        for bind in $binds {
            query = match bind {
                Bind::I64(v) => query.bind(*v),
                Bind::Text(v) => query.bind(v.clone()),
                Bind::Date(v) => query.bind(*v),
            };
        }
        query
    }};
}

/// Ends a list query: the rows after `cursor` in (date, id) order, newest first, at most
/// `limit` of them. Shared by the list page and the export so both walk the same order.
fn keyset_tail(sql: &mut String, binds: &mut Vec<Bind>, cursor: Option<Cursor>, limit: i64) {
    if let Some(cursor) = cursor {
        binds.push(Bind::Date(cursor.date));
        let d = binds.len();
        binds.push(Bind::I64(cursor.id));
        let i = binds.len();
        sql.push_str(&format!(
            " AND (t.occurred_on < ${d} OR (t.occurred_on = ${d} AND t.id < ${i}))"
        ));
    }
    sql.push_str(&format!(
        " ORDER BY t.occurred_on DESC, t.id DESC LIMIT {limit}"
    ));
}

/// One page of the filtered list, newest first, starting after `cursor`. Returns up to
/// `PAGE_SIZE` rows and the cursor of the next page if there is one.
pub async fn page(
    db: &Db,
    scope: &Scope,
    filter: &Filter,
    cursor: Option<Cursor>,
) -> Result<(Vec<ListRow>, Option<Cursor>), AppError> {
    let mut binds = Vec::new();
    let mut sql = format!(
        "SELECT t.id, t.occurred_on, t.kind, t.amount, t.currency, t.counter_amount, t.payee, t.notes, \
                t.account_id, a.name AS account_name, t.counter_account_id, ca.name AS counter_name, \
                ca.currency AS counter_currency, c.name AS category_name, c.colour AS category_colour \
         FROM transactions t \
         JOIN accounts a ON a.id = t.account_id \
         LEFT JOIN accounts ca ON ca.id = t.counter_account_id \
         LEFT JOIN categories c ON c.id = t.category_id \
         WHERE {}",
        where_clause(scope, filter, &mut binds)
    );
    keyset_tail(&mut sql, &mut binds, cursor, PAGE_SIZE + 1);
    let mut rows: Vec<ListRow> = on_db!(db, |pool| {
        bind_all!(sqlx::query_as(&sql), &binds)
            .fetch_all(pool)
            .await
    })?;
    let page = usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    let next = if rows.len() > page {
        rows.truncate(page);
        rows.last().map(|r| Cursor {
            date: r.occurred_on,
            id: r.id,
        })
    } else {
        None
    };
    Ok((rows, next))
}

crate::from_row! {
    /// One transaction with everything an export shows.
    #[derive(Clone, Debug)]
    pub struct ExportDbRow {
        pub id: i64,
        pub occurred_on: Date,
        pub kind: String,
        pub amount: i64,
        pub currency: String,
        pub account_name: String,
        pub counter_name: Option<String>,
        pub counter_currency: Option<String>,
        pub counter_amount: Option<i64>,
        pub category_name: Option<String>,
        pub payee: String,
        pub notes: String,
        pub method_name: Option<String>,
        pub source: String,
        pub external_id: Option<String>,
    }
}

/// Up to `limit` rows of the filtered set after `cursor`, newest first, for exports that
/// walk the whole set in batches without holding it in memory.
pub async fn export_batch(
    db: &Db,
    scope: &Scope,
    filter: &Filter,
    cursor: Option<Cursor>,
    limit: i64,
) -> Result<Vec<ExportDbRow>, AppError> {
    let mut binds = Vec::new();
    let mut sql = format!(
        "SELECT t.id, t.occurred_on, t.kind, t.amount, t.currency, a.name AS account_name, \
                ca.name AS counter_name, ca.currency AS counter_currency, t.counter_amount, \
                c.name AS category_name, t.payee, t.notes, pm.name AS method_name, t.source, \
                t.external_id \
         FROM transactions t \
         JOIN accounts a ON a.id = t.account_id \
         LEFT JOIN accounts ca ON ca.id = t.counter_account_id \
         LEFT JOIN categories c ON c.id = t.category_id \
         LEFT JOIN payment_methods pm ON pm.id = t.payment_method_id \
         WHERE {}",
        where_clause(scope, filter, &mut binds)
    );
    keyset_tail(&mut sql, &mut binds, cursor, limit.max(1));
    let rows = on_db!(db, |pool| {
        bind_all!(sqlx::query_as(&sql), &binds)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows)
}

/// Sums of the filtered set by currency and kind: (currency, kind, total, count), sorted.
///
/// Filters the roll-ups can answer (dates, account, kind) read whole months from
/// `monthly_totals` and only the ragged ends of the range from the ledger; any other
/// filter reads the ledger.
pub async fn totals(
    db: &Db,
    scope: &Scope,
    filter: &Filter,
) -> Result<Vec<(String, String, i64, i64)>, AppError> {
    let rollups_answer = filter.category.is_none()
        && filter.tag.is_none()
        && filter.min.is_none()
        && filter.max.is_none()
        && filter.text.is_none();
    if !rollups_answer {
        return raw_totals(db, scope, filter).await;
    }
    let split = florin::ledger::split_for_rollups(filter.from, filter.to);
    let mut sums: std::collections::BTreeMap<(String, String), (i64, i64)> =
        std::collections::BTreeMap::new();
    let mut add = |rows: Vec<(String, String, i64, i64)>| {
        for (currency, kind, total, n) in rows {
            let entry = sums.entry((currency, kind)).or_insert((0, 0));
            entry.0 += total;
            entry.1 += n;
        }
    };
    if let Some((first, last)) = split.months {
        add(rollup_totals(db, scope, filter, first, last).await?);
    }
    for (from, to) in split.edges.into_iter().flatten() {
        let edge = Filter {
            from,
            to,
            ..filter.clone()
        };
        add(raw_totals(db, scope, &edge).await?);
    }
    Ok(sums
        .into_iter()
        .filter(|(_, (_, n))| *n > 0)
        .map(|((currency, kind), (total, n))| (currency, kind, total, n))
        .collect())
}

async fn rollup_totals(
    db: &Db,
    scope: &Scope,
    filter: &Filter,
    first: Option<Date>,
    last: Option<Date>,
) -> Result<Vec<(String, String, i64, i64)>, AppError> {
    let mut binds = vec![Bind::I64(scope.org_id)];
    let mut sql = String::from(
        "SELECT currency, kind, CAST(SUM(total) AS BIGINT) AS total, CAST(SUM(n) AS BIGINT) AS n \
         FROM monthly_totals WHERE organisation_id = $1",
    );
    let mut push = |clause: &str, bind: Bind, binds: &mut Vec<Bind>| {
        binds.push(bind);
        sql.push_str(" AND ");
        sql.push_str(&clause.replace("$?", &format!("${}", binds.len())));
    };
    if let Some(first) = first {
        push("month >= $?", Bind::Date(first), &mut binds);
    }
    if let Some(last) = last {
        push("month <= $?", Bind::Date(last), &mut binds);
    }
    if let Some(account) = filter.account {
        push(
            "(account_id = $? OR counter_account_id = $?)",
            Bind::I64(account),
            &mut binds,
        );
    }
    if let Some(kind) = filter.kind {
        push(
            "kind = $?",
            Bind::Text(kind.as_str().to_owned()),
            &mut binds,
        );
    }
    sql.push_str(" GROUP BY currency, kind");
    let rows = on_db!(db, |pool| {
        bind_all!(sqlx::query_as(&sql), &binds)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows)
}

async fn raw_totals(
    db: &Db,
    scope: &Scope,
    filter: &Filter,
) -> Result<Vec<(String, String, i64, i64)>, AppError> {
    let mut binds = Vec::new();
    let sql = format!(
        "SELECT t.currency, t.kind, CAST(SUM(t.amount) AS BIGINT) AS total, COUNT(*) AS n \
         FROM transactions t WHERE {} GROUP BY t.currency, t.kind ORDER BY t.currency, t.kind",
        where_clause(scope, filter, &mut binds)
    );
    let rows = on_db!(db, |pool| {
        bind_all!(sqlx::query_as(&sql), &binds)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows)
}

/// Tags of the given transactions, as (transaction id, tag) sorted by tag.
pub async fn tags_of(db: &Db, scope: &Scope, ids: &[i64]) -> Result<Vec<(i64, String)>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    // The ids are integers we read ourselves, so inlining them is safe.
    let sql = format!(
        "SELECT transaction_id, tag FROM transaction_tags \
         WHERE organisation_id = $1 AND transaction_id IN ({list}) ORDER BY tag"
    );
    let rows = sql!(db, all, &sql, scope.org_id)?;
    Ok(rows)
}

crate::from_row! {
    /// A transaction as stored, for the edit form.
    #[derive(Clone, Debug)]
    pub struct TxRecord {
        pub id: i64,
        pub kind: String,
        pub occurred_on: Date,
        pub amount: i64,
        pub currency: String,
        pub account_id: i64,
        pub counter_account_id: Option<i64>,
        pub counter_amount: Option<i64>,
        pub category_id: Option<i64>,
        pub payment_method_id: Option<i64>,
        pub payee: String,
        pub notes: String,
        pub source: String,
        pub external_id: Option<String>,
    }
}

pub async fn find(db: &Db, scope: &Scope, id: i64) -> Result<(TxRecord, Vec<String>), AppError> {
    let record: TxRecord = sql!(db, optional, "SELECT id, kind, occurred_on, amount, currency, account_id, counter_account_id, counter_amount, \
                category_id, payment_method_id, payee, notes, source, external_id \
         FROM transactions WHERE organisation_id = $1 AND id = $2", scope.org_id, id)?
    .ok_or(AppError::NotFound)?;
    let tags = tags_of(db, scope, &[id])
        .await?
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    Ok((record, tags))
}

/// A transaction to write, already validated against the organisation's accounts.
#[derive(Clone, Debug)]
pub struct NewTransaction {
    pub kind: TransactionKind,
    pub occurred_on: Date,
    pub amount: i64,
    pub currency: String,
    pub account_id: i64,
    pub counter_account_id: Option<i64>,
    pub counter_amount: Option<i64>,
    pub category_id: Option<i64>,
    pub payment_method_id: Option<i64>,
    pub payee: String,
    pub notes: String,
    pub tags: Vec<String>,
    pub source: Source,
    pub external_id: Option<String>,
}

/// Inserts inside the caller's transaction (imports insert many at once).
#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn insert_in(tx: &mut Tx, scope: &Scope, new: &NewTransaction) -> Result<i64, AppError> {
    let now = OffsetDateTime::now_utc();
    let id: i64 = sql_tx!(
        tx,
        scalar,
        "INSERT INTO transactions (organisation_id, kind, occurred_on, amount, currency, account_id, \
             counter_account_id, counter_amount, category_id, payee, notes, source, external_id, \
             created_at, updated_at, payment_method_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15) RETURNING id",
        scope.org_id,
        new.kind.as_str(),
        new.occurred_on,
        new.amount,
        &new.currency,
        new.account_id,
        new.counter_account_id,
        new.counter_amount,
        new.category_id,
        &new.payee,
        &new.notes,
        new.source.as_str(),
        &new.external_id,
        now,
        new.payment_method_id
    )?;
    add_tags(tx, scope, id, &new.tags).await?;
    let part = Contribution::of_new(new);
    bump_rollup(tx, scope, &part, 1).await?;
    crate::limits::repo::after_write(tx, scope, None, part.spend().as_ref()).await?;
    Ok(id)
}

/// What one transaction adds to its month's roll-up row (and, for an expense with a
/// category, to that category's month, which its limit watches).
struct Contribution {
    month: Date,
    occurred_on: Date,
    category_id: Option<i64>,
    account_id: i64,
    counter_account_id: i64,
    kind: String,
    currency: String,
    amount: i64,
}

impl Contribution {
    fn of_new(new: &NewTransaction) -> Self {
        Self {
            month: florin::ledger::month_start(new.occurred_on),
            occurred_on: new.occurred_on,
            category_id: new.category_id,
            account_id: new.account_id,
            counter_account_id: new.counter_account_id.unwrap_or(0),
            kind: new.kind.as_str().to_owned(),
            currency: new.currency.clone(),
            amount: new.amount,
        }
    }

    /// The spending a category limit counts: expenses with a category only.
    fn spend(&self) -> Option<crate::limits::repo::Spend> {
        let category_id = self.category_id?;
        (self.kind == TransactionKind::Expense.as_str()).then(|| crate::limits::repo::Spend {
            category_id,
            occurred_on: self.occurred_on,
            currency: self.currency.clone(),
            amount: self.amount,
        })
    }
}

crate::from_row! {
    struct StoredContribution {
        occurred_on: Date,
        category_id: Option<i64>,
        account_id: i64,
        counter_account_id: Option<i64>,
        kind: String,
        currency: String,
        amount: i64,
    }
}

impl From<StoredContribution> for Contribution {
    fn from(row: StoredContribution) -> Self {
        Self {
            month: florin::ledger::month_start(row.occurred_on),
            occurred_on: row.occurred_on,
            category_id: row.category_id,
            account_id: row.account_id,
            counter_account_id: row.counter_account_id.unwrap_or(0),
            kind: row.kind,
            currency: row.currency,
            amount: row.amount,
        }
    }
}

/// Adds (`sign` 1) or removes (`sign` -1) one transaction from the monthly roll-ups,
/// inside the caller's transaction so the roll-ups never disagree with the ledger.
async fn bump_rollup(
    tx: &mut Tx,
    scope: &Scope,
    part: &Contribution,
    sign: i64,
) -> Result<(), AppError> {
    sql_tx!(
        tx,
        execute,
        "INSERT INTO monthly_totals (organisation_id, month, account_id, counter_account_id, \
             kind, currency, total, n) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (organisation_id, month, account_id, counter_account_id, kind, currency) \
         DO UPDATE SET total = monthly_totals.total + excluded.total, \
                       n = monthly_totals.n + excluded.n",
        scope.org_id,
        part.month,
        part.account_id,
        part.counter_account_id,
        &part.kind,
        &part.currency,
        sign * part.amount,
        sign
    )?;
    Ok(())
}

/// The stored transaction's roll-up contribution, locking its row first so that a
/// concurrent edit cannot read the same old values (PostgreSQL; SQLite writers are
/// already serialised by `BEGIN IMMEDIATE`).
async fn stored_contribution(
    tx: &mut Tx,
    scope: &Scope,
    id: i64,
) -> Result<Contribution, AppError> {
    let locked = sql_tx!(
        tx,
        execute,
        "UPDATE transactions SET updated_at = updated_at WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    if locked == 0 {
        return Err(AppError::NotFound);
    }
    let row: StoredContribution = sql_tx!(
        tx,
        one,
        "SELECT occurred_on, category_id, account_id, counter_account_id, kind, currency, amount \
         FROM transactions WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    Ok(row.into())
}

async fn write_tags(tx: &mut Tx, scope: &Scope, id: i64, tags: &[String]) -> Result<(), AppError> {
    sql_tx!(
        tx,
        execute,
        "DELETE FROM transaction_tags WHERE transaction_id = $1",
        id
    )?;
    add_tags(tx, scope, id, tags).await
}

async fn add_tags(tx: &mut Tx, scope: &Scope, id: i64, tags: &[String]) -> Result<(), AppError> {
    for tag in tags {
        sql_tx!(
            tx,
            execute,
            "INSERT INTO transaction_tags (transaction_id, organisation_id, tag) VALUES ($1, $2, $3)",
            id,
            scope.org_id,
            tag
        )?;
    }
    Ok(())
}

#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn create(db: &Db, scope: &Scope, new: &NewTransaction) -> Result<i64, AppError> {
    let mut tx = db.begin().await?;
    let id = insert_in(&mut tx, scope, new).await?;
    tx.commit().await?;
    Ok(id)
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, transaction = id))]
pub async fn update(db: &Db, scope: &Scope, id: i64, new: &NewTransaction) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let old = stored_contribution(&mut tx, scope, id).await?;
    let changed = sql_tx!(
        &mut tx,
        execute,
        "UPDATE transactions SET kind = $3, occurred_on = $4, amount = $5, currency = $6, account_id = $7, \
             counter_account_id = $8, counter_amount = $9, category_id = $10, payee = $11, notes = $12, \
             updated_at = $13, payment_method_id = $14 \
         WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id,
        new.kind.as_str(),
        new.occurred_on,
        new.amount,
        &new.currency,
        new.account_id,
        new.counter_account_id,
        new.counter_amount,
        new.category_id,
        &new.payee,
        &new.notes,
        OffsetDateTime::now_utc(),
        new.payment_method_id
    )?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    write_tags(&mut tx, scope, id, &new.tags).await?;
    bump_rollup(&mut tx, scope, &old, -1).await?;
    let part = Contribution::of_new(new);
    bump_rollup(&mut tx, scope, &part, 1).await?;
    crate::limits::repo::after_write(&mut tx, scope, old.spend().as_ref(), part.spend().as_ref())
        .await?;
    tx.commit().await?;
    Ok(())
}

#[tracing::instrument(skip_all, fields(org = scope.org_id, transaction = id))]
pub async fn delete(db: &Db, scope: &Scope, id: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let old = stored_contribution(&mut tx, scope, id).await?;
    let changed = sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM transactions WHERE organisation_id = $1 AND id = $2",
        scope.org_id,
        id
    )?;
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    bump_rollup(&mut tx, scope, &old, -1).await?;
    crate::limits::repo::after_write(&mut tx, scope, old.spend().as_ref(), None).await?;
    tx.commit().await?;
    Ok(())
}

/// Rebuilds an organisation's roll-ups from its transactions, for bulk writers (the demo
/// generator) that insert rows directly.
#[tracing::instrument(skip_all, fields(org = scope.org_id))]
pub async fn rebuild_rollups(db: &Db, scope: &Scope) -> Result<(), AppError> {
    crate::from_row! {
        struct Daily {
            occurred_on: Date,
            account_id: i64,
            counter_account_id: Option<i64>,
            kind: String,
            currency: String,
            total: i64,
            n: i64,
        }
    }
    // Grouped by day in SQL (one text for both databases), folded into months here.
    let days: Vec<Daily> = sql!(
        db,
        all,
        "SELECT occurred_on, account_id, counter_account_id, kind, currency, \
                CAST(SUM(amount) AS BIGINT) AS total, COUNT(*) AS n \
         FROM transactions WHERE organisation_id = $1 \
         GROUP BY occurred_on, account_id, counter_account_id, kind, currency",
        scope.org_id
    )?;
    // (month, account, counter account, kind, currency) → (total, count)
    type MonthKey = (Date, i64, i64, String, String);
    let mut months: std::collections::BTreeMap<MonthKey, (i64, i64)> =
        std::collections::BTreeMap::new();
    for d in days {
        let key = (
            florin::ledger::month_start(d.occurred_on),
            d.account_id,
            d.counter_account_id.unwrap_or(0),
            d.kind,
            d.currency,
        );
        let entry = months.entry(key).or_insert((0, 0));
        entry.0 += d.total;
        entry.1 += d.n;
    }
    let mut tx = db.begin().await?;
    sql_tx!(
        &mut tx,
        execute,
        "DELETE FROM monthly_totals WHERE organisation_id = $1",
        scope.org_id
    )?;
    for ((month, account_id, counter_account_id, kind, currency), (total, n)) in months {
        sql_tx!(
            &mut tx,
            execute,
            "INSERT INTO monthly_totals (organisation_id, month, account_id, \
                 counter_account_id, kind, currency, total, n) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            scope.org_id,
            month,
            account_id,
            counter_account_id,
            &kind,
            &currency,
            total,
            n
        )?;
    }
    tx.commit().await?;
    Ok(())
}

crate::from_row! {
    /// What the form needs to know about an account to validate a transaction against it.
    #[derive(Clone, Debug)]
    pub struct AccountRef {
        pub id: i64,
        pub name: String,
        pub currency: String,
        pub archived: bool,
    }
}

/// The organisation's accounts, archived ones last, for pickers and checks.
pub async fn accounts(db: &Db, scope: &Scope) -> Result<Vec<AccountRef>, AppError> {
    let sql = "SELECT id, name, currency, archived FROM accounts WHERE organisation_id = $1 \
               ORDER BY archived, LOWER(name), id";
    crate::accounts::repo::org_rows(db, scope, sql).await
}

crate::from_row! {
    #[derive(Clone, Debug)]
    pub struct CategoryRef {
        pub id: i64,
        pub name: String,
        pub kind: String,
        pub archived: bool,
    }
}

/// The organisation's categories by kind and name, for pickers and checks.
pub async fn categories(db: &Db, scope: &Scope) -> Result<Vec<CategoryRef>, AppError> {
    let sql = "SELECT id, name, kind, archived FROM categories WHERE organisation_id = $1 \
               ORDER BY kind, LOWER(name), id";
    crate::accounts::repo::org_rows(db, scope, sql).await
}

/// Field errors for a transaction's references: the accounts and category must be the
/// organisation's, and fit the kind.
pub fn check_refs(
    new: &NewTransaction,
    accounts: &[AccountRef],
    categories: &[CategoryRef],
    errors: &mut FieldErrors,
) {
    if new.kind == TransactionKind::Transfer {
        match new.counter_account_id {
            None => errors.add(
                "counter_account_id",
                "Choose the account the money goes to.",
            ),
            Some(id) if id == new.account_id => errors.add(
                "counter_account_id",
                "Choose a different account to transfer to.",
            ),
            Some(id) if !accounts.iter().any(|a| a.id == id) => {
                errors.add("counter_account_id", "Choose an account from the list.");
            }
            Some(_) => {}
        }
        if new.category_id.is_some() {
            errors.add("category_id", "Transfers have no category.");
        }
    } else if let Some(category) = new.category_id {
        match categories.iter().find(|c| c.id == category) {
            None => errors.add("category_id", "Choose a category from the list."),
            Some(c) if c.kind != new.kind.as_str() => errors.add(
                "category_id",
                format!("Choose an {} category.", new.kind.as_str()),
            ),
            Some(_) => {}
        }
    }
}
