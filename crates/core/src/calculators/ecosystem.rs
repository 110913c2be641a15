//! `ecosystem`: the core AI industry (US$140 bn in 2030) against the wider
//! ecosystem with infrastructure and component suppliers (US$1.4 tn).

use super::Calculator;
use crate::chart::{Bar, BarChart, Plot, Role, Scale};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Per, Quantity, Source, Table};
use crate::text::format::{self, grouped, Magnitude, Money};

crate::inputs! {
    /// The two forecasts, US$ bn.
    pub struct Inputs {
        /// The core AI industry in 2030.
        core: Param::new("Core AI industry in 2030", "US$ bn", (10.0, 1000.0, 1.0), 0, Source::Fact(id::MARKET_2030)),
        /// The whole ecosystem in 2030; the forecast gives it in trillions.
        total: Param::new("Whole ecosystem in 2030", "US$ bn", (100.0, 10000.0, 10.0), 0, Source::Scaled(id::MARKET_TOTAL_2030, 1000.0))
            .help("With infrastructure and component suppliers. The report names no source and no year; we read 2030."),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "ecosystem",
    prefix: "eco",
    title: "How big is the core next to the whole ecosystem?",
    intro: "Change either figure to see how the money would split between the core and its suppliers, on our reading that both are 2030 totals.",
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[],
    figure,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Ecosystem {
    pub core: f64,
    pub total: f64,
    /// total ÷ core.
    pub multiple: f64,
    /// core ÷ total, as a fraction; capped at 1.
    pub core_share: f64,
    /// Everything that is not the core; zero when the total is smaller.
    pub rest: f64,
    /// The total was set below the core, which it includes.
    pub total_below_core: bool,
}

pub fn compute(i: &Inputs) -> Ecosystem {
    let (core, total) = (i.core, i.total);
    Ecosystem {
        core,
        total,
        multiple: total / core,
        core_share: (core / total).min(1.0),
        rest: (total - core).max(0.0),
        total_below_core: total < core,
    }
}

/// The forecast's own split, for comparison with the reader's.
pub fn forecast() -> Ecosystem {
    compute(&Inputs::from_values(&CALCULATOR.defaults()))
}

/// The calculation with the reader's numbers.
pub fn working(e: &Ecosystem) -> String {
    format!(
        "{} ÷ {} = {}; the core is {} ÷ {} = {} of the whole.",
        grouped(e.total, 0),
        grouped(e.core, 0),
        format::multiple(e.multiple, 1),
        grouped(e.core, 0),
        grouped(e.total, 0),
        format::percent(e.core_share * 100.0, 1)
    )
}

/// The chart's data: the forecast's split and the reader's.
pub fn table(e: &Ecosystem) -> Table {
    let f = forecast();
    let row = |name: &str, x: &Ecosystem| {
        vec![Cell::Text(name.into()), Cell::Num(x.core), Cell::Num(x.rest), Cell::Num(x.total), Cell::Num(x.multiple)]
    };
    Table {
        columns: vec![
            Column::new("Figures", "", 0),
            Column::new("Core AI industry", "US$ bn", 0),
            Column::new("Rest of the ecosystem", "US$ bn", 0),
            Column::new("Whole ecosystem", "US$ bn", 0),
            Column::new("Multiple", "×", 1),
        ],
        rows: vec![row("Reported figures", &f), row("Your figures", e)],
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, money: Money) -> Figure {
    let e = compute(&Inputs::from_values(values));
    let f = forecast();
    let bn = |x: f64| money.text(x, 0, Magnitude::Billions);
    let bar = |label: &str, x: &Ecosystem, role| Bar {
        label: label.to_string(),
        segments: vec![(x.core, role, String::new()), (x.rest, Role::Neutral, format!("{} in all", bn(x.total)))],
    };
    let mut said = Claims::default();
    // Our reading, never the report's claim: both totals as 2030 figures
    // that can be compared.
    let multiple = format!("{} the size of", format::multiple(e.multiple, 1));
    let title = format!("On our reading, the wider ecosystem is {} the core AI industry", said.ratio("multiple", e.multiple, 1, [&multiple, "the same size as", "smaller than"]));
    let mut figure = Figure {
        title,
        subtitle: format!(
            "Forecast size in 2030 (our reading for the whole), {}: core AI industry (coloured) and the rest (grey)",
            money.noted(&money.unit(Magnitude::Billions))
        ),
        source: "Sources: core industry, Morgan Stanley; whole ecosystem, unattributed; both via Info Finance. Reading them as 2030 totals: ours.",
        description: format!(
            "Bar chart. Reported: core {} of {} in all. Your figures: core {} of {}.",
            bn(f.core),
            bn(f.total),
            bn(e.core),
            bn(e.total),
        ),
        plot: Plot::Bars(BarChart {
            bars: vec![bar("Reported figures", &f, Role::Series), bar("Your figures", &e, Role::Accent)],
            scale: Scale::Linear,
            x_label: format::axis,
            ticks: None,
        }),
        outputs: vec![
            Output {
                id: "multiple",
                label: "The whole ecosystem is",
                value: Quantity::Multiple { x: e.multiple, decimals: 1 },
                note: said.ratio("multiple", e.multiple, 1, ["the size of the core industry, on our reading", "the size of the core industry: nothing left for suppliers", "the size of the core, which it includes: the inputs disagree"]),
                reader: true,
            },
            Output {
                id: "share",
                label: "Core industry’s share",
                value: Quantity::Share { percent: e.core_share * 100.0, decimals: 1, per: Per::None },
                note: format!("{} for everyone else", bn(e.rest)),
                reader: false,
            },
        ],
        table: table(&e),
        working: working(&e),
        range: None,
        prose: None,
        claims: said,
        notice: e.total_below_core.then(|| {
            "The whole ecosystem includes the core, so it cannot be smaller; a multiple below 1× shows the inputs disagree.".to_string()
        }),
    };
    figure.in_money(money, true);
    figure
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forecast_is_ten_times_the_core() {
        let e = forecast();
        assert_eq!((e.core, e.total), (140.0, 1400.0));
        assert_eq!(e.multiple, 10.0);
        assert_eq!(e.core_share, 0.1);
        assert_eq!(e.rest, 1260.0);
        assert_eq!(working(&e), "1,400 ÷ 140 = 10.0×; the core is 140 ÷ 1,400 = 10.0% of the whole.");
    }

    #[test]
    fn a_total_below_the_core_is_flagged_not_negative() {
        let e = compute(&Inputs { core: 500.0, total: 200.0 });
        assert!(e.total_below_core);
        assert_eq!(e.rest, 0.0);
        assert_eq!(e.core_share, 1.0);
        assert_eq!(e.multiple, 0.4);
        assert!(figure(&[500.0, 200.0], Scale::Linear, Money::USD).notice.is_some());
    }
}
