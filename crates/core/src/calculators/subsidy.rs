//! `subsidy`: 3 million yuan granted 8 minutes after the application,
//! reported as US$420,000. A two-way converter and a comparison of decision
//! times.

use super::{Calculator, Converter, Extra};
use crate::chart::{Bar, BarChart, Plot, Role, Scale};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Quantity, Source, Table};
use crate::text::format::{self, grouped, Currency, Magnitude, Money, MINUTES_PER_DAY};

crate::inputs! {
    /// The grant, the exchange rate and the two decision times.
    pub struct Inputs {
        /// The grant, yuan.
        yuan: Param::new("Subsidy", "yuan", (10_000.0, 100_000_000.0, 100.0), 0, Source::Fact(id::SUBSIDY_YUAN)),
        /// Yuan per US dollar.
        rate: Param::new("Exchange rate", "yuan per US$", (1.0, 20.0, 0.01), 2, Source::Fact(id::SUBSIDY_RATE))
            .help("The report’s amounts imply about 7.14. If its dollar figure was rounded to the nearest US$10,000, any rate from 7.06 to 7.23 fits."),
        /// Minutes from application to approval.
        minutes: Param::new("Time to approve this grant", "minutes", (1.0, 1440.0, 1.0), 0, Source::Fact(id::SUBSIDY_MINUTES)),
        /// A typical review, days.
        review: Param::new("A typical grant review", "days", (1.0, 365.0, 1.0), 0, Source::Value(30.0))
            .assumed()
            .help("For comparison; review times vary widely."),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "subsidy",
    prefix: "grant",
    title: "8 minutes for 3 million yuan",
    intro: "Convert the grant at any exchange rate, and set its speed against a review period of your choosing.",
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[Extra::Converter(Converter {
        key: "usd",
        label: "Or type the subsidy in US dollars",
        unit: "US$",
        decimals: 0,
        input: Field::yuan as usize,
        // To three significant figures, as the report rounds it.
        show: |v| three_figures(compute(&Inputs::from_values(v)).usd),
        to_input: |usd, v| usd * Inputs::from_values(v).rate,
    })],
    figure,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Subsidy {
    pub inputs: Inputs,
    pub usd: f64,
    /// How many times longer the typical review takes.
    pub times_faster: f64,
}

pub fn compute(i: &Inputs) -> Subsidy {
    Subsidy { inputs: *i, usd: i.yuan / i.rate, times_faster: i.review * MINUTES_PER_DAY / i.minutes }
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
        _ => format::duration(minutes),
    }
}

/// `x` to three significant figures: the dollar amount is a conversion of
/// a rounded figure, so more digits would claim too much.
fn three_figures(x: f64) -> f64 {
    let mut unit = 1.0;
    while x / unit >= 1000.0 && unit < 1e300 {
        unit *= 10.0;
    }
    (x / unit).round() * unit
}

pub fn working(s: &Subsidy) -> String {
    let i = &s.inputs;
    format!(
        "{} yuan ÷ {} = {}; {} × 1,440 ÷ {} = {} as long.",
        grouped(i.yuan, 0),
        grouped(i.rate, 2),
        format::money(s.usd, 0, Magnitude::Ones, Currency::Usd),
        format::with_unit(i.review, 0, "day", "days"),
        format::with_unit(i.minutes, 0, "minute", "minutes"),
        format::multiple(s.times_faster, 0)
    )
}

pub fn table(s: &Subsidy) -> Table {
    let i = &s.inputs;
    Table {
        columns: vec![Column::new("Decision", "", 0), Column::new("Time", "minutes", 0), Column::new("Time", "days", 3)],
        rows: vec![
            vec![Cell::Text("This grant".into()), Cell::Num(i.minutes), Cell::Num(i.minutes / MINUTES_PER_DAY)],
            vec![Cell::Text("Typical review (assumed)".into()), Cell::Num(i.review * MINUTES_PER_DAY), Cell::Num(i.review)],
        ],
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, money: Money) -> Figure {
    let s = compute(&Inputs::from_values(values));
    let i = &s.inputs;
    let review = i.review * MINUTES_PER_DAY;
    let mut said = Claims::default();
    // The grant was reported in yuan: in yuan the amount is exact and needs
    // no rate; in dollars it is a conversion, to three figures.
    let amount = match money.currency {
        Currency::Usd => format!("About {}", format::money(three_figures(s.usd), 0, Magnitude::Ones, Currency::Usd)),
        Currency::Cny => format::money(i.yuan, 0, Magnitude::Ones, Currency::Cny),
    };
    let faster = format!("{} faster than", format::multiple(s.times_faster, 0));
    let speed = said.ratio("speed", s.times_faster, 0, [&faster, "as fast as", "slower than"]);
    let compared = said.ratio("speed", s.times_faster, 0, ["faster", "as fast", "slower"]);
    Figure {
        title: format!("{amount} approved {speed} a {}-day review", grouped(i.review, 0)),
        subtitle: "Time from application to decision, on a logarithmic scale".into(),
        source: "Source: the 8-minute grant reported by Info Finance. Typical review: an assumption.",
        description: format!(
            "Bar chart on a log scale: {} for this grant against {} for a typical review.",
            format::duration(i.minutes),
            format::duration(review)
        ),
        plot: Plot::Bars(BarChart {
            bars: vec![
                Bar { label: "This grant".into(), segments: vec![(i.minutes, Role::Accent, format::duration(i.minutes))] },
                Bar { label: "Typical review (assumed)".into(), segments: vec![(review, Role::Neutral, format::duration(review))] },
            ],
            scale: Scale::Log,
            x_label: duration_axis,
            ticks: Some(vec![1.0, 60.0, MINUTES_PER_DAY, 7.0 * MINUTES_PER_DAY, 30.0 * MINUTES_PER_DAY, 365.0 * MINUTES_PER_DAY]),
        }),
        outputs: vec![
            Output {
                id: "usd",
                label: "In US dollars",
                value: Quantity::money(Money::USD, three_figures(s.usd), 0, Magnitude::Ones),
                note: format!("at {} yuan per US dollar, to three figures", grouped(i.rate, 2)),
                reader: true,
            },
            Output {
                id: "faster",
                label: "Speed against a typical review",
                value: Quantity::Multiple { x: s.times_faster, decimals: 0 },
                note: format!("{compared}: {} against {}", format::duration(i.minutes), format::duration(review)),
                reader: false,
            },
        ],
        table: table(&s),
        working: working(&s),
        range: None,
        prose: None,
        notice: None,
        claims: said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reported_grant_converts_back_to_the_reported_dollars() {
        let s = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        // The implied rate rounds to 7.14: 3,000,000 ÷ 7.14 = 420,168
        assert_eq!(s.inputs.rate, 7.14);
        assert!((s.usd - 420_168.07).abs() < 0.01);
        // 30 days = 43,200 minutes = 5,400 × 8 minutes
        assert_eq!(s.times_faster, 5400.0);
        assert_eq!(three_figures(s.usd), 420_000.0);
        assert_eq!(three_figures(1_234.5), 1_230.0);
        assert_eq!(three_figures(500.0), 500.0);
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD);
        assert_eq!(f.title, "About US$420,000 approved 5,400× faster than a 30-day review");
    }

    #[test]
    fn the_converter_works_both_ways_and_refuses_what_it_cannot_convert() {
        let Extra::Converter(c) = &CALCULATOR.extras[0] else { panic!("a converter") };
        let values = CALCULATOR.defaults();
        assert_eq!(c.text(&values), "420000");
        assert_eq!(CALCULATOR.params[c.input].key, "yuan");
        // 100,000 × 7.14 = 714,000 yuan
        assert_eq!(c.read("100,000", CALCULATOR.params, &values), Ok(714_000.0));
        assert_eq!(c.read("12,5", CALCULATOR.params, &values), Err("Use a point for decimals: 12.5.".to_string()));
        assert_eq!(
            c.read("1", CALCULATOR.params, &values),
            Err("That comes to 7 yuan, outside the range 10,000 to 100,000,000 yuan.".to_string())
        );
    }

    #[test]
    fn a_review_as_quick_as_the_grant_is_not_faster() {
        let f = figure(&[3_000_000.0, 7.14, 1440.0, 1.0], Scale::Linear, Money::USD);
        assert_eq!(f.title, "About US$420,000 approved as fast as a 1-day review");
        assert_eq!(f.outputs[1].note, "as fast: 1 day against 1 day");
        // In yuan the reported amount is exact: no "about".
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money { currency: Currency::Cny, rate: 7.14 });
        assert_eq!(f.title, "CN¥3,000,000 approved 5,400× faster than a 30-day review");
    }

    #[test]
    fn durations_label_the_time_axis() {
        assert_eq!(duration_axis(1440.0), "1 day");
        assert_eq!(duration_axis(90.0), "1.5 hours");
    }
}
