//! `value-gap`: 46% of firms adopted generative AI, 9% report tangible
//! gains. How many adopters convert, and when half of them might.

use super::Calculator;
use crate::chart::{year_label, LineChart, Marker, Plot, Role, Scale, Series};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Noun, Output, Param, Prose, Quantity, Source, Table};
use crate::text::format::{self, grouped, Money, Lang};

crate::inputs! {
    /// A group of firms, the two reported shares and two assumed paces.
    pub struct Inputs {
        /// Number of firms in the group.
        firms: Param::new(crate::both!("Number of firms", "企业数量"), crate::both!("firms", "家"), (100.0, 100_000.0, 100.0), 0, Source::Value(1000.0))
            .assumed()
            .help(crate::both!("Any group of firms; the shares do the work.", "任意一组企业均可，起作用的是比例。")),
        /// Share that adopted generative AI, %.
        adopted: Param::new(crate::both!("Share that adopted generative AI", "已采用生成式人工智能的比例"), crate::both!("%", "%"), (1.0, 100.0, 1.0), 0, Source::Fact(id::ADOPTED)),
        /// Share reporting tangible gains, %.
        gains: Param::new(crate::both!("Share reporting tangible gains", "表示获得实际收益的比例"), crate::both!("%", "%"), (0.0, 100.0, 1.0), 0, Source::Fact(id::GAINS)),
        /// Percentage points of adopters who start to gain each year.
        improve: Param::new(crate::both!("Yearly rise in adopters who gain", "获益者占采用者比例的年增幅"), crate::both!("points", "个百分点"), (0.0, 30.0, 0.5), 1, Source::Value(5.0))
            .assumed()
            .help(crate::both!("Percentage points of adopters added to the gainers each year.", "每年新增的获益者占采用者的百分点数。")),
        /// Percentage points of all firms that adopt each year.
        spread: Param::new(crate::both!("Yearly rise in adoption", "采用率的年增幅"), crate::both!("points", "个百分点"), (0.0, 30.0, 0.5), 1, Source::Value(5.0))
            .assumed()
            .help(crate::both!("Points of all firms adopting each year, up to all of them.", "每年新增采用者占全部企业的百分点数，直至全部采用。")),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "value-gap",
    prefix: "gap",
    title: ["How many adopters actually gain?", "采用者中有多少真正获益？"],
    intro: crate::both!("Apply the reported shares to any group of firms, then assume how fast adoption spreads and gains follow.", "把报道中的比例套用到任意一组企业上，再假设采用扩散和收益跟进的速度。"),
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
const ADOPTERS_ZH: Noun = Noun { one: "采用者", many: "采用者" };

pub fn working(g: &ValueGap, said: &mut Claims, lang: Lang) -> String {
    if lang.in_build() == Lang::Zh {
        let base = format!(
            "{} ÷ {} = 采用者中有{}获益（{}）",
            format::zh_figure(g.gainers),
            format::zh_figure(g.adopters),
            said.percent("conversion", g.conversion, 1),
            said.fraction_in(lang, "conversion", g.conversion)
        );
        return match g.half_year {
            // Two places: 1.01 years, counted whole, is by the next year but one.
            Some(y) if y > BASE_YEAR => format!(
                "{base}；(50 − {}) ÷ {} = {}年，即到{y}年过半。",
                format::plain(g.conversion, 1),
                format::plain(g.improve, 1),
                format::zh_amount((50.0 - g.conversion) / g.improve, 2)
            ),
            Some(_) => format!("{base}；{}。", said.at_least("conversion", g.conversion, 50.0, "获益者已达一半或更多")),
            None => format!("{base}；{}。", said.never("half-year", g.half_value(), "每年没有提升，获益者永远达不到一半")),
        };
    }
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

pub fn table(g: &ValueGap, lang: Lang) -> Table {
    let t = |both| lang.pick(both);
    Table {
        columns: vec![
            Column::new(t(["Year", "年份"]), "", 0),
            Column::new(t(["Adopters", "采用者"]), "firms", 0),
            Column::new(t(["Adopters who gain", "获益的采用者"]), "firms", 0),
            Column::new(t(["Share of adopters who gain", "获益者占采用者比例"]), "%", 1),
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

fn outputs(g: &ValueGap, said: &mut Claims, lang: Lang) -> Vec<Output> {
    let t = |both| lang.pick(both);
    let pace = match (g.half_year, lang.in_build()) {
        (Some(y), Lang::En) if y > BASE_YEAR => format!("at {} points a year", grouped(g.improve, 1)),
        (Some(y), Lang::Zh) if y > BASE_YEAR => format!("按每年{}个百分点的速度", format::plain(g.improve, 1)),
        (Some(_), _) => said.at_least("conversion", g.conversion, 50.0, t(["half or more already do", "已经过半"])),
        (None, _) => said.never("half-year", g.half_value(), t(["never, with no yearly rise", "没有提升，永远达不到一半"])),
    };
    let share = said.percent("conversion", g.conversion, 1);
    let part = said.fraction_in(lang, "conversion", g.conversion);
    // The other reading of the reported share: adopters only.
    let note = if g.gains > 0.0 && !g.gains_exceed_adoption {
        let other = said.fraction_in(lang, "gains", g.gains);
        let gains = said.percent("gains", g.gains, 0);
        match lang.in_build() {
            Lang::En => format!("{share}, {part}; {other} if the {gains} counts adopters only"),
            Lang::Zh => {
                // 约 comes before 为: "则约为十一分之一".
                let other = other.strip_prefix('约').map_or(format!("为{other}"), |rest| format!("约为{rest}"));
                format!("{share}，即{part}；若{gains}只统计采用者，则{other}")
            }
        }
    } else {
        match lang.in_build() {
            Lang::En => format!("{share}, {part}"),
            Lang::Zh => format!("{share}，即{part}"),
        }
    };
    vec![
        Output {
            id: "gainers",
            label: t(["Adopters who report gains", "表示获益的采用者"]),
            value: Quantity::Count { n: g.gainers, decimals: 0, of: Some(g.adopters) },
            note,
            reader: false,
        },
        Output {
            id: "half",
            label: t(["Half of adopters gain by", "一半采用者获益的年份"]),
            value: g.half_year.map_or(Quantity::Words(t(["Never", "永远达不到"])), Quantity::Year),
            note: pace,
            reader: true,
        },
    ]
}

/// The story's sentence beside the calculator: Accenture's shares, read as
/// the story reads them, at the assumed pace; or the reader's numbers.
fn prose(g: &ValueGap, values: &[f64], said: &mut Claims, lang: Lang) -> Prose {
    let yours = crate::model::param::changed(Inputs::PARAMS, values, &[]);
    let (gains, adopted) = (said.percent("gains", g.gains, 0), said.percent("adopted", g.adopted, 0));
    if lang.in_build() == Lang::Zh {
        let part = said.part_of_in(lang, "conversion", g.conversion, ADOPTERS_ZH);
        let now = if yours {
            format!("按你的数字，{gains}的企业表示获益、{adopted}的企业已经采用，即{}表示获益", part.words)
        } else {
            format!("本站把埃森哲调查中的{gains}理解为占全部企业的比例。按{adopted}的企业已经采用计算，{}表示获益", part.words)
        };
        let text = match g.half_year {
            Some(y) if y > BASE_YEAR => format!(
                "{now}；如果每年再有{}个百分点的采用者开始获益，到{y}年将有一半采用者获益（该调查未注明日期，本站从{BASE_YEAR}年起算）。",
                format::plain(g.improve, 1)
            ),
            Some(_) => format!("{now}，{}。", said.at_least("conversion", g.conversion, 50.0, "因此获益者已达一半或更多")),
            None => format!("{now}；{}。", said.never("half-year", g.half_value(), "若每年没有提升，获益者永远达不到一半")),
        };
        return Prose { text, yours };
    }
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
pub fn figure(values: &[f64], _scale: Scale, _money: Money, lang: Lang) -> Figure {
    let g = compute(&Inputs::from_values(values));
    let t = |both| lang.pick(both);
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
        let label = match lang.in_build() {
            Lang::En => format!("Half by {y}"),
            Lang::Zh => format!("{y}年过半"),
        };
        markers.push(Marker { at: (f64::from(y), g.gainers_in(y)), label, role: Role::Accent });
    }
    let title = match g.half_year {
        Some(y) if y > BASE_YEAR => {
            said.below("conversion", g.conversion, 50.0, t(["half of adopters gain by", "一半采用者获益的年份"]));
            match lang.in_build() {
                Lang::En => format!("At this pace, half of adopters gain by {y}"),
                Lang::Zh => format!("按这个速度，到{y}年一半采用者将获益"),
            }
        }
        Some(_) => said.at_least("conversion", g.conversion, 50.0, t(["Half of adopters already gain", "获益者已达采用者的一半"])),
        None => {
            said.change("improve", g.improve, lang.pick([["improvement", "no improvement", "decline"], ["提升", "没有提升", "下降"]]));
            said.never("half-year", g.half_value(), t(["With no improvement, half of adopters never gain", "若没有提升，获益者永远达不到采用者的一半"]))
        }
    };
    let rise = |said: &mut Claims, about, x: f64, what: &str| {
        let verb = said.change(about, x, lang.pick([["rises", "holds", "falls"], ["上升", "保持", "下降"]]));
        match (x > 0.0, lang.in_build()) {
            (true, Lang::En) => format!("{what} {verb} {} points a year", grouped(x, 1)),
            (false, Lang::En) => format!("{what} {verb} steady"),
            (true, Lang::Zh) => format!("{what}每年{verb}{}个百分点", format::plain(x, 1)),
            (false, Lang::Zh) => format!("{what}{verb}不变"),
        }
    };
    let description = match lang.in_build() {
        Lang::En => format!(
            "Line chart. {} adopters out of {} firms, {} reporting gains; {}, {}.",
            format::count(g.adopters.round()),
            grouped(g.firms, 0),
            format::count(g.gainers.round()),
            rise(&mut said, "spread", g.spread, "adoption"),
            rise(&mut said, "improve", g.improve, "the share of adopters who gain")
        ),
        Lang::Zh => format!(
            "折线图。{}家企业中有{}家采用，{}家表示获益；{}，{}。",
            format::zh_figure(g.firms),
            format::zh_figure(g.adopters.round()),
            format::zh_figure(g.gainers.round()),
            rise(&mut said, "spread", g.spread, "采用率"),
            rise(&mut said, "improve", g.improve, "获益者占采用者的比例")
        ),
    };
    let outputs = outputs(&g, &mut said, lang);
    let working = working(&g, &mut said, lang);
    let prose = prose(&g, values, &mut said, lang);
    Figure {
        title,
        subtitle: match lang.in_build() {
            Lang::En => format!(
                "Firms out of {}: adopters of generative AI and those reporting gains, by year from {BASE_YEAR} (our date for the survey)",
                grouped(g.firms, 0)
            ),
            Lang::Zh => format!(
                "{}家企业中采用生成式人工智能的企业和表示获益的企业，自{BASE_YEAR}年（本站为这项调查设定的年份）起逐年变化",
                format::zh_figure(g.firms)
            ),
        },
        source: t([
            "Source: Accenture (46% adopted, 9% report gains; undated), via Info Finance. Later years: the assumed yearly rises.",
            "来源：埃森哲（46%已采用，9%表示获益；未注明日期），据Info Finance报道。之后各年按假设的年增幅推算。",
        ]),
        description,
        plot: Plot::Lines(LineChart {
            series: vec![
                series(t(["Adopters", "采用者"]), Role::Series, 3, &|y| g.adopters_in(y)),
                series(t(["Who gain", "获益者"]), Role::Accent, 3, &|y| g.gainers_in(y)),
            ],
            x_range: (f64::from(*years.first().unwrap_or(&BASE_YEAR)), f64::from(*years.last().unwrap_or(&LAST_YEAR))),
            x_label: year_label,
            y_label: lang.pick([format::axis as fn(f64) -> String, format::axis_zh]),
            scale: Scale::Linear,
            y_cap: None,
            markers,
            bands: Vec::new(),
            tornado: None,
        }),
        outputs,
        table: table(&g, lang),
        working,
        range: None,
        prose: Some(prose),
        notice: g.gains_exceed_adoption.then(|| {
            t([
                "More firms report gains than adopted; only adopters can gain, so the share is capped at 100%.",
                "表示获益的企业比采用的企业还多；只有采用者才能获益，所以比例以100%为上限。",
            ])
            .to_string()
        }),
        claims: said,
        lang,
    }
    .in_its_language()
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
        assert_eq!(working(&g, &mut said, Lang::En), "90 ÷ 460 = 19.6% of adopters gain (about one in five); (50 − 19.6) ÷ 5.0 = 6.1 years to reach half, so 2032.");
        // Read as a share of adopters, 9% is about 1 in 11.
        let f = figure(&CALCULATOR.defaults(), Scale::Linear, Money::USD, Lang::En);
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
        assert!(working(&g, &mut Claims::default(), Lang::En).contains("half never gain"));
        assert_eq!(g.years(), 2025..=2035);
    }

    #[test]
    fn words_for_a_share_of_adopters_stay_true_across_the_range() {
        let words = |adopted: f64, gains: f64, improve: f64| {
            let f = figure(&[1000.0, adopted, gains, improve, 5.0], Scale::Linear, Money::USD, Lang::En);
            (f.prose.unwrap().text, f.outputs[1].note.clone(), f.outputs[1].value.text(Lang::En))
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
