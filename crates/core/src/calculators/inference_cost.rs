//! `inference-cost`: what falling inference prices do to a workload's bill.
//! No price is reported; every default is an illustrative assumption.

use super::Calculator;
use crate::chart::{LineChart, Plot, Role, Scale, Series};
use crate::maths::growth::{doubling_time, halving_time};
use crate::model::figure::scale_note;
use crate::model::range::{self, Ranges};
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Quantity, Source, Table};
use crate::text::format::{self, grouped, Currency, Magnitude, Money};

crate::inputs! {
    /// A price, a volume, a yearly fall in price, a yearly rise in use and
    /// the years to look ahead.
    pub struct Inputs {
        /// Price today, US$ per million tokens.
        price: Param::new("Price today", "US$ per million tokens", (0.01, 100.0, 0.01), 2, Source::Value(2.0)).assumed(),
        /// Million tokens a month.
        volume: Param::new("Tokens used a month", "million", (1.0, 100_000.0, 1.0), 0, Source::Value(5000.0))
            .assumed()
            .help("Our guess at what a busy customer-service assistant uses."),
        /// Yearly fall in price, %.
        decline: Param::new("Yearly fall in price", "%", (0.0, 95.0, 1.0), 0, Source::Value(40.0))
            .assumed()
            .help("MiniMax’s head says inference costs are falling; no rate is reported."),
        /// Yearly rise in use, %.
        growth: Param::new("Yearly rise in use", "%", (0.0, 300.0, 1.0), 0, Source::Value(30.0))
            .assumed()
            .help("We assume cheaper inference draws more use; 0 holds it flat."),
        /// Years to look ahead.
        years: Param::new("Years to look ahead", "years", (1.0, 15.0, 1.0), 0, Source::Value(5.0)),
        /// How far price, use and their trends may be off, ± % (8 draws in 10).
        range: range::spread_param(25.0),
    }
}

/// Today's price and use, and both trends, are guesses.
const RANGES: Ranges = Ranges {
    params: Inputs::PARAMS,
    spread: Field::range as usize,
    vary: &[Field::price as usize, Field::volume as usize, Field::decline as usize, Field::growth as usize],
};

pub static CALCULATOR: Calculator = Calculator {
    id: "inference-cost",
    prefix: "cost",
    title: "What falling inference prices do to a bill",
    intro: "Price a workload, let prices fall and use grow, and see the yearly and total bill. Every default is an assumption.",
    params: Inputs::PARAMS,
    has_scale: true,
    extras: &[],
    figure,
};

#[derive(Clone, Debug, PartialEq)]
pub struct InferenceCost {
    pub inputs: Inputs,
    /// Cost of each year, US$, year 1 first.
    pub yearly: Vec<f64>,
    /// What the same use would cost at today's price.
    pub flat: Vec<f64>,
    pub total: f64,
    /// Years for the price to halve; `None` when it does not fall.
    pub halving_years: Option<f64>,
    /// Yearly change of the bill, a fraction: price and use together.
    pub bill_change: f64,
}

pub fn compute(i: &Inputs) -> InferenceCost {
    let years = i.years.round() as usize;
    let first = i.price * i.volume * 12.0;
    let keep = 1.0 - i.decline / 100.0;
    let more = 1.0 + i.growth / 100.0;
    let yearly: Vec<f64> = (0..years).map(|t| first * (keep * more).powi(t as i32)).collect();
    InferenceCost {
        inputs: *i,
        total: yearly.iter().sum(),
        flat: (0..years).map(|t| first * more.powi(t as i32)).collect(),
        yearly,
        halving_years: halving_time(-i.decline / 100.0),
        bill_change: keep * more - 1.0,
    }
}

impl InferenceCost {
    /// The price in year `year` (1 is today's).
    pub fn price_in(&self, year: usize) -> f64 {
        self.inputs.price * (1.0 - self.inputs.decline / 100.0).powi(year as i32 - 1)
    }
}

fn usd(x: f64) -> String {
    format::money(x, 0, Magnitude::Ones, Currency::Usd)
}

pub fn working(c: &InferenceCost) -> String {
    let i = &c.inputs;
    let halving = match c.halving_years {
        Some(t) => format!("prices halve every ln 2 ÷ −ln(1 − {}) = {}", grouped(i.decline / 100.0, 2), format::years(t, 1)),
        None => "prices stay flat".to_string(),
    };
    format!(
        "Year 1: {} × {} × 12 months = {}; each later year × (1 − {}) × (1 + {}) = × {}; {halving}.",
        grouped(i.price, 2),
        grouped(i.volume, 0),
        usd(c.yearly.first().copied().unwrap_or(0.0)),
        grouped(i.decline / 100.0, 2),
        grouped(i.growth / 100.0, 2),
        grouped(1.0 + c.bill_change, 3),
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

/// Halving or doubling times beyond this many years are not worth a number.
const CENTURY: f64 = 100.0;

/// The title: how price and use move, and what that does to the bill,
/// each in words chosen from its own number. Past a century a halving or
/// doubling time only says the bill barely moves.
fn title(c: &InferenceCost, said: &mut Claims) -> String {
    let i = &c.inputs;
    let (price, usage) = (-i.decline / 100.0, i.growth / 100.0);
    let prices = said.change("price", price, ["prices rise", "prices hold", "prices fall"]);
    let used = said.change("use", usage, ["use grows", "use holds", "use falls"]);
    let head = if price < 0.0 && usage > 0.0 {
        // Both move: which wins is the bill's direction.
        said.change("bill", c.bill_change, ["Use grows faster than prices fall", "Use grows as fast as prices fall", "Prices fall faster than use grows"])
    } else if price == 0.0 && usage == 0.0 {
        "Prices and use both hold".to_string()
    } else {
        let mut both = format!("{prices} and {used}");
        // ASCII case only: Unicode's case tables would weigh on the bundle.
        if let Some(first) = both.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        both
    };
    let bill = said.change("bill", c.bill_change, ["grows", "holds", "shrinks"]);
    let tail = match (halving_time(c.bill_change), doubling_time(c.bill_change)) {
        (Some(t), _) if t <= CENTURY => format!("the bill halves every {}", format::years(t, 1)),
        (_, Some(t)) if t <= CENTURY => format!("the bill doubles every {}", format::years(t, 1)),
        _ if c.bill_change != 0.0 => format!("the bill barely {bill}"),
        _ => "the bill holds steady".to_string(),
    };
    format!("{head}: {tail}")
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], scale: Scale, money: Money) -> Figure {
    let c = compute(&Inputs::from_values(values));
    let cur = |x| money.text(x, 0, Magnitude::Ones);

    let line = |name, role, width, dashed, ys: &[f64]| Series {
        name,
        points: ys.iter().enumerate().map(|(i, y)| ((i + 1) as f64, *y)).collect(),
        role,
        width,
        dashed,
    };
    let mut said = Claims::default();
    let title = title(&c, &mut said);
    let first = c.yearly.first().copied().unwrap_or(0.0);
    let last = c.yearly.last().copied().unwrap_or(0.0);
    let mut figure = Figure {
        title,
        subtitle: format!("Cost of the workload each year, {}; {}", money.noted(&money.unit(Magnitude::Ones)), scale_note(scale)),
        source: "Illustrative: no price is reported. Inference costs are falling, said MiniMax’s Yan Junjie.",
        description: format!(
            "Line chart of yearly cost over {}: {} in year 1, {} in the last; {} in all, {} at today’s price.",
            format::years(c.yearly.len() as f64, 0),
            cur(first),
            cur(last),
            cur(c.total),
            cur(c.flat.iter().sum())
        ),
        plot: Plot::Lines(LineChart {
            series: vec![line("Today’s price", Role::Neutral, 2, true, &c.flat), line("As priced", Role::Accent, 3, false, &c.yearly)],
            x_range: (1.0, c.yearly.len().max(2) as f64),
            x_label: |x| format!("Year {}", x.round() as i64),
            y_label: format::axis,
            scale,
            y_cap: None,
            markers: Vec::new(),
            bands: Vec::new(),
            tornado: None,
        }),
        outputs: vec![
            Output {
                id: "total",
                label: "Spent over the whole period",
                value: Quantity::money(money, c.total, 0, Magnitude::Ones),
                note: format!("{} at today’s price", cur(c.flat.iter().sum())),
                reader: true,
            },
            Output {
                id: "halving",
                label: "Price halves every",
                value: c.halving_years.map_or(Quantity::Words("Never"), |t| Quantity::Duration { years: t, decimals: 1 }),
                note: format!("Year 1 costs {}; the last year {}", cur(first), cur(last)),
                reader: false,
            },
        ],
        table: table(&c),
        working: working(&c),
        notice: None,
        range: None,
        prose: None,
        claims: said,
    };
    // Each year's cost, then the total: one run gives the bands and the range.
    let path: fn(&[f64]) -> Vec<f64> = |v| {
        let c = compute(&Inputs::from_values(v));
        let mut path = c.yearly;
        path.push(c.total);
        path
    };
    if let Some(fan) = RANGES.fan(values, path) {
        let words = format!("Your range: the whole period costs {}.", range::in_words(fan.last(), cur, ""));
        let years: Vec<f64> = (1..=c.yearly.len()).map(|t| t as f64).collect();
        fan.show(&mut figure, &years, ["Cost that year, 10th percentile", "Cost that year, 90th percentile"], ("US$", 0, 1), words);
        let heading = format!("Spent over the whole period, {}", money.unit(Magnitude::Ones));
        RANGES.tornado(&mut figure, values, &heading, |v| compute(&Inputs::from_values(v)).total, &cur);
    }
    figure.in_money(money, true);
    figure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_by_hand() {
        let c = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        // 2 × 5,000 × 12 = 120,000; then × 0.6 × 1.3 = × 0.78 a year
        assert_eq!(c.yearly.len(), 5);
        assert!((c.yearly[0] - 120_000.0).abs() < 1e-6);
        assert!((c.yearly[1] - 93_600.0).abs() < 1e-6);
        assert!((c.yearly[4] - 44_418.067_2).abs() < 1e-6);
        // 120,000 × (1 − 0.78^5) ÷ 0.22 = 387,972.31
        assert!((c.total - 387_972.307_2).abs() < 1e-6);
        // Today's price, rising use: 120,000 × 1.3^4 in year 5
        assert!((c.flat[4] - 342_732.0).abs() < 1e-6);
        // The price: ln 2 ÷ −ln 0.6 = 1.357 years; the bill: ln 2 ÷ −ln 0.78 = 2.79
        assert!((c.halving_years.unwrap() - 1.3569).abs() < 1e-4);
        assert!(figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD).title.ends_with("every 2.8 years"));
    }

    #[test]
    fn no_decline_means_flat_prices() {
        let c = compute(&Inputs { price: 1.0, volume: 100.0, decline: 0.0, growth: 0.0, years: 3.0, range: 0.0 });
        assert_eq!(c.halving_years, None);
        assert_eq!(c.yearly, c.flat);
        assert!(working(&c).contains("prices stay flat"));
    }
}

#[cfg(test)]
mod growth_tests {
    use super::*;

    #[test]
    fn use_that_outgrows_the_price_cuts_raises_the_bill() {
        // × 0.9 × 1.5 = × 1.35 a year: the bill doubles every ln 2 ÷ ln 1.35 = 2.3 years
        let c = compute(&Inputs { price: 1.0, volume: 100.0, decline: 10.0, growth: 50.0, years: 3.0, range: 0.0 });
        assert!((c.bill_change - 0.35).abs() < 1e-12);
        assert!((c.yearly[2] - 1_200.0 * 1.35 * 1.35).abs() < 1e-9);
        let f = figure(&[1.0, 100.0, 10.0, 50.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Use grows faster than prices fall: the bill doubles every 2.3 years");
        // Prices halving while use doubles: × 1.0 exactly
        let f = figure(&[1.0, 100.0, 50.0, 100.0, 3.0], Scale::Linear, Money::USD);
        assert!(f.title.ends_with("the bill holds steady"), "{}", f.title);
        // × 0.6 × 1.67 = × 1.002: a doubling time of 347 years is not a figure worth giving
        let f = figure(&[1.0, 100.0, 40.0, 67.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Use grows faster than prices fall: the bill barely grows");
        // × 0.6 × 1.66 = × 0.996: halving takes 173 years
        let f = figure(&[1.0, 100.0, 40.0, 66.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Prices fall faster than use grows: the bill barely shrinks");
        // × 0.6 × 1.6 = × 0.96: 17 years still gets its number
        let f = figure(&[1.0, 100.0, 40.0, 60.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Prices fall faster than use grows: the bill halves every 17 years");
        // No fall in price: nothing said of price cuts.
        let f = figure(&[1.0, 100.0, 0.0, 0.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Prices and use both hold: the bill holds steady");
        let f = figure(&[1.0, 100.0, 0.0, 30.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Prices hold and use grows: the bill doubles every 2.6 years");
        let f = figure(&[1.0, 100.0, 30.0, 0.0, 3.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "Prices fall and use holds: the bill halves every 1.9 years");
    }
}
