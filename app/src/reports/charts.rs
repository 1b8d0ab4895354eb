//! The charts of reports and the dashboard, drawn by charts-rs on the server as SVG text
//! that the page inlines. Each chart has its own light background and dark text (so it
//! reads the same on a light or a dark page), colours that stay apart with the common
//! colour-vision deficiencies, and a table beside it with the same figures for screen
//! readers. charts-rs writes presentation attributes only (no `style`), which the
//! Content-Security-Policy's `style-src 'self'` allows.

use charts_rs::{BarChart, ChartBase, Color, LineChart, PieChart, Series, Symbol};

const WIDTH: f32 = 640.0;
const HEIGHT: f32 = 320.0;
const BACKGROUND: (u8, u8, u8) = (255, 255, 255);
const TEXT: (u8, u8, u8) = (31, 41, 55);
const GRID: (u8, u8, u8) = (209, 213, 219);
/// Green and orange for income and spending; both at least 3:1 against white.
const INCOME: (u8, u8, u8) = (21, 128, 61);
const SPENDING: (u8, u8, u8) = (194, 65, 12);
const NET_WORTH: (u8, u8, u8) = (29, 78, 216);
/// Slices of the category donut: blue, orange, teal, purple, amber, rose, grey.
const SLICES: [(u8, u8, u8); 7] = [
    (29, 78, 216),
    (194, 65, 12),
    (15, 118, 110),
    (109, 40, 217),
    (180, 83, 9),
    (190, 18, 60),
    (75, 85, 99),
];

/// A picture of figures the page also gives exactly as text; f32 is plenty for it.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    reason = "a chart's picture, drawn beside the exact figures"
)]
fn to_major(minor: i64, exponent: u8) -> f32 {
    (minor as f64 / 10_f64.powi(i32::from(exponent))) as f32
}

fn style(base: &mut ChartBase, title: &str) {
    base.width = WIDTH;
    base.height = HEIGHT;
    base.background_color = Color::from(BACKGROUND);
    base.is_light = true;
    // Measured with charts-rs's built-in font; drawn with the reader's own sans-serif.
    base.font_family = "system-ui, sans-serif".to_owned();
    base.title.text = title.to_owned();
    base.title.font.color = Color::from(TEXT);
    base.legend.font.color = Color::from(TEXT);
    base.x_axis.font.color = Color::from(TEXT);
    base.x_axis.stroke_color = Color::from(TEXT);
    base.grid.stroke_color = Color::from(GRID);
}

/// Income and spending per month, as pairs of bars.
pub fn cash_flow(
    title: &str,
    labels: Vec<String>,
    income: &[i64],
    spending: &[i64],
    exponent: u8,
) -> Result<String, charts_rs::Error> {
    let series = vec![
        Series::new(
            "Income".to_owned(),
            income.iter().map(|m| to_major(*m, exponent)).collect(),
        ),
        Series::new(
            "Spending".to_owned(),
            spending.iter().map(|m| to_major(*m, exponent)).collect(),
        ),
    ];
    let mut chart = BarChart::new(series, labels);
    style(&mut chart, title);
    for axis in &mut chart.y_axis_configs {
        axis.font.color = Color::from(TEXT);
        axis.min = Some(0.0);
    }
    chart.series.colors = vec![Color::from(INCOME), Color::from(SPENDING)];
    chart.svg()
}

/// Spending by category as a donut; `slices` are (name, amount), largest first.
pub fn categories(
    title: &str,
    slices: &[(String, i64)],
    exponent: u8,
) -> Result<String, charts_rs::Error> {
    let series = slices
        .iter()
        .map(|(name, amount)| Series::new(name.clone(), vec![to_major(*amount, exponent)]))
        .collect();
    let mut chart = PieChart::new(series);
    style(&mut chart, title);
    chart.rose_type = Some(false);
    chart.inner_radius = 50.0;
    chart.radius = 110.0;
    chart.series.colors = SLICES.iter().map(|c| Color::from(*c)).collect();
    chart.svg()
}

/// Net worth at the end of each month, as one line.
pub fn net_worth(
    title: &str,
    labels: Vec<String>,
    values: &[i64],
    exponent: u8,
) -> Result<String, charts_rs::Error> {
    let mut series = Series::new(
        "Net worth".to_owned(),
        values.iter().map(|m| to_major(*m, exponent)).collect(),
    );
    series.symbol = Some(Symbol::Circle(2.0, None));
    let mut chart = LineChart::new(vec![series], labels);
    style(&mut chart, title);
    for axis in &mut chart.y_axis_configs {
        axis.font.color = Color::from(TEXT);
    }
    chart.series.colors = vec![Color::from(NET_WORTH)];
    chart.series.stroke_width = 2.0;
    chart.svg()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(svg: &str) {
        assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
        // CSP `style-src 'self'` would block both; no script may ride along.
        assert!(!svg.contains("style="), "inline style attribute");
        assert!(!svg.contains("<style"), "style element");
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn each_chart_is_plain_svg_naming_its_series() {
        let labels: Vec<String> = (1..=12).map(|m| format!("M{m}")).collect();
        let flow =
            cash_flow("Cash flow", labels.clone(), &[10_000; 12], &[8_000; 12], 2).expect("svg");
        safe(&flow);
        assert!(flow.contains("Income") && flow.contains("Spending"));
        let donut = categories(
            "Spending by category",
            &[
                ("Groceries".to_owned(), 30_000),
                ("Rent".to_owned(), 90_000),
            ],
            2,
        )
        .expect("svg");
        safe(&donut);
        assert!(donut.contains("Groceries") && donut.contains("Rent"));
        let line = net_worth("Net worth", labels, &[500_000; 12], 2).expect("svg");
        safe(&line);
        assert!(line.contains("Net worth"));
    }
}
