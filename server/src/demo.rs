//! Demo data: a user with about three years of one household's money — salaries, rent,
//! bills, groceries, card payments, savings, holidays abroad — or, for benchmarks, as many
//! rows as asked for over the same three years. The same seed and end date always give the
//! same rows. Rows are written in multi-row statements inside one database transaction,
//! so a million take seconds rather than hours.
#![expect(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    reason = "demo rows are drawn from floating-point random distributions over small ranges, rounded to whole minor units"
)]

use florin::email::Email;
use florin::fx::{self, Rate};
use florin::ledger::{AccountKind, TransactionKind};
use florin::role::{Access, Area, UserRole};
use florin_app::accounts::repo::{self as accounts, AccountInput};
use florin_app::auth::{hashing, repo as auth};
use florin_app::db::{Db, Tx};
use florin_app::error::AppError;
use florin_app::orgs::repo::{self as orgs, Scope};
use florin_app::{on_db, on_tx};
use std::fmt::{self, Write as _};
use std::time::Instant;
use time::{Date, Duration, Month, OffsetDateTime, Weekday};

pub const DEFAULT_EMAIL: &str = "demo@florin.test";
/// Public by design, so `florin demo` refuses it outside `FLORIN_ENV=development`.
pub const DEFAULT_PASSWORD: &str = "florin-demo-books";
pub const DEFAULT_SEED: u64 = 1_847;
/// The data ends today and starts this many days earlier.
const SPAN_DAYS: i64 = 3 * 365;
/// Rows per INSERT. Distinct strings and dates are bound once a statement (see
/// [`Binds`]), which keeps well below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const BATCH: usize = 500;

#[derive(Clone, Debug)]
pub struct Options {
    pub email: String,
    pub password: String,
    /// About how many transactions to write; `None` for one household's own pace
    /// (about 4,000 over three years). More rows make every day busier; the span stays.
    pub transactions: Option<u64>,
    pub seed: u64,
    /// The last day of the data.
    pub today: Date,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            email: DEFAULT_EMAIL.into(),
            password: DEFAULT_PASSWORD.into(),
            transactions: None,
            seed: DEFAULT_SEED,
            today: OffsetDateTime::now_utc().date(),
        }
    }
}

impl Options {
    /// Parses `[--email E] [--password P] [--transactions N] [--seed S]`, each also as
    /// `--name=value`. Numbers may be grouped with `_` or `,` (`100_000`).
    pub fn from_args(args: &[&str]) -> Result<Self, String> {
        let mut options = Self::default();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value)),
                None => (*arg, None),
            };
            let mut value = || {
                inline
                    .or_else(|| rest.next().copied())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match name {
                "--email" => options.email = value()?.to_owned(),
                "--password" => options.password = value()?.to_owned(),
                "--transactions" => options.transactions = Some(number(name, value()?)?),
                "--seed" => options.seed = number(name, value()?)?,
                _ => {
                    return Err(format!(
                        "unknown option for demo: {arg} (see `florin help`)"
                    ));
                }
            }
        }
        Ok(options)
    }
}

fn number(name: &str, raw: &str) -> Result<u64, String> {
    raw.replace(['_', ','], "")
        .parse()
        .map_err(|_| format!("{name} takes a whole number, not {raw:?}"))
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("{0}")]
    Invalid(String),
    #[error("an account with the e-mail address {0} already exists; choose another with --email")]
    Exists(String),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    App(#[from] AppError),
}

/// What was written.
#[derive(Clone, Debug)]
pub struct Summary {
    pub user_id: i64,
    pub org_id: i64,
    pub accounts: usize,
    pub rates: u64,
    pub transactions: u64,
    pub tags: u64,
    pub first: Date,
    pub last: Date,
    /// Time spent writing the transactions and their tags.
    pub elapsed: std::time::Duration,
}

impl Summary {
    pub fn rows_per_second(&self) -> f64 {
        self.transactions as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} transactions ({} tags) from {} to {} in {} accounts, {} exchange rates; \
             written in {:.2} s ({} rows/s)",
            grouped(self.transactions),
            grouped(self.tags),
            self.first,
            self.last,
            self.accounts,
            self.rates,
            self.elapsed.as_secs_f64(),
            grouped(self.rows_per_second().round() as u64),
        )
    }
}

/// 1234567 → "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Creates the demo user as sign-up does (user, personal organisation, default
/// categories), then its accounts, exchange rates and transactions. Refuses an e-mail that
/// already has an account. If writing the ledger fails, the half-made user is removed.
pub async fn generate(db: &Db, options: &Options) -> Result<Summary, DemoError> {
    let email =
        Email::parse(&options.email).map_err(|e| DemoError::Invalid(format!("--email: {e}")))?;
    florin::password::check_new(&options.password, email.as_str())
        .map_err(|e| DemoError::Invalid(format!("--password: {e}")))?;
    if auth::find_login(db, &email).await?.is_some() {
        return Err(DemoError::Exists(email.into_string()));
    }
    let hash = hashing::hash(options.password.clone()).await?;
    let new = auth::NewUser {
        email: email.clone(),
        role: UserRole::Personal,
        first_name: "Demo".into(),
        base_currency: "USD".into(),
    };
    let user_id = auth::create_user(db, new, hash)
        .await
        .map_err(|e| match e {
            AppError::Invalid(errors) if errors.get("email").is_some() => {
                DemoError::Exists(email.to_string())
            }
            other => DemoError::App(other),
        })?;
    let org_id = orgs::default_org(db, user_id)
        .await?
        .ok_or_else(|| DemoError::Invalid("sign-up made no personal organisation".into()))?;
    let scope = orgs::scope(db, user_id, org_id, Access::Write(Area::Ledger)).await?;
    match fill(db, &scope, options).await {
        Ok(summary) => Ok(summary),
        Err(error) => {
            if let Err(cleanup) = remove(db, user_id, org_id).await {
                tracing::error!(%cleanup, user_id, "could not remove the half-made demo user");
            }
            Err(error)
        }
    }
}

/// Deletes the organisation (its ledger goes with it) and the user.
async fn remove(db: &Db, user_id: i64, org_id: i64) -> Result<(), sqlx::Error> {
    for (sql, id) in [
        ("DELETE FROM organisations WHERE id = $1", org_id),
        ("DELETE FROM users WHERE id = $1", user_id),
    ] {
        on_db!(db, |pool| {
            sqlx::query(sql)
                .bind(id)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?;
    }
    Ok(())
}

async fn fill(db: &Db, scope: &Scope, options: &Options) -> Result<Summary, DemoError> {
    let today = options.today;
    let start = today - Duration::days(SPAN_DAYS);
    let categories = florin_app::transactions::repo::categories(db, scope)
        .await?
        .into_iter()
        .map(|c| (c.name, c.id))
        .collect::<Vec<_>>();

    let books = Books {
        start,
        today,
        accounts: open_accounts(db, scope).await?,
        categories,
        rates: Rates::walk(options.seed, start, today),
    };

    // A dry run at the household's own pace counts the rows that come on a schedule
    // (rent, salaries, trips) and the rows expected by chance; the chances are then
    // scaled so the total lands near what was asked for. Expected rather than drawn
    // counts keep the dry run's luck out of the scale.
    let scale = match options.transactions {
        None => 1.0,
        Some(target) => {
            let mut dry = Household::new(&books, options.seed, 1.0);
            for on in days(start, today) {
                dry.day(on);
                dry.rows.clear();
            }
            ((target as f64 - dry.scheduled as f64) / dry.expected.max(1.0)).max(0.0)
        }
    };
    let mut household = Household::new(&books, options.seed, scale);

    let began = Instant::now();
    let now = OffsetDateTime::now_utc();
    let mut tx = db.begin().await?;
    let rate_rows = write_rates(&mut tx, scope.org_id, &books.rates, now).await?;
    let (mut transactions, mut tags) = (0, 0);
    let (mut first, mut last) = (today, start);
    for on in days(start, today) {
        let before = household.rows.len();
        household.day(on);
        if household.rows.len() > before {
            first = first.min(on);
            last = last.max(on);
        }
        while household.rows.len() >= BATCH {
            let (n, t) = write_rows(&mut tx, scope.org_id, now, &household.rows[..BATCH]).await?;
            transactions += n;
            tags += t;
            household.rows.drain(..BATCH);
        }
    }
    if !household.rows.is_empty() {
        let (n, t) = write_rows(&mut tx, scope.org_id, now, &household.rows).await?;
        transactions += n;
        tags += t;
    }
    tx.commit().await?;
    // The rows went in directly, in bulk; the monthly roll-ups follow in one pass.
    florin_app::transactions::repo::rebuild_rollups(db, scope).await?;
    Ok(Summary {
        user_id: scope.user_id,
        org_id: scope.org_id,
        accounts: ACCOUNTS.len(),
        rates: rate_rows,
        transactions,
        tags,
        first,
        last,
        elapsed: began.elapsed(),
    })
}

fn days(start: Date, end: Date) -> impl Iterator<Item = Date> {
    std::iter::successors(Some(start), |d| d.next_day()).take_while(move |d| *d <= end)
}

#[derive(Clone, Copy, Debug)]
struct Acct {
    id: i64,
    currency: &'static str,
}

struct Accounts {
    checking: Acct,
    savings: Acct,
    card: Acct,
    cash: Acct,
    eur: Acct,
    jpy: Acct,
}

impl Accounts {
    /// In the order of [`ACCOUNTS`].
    fn all(&self) -> [Acct; 6] {
        [
            self.checking,
            self.savings,
            self.card,
            self.cash,
            self.eur,
            self.jpy,
        ]
    }
}

/// The household's accounts, in the order [`Accounts`] names them: (name, kind, currency,
/// institution, opening balance in minor units).
#[rustfmt::skip]
const ACCOUNTS: [(&str, AccountKind, &str, &str, i64); 6] = [
    ("Everyday Checking", AccountKind::Checking, "USD", "Chase", 425_000),
    ("High-Yield Savings", AccountKind::Savings, "USD", "Ally Bank", 1_200_000),
    ("Visa Signature", AccountKind::CreditCard, "USD", "Chase", -41_237),
    ("Wallet", AccountKind::Cash, "USD", "", 18_000),
    ("Wise EUR", AccountKind::Checking, "EUR", "Wise", 65_000),
    ("Wise JPY", AccountKind::Checking, "JPY", "Wise", 0),
];

async fn open_accounts(db: &Db, scope: &Scope) -> Result<Accounts, AppError> {
    let mut opened = Vec::with_capacity(ACCOUNTS.len());
    for (name, kind, currency, institution, opening_balance) in ACCOUNTS {
        let input = AccountInput {
            name: name.into(),
            kind,
            currency: currency.into(),
            institution: institution.into(),
            opening_balance,
        };
        let id = accounts::create(db, scope, &input).await?;
        opened.push(Acct { id, currency });
    }
    match opened[..] {
        [checking, savings, card, cash, eur, jpy] => Ok(Accounts {
            checking,
            savings,
            card,
            cash,
            eur,
            jpy,
        }),
        _ => Err(AppError::internal("the demo needs six accounts")),
    }
}

/// Monthly rates into USD, dated the first of each month: a random walk from plausible
/// starting points, rounded as banks quote them.
struct Rates {
    first: Date,
    eur: Vec<i64>,
    jpy: Vec<i64>,
}

impl Rates {
    fn walk(seed: u64, start: Date, today: Date) -> Self {
        let mut rng = Rng::new(seed ^ 0x5241_5445_5321);
        let first = month_start(start);
        let months = month_index(first, today) + 1;
        let (mut eur, mut jpy) = (1.08_f64, 0.0069_f64);
        let mut rates = Self {
            first,
            eur: Vec::with_capacity(months),
            jpy: Vec::with_capacity(months),
        };
        for _ in 0..months {
            // Four decimals for EUR (1.0845), six for JPY (0.006912).
            rates.eur.push((eur * 1e4).round() as i64 * 100_000_000);
            rates.jpy.push((jpy * 1e6).round() as i64 * 1_000_000);
            eur = (eur * (1.0 + 0.03 * (rng.unit() - 0.5))).clamp(0.95, 1.25);
            jpy = (jpy * (1.0 + 0.04 * (rng.unit() - 0.5))).clamp(0.0060, 0.0095);
        }
        rates
    }

    fn date(&self, index: usize) -> Date {
        let mut on = self.first;
        for _ in 0..index {
            on = next_month(on);
        }
        on
    }

    /// One unit of `currency` in USD on `on`.
    fn to_usd(&self, currency: &str, on: Date) -> Option<Rate> {
        let table = match currency {
            "EUR" => &self.eur,
            "JPY" => &self.jpy,
            _ => return Rate::from_scaled(fx::SCALE),
        };
        let index = month_index(self.first, on).min(table.len().saturating_sub(1));
        Rate::from_scaled(*table.get(index)?)
    }
}

fn month_start(on: Date) -> Date {
    on.replace_day(1).unwrap_or(on)
}

fn next_month(first: Date) -> Date {
    let (year, month) = match first.month() {
        Month::December => (first.year() + 1, Month::January),
        month => (first.year(), month.next()),
    };
    Date::from_calendar_date(year, month, 1).unwrap_or(first)
}

fn month_index(first: Date, on: Date) -> usize {
    let months = (on.year() - first.year()) * 12 + i32::from(u8::from(on.month()))
        - i32::from(u8::from(first.month()));
    usize::try_from(months).unwrap_or(0)
}

async fn write_rates(
    tx: &mut Tx,
    org: i64,
    rates: &Rates,
    now: OffsetDateTime,
) -> Result<u64, sqlx::Error> {
    let mut rows = Vec::new();
    for (index, (eur, jpy)) in rates.eur.iter().zip(&rates.jpy).enumerate() {
        let on = rates.date(index);
        rows.push((on, "EUR", *eur));
        rows.push((on, "JPY", *jpy));
    }
    let mut written = 0;
    for chunk in rows.chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO exchange_rates (organisation_id, created_at, source, rate_date, base, quote, rate_scaled) VALUES ",
        );
        for i in 0..chunk.len() {
            let p = 3 + i * 3;
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(
                sql,
                "{comma}($1, $2, 'demo', ${p}, ${}, 'USD', ${})",
                p + 1,
                p + 2
            );
        }
        written += on_tx!(tx, |conn| {
            let mut query = sqlx::query(&sql).bind(org).bind(now);
            for (on, base, scaled) in chunk {
                query = query.bind(*on).bind(*base).bind(*scaled);
            }
            query.execute(conn).await.map(|done| done.rows_affected())
        })?;
    }
    Ok(written)
}

/// One transaction to write.
#[derive(Clone, Debug)]
struct Row {
    kind: TransactionKind,
    on: Date,
    amount: i64,
    currency: &'static str,
    account: i64,
    /// A transfer's receiving account and the amount that arrives there.
    counter: Option<(i64, i64)>,
    category: Option<i64>,
    payee: &'static str,
    notes: &'static str,
    tags: &'static [&'static str],
}

/// A value bound to a statement.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Bound {
    Text(&'static str),
    Date(Date),
}

/// The parameters of one statement, each distinct value bound once, numbered after the
/// statement's `fixed` leading ones. SQLite finds a numbered parameter by a linear search
/// of the statement's names, so binding every column of 500 rows (5,000 parameters) spent
/// 80% of the run in that search. Strings and dates repeat (a few kinds, currencies,
/// payees and days a batch); integers are written into the text instead, which for
/// values typed `i64` is safe.
struct Binds {
    fixed: usize,
    values: Vec<Bound>,
    numbers: std::collections::HashMap<Bound, usize>,
}

impl Binds {
    fn new(fixed: usize) -> Self {
        Self {
            fixed,
            values: Vec::new(),
            numbers: std::collections::HashMap::new(),
        }
    }

    /// Appends `$n` for `value` to `sql`.
    fn put(&mut self, sql: &mut String, value: Bound) {
        let next = self.fixed + self.values.len() + 1;
        let n = *self.numbers.entry(value).or_insert(next);
        if n == next {
            self.values.push(value);
        }
        let _ = write!(sql, "${n}");
    }
}

/// Appends an optional integer as SQL.
fn put_int(sql: &mut String, value: Option<i64>) {
    let _ = match value {
        Some(v) => write!(sql, "{v}"),
        None => write!(sql, "NULL"),
    };
}

/// Writes rows and their tags; returns how many of each.
async fn write_rows(
    tx: &mut Tx,
    org: i64,
    now: OffsetDateTime,
    rows: &[Row],
) -> Result<(u64, u64), sqlx::Error> {
    let mut sql = String::with_capacity(100 * rows.len() + 200);
    sql.push_str(
        "INSERT INTO transactions (organisation_id, source, created_at, updated_at, kind, occurred_on, \
         amount, currency, account_id, counter_account_id, counter_amount, category_id, payee, notes) VALUES ",
    );
    let mut binds = Binds::new(2);
    for (i, row) in rows.iter().enumerate() {
        sql.push_str(if i == 0 {
            "($1, 'manual', $2, $2, "
        } else {
            ",($1, 'manual', $2, $2, "
        });
        binds.put(&mut sql, Bound::Text(row.kind.as_str()));
        sql.push_str(", ");
        binds.put(&mut sql, Bound::Date(row.on));
        sql.push_str(", ");
        put_int(&mut sql, Some(row.amount));
        sql.push_str(", ");
        binds.put(&mut sql, Bound::Text(row.currency));
        sql.push_str(", ");
        put_int(&mut sql, Some(row.account));
        sql.push_str(", ");
        put_int(&mut sql, row.counter.map(|(account, _)| account));
        sql.push_str(", ");
        put_int(&mut sql, row.counter.map(|(_, amount)| amount));
        sql.push_str(", ");
        put_int(&mut sql, row.category);
        sql.push_str(", ");
        binds.put(&mut sql, Bound::Text(row.payee));
        sql.push_str(", ");
        binds.put(&mut sql, Bound::Text(row.notes));
        sql.push(')');
    }
    sql.push_str(" RETURNING id");
    let mut ids: Vec<i64> = on_tx!(tx, |conn| {
        // Every statement's text is new (integers are inlined), so none is worth caching.
        let mut query = sqlx::query_scalar(&sql)
            .persistent(false)
            .bind(org)
            .bind(now);
        for value in &binds.values {
            query = match *value {
                Bound::Text(text) => query.bind(text),
                Bound::Date(date) => query.bind(date),
            };
        }
        query.fetch_all(conn).await
    })?;
    if ids.len() != rows.len() {
        return Err(sqlx::Error::Protocol(format!(
            "inserted {} rows but got {} ids back",
            rows.len(),
            ids.len()
        )));
    }
    // RETURNING promises no order, but ids come from an increasing counter as the VALUES
    // rows are inserted in order, so sorted they line up with `rows`.
    ids.sort_unstable();
    let tagged: Vec<(i64, &'static str)> = ids
        .iter()
        .zip(rows)
        .flat_map(|(id, row)| row.tags.iter().map(move |tag| (*id, *tag)))
        .collect();
    for chunk in tagged.chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO transaction_tags (organisation_id, transaction_id, tag) VALUES ",
        );
        let mut binds = Binds::new(1);
        for (i, (id, tag)) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "($1, " } else { ",($1, " });
            put_int(&mut sql, Some(*id));
            sql.push_str(", ");
            binds.put(&mut sql, Bound::Text(tag));
            sql.push(')');
        }
        on_tx!(tx, |conn| {
            let mut query = sqlx::query(&sql).persistent(false).bind(org);
            for value in &binds.values {
                query = match *value {
                    Bound::Text(text) => query.bind(text),
                    Bound::Date(date) => query.bind(date),
                };
            }
            query.execute(conn).await.map(|done| done.rows_affected())
        })?;
    }
    Ok((rows.len() as u64, tagged.len() as u64))
}

/// splitmix64: tiny, fast, and the same sequence on every platform for a seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1_u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// Between `lo` and `hi`, leaning to the middle as prices do.
    fn amount(&mut self, lo: i64, hi: i64) -> i64 {
        let t = (self.unit() + self.unit()) / 2.0;
        lo + ((hi - lo) as f64 * t).round() as i64
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        items.get(self.below(items.len() as u64) as usize).copied()
    }
}

const NO_TAGS: &[&str] = &[];
const HOLIDAY: &[&str] = &["holiday"];
const WORK: &[&str] = &["work", "reimbursable"];
const SUBSCRIPTION: &[&str] = &["subscription"];
const GIFT: &[&str] = &["gift"];

#[derive(Clone, Copy, PartialEq)]
enum Via {
    /// The credit card with this probability, else the checking account's debit card.
    Card(f64),
    Cash,
    /// The account of the trip under way.
    Trip,
}

/// Something bought now and then: how often per weekday and per weekend day, for how
/// much (minor units of the account's currency), where and how.
struct Habit {
    weekday: f64,
    weekend: f64,
    lo: i64,
    hi: i64,
    category: &'static str,
    payees: &'static [&'static str],
    via: Via,
    notes: &'static [&'static str],
}

const fn habit(
    (weekday, weekend): (f64, f64),
    (lo, hi): (i64, i64),
    category: &'static str,
    via: Via,
    payees: &'static [&'static str],
) -> Habit {
    Habit {
        weekday,
        weekend,
        lo,
        hi,
        category,
        payees,
        via,
        notes: &[],
    }
}

const fn with_notes(habit: Habit, notes: &'static [&'static str]) -> Habit {
    Habit { notes, ..habit }
}

#[rustfmt::skip]
const HOME: &[Habit] = &[
    habit((0.02, 0.45), (8_500, 21_500), "Groceries", Via::Card(0.75),
        &["Trader Joe's", "Whole Foods Market", "Safeway", "Costco Wholesale", "Green Valley Grocers"]),
    habit((0.38, 0.3), (600, 4_800), "Groceries", Via::Card(0.6),
        &["Corner Grocer", "Trader Joe's", "Safeway", "7-Eleven", "Berkeley Bowl", "Green Valley Grocers"]),
    habit((0.65, 0.45), (375, 780), "Food", Via::Card(0.9),
        &["Blue Bottle Coffee", "Starbucks", "Philz Coffee", "Peet's Coffee"]),
    habit((0.32, 0.05), (1_050, 1_950), "Food", Via::Card(0.8),
        &["Chipotle", "Sweetgreen", "Pho 88", "Subway", "Tacos El Gordo"]),
    with_notes(habit((0.2, 0.6), (2_400, 13_500), "Food", Via::Card(1.0),
        &["Luigi's Trattoria", "Sushi Zen", "Shake Shack", "The Breakfast Club", "Nopa", "Zuni Café"]),
        &["Birthday dinner", "Split with Sam", "Date night", "Dinner with the neighbours"]),
    habit((0.12, 0.18), (1_800, 5_500), "Food", Via::Card(1.0), &["DoorDash", "Uber Eats"]),
    habit((0.13, 0.16), (3_800, 7_400), "Transportation", Via::Card(1.0),
        &["Shell", "Chevron", "Arco", "Costco Gas"]),
    habit((0.28, 0.06), (250, 900), "Transportation", Via::Card(0.7), &["BART", "Clipper Card", "Muni"]),
    habit((0.05, 0.1), (1_100, 4_200), "Transportation", Via::Card(1.0), &["Uber", "Lyft"]),
    habit((0.05, 0.06), (400, 2_800), "Transportation", Via::Card(1.0), &["City Parking", "SP+ Parking"]),
    with_notes(habit((0.2, 0.35), (900, 18_900), "Shopping", Via::Card(0.9),
        &["Amazon", "Target", "IKEA", "Best Buy", "Uniqlo", "REI", "Home Depot", "Etsy"]),
        &["Returned one item", "Present for Sam", "Replacement charger"]),
    with_notes(habit((0.04, 0.03), (800, 18_500), "Health", Via::Card(0.5),
        &["CVS Pharmacy", "Walgreens", "Bright Smile Dental", "Dr. Patel Family Practice"]),
        &["Annual check-up", "Prescription refill"]),
    habit((0.05, 0.16), (1_000, 9_500), "Entertainment", Via::Card(1.0),
        &["AMC Theatres", "Ticketmaster", "Steam", "Golden Gate Bowl", "SFMOMA"]),
    habit((0.015, 0.015), (1_200, 6_500), "Education", Via::Card(1.0),
        &["Barnes & Noble", "Coursera", "Green Apple Books"]),
    habit((0.02, 0.02), (500, 3_000), "Other", Via::Card(0.7), &["USPS", "FedEx Office", "Dry Cleaners"]),
    habit((0.02, 0.2), (400, 3_500), "Groceries", Via::Cash, &["Farmers Market"]),
    habit((0.08, 0.05), (800, 1_600), "Food", Via::Cash, &["Food Truck", "Taqueria Cancún"]),
    habit((0.05, 0.05), (300, 1_200), "Other", Via::Cash, &["Laundromat", "Tip"]),
];

#[rustfmt::skip]
const EUROPE: &[Habit] = &[
    habit((2.0, 2.0), (800, 6_800), "Food", Via::Trip,
        &["Café de Flore", "Boulangerie Paul", "Trattoria da Enzo", "Brasserie Lipp", "Wagamama"]),
    habit((0.8, 0.8), (190, 3_900), "Transportation", Via::Trip, &["SNCF", "RATP", "Deutsche Bahn", "Uber"]),
    habit((0.5, 0.5), (400, 3_500), "Groceries", Via::Trip, &["Carrefour", "Monoprix", "Lidl"]),
    habit((0.5, 0.5), (1_200, 4_500), "Entertainment", Via::Trip,
        &["Musée du Louvre", "Rijksmuseum", "Sagrada Família"]),
    habit((0.3, 0.3), (1_000, 12_000), "Shopping", Via::Trip, &["Galeries Lafayette", "Zara", "Fnac"]),
];

/// In yen, which has no minor unit.
#[rustfmt::skip]
const JAPAN: &[Habit] = &[
    habit((2.2, 2.2), (800, 6_500), "Food", Via::Trip,
        &["Ichiran Ramen", "Sushi Dai", "Yoshinoya", "FamilyMart", "Lawson"]),
    habit((1.0, 1.0), (170, 14_000), "Transportation", Via::Trip, &["JR East", "Tokyo Metro", "Suica"]),
    habit((0.5, 0.5), (500, 18_000), "Shopping", Via::Trip, &["Don Quijote", "Uniqlo Ginza", "Loft"]),
    habit((0.4, 0.4), (500, 3_000), "Entertainment", Via::Trip,
        &["Senso-ji", "teamLab Planets", "Tokyo Skytree"]),
];

#[rustfmt::skip]
const WORK_TRIP: &[Habit] = &[
    with_notes(habit((2.0, 2.0), (1_200, 6_800), "Food", Via::Card(1.0),
        &["Hotel restaurant", "Local diner", "Panera Bread", "Starbucks"]),
        &["Business lunch with client", "Team dinner"]),
    habit((0.8, 0.8), (1_500, 5_500), "Transportation", Via::Card(1.0), &["Uber", "Lyft", "Yellow Cab"]),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum TripKind {
    Europe,
    Japan,
    Work,
}

#[derive(Clone, Copy)]
struct Trip {
    kind: TripKind,
    start: Date,
    end: Date,
}

/// A summer holiday in Europe each year, one spring in Japan, and four short work trips a
/// year; only trips wholly inside the span and clear of one another.
fn plan_trips(seed: u64, start: Date, today: Date) -> Vec<Trip> {
    let mut rng = Rng::new(seed ^ 0x5452_4950_5321);
    let mut trips: Vec<Trip> = Vec::new();
    for year in start.year()..=today.year() {
        let on = |month, day| Date::from_calendar_date(year, month, day).ok();
        let mut candidates = Vec::new();
        if let Some(june) = on(Month::June, 1) {
            let begin = june + Duration::days(rng.below(75) as i64);
            candidates.push((TripKind::Europe, begin, 9 + rng.below(4) as i64));
        }
        if year == start.year() + 1
            && let Some(april) = on(Month::April, 1)
        {
            let begin = april + Duration::days(rng.below(20) as i64);
            candidates.push((TripKind::Japan, begin, 8));
        }
        for _ in 0..4 {
            if let Some(january) = on(Month::January, 10) {
                let mut begin = january + Duration::days(rng.below(330) as i64);
                while begin.weekday() != Weekday::Tuesday {
                    begin = begin.next_day().unwrap_or(begin);
                }
                candidates.push((TripKind::Work, begin, 3));
            }
        }
        for (kind, begin, length) in candidates {
            let trip = Trip {
                kind,
                start: begin,
                end: begin + Duration::days(length - 1),
            };
            let gap = Duration::days(3);
            let clashes = trips
                .iter()
                .any(|t| trip.start <= t.end + gap && t.start <= trip.end + gap);
            if trip.start >= start && trip.end <= today && !clashes {
                trips.push(trip);
            }
        }
    }
    trips
}

/// What the household lives in: the span, its accounts and categories, and the rates.
struct Books {
    start: Date,
    today: Date,
    accounts: Accounts,
    categories: Vec<(String, i64)>,
    rates: Rates,
}

/// An income or expense about to be recorded.
struct Entry {
    kind: TransactionKind,
    account: Acct,
    amount: i64,
    category: &'static str,
    payee: &'static str,
    notes: &'static str,
    tags: &'static [&'static str],
}

fn spent(account: Acct, amount: i64, category: &'static str, payee: &'static str) -> Entry {
    Entry {
        kind: TransactionKind::Expense,
        account,
        amount,
        category,
        payee,
        notes: "",
        tags: NO_TAGS,
    }
}

fn earned(account: Acct, amount: i64, category: &'static str, payee: &'static str) -> Entry {
    Entry {
        kind: TransactionKind::Income,
        ..spent(account, amount, category, payee)
    }
}

impl Entry {
    fn notes(self, notes: &'static str) -> Self {
        Self { notes, ..self }
    }

    fn tags(self, tags: &'static [&'static str]) -> Self {
        Self { tags, ..self }
    }
}

/// The household: its habits, its calendar, and the balances it keeps an eye on.
struct Household<'a> {
    books: &'a Books,
    rng: Rng,
    /// How much busier than the household's own pace every chance event is.
    scale: f64,
    trips: Vec<Trip>,
    /// Rows made and not yet written.
    rows: Vec<Row>,
    /// Each account's balance as the household would see it: (account id, minor units).
    balances: Vec<(i64, i64)>,
    /// Spent on the work trip under way, and reimbursements due: (date, amount).
    work_spend: i64,
    reimbursements: Vec<(Date, i64)>,
    /// Rows made on a schedule, and rows expected by chance.
    scheduled: u64,
    expected: f64,
}

impl<'a> Household<'a> {
    fn new(books: &'a Books, seed: u64, scale: f64) -> Self {
        Household {
            books,
            rng: Rng::new(seed),
            scale,
            trips: plan_trips(seed, books.start, books.today),
            rows: Vec::with_capacity(BATCH * 2),
            balances: books
                .accounts
                .all()
                .iter()
                .zip(ACCOUNTS)
                .map(|(account, (.., opening))| (account.id, opening))
                .collect(),
            work_spend: 0,
            reimbursements: Vec::new(),
            scheduled: 0,
            expected: 0.0,
        }
    }

    fn day(&mut self, on: Date) {
        let before = self.rows.len();
        self.schedule(on);
        self.scheduled += (self.rows.len() - before) as u64;
        self.by_chance(on);
        if let Some(trip) = self.trip_on(on)
            && trip.kind == TripKind::Work
            && trip.end == on
        {
            let spent = std::mem::take(&mut self.work_spend);
            self.reimbursements.push((on + Duration::days(10), spent));
        }
    }

    fn trip_on(&self, on: Date) -> Option<Trip> {
        self.trips
            .iter()
            .find(|t| t.start <= on && on <= t.end)
            .copied()
    }

    fn balance(&self, account: Acct) -> i64 {
        self.balances
            .iter()
            .find(|(id, _)| *id == account.id)
            .map_or(0, |(_, balance)| *balance)
    }

    fn adjust(&mut self, account: i64, by: i64) {
        if let Some((_, balance)) = self.balances.iter_mut().find(|(id, _)| *id == account) {
            *balance += by;
        }
    }

    /// Keeps the balances up to date, then keeps the row.
    fn push(&mut self, row: Row) {
        match (row.kind, row.counter) {
            (TransactionKind::Income, _) => self.adjust(row.account, row.amount),
            (TransactionKind::Expense, _) => self.adjust(row.account, -row.amount),
            (TransactionKind::Transfer, Some((to, arrives))) => {
                self.adjust(row.account, -row.amount);
                self.adjust(to, arrives);
            }
            (TransactionKind::Transfer, None) => {}
        }
        if row.tags == WORK {
            self.work_spend += row.amount;
        }
        self.rows.push(row);
    }

    fn record(&mut self, on: Date, entry: Entry) {
        if entry.amount <= 0 {
            return;
        }
        let category = self
            .books
            .categories
            .iter()
            .find(|(name, _)| name == entry.category)
            .map(|(_, id)| *id);
        self.push(Row {
            kind: entry.kind,
            on,
            amount: entry.amount,
            currency: entry.account.currency,
            account: entry.account.id,
            counter: None,
            category,
            payee: entry.payee,
            notes: entry.notes,
            tags: entry.tags,
        });
    }

    /// Moves `amount` (in `from`'s currency) to `to`, converted through USD at the
    /// month's rates.
    fn transfer(&mut self, on: Date, from: Acct, to: Acct, amount: i64, payee: &'static str) {
        let rates = &self.books.rates;
        let arrives = if from.currency == to.currency {
            Some(amount)
        } else {
            let in_usd = rates
                .to_usd(from.currency, on)
                .and_then(|r| fx::convert(amount, from.currency, "USD", r));
            let from_usd = rates.to_usd(to.currency, on).map(Rate::inverse);
            in_usd
                .zip(from_usd)
                .and_then(|(usd, r)| fx::convert(usd, "USD", to.currency, r))
        };
        let Some(arrives) = arrives.filter(|a| *a > 0 && amount > 0) else {
            return;
        };
        self.push(Row {
            kind: TransactionKind::Transfer,
            on,
            amount,
            currency: from.currency,
            account: from.id,
            counter: Some((to.id, arrives)),
            category: None,
            payee,
            notes: "",
            tags: NO_TAGS,
        });
    }

    /// What happens by the calendar: pay, rent, bills, subscriptions, the card payment,
    /// savings, interest, reimbursements, and the bookings around each trip.
    fn schedule(&mut self, on: Date) {
        let a = &self.books.accounts;
        let (checking, card, savings) = (a.checking, a.card, a.savings);
        let years = (on - self.books.start).whole_days() / 365;
        let (day, month) = (on.day(), on.month());
        let raise = |base: i64| base + base * 3 * years / 100;

        if day == 1 {
            let rent = 215_000 + 8_500 * years;
            self.record(on, spent(checking, rent, "Rent", "Maple Court Apartments"));
        }
        if is_payday(on, 25) {
            let pay = raise(431_042) + self.rng.amount(-4_000, 6_000);
            self.record(on, earned(checking, pay, "Salary", "Acme Robotics Inc."));
        }
        if is_payday(on, 15) {
            let pay = raise(287_519) + self.rng.amount(-1_500, 1_500);
            self.record(
                on,
                earned(checking, pay, "Salary", "Riverside School District"),
            );
        }
        if day == 12 {
            let seasonal = match month {
                Month::December | Month::January | Month::February => 6_500,
                Month::July | Month::August | Month::September => 5_500,
                _ => 0,
            };
            let bill = 9_500 + seasonal + self.rng.amount(-1_500, 2_500);
            self.record(on, spent(checking, bill, "Bills", "PG&E"));
        }
        if day == 8 {
            let bill = 7_999 + 500 * years;
            self.record(on, spent(checking, bill, "Bills", "Comcast Xfinity"));
        }
        if day == 20 {
            let bill = 14_237 + self.rng.amount(-300, 900);
            self.record(on, spent(checking, bill, "Bills", "Verizon Wireless"));
        }
        if day == 18 && u8::from(month).is_multiple_of(2) {
            let bill = self.rng.amount(5_800, 9_200);
            self.record(on, spent(checking, bill, "Bills", "City Water Dept."));
        }
        if day == 3 && u8::from(month) % 3 == 1 {
            let premium = spent(checking, 41_250, "Bills", "State Farm");
            self.record(on, premium.notes("Car insurance, quarterly"));
        }
        for (on_day, price, category, payee) in [
            (2, 2_499, "Health", "Planet Fitness"),
            (5, 1_549 + 125 * years, "Entertainment", "Netflix"),
            (11, 1_099 + 100 * years, "Entertainment", "Spotify"),
            (14, 299, "Other", "Apple iCloud"),
            (22, 1_700, "Education", "The New York Times"),
        ] {
            if day == on_day {
                self.record(on, spent(card, price, category, payee).tags(SUBSCRIPTION));
            }
        }
        if (month, day) == (Month::July, 9) {
            let prime = spent(card, 13_900, "Shopping", "Amazon Prime");
            self.record(on, prime.notes("Annual membership").tags(SUBSCRIPTION));
        }
        if (month, day) == (Month::March, 14) {
            self.record(
                on,
                earned(checking, 20_000, "Gifts", "Mom & Dad").notes("Birthday"),
            );
        }
        if day == 6 {
            let owed = -self.balance(card);
            self.transfer(on, checking, card, owed, "Chase card payment");
        }
        if day == 26 {
            // A standing order, or what is left above a cushion after payday if more.
            let spare = (self.balance(checking) - 600_000) / 10_000 * 10_000;
            self.transfer(on, checking, savings, spare.max(50_000), "Monthly savings");
        }
        if on.next_day().map(Date::month) != Some(month) {
            let interest = self.balance(savings) * 42 / 12_000;
            self.record(on, earned(savings, interest, "Interest", "Ally Bank"));
        }
        let due: Vec<i64> = self
            .reimbursements
            .iter()
            .filter(|(when, _)| *when == on)
            .map(|(_, amount)| *amount)
            .collect();
        for amount in due {
            let refund = earned(checking, amount, "Other income", "Acme Robotics Inc.");
            self.record(on, refund.notes("Expense report").tags(&["work"]));
        }
        for trip in self.trips.clone() {
            self.bookings(on, trip);
        }
    }

    /// Flights and lodging for a trip, and money moved to the trip's account before it.
    fn bookings(&mut self, on: Date, trip: Trip) {
        let a = &self.books.accounts;
        let (card, checking) = (a.card, a.checking);
        let (account, airline, fare, top_up, stay) = match trip.kind {
            TripKind::Europe => (
                a.eur,
                "Lufthansa",
                (160_000, 320_000),
                260_000,
                (90_000, 140_000),
            ),
            TripKind::Japan => (
                a.jpy,
                "Japan Airlines",
                (180_000, 340_000),
                250_000,
                (120_000, 180_000),
            ),
            TripKind::Work => {
                if on == trip.start {
                    let flight = self.rng.amount(32_000, 58_000);
                    self.record(
                        on,
                        spent(card, flight, "Travel", "Delta Air Lines").tags(WORK),
                    );
                    let nights = (trip.end - trip.start).whole_days();
                    let hotel = nights * self.rng.amount(18_900, 25_900);
                    self.record(on, spent(card, hotel, "Travel", "Marriott").tags(WORK));
                }
                return;
            }
        };
        if on == trip.start - Duration::days(45) {
            let tickets = spent(card, self.rng.amount(fare.0, fare.1), "Travel", airline);
            self.record(on, tickets.notes("Two return tickets").tags(HOLIDAY));
        }
        if on == trip.start - Duration::days(7) {
            self.transfer(on, checking, account, top_up, "Holiday money");
        }
        if on == trip.start {
            let lodging = spent(account, self.rng.amount(stay.0, stay.1), "Travel", "Airbnb");
            self.record(on, lodging.tags(HOLIDAY));
        }
    }

    /// Everyday spending, busier by `scale`: at home, or on the trip under way (home
    /// spending slows down meanwhile).
    fn by_chance(&mut self, on: Date) {
        let weekend = matches!(on.weekday(), Weekday::Saturday | Weekday::Sunday);
        let a = &self.books.accounts;
        let (away, home_pace, tags, trip_account) = match self.trip_on(on).map(|t| t.kind) {
            Some(TripKind::Europe) => (EUROPE, 0.1, HOLIDAY, a.eur),
            Some(TripKind::Japan) => (JAPAN, 0.1, HOLIDAY, a.jpy),
            Some(TripKind::Work) => (WORK_TRIP, 0.5, WORK, a.card),
            None => (&[][..], 1.0, NO_TAGS, a.card),
        };
        for habit in HOME {
            self.spend(on, habit, weekend, home_pace, NO_TAGS, trip_account);
        }
        for habit in away {
            self.spend(on, habit, weekend, 1.0, tags, trip_account);
        }
    }

    fn spend(
        &mut self,
        on: Date,
        habit: &Habit,
        weekend: bool,
        pace: f64,
        tags: &'static [&'static str],
        trip_account: Acct,
    ) {
        let a = &self.books.accounts;
        let (card, checking, cash) = (a.card, a.checking, a.cash);
        let rate = if weekend {
            habit.weekend
        } else {
            habit.weekday
        } * pace
            * self.scale;
        let whole = rate.floor();
        let times = whole as u64 + u64::from(self.rng.chance(rate - whole));
        self.expected += rate;
        for _ in 0..times {
            let amount = self.rng.amount(habit.lo, habit.hi);
            let account = match habit.via {
                Via::Card(share) if self.rng.chance(share) => card,
                Via::Card(_) => checking,
                Via::Trip => trip_account,
                Via::Cash => {
                    if self.balance(cash) < amount + 2_000 {
                        let withdrawal = 20_000 + 10_000 * self.rng.below(3) as i64;
                        self.transfer(on, checking, cash, withdrawal, "ATM withdrawal");
                        self.expected += 1.0;
                    }
                    cash
                }
            };
            let payee = self.rng.pick(habit.payees).unwrap_or("");
            let mut entry = spent(account, amount, habit.category, payee).tags(tags);
            if !habit.notes.is_empty() && self.rng.chance(0.08) {
                entry = entry.notes(self.rng.pick(habit.notes).unwrap_or(""));
            }
            let gift = habit.category == "Shopping" && on.month() == Month::December;
            if gift && tags.is_empty() && self.rng.chance(0.5) {
                entry = entry.tags(GIFT);
            }
            self.record(on, entry);
        }
    }
}

/// The `day`th of the month, or the Friday before when it falls on a weekend.
fn is_payday(on: Date, day: u8) -> bool {
    match on.weekday() {
        Weekday::Saturday | Weekday::Sunday => false,
        Weekday::Friday => (day.saturating_sub(2)..=day).contains(&on.day()),
        _ => on.day() == day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_default_password_passes_the_policy() {
        assert_eq!(
            florin::password::check_new(DEFAULT_PASSWORD, DEFAULT_EMAIL),
            Ok(())
        );
    }

    #[test]
    fn options_parse_in_both_spellings_with_grouped_numbers() {
        let options = Options::from_args(&[
            "--email=a@b.example",
            "--transactions",
            "100_000",
            "--seed",
            "7",
        ])
        .expect("valid options");
        assert_eq!(options.email, "a@b.example");
        assert_eq!(options.transactions, Some(100_000));
        assert_eq!(options.seed, 7);
        assert_eq!(options.password, DEFAULT_PASSWORD);
        assert!(Options::from_args(&["--transactions", "many"]).is_err());
        assert!(Options::from_args(&["--seed"]).is_err());
        assert!(Options::from_args(&["--colour", "red"]).is_err());
    }

    #[test]
    fn pay_moves_to_the_friday_before_a_weekend() {
        // 2025-05-25 is a Sunday.
        assert!(is_payday(date!(2025 - 05 - 23), 25));
        assert!(!is_payday(date!(2025 - 05 - 25), 25));
        assert!(is_payday(date!(2025 - 06 - 25), 25));
        assert!(!is_payday(date!(2025 - 06 - 24), 25));
    }

    #[test]
    fn grouped_numbers_read_like_a_summary() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn rates_cover_every_month_of_the_span() {
        let rates = Rates::walk(1, date!(2023 - 03 - 17), date!(2026 - 03 - 16));
        assert_eq!(rates.eur.len(), 37);
        assert_eq!(rates.date(0), date!(2023 - 03 - 01));
        assert_eq!(rates.date(36), date!(2026 - 03 - 01));
        assert!(rates.to_usd("EUR", date!(2026 - 03 - 16)).is_some());
        assert!(
            rates
                .eur
                .iter()
                .all(|r| (950_000_000_000..=1_250_000_000_000).contains(r))
        );
    }
}
