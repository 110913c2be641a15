//! The market forecast: Morgan Stanley's US$3.2 bn (2024) to US$140 bn
//! (2030), the yearly growth that implies, and the reader's own scenario.

use crate::calc::{Calculator, Default, Param};
use crate::chart::{self, LineChart, Role, Scale, Series};
use crate::facts;
use crate::figure::{scale_note, Chart, Figure};
use crate::format::{grouped, trimmed};
use crate::table::{Cell, Column, Table};

/// Compound yearly growth (as a fraction) that takes `start` to `end` in
/// `years`. `None` unless all three are finite and positive.
pub fn implied_growth(start: f64, end: f64, years: f64) -> Option<f64> {
    let ok = |x: f64| x.is_finite() && x > 0.0;
    if !(ok(start) && ok(end) && ok(years)) {
        return None;
    }
    let g = crate::num::pow(end / start, 1.0 / years) - 1.0;
    g.is_finite().then_some(g)
}

/// Years to double at yearly growth `rate` (a fraction). `None` when the
/// value never doubles (zero or negative growth).
pub fn doubling_time(rate: f64) -> Option<f64> {
    if !(rate.is_finite() && rate > 0.0) {
        return None;
    }
    let t = std::f64::consts::LN_2 / rate.ln_1p();
    t.is_finite().then_some(t)
}

/// Years to halve at yearly growth `rate` (a fraction). `None` unless the
/// value shrinks (a rate between -100% and 0).
pub fn halving_time(rate: f64) -> Option<f64> {
    if !(rate.is_finite() && rate < 0.0 && rate > -1.0) {
        return None;
    }
    let t = -std::f64::consts::LN_2 / rate.ln_1p();
    t.is_finite().then_some(t)
}

/// `start` grown at `rate` for `years`.
pub fn compound(start: f64, rate: f64, years: f64) -> f64 {
    start * crate::num::pow(1.0 + rate, years)
}

/// The first and last year of the forecast, from the facts.
pub fn years() -> (i32, i32) {
    (
        facts::year("market-2024").unwrap_or(2024),
        facts::year("market-2030").unwrap_or(2030),
    )
}

pub static MARKET_GROWTH: Calculator = Calculator {
    id: "market-growth",
    prefix: "market",
    title: "How fast must China's AI industry grow?",
    intro: "Set the start and end of the forecast, then try a growth rate of your own and see where 2030 lands.",
    params: &[
        Param {
            key: "start",
            label: "Industry size in 2024",
            unit: "US$ bn",
            min: 0.5,
            max: 20.0,
            step: 0.1,
            decimals: 1,
            default: Default::Fact("market-2024"),
            illustrative: false,
            help: "",
        },
        Param {
            key: "end",
            label: "Forecast size in 2030",
            unit: "US$ bn",
            min: 10.0,
            max: 1000.0,
            step: 1.0,
            decimals: 0,
            default: Default::Fact("market-2030"),
            illustrative: false,
            help: "",
        },
        Param {
            key: "rate",
            label: "Your growth rate",
            unit: "% a year",
            min: -50.0,
            max: 200.0,
            step: 0.1,
            decimals: 1,
            default: Default::Fact("market-cagr"),
            illustrative: false,
            help: "Starts at the rate the forecast implies.",
        },
    ],
};

/// One year of the projection, in US$ bn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearValue {
    pub year: i32,
    /// On the path the forecast implies.
    pub forecast: f64,
    /// At the reader's growth rate.
    pub reader: f64,
}

/// Everything the market-growth calculator shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub start: f64,
    pub end: f64,
    pub start_year: i32,
    pub end_year: i32,
    /// Implied yearly growth, as a fraction (0.877).
    pub implied_rate: f64,
    /// Years to double at the implied rate; `None` if it never doubles.
    pub doubling_years: Option<f64>,
    /// Years to halve at the implied rate, when the forecast shrinks.
    pub halving_years: Option<f64>,
    /// The reader's yearly growth, as a fraction.
    pub reader_rate: f64,
    /// The reader's value in the end year, US$ bn.
    pub reader_end: f64,
    /// Year by year, start to end inclusive.
    pub path: Vec<YearValue>,
}

impl Projection {
    /// The reader's end value as a multiple of the forecast.
    pub fn reader_vs_forecast(&self) -> f64 {
        self.reader_end / self.end
    }
}

/// Projects sanitized inputs `[start, end, rate %]` (see
/// [`Calculator::sanitize`]); any other input is sanitized first, so the
/// result is always finite.
pub fn project(values: &[f64]) -> Projection {
    let (v, _) = MARKET_GROWTH.sanitize(values);
    let (start, end, rate_pct) = (v[0], v[1], v[2]);
    let (start_year, end_year) = years();
    let span = f64::from(end_year - start_year);
    let implied_rate = implied_growth(start, end, span).unwrap_or(0.0);
    let reader_rate = rate_pct / 100.0;
    let path = (start_year..=end_year)
        .map(|year| {
            let t = f64::from(year - start_year);
            YearValue {
                year,
                forecast: compound(start, implied_rate, t),
                reader: compound(start, reader_rate, t),
            }
        })
        .collect();
    Projection {
        start,
        end,
        start_year,
        end_year,
        implied_rate,
        doubling_years: doubling_time(implied_rate),
        halving_years: halving_time(implied_rate),
        reader_rate,
        reader_end: compound(start, reader_rate, span),
        path,
    }
}

/// The chart and its text for market-growth inputs.
pub fn figure(values: &[f64], scale: Scale) -> Figure {
    let p = project(values);
    let line = |name, role, width, f: fn(&YearValue) -> f64| Series {
        name,
        points: p.path.iter().map(|v| (f64::from(v.year), f(v))).collect(),
        role,
        width,
        dashed: false,
    };
    let chart = LineChart {
        // The forecast is wide and drawn first, so the reader's line stays
        // visible on top of it when the two coincide.
        series: vec![line("Forecast", Role::Series, 5, |v| v.forecast), line("Your rate", Role::Accent, 2, |v| v.reader)],
        x_range: (f64::from(p.start_year), f64::from(p.end_year)),
        x_label: chart::year_label,
        y_label: crate::format::axis,
        scale,
        y_cap: None,
        markers: Vec::new(),
    };
    let title = if p.implied_rate > 0.0 {
        format!("The forecast needs {}% growth a year", grouped(p.implied_rate * 100.0, 1))
    } else {
        "The forecast implies no growth".to_string()
    };
    Figure {
        title,
        subtitle: format!("China's AI industry, US$ bn, {}–{}; {}", p.start_year, p.end_year, scale_note(scale)),
        source: "Source: Morgan Stanley (2024 estimate, 2030 forecast), reported mid-2025. Year-by-year paths: our calculation.",
        description: format!(
            "Line chart. The forecast path grows from US${} bn in {} to US${} bn in {}; at your rate of {}% a year the industry reaches US${} bn.",
            trimmed(p.start, 1),
            p.start_year,
            trimmed(p.end, 0),
            p.end_year,
            grouped(p.reader_rate * 100.0, 1),
            grouped(p.reader_end, 1)
        ),
        working: format!(
            "({} ÷ {})^(1/{}) − 1 = {}% a year",
            grouped(p.end, 0),
            trimmed(p.start, 1),
            p.end_year - p.start_year,
            grouped(p.implied_rate * 100.0, 1)
        ),
        table: Table {
            columns: vec![
                Column::new("Year", "", 0),
                Column::new("Forecast path", "US$ bn", 1),
                Column::new("Your rate", "US$ bn", 1),
            ],
            rows: p.path.iter().map(|r| vec![Cell::Text(r.year.to_string()), Cell::Num(r.forecast), Cell::Num(r.reader)]).collect(),
        },
        chart: Chart::Lines(chart),
        notice: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn forecast_implies_87_7_percent_a_year() {
        // (140 / 3.2)^(1/6) - 1 = 43.75^(1/6) - 1 = 0.877139
        let g = implied_growth(3.2, 140.0, 6.0).unwrap();
        assert!(close(g, 0.877139, 1e-6), "{g}");
        // ln 2 / ln 1.877139 = 0.693147 / 0.629739 = 1.10067 years
        assert!(close(doubling_time(g).unwrap(), 1.10067, 1e-5));
    }

    #[test]
    fn hand_computed_cases() {
        assert_eq!(implied_growth(100.0, 200.0, 1.0), Some(1.0));
        assert!(close(implied_growth(100.0, 121.0, 2.0).unwrap(), 0.1, 1e-12));
        assert!(close(doubling_time(1.0).unwrap(), 1.0, 1e-12));
        assert!(close(doubling_time(0.07).unwrap(), 10.2448, 1e-4));
        assert!(close(halving_time(-0.5).unwrap(), 1.0, 1e-12));
        assert_eq!(doubling_time(0.0), None);
        assert_eq!(doubling_time(-0.1), None);
        assert_eq!(halving_time(0.1), None);
        assert_eq!(implied_growth(0.0, 140.0, 6.0), None);
        assert_eq!(implied_growth(3.2, 140.0, 0.0), None);
    }

    #[test]
    fn defaults_reproduce_the_forecast() {
        let p = project(&MARKET_GROWTH.defaults());
        assert_eq!((p.start, p.end), (3.2, 140.0));
        assert_eq!((p.start_year, p.end_year), (2024, 2030));
        assert_eq!(p.path.len(), 7);
        assert!(close(p.path[6].forecast, 140.0, 1e-9));
        // The default reader rate is the implied rate rounded to 87.7%:
        // 3.2 * 1.877^6 = 139.94
        assert!(close(p.reader_end, 139.94, 0.01), "{}", p.reader_end);
        assert!(close(p.reader_vs_forecast(), 0.99956, 1e-5));
    }

    #[test]
    fn reader_rate_changes_only_the_reader_path() {
        let p = project(&[3.2, 140.0, 50.0]);
        // 3.2 * 1.5^6 = 36.45
        assert!(close(p.reader_end, 36.45, 1e-9));
        assert!(close(p.path[6].forecast, 140.0, 1e-9));
    }

    proptest! {
        #[test]
        fn any_input_projects_to_finite_points(
            values in proptest::collection::vec(
                prop_oneof![
                    any::<f64>(),
                    Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY),
                    Just(0.0), Just(-0.0), Just(1e308), Just(-1e308),
                ],
                0..5,
            )
        ) {
            let p = project(&values);
            prop_assert!(p.implied_rate.is_finite() && p.reader_end.is_finite());
            prop_assert!(p.doubling_years.is_none_or(f64::is_finite));
            for point in &p.path {
                prop_assert!(point.forecast.is_finite() && point.forecast > 0.0);
                prop_assert!(point.reader.is_finite() && point.reader > 0.0);
            }
        }

        #[test]
        fn growth_functions_never_return_non_finite(a in any::<f64>(), b in any::<f64>(), t in any::<f64>()) {
            prop_assert!(implied_growth(a, b, t).is_none_or(f64::is_finite));
            prop_assert!(doubling_time(a).is_none_or(f64::is_finite));
            prop_assert!(halving_time(a).is_none_or(f64::is_finite));
        }
    }
}
