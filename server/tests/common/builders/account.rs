//! Accounts through the account form.

use crate::common::{Browser, TestApp};
use florin_app::on_db;

/// An account to add through the form: a checking account opening at 5,000 unless told
/// otherwise.
pub struct AccountBuilder<'a> {
    name: &'a str,
    kind: &'a str,
    currency: &'a str,
    institution: Option<&'a str>,
    opening_balance: &'a str,
}

impl<'a> AccountBuilder<'a> {
    pub fn new(name: &'a str, currency: &'a str) -> Self {
        Self {
            name,
            kind: "checking",
            currency,
            institution: None,
            opening_balance: "5,000",
        }
    }

    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }

    /// Fills in the institution field, which the form otherwise leaves out.
    pub fn institution(mut self, institution: &'a str) -> Self {
        self.institution = Some(institution);
        self
    }

    pub fn opening_balance(mut self, opening_balance: &'a str) -> Self {
        self.opening_balance = opening_balance;
        self
    }

    /// Creates the account as [`AccountBuilder::create`] does and returns its id as the
    /// forms take it.
    pub async fn add(self, app: &TestApp, browser: &mut Browser) -> String {
        self.create(app, browser).await.to_string()
    }

    /// Posts the form, checks it lands on the accounts list, and returns the new
    /// account's id.
    pub async fn create(self, app: &TestApp, browser: &mut Browser) -> i64 {
        let mut fields = vec![
            ("id", ""),
            ("name", self.name),
            ("kind", self.kind),
            ("currency", self.currency),
        ];
        if let Some(institution) = self.institution {
            fields.push(("institution", institution));
        }
        fields.push(("opening_balance", self.opening_balance));
        let posted = browser
            .post_form("/api/accounts/save", "/accounts", &fields)
            .await;
        assert_eq!(
            posted.location.as_deref(),
            Some("/accounts"),
            "account {}: {}",
            self.name,
            posted.body
        );
        on_db!(&app.db, |pool| {
            sqlx::query_scalar("SELECT MAX(id) FROM accounts WHERE name = $1")
                .bind(self.name)
                .fetch_one(pool)
                .await
        })
        .expect("the new account")
    }
}

/// Adds a checking account opening at 5,000 and returns its id as the forms take it.
pub async fn add_account(
    app: &TestApp,
    browser: &mut Browser,
    name: &str,
    currency: &str,
) -> String {
    AccountBuilder::new(name, currency).add(app, browser).await
}

/// Adds a checking account opening at zero and returns its id as the forms take it.
pub async fn add_empty_account(
    app: &TestApp,
    browser: &mut Browser,
    name: &str,
    currency: &str,
) -> String {
    AccountBuilder::new(name, currency)
        .opening_balance("0")
        .add(app, browser)
        .await
}

/// Adds a checking account at `institution` (empty for none given) opening at
/// `opening_balance`, and returns its id as the forms take it.
pub async fn add_account_at(
    app: &TestApp,
    browser: &mut Browser,
    name: &str,
    currency: &str,
    institution: &str,
    opening_balance: &str,
) -> String {
    AccountBuilder::new(name, currency)
        .institution(institution)
        .opening_balance(opening_balance)
        .add(app, browser)
        .await
}
