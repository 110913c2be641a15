//! `subsidy`: 3 million yuan granted 8 minutes after the application,
//! reported as US$420,000. A two-way converter and a comparison of decision
//! times.

use crate::calc::{Calculator, Default, Param};
use crate::format::grouped;
use crate::table::{Cell, Column, Table};
use crate::chart::{Bar, BarChart, Role, Scale};
use crate::figure::{Chart, Figure};

pub static SUBSIDY: Calculator = Calculator {
    id: "subsidy",
    prefix: "grant",
    title: "Eight minutes for three million yuan",
    intro: "Convert the grant at any exchange rate, either way, and set the decision time against a review period of your choosing.",
    params: &[
        Param::new("yuan", "Subsidy", "yuan", (10_000.0, 100_000_000.0, 100.0), 0, Default::Fact("subsidy-yuan")),
        Param::new("rate", "Exchange rate", "yuan per US$", (1.0, 20.0, 0.01), 2, Default::Fact("subsidy-rate"))
            .help("The rate implied by the report's two amounts; set the rate of any date you like."),
        Param::new("asof", "Rate as of", "year", (2000.0, 2030.0, 1.0), 0, Default::Value(2025.0))
            .help("The year of the rate above; the report dates from mid-2025."),
        Param::new("minutes", "Time to approve this grant", "minutes", (1.0, 1440.0, 1.0), 0, Default::Fact("subsidy-minutes")),
        Param::new("review", "A typical grant review", "days", (1.0, 365.0, 1.0), 0, Default::Value(30.0))
            .assumed()
            .help("For comparison; review times vary widely."),
    ],
};

pub const MINUTES_PER_DAY: f64 = 1440.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Subsidy {
    pub yuan: f64,
    pub rate: f64,
    /// The year the exchange rate applies to.
    pub rate_year: f64,
    pub usd: f64,
    pub minutes: f64,
    pub review_days: f64,
    /// How many times longer the typical review takes.
    pub times_faster: f64,
}

/// Inputs `[yuan, rate, rate year, minutes, review days]`; sanitized first.
pub fn compute(values: &[f64]) -> Subsidy {
    let (v, _) = SUBSIDY.sanitize(values);
    let (yuan, rate, rate_year, minutes, review_days) = (v[0], v[1], v[2], v[3], v[4]);
    Subsidy {
        yuan,
        rate,
        rate_year,
        usd: yuan / rate,
        minutes,
        review_days,
        times_faster: review_days * MINUTES_PER_DAY / minutes,
    }
}

/// The yuan amount for a US$ amount at `rate` (the converter's other way).
pub fn yuan_for(usd: f64, rate: f64) -> Option<f64> {
    let y = usd * rate;
    (y.is_finite() && rate > 0.0).then_some(y)
}

/// A duration in minutes written for people: "8 minutes", "3 hours", "30 days".
pub fn duration(minutes: f64) -> String {
    let (n, unit) = if minutes < 60.0 {
        (minutes, "minute")
    } else if minutes < MINUTES_PER_DAY {
        (minutes / 60.0, "hour")
    } else {
        (minutes / MINUTES_PER_DAY, "day")
    };
    let n = crate::format::trimmed(n, 1);
    if n == "1" {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// Short axis label for a log time axis: "1 min", "1 hour", "1 week".
pub fn duration_axis(minutes: f64) -> String {
    match minutes.round() as i64 {
        1 => "1 min".into(),
        60 => "1 hour".into(),
        1440 => "1 day".into(),
        10080 => "1 week".into(),
        43200 => "30 days".into(),
        525600 => "1 year".into(),
        _ => duration(minutes),
    }
}

pub fn working(s: &Subsidy) -> String {
    format!(
        "{} yuan ÷ {} (the rate of {}) = US${}; {} days × 1,440 ÷ {} minutes = {}× as long.",
        grouped(s.yuan, 0),
        grouped(s.rate, 2),
        s.rate_year as i64,
        grouped(s.usd, 0),
        grouped(s.review_days, 0),
        grouped(s.minutes, 0),
        grouped(s.times_faster, 0)
    )
}

pub fn table(s: &Subsidy) -> Table {
    Table {
        columns: vec![Column::new("Decision", "", 0), Column::new("Time", "minutes", 0), Column::new("Time", "days", 3)],
        rows: vec![
            vec![Cell::Text("This grant".into()), Cell::Num(s.minutes), Cell::Num(s.minutes / MINUTES_PER_DAY)],
            vec![Cell::Text("Typical review (assumed)".into()), Cell::Num(s.review_days * MINUTES_PER_DAY), Cell::Num(s.review_days)],
        ],
    }
}


/// The chart and its text for subsidy inputs.
pub fn figure(values: &[f64], _scale: Scale) -> Figure {
    let s = compute(values);
    let review = s.review_days * MINUTES_PER_DAY;
    Figure {
        title: format!("Approved {}× faster than a {}-day review", grouped(s.times_faster, 0), grouped(s.review_days, 0)),
        subtitle: "Time from application to decision, on a logarithmic scale".into(),
        source: "Source: the reported 8-minute grant, mid-2025. Typical review: your assumption.",
        description: format!("Bar chart on a log scale: {} for this grant against {} for a typical review.", duration(s.minutes), duration(review)),
        chart: Chart::Bars(BarChart {
            bars: vec![
                Bar { label: "This grant".into(), segments: vec![(s.minutes, Role::Accent, duration(s.minutes))] },
                Bar { label: "Typical review (assumed)".into(), segments: vec![(review, Role::Neutral, duration(review))] },
            ],
            scale: Scale::Log,
            x_label: duration_axis,
            ticks: Some(vec![1.0, 60.0, MINUTES_PER_DAY, 7.0 * MINUTES_PER_DAY, 30.0 * MINUTES_PER_DAY, 365.0 * MINUTES_PER_DAY]),
        }),
        table: table(&s),
        working: working(&s),
        notice: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reported_grant_converts_back_to_the_reported_dollars() {
        let s = compute(&SUBSIDY.defaults());
        // The implied rate rounds to 7.14: 3,000,000 ÷ 7.14 = 420,168
        assert_eq!(s.rate, 7.14);
        assert!((s.usd - 420_168.07).abs() < 0.01);
        // 30 days = 43,200 minutes = 5,400 × 8 minutes
        assert_eq!(s.times_faster, 5400.0);
        assert_eq!(yuan_for(420_000.0, 7.14), Some(2_998_800.0));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(8.0), "8 minutes");
        assert_eq!(duration(1.0), "1 minute");
        assert_eq!(duration(90.0), "1.5 hours");
        assert_eq!(duration(43_200.0), "30 days");
        assert_eq!(duration_axis(1440.0), "1 day");
    }
}
