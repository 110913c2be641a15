//! The registry checks itself: a mistake in a calculator's declaration
//! fails here, not on a reader's page.

use super::*;
use crate::chart::{Palette, Plot, Scale};
use crate::content::facts;
use crate::content::story::{story, Block};
use crate::model::{Cell, Column, Quantity, Source};
use crate::text::format::{not_finite_count, Money};
use proptest::prelude::*;

fn slug(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[test]
fn ids_and_url_prefixes_are_unique_and_well_formed() {
    for (i, c) in CALCULATORS.iter().enumerate() {
        assert!(slug(c.id), "id {:?}", c.id);
        assert!(slug(c.prefix), "{}: prefix {:?} (a dot would confuse the story's URL keys)", c.id, c.prefix);
        for other in &CALCULATORS[i + 1..] {
            assert_ne!(c.id, other.id, "two calculators share an id");
            assert_ne!(c.prefix, other.prefix, "{} and {} share a URL prefix", c.id, other.id);
        }
        assert!(find(c.id).is_some_and(|found| std::ptr::eq(found, *c)));
    }
}

#[test]
fn input_keys_are_unique_within_a_calculator() {
    for c in CALCULATORS {
        for (i, p) in c.params.iter().enumerate() {
            assert!(slug(p.key), "{}: key {:?}", c.id, p.key);
            assert!(c.params[i + 1..].iter().all(|q| q.key != p.key), "{}: key {} twice", c.id, p.key);
        }
    }
}

#[test]
fn every_default_rests_on_a_fact_with_a_value_and_sits_on_its_slider() {
    for c in CALCULATORS {
        for p in c.params {
            if let Source::Fact(id) | Source::Scaled(id, _) = p.default {
                assert!(facts::value(id).is_some(), "{}.{}: fact {} has no value to default to", c.id, p.key, id.fact().id);
                assert!(!p.illustrative, "{}.{}: a cited default is not illustrative", c.id, p.key);
            }
            let d = p.default_value();
            assert!(d >= p.min && d <= p.max, "{}.{} default {d}", c.id, p.key);
            assert_eq!(p.snap(d), d, "{}.{}: default off the slider's steps", c.id, p.key);
            assert_eq!(p.parse(&p.text(d)), Ok(d), "{}.{} default text round-trips", c.id, p.key);
        }
    }
}

#[test]
fn extras_name_inputs_that_exist() {
    for c in CALCULATORS {
        for extra in c.extras {
            let input = match extra {
                Extra::SetInput { input, .. } => *input,
                Extra::Converter(conv) => {
                    assert!(c.param(conv.key).is_none(), "{}: converter id clashes with input {}", c.id, conv.key);
                    conv.input
                }
            };
            assert!(input < c.params.len(), "{}: extra names input {input}", c.id);
        }
    }
}

#[test]
fn the_scale_switch_is_offered_exactly_where_the_chart_follows_it() {
    for c in CALCULATORS {
        let d = c.defaults();
        let (linear, log) = ((c.figure)(&d, Scale::Linear, Money::USD, Lang::En), (c.figure)(&d, Scale::Log, Money::USD, Lang::En));
        let (a, b) = (linear.svg(720, &Palette::LIGHT).unwrap(), log.svg(720, &Palette::LIGHT).unwrap());
        if c.has_scale {
            assert_eq!((linear.plot.scale(), log.plot.scale()), (Scale::Linear, Scale::Log), "{}", c.id);
            assert_ne!(a, b, "{}: the log switch changes nothing", c.id);
        } else {
            assert_eq!(log.plot.scale(), linear.plot.scale(), "{}: the chart follows a switch it does not offer", c.id);
            assert_eq!(a, b, "{}", c.id);
        }
    }
}

#[test]
fn every_calculator_is_placed_once_in_the_story_in_registry_order() {
    let placed: Vec<&str> = story(crate::text::format::Lang::En)
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Calculator(id) => Some(*id),
            Block::Para(_) | Block::Follow(_) => None,
        })
        .collect();
    let ids: Vec<&str> = CALCULATORS.iter().map(|c| c.id).collect();
    assert_eq!(placed, ids);
}

#[test]
fn each_following_paragraph_comes_after_its_calculator_which_writes_it() {
    let mut seen = Vec::new();
    let mut followed = Vec::new();
    for block in story(crate::text::format::Lang::En).sections.iter().flat_map(|s| &s.blocks) {
        match block {
            Block::Calculator(id) => seen.push(*id),
            Block::Follow(id) => {
                assert!(seen.contains(id), "[follow {id}] before its calculator");
                let c = find(id).unwrap_or_else(|| panic!("[follow {id}] names no calculator"));
                assert!((c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En).prose.is_some(), "{id} writes no sentence to follow");
                followed.push(*id);
            }
            Block::Para(_) => {}
        }
    }
    for id in ["market-growth", "adoption-curve", "value-gap"] {
        assert!(followed.contains(&id), "the story does not follow {id}");
    }
    // A calculator that writes a sentence has its place in the story.
    for c in CALCULATORS {
        if (c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En).prose.is_some() {
            assert!(followed.contains(&c.id), "{} writes a sentence the story does not place", c.id);
        }
    }
}

#[test]
fn every_default_figure_draws_with_its_table_and_outputs() {
    for c in CALCULATORS {
        for scale in [Scale::Linear, Scale::Log] {
            let f = (c.figure)(&c.defaults(), scale, Money::USD, Lang::En);
            assert!(!f.table.rows.is_empty() && !f.outputs.is_empty(), "{}", c.id);
            for width in [320, 720] {
                let svg = f.svg(width, &Palette::DARK).unwrap();
                assert!(svg.contains("<polyline") || svg.contains("<rect"), "{} draws nothing", c.id);
            }
            for text in [&f.title, &f.subtitle, &f.description, &f.working] {
                assert!(!text.is_empty(), "{}", c.id);
            }
        }
    }
}

#[test]
fn exports_carry_title_source_and_link_in_their_language() {
    for c in CALCULATORS {
        for (lang, interactive, other) in [(Lang::En, "Interactive version:", "互动版"), (Lang::Zh, "互动版：", "Interactive")] {
            let f = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, lang);
            let (svg, height) = f.export_svg(720, &Palette::LIGHT, "https://example.org/embed.html?w=x&v=1").unwrap();
            assert!(svg.contains("<rect") && svg.contains("#FAF8F3"), "{}: background", c.id);
            let first_word: String = f.title.split_whitespace().next().unwrap().chars().take(6).collect();
            assert!(svg.contains(&first_word), "{}: title", c.id);
            assert!(svg.contains(&first_word) && svg.contains(f.source.split_whitespace().next().unwrap()), "{}: source", c.id);
            assert!(svg.contains(interactive) && svg.contains("w=x&amp;v=1"), "{}: link, escaped", c.id);
            assert!(!svg.contains(other), "{}: {other} in the {lang:?} export", c.id);
            let written: u32 = svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
            assert_eq!(written, height, "{}", c.id);
            assert!(height > 300 && height < 800, "{}: {height}", c.id);
            // A range is said in words under the chart, as on the page.
            if let Some(range) = &f.range {
                let words: String = range.split_whitespace().take(4).collect::<Vec<_>>().join(" ").chars().take(8).collect();
                assert!(svg.contains(&words), "{}: {words}", c.id);
            }
        }
    }
}

fn finite(q: &Quantity) -> bool {
    match *q {
        Quantity::Share { percent: x, .. }
        | Quantity::Money { amount: x, .. }
        | Quantity::Multiple { x, .. }
        | Quantity::Duration { years: x, .. } => x.is_finite(),
        Quantity::Count { n, of, .. } => n.is_finite() && of.is_none_or(f64::is_finite),
        Quantity::Month(_) | Quantity::Year(_) | Quantity::Words(_) => true,
    }
}

fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(1e308),
        Just(-1e308),
        -200.0..200_000.0f64,
    ]
}

/// Values anywhere in each input's range, its ends included.
fn in_range(c: &'static Calculator) -> Vec<BoxedStrategy<f64>> {
    c.params.iter().map(|p| prop_oneof![Just(p.min), Just(p.max), Just(p.default_value()), p.min..=p.max].boxed()).collect()
}

/// Draws every part of a figure as the page would, and checks that no
/// value that is not a number reached a formatter, a table or an output.
fn check_everything_finite(c: &Calculator, values: &[f64], scale: Scale) -> Result<(), TestCaseError> {
    let before = not_finite_count();
    let f = (c.figure)(values, scale, Money::USD, Lang::En);
    prop_assert!(f.table.is_finite(), "{}: {:?}", c.id, f.table);
    for o in &f.outputs {
        prop_assert!(finite(&o.value), "{}: output {} is {:?}", c.id, o.id, o.value);
    }
    let _ = (f.outputs.iter().map(|o| o.value.text(Lang::En)).collect::<Vec<_>>(), f.notes_html(), f.table.to_html("t"), f.table.to_csv());
    let svg = f.svg(360, &Palette::LIGHT).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
    prop_assert_eq!(not_finite_count(), before, "{}: a value that is not finite was formatted for {:?}", c.id, values);
    // The same outputs, in the same order, whatever the inputs.
    let defaults = (c.figure)(&c.defaults(), scale, Money::USD, Lang::En);
    let shape = |f: &Figure| f.outputs.iter().map(|o| (o.id, o.label)).collect::<Vec<_>>();
    prop_assert_eq!(shape(&f), shape(&defaults));
    Ok(())
}

proptest! {
    #![proptest_config(crate::cases(64))]

    /// Any values at all, however broken, are made safe first.
    #[test]
    fn any_values_give_a_clean_figure(index in 0..CALCULATORS.len(), values in proptest::collection::vec(wild(), 0..7), log: bool) {
        let c = CALCULATORS[index];
        check_everything_finite(c, &values, if log { Scale::Log } else { Scale::Linear })?;
    }
}

proptest! {
    #![proptest_config(crate::cases(256))]

    /// Any values a reader can set, the ends of each range included.
    #[test]
    fn any_values_a_reader_can_set_give_a_clean_figure(
        (index, values) in (0..CALCULATORS.len()).prop_flat_map(|i| (Just(i), in_range(CALCULATORS[i]))),
        log: bool,
    ) {
        check_everything_finite(CALCULATORS[index], &values, if log { Scale::Log } else { Scale::Linear })?;
    }
}

/// No input is decoration: moving any one of them from its default to
/// either end of its range changes the chart the reader sees (its drawing,
/// or the title and subtitle that state its point).
#[test]
fn every_input_moves_the_chart() {
    let chart = |c: &Calculator, v: &[f64]| {
        let f = (c.figure)(v, Scale::Linear, Money::USD, Lang::En);
        (f.title.clone(), f.subtitle.clone(), f.svg(720, &Palette::LIGHT).unwrap())
    };
    for c in CALCULATORS {
        let base = chart(c, &c.defaults());
        for (i, p) in c.params.iter().enumerate() {
            let moved = [p.min, p.max].into_iter().any(|x| {
                let mut v = c.defaults();
                v[i] = x;
                chart(c, &v) != base
            });
            assert!(moved, "{}: moving {} leaves the chart as it was", c.id, p.key);
        }
    }
}

#[test]
fn story_sentences_state_the_reported_figures_until_the_reader_moves_an_input() {
    let prose = |id: &str, values: &[f64]| (find(id).unwrap().figure)(values, Scale::Linear, Money::USD, Lang::En).prose.unwrap();
    let market = find("market-growth").unwrap().defaults();
    let p = prose("market-growth", &market);
    assert_eq!(
        p.text,
        "On the bank’s figures, China’s AI industry would grow from US$3.2 billion in 2024 to US$140 billion in 2030: growth of about 88% a year by our calculation."
    );
    assert!(!p.yours);
    // The range alone is not a new scenario.
    let mut v = market.clone();
    v[3] = 35.0;
    assert!(!prose("market-growth", &v).yours);
    v[2] = 40.0;
    let p = prose("market-growth", &v);
    // 3.2 × 1.4⁶ = 24.09
    assert_eq!(p.text, "On your numbers, China’s AI industry would be worth US$24.1 billion in 2030, growing 40.0% a year from US$3.2 billion in 2024: 83% below the forecast of US$140 billion.");
    assert!(p.yours);
    let adoption = find("adoption-curve").unwrap().defaults();
    assert_eq!(
        prose("adoption-curve", &adoption).text,
        "Assuming Gartner’s two readings are 11 months apart and use levels off at 90%, an S-curve through them has 50% of firms using generative AI by July 2024."
    );
    let gap = find("value-gap").unwrap().defaults();
    assert_eq!(
        prose("value-gap", &gap).text,
        "Reading Accenture’s 9% as a share of all firms, as we do, with 46% adopting, about one in five adopters reports gains in its survey; if 5.0 more points of adopters start to gain each year, half of them do by 2032, counting from 2025, our date for the undated survey."
    );
}

#[test]
fn headings_are_static_markup_with_escaped_text() {
    let c = find("payback").unwrap();
    let h = heading_html(c, 1, Lang::En);
    assert!(h.starts_with("<h1 class=\"calc-title\">When does a robot bet pay back?</h1><p class=\"calc-intro\">"), "{h}");
    assert!(heading_html(c, 3, Lang::En).starts_with("<h3 ") && heading_html(c, 3, Lang::En).ends_with("</p>"));
    for c in CALCULATORS {
        let h = heading_html(c, 3, Lang::En);
        assert_eq!(h.matches('<').count(), 4, "{}: only our own tags", c.id);
    }
}

#[test]
fn every_preview_holds_its_title_chart_source_and_site_within_its_box() {
    for c in CALCULATORS {
        let mut figure = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En);
        figure.title = "A <b> & title".into();
        let svg = figure.preview_svg(&Palette::LIGHT, "Site & name").unwrap();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"315\""), "{svg}");
        assert!(svg.contains(">A &lt;b&gt; &amp; title<") && svg.contains(">Site &amp; name<"), "{}", c.id);
        assert!(svg.contains("<g transform=\"translate(24,") && svg.matches("<svg").count() == 1, "{}: the chart is inlined", c.id);
        // Every text line starts inside the box.
        for y in svg.split(" y=\"").skip(1).filter_map(|r| r.split('"').next()?.parse::<f64>().ok()) {
            assert!((0.0..315.0).contains(&y), "{}: y={y}", c.id);
        }
    }
}

#[test]
fn in_yuan_every_money_figure_converts_at_the_rate_and_says_so() {
    use crate::text::format::Currency;
    let rate = 7.25;
    let cny = Money { currency: Currency::Cny, rate };
    for c in CALCULATORS {
        let (usd, yuan) = ((c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En), (c.figure)(&c.defaults(), Scale::Linear, cny, Lang::En));
        // Tables: money columns in yuan, every number at the rate.
        for (i, (a, b)) in usd.table.columns.iter().zip(&yuan.table.columns).enumerate() {
            let money = a.unit.starts_with("US$");
            assert_eq!(Column::yuan_unit(a.unit).is_some(), money, "{}: column unit {} has no yuan unit", c.id, a.unit);
            assert!(!b.unit.contains("US$"), "{}: {}", c.id, b.unit);
            for (ra, rb) in usd.table.rows.iter().zip(&yuan.table.rows) {
                if let (Cell::Num(x), Cell::Num(y)) = (&ra[i], &rb[i]) {
                    let expected = if money { x * rate } else { *x };
                    assert!((y - expected).abs() <= 1e-9 * expected.abs().max(1.0), "{}: column {i}: {y} for {x}", c.id);
                }
            }
        }
        // Outputs: money at the rate, in yuan (the subsidy's dollars aside:
        // converting yuan into dollars is that calculator's point).
        for (a, b) in usd.outputs.iter().zip(&yuan.outputs) {
            if let (Quantity::Money { amount: x, .. }, Quantity::Money { amount: y, currency, .. }) = (a.value, b.value) {
                if c.id != "subsidy" {
                    assert_eq!(currency, Currency::Cny, "{}", c.id);
                    assert!((y - x * rate).abs() < 1e-9 * (x * rate).abs().max(1.0), "{}: {y} for {x}", c.id);
                }
            }
        }
        // Words: no dollar amount left where yuan are asked for, and a
        // subtitle that says yuan are our conversion.
        for text in [&yuan.title, &yuan.subtitle, &yuan.description].into_iter().chain(yuan.range.as_ref()) {
            assert!(!text.contains("US$"), "{}: {text}", c.id);
        }
        // The story's sentence on the reported figures says whose yuan they are.
        if let Some(p) = yuan.prose.as_ref().filter(|p| p.text.contains("CN¥")) {
            assert!(p.text.contains("our conversion"), "{}: {}", c.id, p.text);
        }
        if yuan.table.columns.iter().any(|col| col.unit.starts_with("CN¥")) {
            assert!(yuan.subtitle.contains("our conversion"), "{}: {}", c.id, yuan.subtitle);
        }
        // Charts of money are drawn in yuan.
        if let (Plot::Lines(a), Plot::Lines(b)) = (&usd.plot, &yuan.plot) {
            let money = usd.table.columns.iter().any(|col| col.unit.starts_with("US$"));
            let (x, y) = (a.series[0].points[1].1, b.series[0].points[1].1);
            assert_eq!(y, if money { x * rate } else { x }, "{}", c.id);
        }
    }
}

#[test]
fn a_tornado_is_described_for_screen_readers_with_its_widest_bar() {
    for id in ["payback", "inference-cost"] {
        let c = find(id).unwrap();
        let f = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En);
        let Plot::Lines(chart) = &f.plot else { panic!("{id}: a line chart") };
        let top = &chart.tornado.as_ref().expect("a tornado at the default range").bars[0];
        assert!(
            f.description.contains(&format!("the input that changes it most is {}: from ", crate::text::style::mid_sentence(top.input))),
            "{id}: {}",
            f.description
        );
        // Widest first.
        let width = |s: &crate::chart::Swing| (s.high - s.low).abs();
        assert!(chart.tornado.as_ref().unwrap().bars.windows(2).all(|w| width(&w[0]) >= width(&w[1])), "{id}");
    }
}

#[test]
fn the_default_fan_reads_the_same_here_as_in_the_browser() {
    // tests/web.rs reads the same words off the card in the browser: one
    // seed, the same draws, the same percentiles on both platforms.
    let c = find("market-growth").unwrap();
    let f = (c.figure)(&c.defaults(), Scale::Linear, Money::USD, Lang::En);
    assert_eq!(f.range.as_deref(), Some("Your range: in 2030 the industry is worth between US$77.8 bn and US$238.9 bn in eight draws out of 10."));
}
