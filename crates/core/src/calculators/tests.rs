//! The registry checks itself: a mistake in a calculator's declaration
//! fails here, not on a reader's page.

use super::*;
use crate::chart::{Palette, Scale};
use crate::content::facts;
use crate::content::story::{story, Block};
use crate::model::{Quantity, Source};
use crate::text::format::{not_finite_count, Currency};
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
        let (linear, log) = ((c.figure)(&d, Scale::Linear), (c.figure)(&d, Scale::Log));
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
    let placed: Vec<&str> = story()
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Calculator(id) => Some(*id),
            Block::Para(_) => None,
        })
        .collect();
    let ids: Vec<&str> = CALCULATORS.iter().map(|c| c.id).collect();
    assert_eq!(placed, ids);
}

#[test]
fn every_default_figure_draws_with_its_table_and_outputs() {
    for c in CALCULATORS {
        for scale in [Scale::Linear, Scale::Log] {
            let f = (c.figure)(&c.defaults(), scale);
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
fn exports_carry_title_source_and_link() {
    for c in CALCULATORS {
        let f = (c.figure)(&c.defaults(), Scale::Linear);
        let (svg, height) = f.export_svg(720, &Palette::LIGHT, "https://example.org/embed.html?w=x&v=1").unwrap();
        assert!(svg.contains("<rect") && svg.contains("#FAF8F3"), "{}: background", c.id);
        let first_word = f.title.split_whitespace().next().unwrap();
        assert!(svg.contains(first_word), "{}: title", c.id);
        assert!(svg.contains("Interactive version:") && svg.contains("w=x&amp;v=1"), "{}: link, escaped", c.id);
        let written: u32 = svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
        assert_eq!(written, height, "{}", c.id);
        assert!(height > 300 && height < 700, "{}: {height}", c.id);
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
    c.params
        .iter()
        .map(|p| prop_oneof![Just(p.min), Just(p.max), Just(p.default_value()), p.min..=p.max].boxed())
        .collect()
}

/// Draws every part of a figure as the page would, and checks that no
/// value that is not a number reached a formatter, a table or an output.
fn check_everything_finite(c: &Calculator, values: &[f64], scale: Scale) -> Result<(), TestCaseError> {
    let before = not_finite_count();
    let f = (c.figure)(values, scale);
    prop_assert!(f.table.is_finite(), "{}: {:?}", c.id, f.table);
    for o in &f.outputs {
        prop_assert!(finite(&o.value), "{}: output {} is {:?}", c.id, o.id, o.value);
    }
    let _ = (crate::model::output::to_html(&f.outputs, Currency::Usd), f.notes_html(), f.table.to_html("t"), f.table.to_csv());
    let svg = f.svg(360, &Palette::LIGHT).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
    prop_assert_eq!(not_finite_count(), before, "{}: a value that is not finite was formatted for {:?}", c.id, values);
    // The same outputs, in the same order, whatever the inputs.
    let defaults = (c.figure)(&c.defaults(), scale);
    let shape = |f: &Figure| f.outputs.iter().map(|o| (o.id, o.label)).collect::<Vec<_>>();
    prop_assert_eq!(shape(&f), shape(&defaults));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any values at all, however broken, are made safe first.
    #[test]
    fn any_values_give_a_clean_figure(index in 0..CALCULATORS.len(), values in proptest::collection::vec(wild(), 0..7), log: bool) {
        let c = CALCULATORS[index];
        check_everything_finite(c, &values, if log { Scale::Log } else { Scale::Linear })?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

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
        let f = (c.figure)(v, Scale::Linear);
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
fn headings_are_static_markup_with_escaped_text() {
    let c = find("payback").unwrap();
    let h = heading_html(c, 1);
    assert!(h.starts_with("<h1 class=\"calc-title\">When does a robot bet pay back?</h1><p class=\"calc-intro\">"), "{h}");
    assert!(heading_html(c, 3).starts_with("<h3 ") && heading_html(c, 3).ends_with("</p>"));
    for c in CALCULATORS {
        let h = heading_html(c, 3);
        assert_eq!(h.matches('<').count(), 4, "{}: only our own tags", c.id);
    }
}

#[test]
fn every_preview_holds_its_title_chart_source_and_site_within_its_box() {
    for c in CALCULATORS {
        let mut figure = (c.figure)(&c.defaults(), Scale::Linear);
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
