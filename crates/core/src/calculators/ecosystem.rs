//! `ecosystem`: the core AI industry (US$140 bn in 2030) against the wider
//! ecosystem with infrastructure and component suppliers (US$1.4 tn).

use super::Calculator;
use crate::chart::{Bar, BarChart, Plot, Role, Scale};
use crate::content::facts::id;
use crate::model::{Cell, Claims, Column, Figure, Output, Param, Per, Quantity, Source, Table};
use crate::text::format::{self, grouped, Lang, Magnitude, Money};

crate::inputs! {
    /// The two forecasts, US$ bn.
    pub struct Inputs {
        /// The core AI industry in 2030.
        core: Param::new(crate::both!("Core AI industry in 2030", "2030年AI核心产业"), crate::both!("US$ bn", "亿美元"), (10.0, 1000.0, 1.0), 0, Source::Fact(id::MARKET_2030)).zh_times(10.0),
        /// The whole ecosystem in 2030; the forecast gives it in trillions.
        total: Param::new(crate::both!("Whole ecosystem in 2030", "2030年整个生态"), crate::both!("US$ bn", "万亿美元"), (100.0, 10000.0, 10.0), 0, Source::Scaled(id::MARKET_TOTAL_2030, 1000.0)).zh_times(0.001)
            .help(crate::both!("With infrastructure and component suppliers. The report names no source and no year; we read 2030.", "含基础设施和零部件供应商。报道未注明出处和年份，本站按2030年理解。")),
    }
}

pub static CALCULATOR: Calculator = Calculator {
    id: "ecosystem",
    prefix: "eco",
    title: ["How big is the core next to the whole ecosystem?", "核心产业在整个生态中有多大？"],
    intro: crate::both!("Change either figure to see how the money would split between the core and its suppliers, on our reading that both are 2030 totals.", "改动任一数字，看看钱会怎样在核心产业与供应商之间分配。本站把两个数字都理解为2030年的总额。"),
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
pub fn working(e: &Ecosystem, lang: Lang) -> String {
    match lang.in_build() {
        // The core cannot be more than the whole: its share is capped.
        Lang::En if e.total_below_core => format!(
            "{} ÷ {} = {}; the whole is smaller than the core, so the core’s share is capped at 100%.",
            grouped(e.total, 0),
            grouped(e.core, 0),
            format::multiple(e.multiple, 1)
        ),
        Lang::En => format!(
            "{} ÷ {} = {}; the core is {} ÷ {} = {} of the whole.",
            grouped(e.total, 0),
            grouped(e.core, 0),
            format::multiple(e.multiple, 1),
            grouped(e.core, 0),
            grouped(e.total, 0),
            format::percent(e.core_share * 100.0, 1)
        ),
        // Amounts in 亿 and 万亿, as the Chinese inputs are given.
        Lang::Zh => {
            let yi = |x: f64| format::zh_figure(x * 1e9);
            let times = format::without_trailing_zeros(format::plain(e.multiple, 1));
            if e.total_below_core {
                // The core cannot be more than the whole: its share is capped.
                return format!("{} ÷ {} = {times}倍；整个生态比核心产业还小，核心产业占比按上限计为100%。", yi(e.total), yi(e.core));
            }
            format!(
                "{} ÷ {} = {times}倍；核心产业占比 = {} ÷ {} = {}。",
                yi(e.total),
                yi(e.core),
                yi(e.core),
                yi(e.total),
                format::percent(e.core_share * 100.0, 1)
            )
        }
    }
}

/// The chart's data: the forecast's split and the reader's.
pub fn table(e: &Ecosystem, lang: Lang) -> Table {
    let f = forecast();
    let t = |both| lang.pick(both);
    let row = |name: &str, x: &Ecosystem| {
        vec![Cell::Text(name.into()), Cell::Num(x.core), Cell::Num(x.rest), Cell::Num(x.total), Cell::Num(x.multiple)]
    };
    Table {
        columns: vec![
            Column::new(t(["Figures", "数据"]), "", 0),
            Column::new(t(["Core AI industry", "AI核心产业"]), "US$ bn", 0),
            Column::new(t(["Rest of the ecosystem", "生态其余部分"]), "US$ bn", 0),
            Column::new(t(["Whole ecosystem", "整个生态"]), "US$ bn", 0),
            Column::new(t(["Multiple", "倍数"]), "×", 1),
        ],
        rows: vec![row(t(["Reported figures", "报道数字"]), &f), row(t(["Your figures", "你的数字"]), e)],
    }
}

/// The figure for any values (made safe first).
pub fn figure(values: &[f64], _scale: Scale, money: Money, lang: Lang) -> Figure {
    let e = compute(&Inputs::from_values(values));
    let f = forecast();
    let t = |both| lang.pick(both);
    let bn = |x: f64| money.say(lang, x, 0, Magnitude::Billions);
    let bar = |label: &str, x: &Ecosystem, role| Bar {
        label: label.to_string(),
        segments: vec![
            (x.core, role, String::new()),
            (
                x.rest,
                Role::Neutral,
                match lang.in_build() {
                    Lang::En => format!("{} in all", bn(x.total)),
                    Lang::Zh => format!("合计{}", bn(x.total)),
                },
            ),
        ],
    };
    let mut said = Claims::default();
    // Our reading, never the report's claim: both totals as 2030 figures
    // that can be compared.
    let title = match lang.in_build() {
        Lang::En => {
            let multiple = format!("{} the size of", format::multiple(e.multiple, 1));
            format!("On our reading, the wider ecosystem is {} the core AI industry", said.ratio("multiple", e.multiple, 1, [&multiple, "the same size as", "smaller than"]))
        }
        Lang::Zh => {
            let multiple = format!("是AI核心产业的{}倍", format::without_trailing_zeros(format::plain(e.multiple, 1)));
            format!("按本站的理解，整个生态{}", said.ratio("multiple", e.multiple, 1, [&multiple, "与AI核心产业一样大", "比AI核心产业还小"]))
        }
    };
    let unit = money.noted_in(lang, &money.unit_in(lang, Magnitude::Billions));
    let note = match lang.in_build() {
        Lang::En => said.ratio(
            "multiple",
            e.multiple,
            1,
            ["the size of the core industry, on our reading", "the size of the core industry: nothing left for suppliers", "the size of the core, which it includes: the inputs disagree"],
        ),
        Lang::Zh => said.ratio("multiple", e.multiple, 1, ["相当于核心产业的倍数，按本站的理解", "与核心产业一样大：供应商分不到钱", "比它所包含的核心产业还小：输入的数字相互矛盾"]),
    };
    let mut figure = Figure {
        title,
        subtitle: match lang.in_build() {
            Lang::En => format!("Forecast size in 2030 (our reading for the whole), {unit}: core AI industry (coloured) and the rest (grey)"),
            Lang::Zh => format!("2030年预测规模（整个生态的年份为本站理解），{unit}：彩色为AI核心产业，灰色为其余部分"),
        },
        source: t([
            "Sources: core industry, Morgan Stanley; whole ecosystem, unattributed; both via Info Finance. Reading them as 2030 totals: ours.",
            "来源：核心产业数据出自摩根士丹利；整个生态的数字未注明出处；均据Info Finance报道。把两者都视为2030年总额是本站的理解。",
        ]),
        description: match lang.in_build() {
            Lang::En => format!("Bar chart. Reported: core {} of {} in all. Your figures: core {} of {}.", bn(f.core), bn(f.total), bn(e.core), bn(e.total)),
            Lang::Zh => format!("条形图。报道数字：核心产业{}，合计{}。你的数字：核心产业{}，合计{}。", bn(f.core), bn(f.total), bn(e.core), bn(e.total)),
        },
        plot: Plot::Bars(BarChart {
            bars: vec![bar(t(["Reported figures", "报道数字"]), &f, Role::Series), bar(t(["Your figures", "你的数字"]), &e, Role::Accent)],
            scale: Scale::Linear,
            x_label: lang.pick([format::axis as fn(f64) -> String, format::axis_zh]),
            ticks: None,
        }),
        outputs: vec![
            Output {
                id: "multiple",
                label: t(["The whole ecosystem is", "整个生态的规模"]),
                value: Quantity::Multiple { x: e.multiple, decimals: 1 },
                note,
                reader: true,
            },
            Output {
                id: "share",
                label: t(["Core industry’s share", "核心产业的占比"]),
                value: Quantity::Share { percent: e.core_share * 100.0, decimals: 1, per: Per::None },
                note: match lang.in_build() {
                    Lang::En => format!("{} for everyone else", bn(e.rest)),
                    Lang::Zh if e.rest > 0.0 => format!("其他各方合计{}", bn(e.rest)),
                    Lang::Zh => "其他各方分不到钱".to_string(),
                },
                reader: false,
            },
        ],
        table: table(&e, lang),
        working: working(&e, lang),
        range: None,
        prose: None,
        claims: said,
        notice: e.total_below_core.then(|| {
            t([
                "The whole ecosystem includes the core, so it cannot be smaller; a multiple below 1× shows the inputs disagree.",
                "整个生态包含核心产业，不可能比它小；倍数低于1倍，说明输入的数字相互矛盾。",
            ])
            .to_string()
        }),
        lang,
    };
    figure.in_money(money, true);
    figure.in_language(Some(Magnitude::Billions));
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
        assert_eq!(working(&e, Lang::En), "1,400 ÷ 140 = 10.0×; the core is 140 ÷ 1,400 = 10.0% of the whole.");
        assert_eq!(working(&e, Lang::Zh), "1.4万亿 ÷ 1400亿 = 10倍；核心产业占比 = 1400亿 ÷ 1.4万亿 = 10.0%。");
    }

    #[test]
    fn a_total_below_the_core_is_flagged_not_negative() {
        let e = compute(&Inputs { core: 500.0, total: 200.0 });
        assert!(e.total_below_core);
        assert_eq!(e.rest, 0.0);
        assert_eq!(e.core_share, 1.0);
        assert_eq!(e.multiple, 0.4);
        assert!(figure(&[500.0, 200.0], Scale::Linear, Money::USD, Lang::En).notice.is_some());
    }
}
