//! The payoff planner: the active debts of one currency, planned under each strategy
//! (`florin::debt_stats::compare_strategies`), for the planner page and its chart.

use super::display::{money, today};
use crate::debts::repo::{self, DebtRecord};
use crate::debts::types::{PayoffPlan, PayoffPlanQuery, PlanDebtView, StrategyView};
use crate::error::{AppError, FieldErrors};
use crate::orgs::Member;
use florin::debt_stats::{
    self, BalanceSeries, compare_strategies, currencies, debt_free_text, duration_text,
    plan_currency, plan_month, rate_text, yearly_points,
};
use florin::loan::{Plan, PlanDebt};
use florin::money::{Money, NumberFormat};
use std::collections::BTreeMap;
use time::Date;

/// The planner's validated inputs and the plans.
pub struct Plans {
    pub currency: String,
    pub currencies: Vec<String>,
    pub extra: i64,
    pub errors: FieldErrors,
    pub debts: Vec<DebtRecord>,
    pub first_due: Date,
    /// Avalanche, snowball, minimum-only, in that order.
    pub plans: Vec<(&'static str, Plan)>,
}

/// Computes the plans for the active debts of the chosen currency (else the base
/// currency when it has debts, else the first). An unreadable extra amount is reported
/// and planned as zero.
pub async fn plans(member: &Member, query: &PayoffPlanQuery) -> Result<Plans, AppError> {
    let format = member.number_format();
    let active: Vec<DebtRecord> = repo::list(member.db(), &member.scope)
        .await?
        .into_iter()
        .filter(DebtRecord::is_active)
        .collect();
    let currencies = currencies(active.iter().map(|d| d.currency.as_str()));
    let currency = plan_currency(&currencies, &query.currency, &member.user.base_currency);
    let mut errors = FieldErrors::new();
    let extra = extra(&mut errors, &query.extra, &currency, format);
    let debts: Vec<DebtRecord> = active
        .into_iter()
        .filter(|d| d.currency == currency)
        .collect();
    let plan_debts: Vec<PlanDebt> = debts.iter().map(DebtRecord::plan_debt).collect();
    let first_due = debts
        .iter()
        .map(|d| d.next_payment_date)
        .min()
        .unwrap_or_else(today);
    let plans = compare_strategies(&plan_debts, extra).unwrap_or_else(|error| {
        errors.add("extra", error.message(&currency, format));
        Vec::new()
    });
    Ok(Plans {
        currency,
        currencies,
        extra,
        errors,
        debts,
        first_due,
        plans,
    })
}

/// The extra paid each month: blank for none; an unreadable or negative one is reported
/// and planned as zero.
fn extra(errors: &mut FieldErrors, raw: &str, currency: &str, format: NumberFormat) -> i64 {
    match raw.trim() {
        "" => 0,
        text => match Money::parse(text, currency, format) {
            Ok(m) if m.minor < 0 => {
                errors.add("extra", "The extra amount cannot be negative.");
                0
            }
            Ok(m) => m.minor,
            Err(e) => {
                errors.add("extra", e);
                0
            }
        },
    }
}

/// The chart's months and each plan's total balance in them, from today's total.
pub fn balance_series(plans: &Plans) -> BalanceSeries {
    let start = plans
        .debts
        .iter()
        .map(|d| d.remaining)
        .fold(0, i64::saturating_add);
    debt_stats::balance_series(start, plans.first_due, plans.plans.iter().map(|(_, p)| p))
}

pub async fn planner(member: &Member, query: &PayoffPlanQuery) -> Result<PayoffPlan, AppError> {
    let format = member.number_format();
    let plans = plans(member, query).await?;
    let m = |minor: i64| money(minor, &plans.currency, format);
    let (labels, series) = balance_series(&plans);
    let table = yearly_points(labels.len())
        .map(|i| {
            let values = series
                .iter()
                .map(|s| {
                    s.get(i)
                        .copied()
                        .flatten()
                        .map_or_else(|| "—".to_owned(), m)
                })
                .collect();
            (labels[i].clone(), values)
        })
        .collect();
    let debts = plans
        .debts
        .iter()
        .map(|d| PlanDebtView {
            name: d.name.clone(),
            balance: m(d.remaining),
            rate: rate_text(d.rate()),
            minimum: m(d.emi),
        })
        .collect();
    let chart_src = format!(
        "/debts/planner/chart.svg?extra={}&currency={}",
        crate::url::encode_component(&query.extra),
        crate::url::encode_component(&plans.currency)
    );
    Ok(PayoffPlan {
        strategies: strategy_views(&plans, format),
        currency: plans.currency,
        currencies: plans.currencies,
        extra: query.extra.clone(),
        errors: plans.errors,
        debts,
        chart_src,
        table,
    })
}

/// Each plan's outcome, with the debts named in the order they close.
fn strategy_views(plans: &Plans, format: NumberFormat) -> Vec<StrategyView> {
    let m = |minor: i64| money(minor, &plans.currency, format);
    let names: BTreeMap<i64, &str> = plans
        .debts
        .iter()
        .map(|d| (d.id, d.name.as_str()))
        .collect();
    plans
        .plans
        .iter()
        .map(|(name, plan)| StrategyView {
            name: (*name).to_owned(),
            months: duration_text(plan),
            debt_free: debt_free_text(plan, plans.first_due),
            total_interest: m(plan.total_interest),
            total_paid: m(plan.total_paid),
            order: plan
                .payoff_order
                .iter()
                .map(|(id, month)| {
                    let name = names.get(id).copied().unwrap_or_default();
                    (name.to_owned(), plan_month(plans.first_due, *month))
                })
                .collect(),
        })
        .collect()
}
