//! `value-gap`: 46% of firms adopted generative AI, 9% report tangible
//! gains. How many adopters convert, and when half of them might.

use super::Calculator;
use crate::chart::{year_label, LineChart, Marker, Plot, Role, Scale, Series};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Noun, Output, Param, Prose, Quantity, Source, Table};
use crate::text::format::{self, grouped, Money};

crate::inputs! {
    /// A group of firms, the two reported shares and two assumed paces.
    pub struct Inputs {
        /// Number of firms in the group.
        firms: Param::new("Number of firms", "firms", (100.0, 100_000.0, 100.0), 0, Source::Value(1000.0))
            .assumed()
            .help("Any group of firms; the shares do the work."),
        /// Share that adopted generative AI, %.
        adopted: Param::new("Share that adopted generative AI", "%", (1.0, 100.0, 1.0), 0, Source::Fact(id::ADOPTED)),
        /// Share reporting tangible gains, %.
        gains: Param::new("Share reporting tangible gains", "%", (0.0, 100.0, 1.0), 0, Source::Fact(id::GAINS)),
        /// Percentage points of adopters who start to gain each year.
        improve: Param::new("Yearly rise in adopters who gain", "points", (0.0, 30.0, 0.5), 1, Source::Value(5.0))
            .assumed()
            .help("Percentage points of adopters added to the gainers each year."),
        /// Percentage points of all firms that adopt each year.
        spread: Param::new("Yearly rise in adoption", "points", (0.0, 30.0, 0.5), 1, Source::Value(5.0))
            .assumed()
            .help("Points of all firms adopting each year, up to all of them."),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "value-gap",
    prefix: "gap",
    title: "How many adopters actually gain?",
    intro: "Apply the reported shares to any group of firms, then assume how fast adoption spreads and gains follow.",
    params: Inputs::PARAMS,
    has_scale: false,
    extras: &[],
    figure,
};

/// The year the chart starts from. The report gives Accenture's figures no
/// year; the page says it takes them as 2025.
pub const BASE_YEAR: i32 = 2025;
/// The chart never runs past this year.
pub const LAST_YEAR: i32 = 2045;

#[derive(Clone, Debug, PartialEq)]
pub struct ValueGap {
    pub firms: f64,
    pub adopters: f64,
    pub gainers: f64,
    /// Gainers ÷ adopters, percent, capped at 100.
    pub conversion: f64,
    /// More firms report gains than adopted (the conversion is capped).
    pub gains_exceed_adoption: bool,
    pub improve: f64,
    /// Share of all firms that have adopted, percent, in the base year.
    pub adopted: f64,
    /// Points of all firms that adopt each year.
    pub spread: f64,
    /// The reported share of firms with gains, percent.
    pub gains: f64,
    /// First year in which half of adopters gain; `None` if never at this pace.
    pub half_year: Option<i32>,
}

pub fn compute(i: &Inputs) -> ValueGap {
    let conversion = (i.gains / i.adopted * 100.0).min(100.0);
    let half_year = if conversion >= 50.0 {
        Some(BASE_YEAR)
    } else if i.improve > 0.0 && ((50.0 - conversion) / i.improve).is_finite() {
        Some(BASE_YEAR.saturating_add(((50.0 - conversion) / i.improve).ceil() as i32))
    } else {
        None
    };
    ValueGap {
        firms: i.firms,
        adopters: i.firms * i.adopted / 100.0,
        gainers: i.firms * i.gains.min(i.adopted) / 100.0,
        conversion,
        gains_exceed_adoption: i.gains > i.adopted,
        improve: i.improve,
        adopted: i.adopted,
        spread: i.spread,
        gains: i.gains,
        half_year,
    }
}

impl ValueGap {
    /// Share of adopters who gain in `year`, percent.
    pub fn conversion_in(&self, year: i32) -> f64 {
        (self.conversion + self.improve * f64::from(year - BASE_YEAR)).min(100.0)
    }

    /// Firms that have adopted by `year`: the share rises by the yearly
    /// spread, up to every firm.
    pub fn adopters_in(&self, year: i32) -> f64 {
        self.firms * (self.adopted + self.spread * f64::from(year - BASE_YEAR)).min(100.0) / 100.0
    }

    /// The years the chart shows: to two years past the halfway year.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        let end = self.half_year.map_or(BASE_YEAR + 10, |y| y.saturating_add(2)).clamp(BASE_YEAR + 5, LAST_YEAR);
        BASE_YEAR..=end
    }

    /// Adopters who gain in `year`.
    pub fn gainers_in(&self, year: i32) -> f64 {
        self.adopters_in(year) * self.conversion_in(year) / 100.0
    }

    /// The year half of adopters gain, as a number ("never": infinite).
    fn half_value(&self) -> f64 {
        self.half_year.map_or(f64::INFINITY, f64::from)
    }
}

/// Adopters, for words that count them.
const ADOPTERS: Noun = Noun { one: "adopter", many: "adopters" };

pub fn working(g: &ValueGap, said: &mut Claims) -> String {
    let base = format!(
        "{} ÷ {} = {} of adopters gain ({})",
        grouped(g.gainers, 0),
        grouped(g.adopters, 0),
        said.percent("conversion", g.conversion, 1),
        said.fraction("conversion", g.conversion)
    );
    match g.half_year {
        Some(y) if y > BASE_YEAR => format!(
            "{base}; (50 − {}) ÷ {} = {} to reach half, so {y}.",
            grouped(g.conversion, 1),
            grouped(g.improve, 1),
            format::years((50.0 - g.conversion) / g.improve, 1)
        ),
        Some(_) => format!("{base}; {}.", said.at_least("conversion", g.conversion, 50.0, "half or more already gain")),
        None => format!("{base}; {}.", said.never("half-year", g.half_value(), "with no yearly rise, half never gain")),
    }
}

pub fn table(g: &ValueGap) -> Table {
    Table {
        columns: vec![
            Column::new("Year", "", 0),
            Column::new("Adopters", "firms", 0),
            Column::new("Adopters who gain", "firms", 0),
            Column::new("Share of adopters who gain", "%", 1),
        ],
        rows: g
            .years()
            .map(|y| {
                let c = g.conversion_in(y);
                let a = g.adopters_in(y);
                vec![Cell::Text(y.to_string()), Cell::Num(a), Cell::Num(g.gainers_in(y)), Cell::Num(c)]
            })
            .collect(),
    }
}

fn outputs(g: &ValueGap, said: &mut Claims) -> Vec<Output> {
    let pace = match g.half_year {
        Some(y) if y > BASE_YEAR => format!("at {} points a year", grouped(g.improve, 1)),
        Some(_) => said.at_least("conversion", g.conversion, 50.0, "half or more already do"),
        None => said.never("half-year", g.half_value(), "never, with no yearly rise"),
    };
    let share = said.percent("conversion", g.conversion, 1);
    let part = said.fraction("conversion", g.conversion);
    // The other reading of the reported share: adopters only.
    let note = if g.gains > 0.0 && !g.gains_exceed_adoption {
        let other = said.fraction("gains", g.gains);
        format!("{share}, {part}; {other} if the {} counts adopters only", said.percent("gains", g.gains, 0))
    } else {
        format!("{share}, {part}")
    };
    vec![
        Output {
            id: "gainers",
            label: "Adopters who report gains",
            value: Quantity::Count { n: g.gainers, decimals: 0, of: Some(g.adopters) },
            note,
            reader: false,
        },
        Output {
            id: "half",
            label: "Half of adopters gain by",
            value: g.half_year.map_or(Quantity::Words("Never"), Quantity::Year),
            note: pace,
            reader: true,
        },
    ]
}

/// The story's sentence beside the calculator: Accenture's shares, read as
/// the story reads them, at the assumed pace; or the reader's numbers.
fn prose(g: &ValueGap, values: &[f64], said: &mut Claims) -> Prose {
    let yours = crate::model::param::changed(Inputs::PARAMS, values, &[]);
    let (gains, adopted) = (said.percent("gains", g.gains, 0), said.percent("adopted", g.adopted, 0));
    let part = said.part_of("conversion", g.conversion, ADOPTERS);
    let report = part.verb("reports", "report");
    let now = if yours {
        format!("On your numbers, with {gains} of firms reporting gains and {adopted} adopting, {} {report} gains", part.words)
    } else {
        format!("Reading Accenture’s {gains} as a share of all firms, as we do, with {adopted} adopting, {} {report} gains in its survey", part.words)
    };
    let text = match g.half_year {
        Some(y) if y > BASE_YEAR => format!("{now}; if {} more points of adopters start to gain each year, half of them do by {y}, counting from {BASE_YEAR}, our date for the undated survey.", grouped(g.improve, 1)),
        Some(_) => format!("{now}, {}.", said.at_least("conversion", g.conversion, 50.0, "so half of them or more already do")),
        None => format!("{now}; {}.", said.never("half-year", g.half_value(), "with no yearly rise, half of them never do")),
    };
    Prose { text, yours }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, _money: Money) -> Figure {
    let g = compute(&Inputs::from_values(values));
    let mut said = Claims::default();
    let years: Vec<i32> = g.years().collect();
    let series = |name, role, width, f: &dyn Fn(i32) -> f64| Series {
        name,
        points: years.iter().map(|&y| (f64::from(y), f(y))).collect(),
        role,
        width,
        dashed: false,
    };
    let mut markers = Vec::new();
    if let Some(y) = g.half_year.filter(|y| *y > BASE_YEAR) {
        markers.push(Marker { at: (f64::from(y), g.gainers_in(y)), label: format!("Half by {y}"), role: Role::Accent });
    }
    let title = match g.half_year {
        Some(y) if y > BASE_YEAR => {
            said.below("conversion", g.conversion, 50.0, "half of adopters gain by");
            format!("At this pace, half of adopters gain by {y}")
        }
        Some(_) => said.at_least("conversion", g.conversion, 50.0, "Half of adopters already gain"),
        None => {
            said.change("improve", g.improve, ["improvement", "no improvement", "decline"]);
            said.never("half-year", g.half_value(), "With no improvement, half of adopters never gain")
        }
    };
    let rise = |said: &mut Claims, about, x: f64, what: &str| {
        let verb = said.change(about, x, ["rises", "holds", "falls"]);
        if x > 0.0 {
            format!("{what} {verb} {} points a year", grouped(x, 1))
        } else {
            format!("{what} {verb} steady")
        }
    };
    let description = format!(
        "Line chart. {} adopters out of {} firms, {} reporting gains; {}, {}.",
        format::count(g.adopters.round()),
        grouped(g.firms, 0),
        format::count(g.gainers.round()),
        rise(&mut said, "spread", g.spread, "adoption"),
        rise(&mut said, "improve", g.improve, "the share of adopters who gain")
    );
    let outputs = outputs(&g, &mut said);
    let working = working(&g, &mut said);
    let prose = prose(&g, values, &mut said);
    Figure {
        title,
        subtitle: format!(
            "Firms out of {}: adopters of generative AI and those reporting gains, by year from {BASE_YEAR} (our date for the survey)",
            grouped(g.firms, 0)
        ),
        source: "Source: Accenture (46% adopted, 9% report gains; undated), via Info Finance. Later years: the assumed yearly rises.",
        description,
        plot: Plot::Lines(LineChart {
            series: vec![
                series("Adopters", Role::Series, 3, &|y| g.adopters_in(y)),
                series("Who gain", Role::Accent, 3, &|y| g.gainers_in(y)),
            ],
            x_range: (f64::from(*years.first().unwrap_or(&BASE_YEAR)), f64::from(*years.last().unwrap_or(&LAST_YEAR))),
            x_label: year_label,
            y_label: format::axis,
            scale: Scale::Linear,
            y_cap: None,
            markers,
            bands: Vec::new(),
            tornado: None,
        }),
        outputs,
        table: table(&g),
        working,
        range: None,
        prose: Some(prose),
        notice: g
            .gains_exceed_adoption
            .then(|| "More firms report gains than adopted; only adopters can gain, so the share is capped at 100%.".to_string()),
        claims: said,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(firms: f64, adopted: f64, gains: f64, improve: f64) -> ValueGap {
        compute(&Inputs { firms, adopted, gains, improve, spread: 0.0 })
    }

    #[test]
    fn about_one_in_five_adopters_gain() {
        let g = compute(&Inputs::from_values(&CALCULATOR.defaults()));
        assert_eq!((g.adopters, g.gainers), (460.0, 90.0));
        // 9 ÷ 46 = 19.565%
        assert!((g.conversion - 19.565).abs() < 1e-3);
        // (50 − 19.565) ÷ 5 = 6.09 years, so the seventh year: 2032
        assert_eq!(g.half_year, Some(2032));
        let mut said = Claims::default();
        assert_eq!(working(&g, &mut said), "90 ÷ 460 = 19.6% of adopters gain (about one in five); (50 − 19.6) ÷ 5.0 = 6.1 years to reach half, so 2032.");
        // Read as a share of adopters, 9% is about 1 in 11.
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD);
        assert_eq!(f.outputs[0].note, "19.6%, about one in five; about one in 11 if the 9% counts adopters only");
        assert_eq!(
            f.prose.unwrap().text,
            "Reading Accenture’s 9% as a share of all firms, as we do, with 46% adopting, about one in five adopters reports gains in its survey; if 5.0 more points of adopters start to gain each year, half of them do by 2032, counting from 2025, our date for the undated survey."
        );
        // Adoption spreads 5 points a year: 46% then 51%, ... capped at 100%.
        assert_eq!(g.adopters_in(2026), 510.0);
        assert_eq!(g.adopters_in(2045), 1000.0);
    }

    #[test]
    fn zero_improvement_never_reaches_half() {
        let g = with(1000.0, 46.0, 9.0, 0.0);
        assert_eq!(g.half_year, None);
        assert!(working(&g, &mut Claims::default()).contains("half never gain"));
        assert_eq!(g.years(), 2025..=2035);
    }

    #[test]
    fn words_for_a_share_of_adopters_stay_true_across_the_range() {
        let words = |adopted: f64, gains: f64, improve: f64| {
            let f = figure(&[1000.0, adopted, gains, improve, 5.0], Scale::Linear, Money::USD);
            (f.prose.unwrap().text, f.outputs[1].note.clone(), f.outputs[1].value.text())
        };
        // 21 of 30 is 70%: "7 in 10", not "nearly all".
        assert!(words(30.0, 21.0, 5.0).0.contains("with 21% of firms reporting gains and 30% adopting, seven in 10 adopters report gains, so half of them or more already do."));
        // 20 of 50 is 40%: "2 in 5", not "about 1 in 2" beside "half of them do by 2027".
        assert!(words(50.0, 20.0, 5.0).0.contains("two in five adopters report gains; if 5.0 more points"));
        // Already past half at no improvement: no "not at zero improvement".
        let (_, note, year) = words(46.0, 30.0, 0.0);
        assert_eq!((note.as_str(), year.as_str()), ("half or more already do", "2025"));
        // None and all agree with their verbs.
        assert!(words(46.0, 0.0, 5.0).0.contains("no adopter reports gains"));
        assert!(words(20.0, 20.0, 5.0).0.contains("every adopter reports gains"));
    }

    #[test]
    fn gains_above_adoption_are_capped_and_flagged() {
        let g = with(1000.0, 20.0, 30.0, 5.0);
        assert!(g.gains_exceed_adoption);
        assert_eq!(g.conversion, 100.0);
        assert_eq!(g.gainers, 200.0);
        assert_eq!(g.half_year, Some(2025));
    }
}
