//! Debts and their payments through the debt forms.

use super::{for_record, form_fields, id_from_redirect};
use crate::common::query::scalar;
use crate::common::{Browser, Page, TestApp, text};
use axum::http::StatusCode;

/// The fields of a simple loan: 1,000.00 USD at 12 % over 12 months from 2026-01-15;
/// `overrides` replace fields by name.
pub fn loan_fields<'a>(overrides: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    form_fields(
        &[
            ("id", ""),
            ("name", "Car loan"),
            ("kind", "car"),
            ("principal", "1,000.00"),
            ("currency", "USD"),
            ("annual_rate", "12"),
            ("tenure_months", "12"),
            ("emi", ""),
            ("lender", "Acme Bank"),
            ("start_date", "2026-01-15"),
            ("next_payment_date", ""),
            ("reminder_days", ""),
            ("account_id", ""),
        ],
        overrides,
    )
}

/// Adds a debt through the form, checks it is shown as added and stored, and returns
/// its id.
pub async fn add_debt(app: &TestApp, browser: &mut Browser, overrides: &[(&str, &str)]) -> i64 {
    let posted = browser
        .post_form("/api/debts/save", "/debts/new", &loan_fields(overrides))
        .await;
    assert_eq!(posted.status, StatusCode::FOUND, "{}", posted.body);
    let id = id_from_redirect(&posted, "/debts/");
    let page = browser.follow(&posted).await;
    assert!(text(&page.body).contains("Debt added."));
    assert_eq!(
        scalar(app, &format!("SELECT COUNT(*) FROM debts WHERE id = {id}")).await,
        1
    );
    id
}

/// Posts a payment of `debt` from its page: `fields`, by bank transfer on 2026-02-15
/// unless they say otherwise; the answer is left to the caller.
pub async fn pay(browser: &mut Browser, debt: i64, fields: &[(&str, &str)]) -> Page {
    let id = debt.to_string();
    let defaults = [("method", "bank_transfer"), ("date", "2026-02-15")];
    let all = for_record(("debt_id", &id), fields, &defaults);
    browser
        .post_form("/api/debts/pay", &format!("/debts/{debt}"), &all)
        .await
}
