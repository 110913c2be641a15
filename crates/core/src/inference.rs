//! `inference-cost`: what falling inference prices do to a workload's bill.
//! No price is reported; every default is an illustrative assumption.

use crate::calc::{Calculator, Default, Param};
use crate::format::grouped;
use crate::table::{Cell, Column, Table};
use crate::chart::{LineChart, Role, Scale, Series};
use crate::figure::{scale_note, Chart, Figure};

pub static INFERENCE: Calculator = Calculator {
    id: "inference-cost",
    prefix: "cost",
    title: "What falling inference prices do to a bill",
    intro: "Price a workload today and let prices fall: what it costs each year and in all. Every default here is an assumption.",
    params: &[
        Param::new("price", "Price today", "US$ per million tokens", (0.01, 100.0, 0.01), 2, Default::Value(2.0)).assumed(),
        Param::new("volume", "Tokens used a month", "million", (1.0, 100_000.0, 1.0), 0, Default::Value(5000.0))
            .assumed()
            .help("5,000 million is a busy customer-service assistant."),
        Param::new("decline", "Yearly fall in price", "%", (0.0, 95.0, 1.0), 0, Default::Value(40.0))
            .assumed()
            .help("Prices are said to be falling fast; no rate is reported."),
        Param::new("years", "Years to look ahead", "years", (1.0, 15.0, 1.0), 0, Default::Value(5.0)),
    ],
};

#[derive(Clone, Debug, PartialEq)]
pub struct InferenceCost {
    pub price: f64,
    pub volume: f64,
    pub decline: f64,
    /// Cost of each year, US$, year 1 first.
    pub yearly: Vec<f64>,
    /// What the same years would cost at today's price.
    pub flat: Vec<f64>,
    pub total: f64,
    /// Years for the price to halve; `None` when it does not fall.
    pub halving_years: Option<f64>,
}

/// Inputs `[price, volume, decline %, years]`; sanitized first.
pub fn compute(values: &[f64]) -> InferenceCost {
    let (v, _) = INFERENCE.sanitize(values);
    let (price, volume, decline, years) = (v[0], v[1], v[2], v[3].round() as usize);
    let first = price * volume * 12.0;
    let keep = 1.0 - decline / 100.0;
    let yearly: Vec<f64> = (0..years).map(|t| first * keep.powi(t as i32)).collect();
    InferenceCost {
        price,
        volume,
        decline,
        total: yearly.iter().sum(),
        flat: vec![first; years],
        yearly,
        halving_years: (decline > 0.0).then(|| std::f64::consts::LN_2 / -keep.ln()),
    }
}

impl InferenceCost {
    pub fn price_in(&self, year: usize) -> f64 {
        self.price * (1.0 - self.decline / 100.0).powi(year as i32 - 1)
    }
}

pub fn working(c: &InferenceCost) -> String {
    let halving = match c.halving_years {
        Some(t) => format!("prices halve every ln 2 ÷ −ln(1 − {}) = {} years", grouped(c.decline / 100.0, 2), grouped(t, 1)),
        None => "prices stay flat".to_string(),
    };
    format!(
        "Year 1: {} × {} × 12 months = US${}; each later year × (1 − {}); {halving}.",
        grouped(c.price, 2),
        grouped(c.volume, 0),
        grouped(c.yearly.first().copied().unwrap_or(0.0), 0),
        grouped(c.decline / 100.0, 2),
    )
}

pub fn table(c: &InferenceCost) -> Table {
    let mut running = 0.0;
    Table {
        columns: vec![
            Column::new("Year", "", 0),
            Column::new("Price", "US$ per million tokens", 3),
            Column::new("Cost that year", "US$", 0),
            Column::new("Spent so far", "US$", 0),
        ],
        rows: c
            .yearly
            .iter()
            .enumerate()
            .map(|(i, cost)| {
                running += cost;
                vec![Cell::Text(format!("Year {}", i + 1)), Cell::Num(c.price_in(i + 1)), Cell::Num(*cost), Cell::Num(running)]
            })
            .collect(),
    }
}


/// The chart and its text for inference-cost inputs.
pub fn figure(values: &[f64], scale: Scale) -> Figure {
    let c = compute(values);
    let line = |name, role, width, dashed, ys: &[f64]| Series {
        name,
        points: ys.iter().enumerate().map(|(i, y)| ((i + 1) as f64, *y)).collect(),
        role,
        width,
        dashed,
    };
    let title = match c.halving_years {
        Some(t) => format!("The bill halves every {} years", grouped(t, 1)),
        None => "With flat prices, the bill stays the same".to_string(),
    };
    let last = c.yearly.len().max(2) as f64;
    Figure {
        title,
        subtitle: format!("Cost of the workload each year, US$; {}", scale_note(scale)),
        source: "Illustrative: no price is reported. Prices are falling, said MiniMax's Yan Junjie, mid-2025.",
        description: format!(
            "Line chart of yearly cost over {} years: US${} in year 1, US${} in all, against US${} a year at flat prices.",
            c.yearly.len(), grouped(c.yearly.first().copied().unwrap_or(0.0), 0), grouped(c.total, 0), grouped(c.flat.first().copied().unwrap_or(0.0), 0)
        ),
        chart: Chart::Lines(LineChart {
            series: vec![line("Flat prices", Role::Neutral, 2, true, &c.flat), line("Falling", Role::Accent, 3, false, &c.yearly)],
            x_range: (1.0, last),
            x_label: |x| format!("Year {}", x.round() as i64),
            y_label: crate::format::axis,
            scale,
            y_cap: None,
            markers: Vec::new(),
        }),
        table: table(&c),
        working: working(&c),
        notice: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_by_hand() {
        let c = compute(&INFERENCE.defaults());
        // 2 × 5,000 × 12 = 120,000; then × 0.6 a year
        assert_eq!(c.yearly.len(), 5);
        assert!((c.yearly[0] - 120_000.0).abs() < 1e-6);
        assert!((c.yearly[1] - 72_000.0).abs() < 1e-6);
        assert!((c.yearly[4] - 15_552.0).abs() < 1e-6);
        // 120,000 × (1 − 0.6^5) ÷ 0.4 = 276,672
        assert!((c.total - 276_672.0).abs() < 1e-6);
        // ln 2 ÷ −ln 0.6 = 1.357 years
        assert!((c.halving_years.unwrap() - 1.3569).abs() < 1e-4);
    }

    #[test]
    fn no_decline_means_flat_prices() {
        let c = compute(&[1.0, 100.0, 0.0, 3.0]);
        assert_eq!(c.halving_years, None);
        assert_eq!(c.yearly, c.flat);
        assert!(working(&c).contains("prices stay flat"));
    }
}
