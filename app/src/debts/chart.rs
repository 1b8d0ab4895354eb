//! The payoff planner's chart: total balance over time under each strategy, drawn by
//! charts-rs on the server and served as `image/svg+xml` from
//! `GET /debts/planner/chart.svg?extra=…&currency=…` (the planner page's own inputs).
//!
//! Why an image and not inline SVG: see the planner page (`planner.rs`). The chart has
//! its own light background and dark text, so it reads the same on a light or a dark
//! page; the three lines differ by dash pattern as well as colour. charts-rs writes
//! presentation attributes only (no `style` attribute or element), which the
//! Content-Security-Policy's `style-src 'self'` allows.

use super::ssr;
use super::types::PayoffPlanQuery;
use crate::error::AppError;
use crate::orgs::Member;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use charts_rs::{Color, LineChart, Series, Symbol};
use florin::role::Access;
use tower_sessions::Session;

pub const WIDTH: f32 = 720.0;
pub const HEIGHT: f32 = 360.0;

const BACKGROUND: (u8, u8, u8) = (255, 255, 255);
const TEXT: (u8, u8, u8) = (31, 41, 55);
const GRID: (u8, u8, u8) = (209, 213, 219);
/// Blue, orange and grey: distinguishable with the common colour-vision deficiencies,
/// each at least 4.5:1 against the white background.
const LINES: [(u8, u8, u8); 3] = [(29, 78, 216), (194, 65, 12), (75, 85, 99)];
const DASHES: [Option<&str>; 3] = [None, Some("8,4"), Some("2,4")];

/// One line: its name and a balance (in minor units) per label, `None` where unknown.
pub struct Line {
    pub name: String,
    pub points: Vec<Option<i64>>,
}

/// Draws the lines as an SVG document. Amounts are shown in major units of a currency
/// with `exponent` decimals.
pub fn render(
    title: &str,
    labels: Vec<String>,
    lines: &[Line],
    exponent: u8,
) -> Result<String, charts_rs::Error> {
    let scale = 10_f64.powi(i32::from(exponent));
    // The chart is a picture of the figures the page gives exactly; f32 is plenty for it.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        reason = "a chart's picture, drawn beside the exact figures"
    )]
    let to_major = |minor: i64| (minor as f64 / scale) as f32;
    let series: Vec<Series> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let mut s = Series::new_nullable(
                line.name.clone(),
                line.points.iter().map(|p| p.map(to_major)).collect(),
            );
            s.stroke_dash_array = DASHES.get(i).copied().flatten().map(str::to_owned);
            s.symbol = Some(Symbol::None);
            s
        })
        .collect();
    let mut chart = LineChart::new(series, labels);
    chart.width = WIDTH;
    chart.height = HEIGHT;
    chart.background_color = Color::from(BACKGROUND);
    chart.is_light = true;
    // Measured with charts-rs's built-in font; drawn with the reader's own sans-serif.
    chart.font_family = "system-ui, sans-serif".to_owned();
    chart.title.text = title.to_owned();
    chart.title.font.color = Color::from(TEXT);
    chart.legend.font.color = Color::from(TEXT);
    chart.x_axis.font.color = Color::from(TEXT);
    chart.x_axis.stroke_color = Color::from(TEXT);
    for axis in &mut chart.y_axis_configs {
        axis.font.color = Color::from(TEXT);
        axis.min = Some(0.0);
    }
    chart.grid.stroke_color = Color::from(GRID);
    chart.series.colors = LINES.iter().map(|c| Color::from(*c)).collect();
    chart.series.symbol = Some(Symbol::None);
    chart.series.stroke_width = 2.0;
    chart.svg()
}

/// `GET /debts/planner/chart.svg`: the planner's chart for the signed-in user's
/// organisation, with the planner page's inputs.
pub async fn planner_chart(
    State(app): State<AppState>,
    session: Session,
    Query(query): Query<PayoffPlanQuery>,
) -> Response {
    match chart_svg(app, &session, &query).await {
        Ok(svg) => {
            let mut response = svg.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("image/svg+xml; charset=utf-8"),
            );
            headers.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            response
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.to_string()).into_response()
        }
    }
}

async fn chart_svg(
    app: AppState,
    session: &Session,
    query: &PayoffPlanQuery,
) -> Result<String, AppError> {
    let user = crate::session::current_user(&app, session)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let org = crate::orgs::repo::default_org(&app.db, user.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let scope = crate::orgs::repo::scope(&app.db, user.id, org, Access::Read).await?;
    let member = Member { app, user, scope };
    let plans = ssr::plans(&member, query).await?;
    let (labels, series) = ssr::balance_series(&plans);
    let lines: Vec<Line> = plans
        .plans
        .iter()
        .zip(series)
        .map(|((name, _), points)| Line {
            name: (*name).to_owned(),
            points,
        })
        .collect();
    let exponent = florin::currency::find(&plans.currency).map_or(2, |c| c.exponent);
    let title = format!("Total balance ({})", plans.currency);
    render(&title, labels, &lines, exponent).map_err(AppError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_an_svg_without_inline_styles() {
        let labels: Vec<String> = (0..40).map(|i| format!("M{i}")).collect();
        let lines = vec![
            Line {
                name: "Avalanche".into(),
                points: (0..40).map(|i| Some((40 - i) * 10_000)).collect(),
            },
            Line {
                name: "Snowball".into(),
                points: (0..40).map(|i| Some((40 - i) * 9_000)).collect(),
            },
            Line {
                name: "Minimum payments only".into(),
                points: (0..40)
                    .map(|i| (i < 30).then_some((40 - i) * 11_000))
                    .collect(),
            },
        ];
        let svg = render("Total balance (USD)", labels, &lines, 2).expect("svg");
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
        assert!(svg.contains("Avalanche") && svg.contains("Minimum payments only"));
        assert!(svg.contains("Total balance (USD)"));
        // CSP `style-src 'self'` would block both.
        assert!(!svg.contains("style="), "inline style attribute");
        assert!(!svg.contains("<style"), "style element");
        assert!(!svg.contains("<script"));
    }
}
