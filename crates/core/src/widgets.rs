//! Every calculator the site offers, by id: the registry the story, the
//! tests and (later) embeds look widgets up in.

use crate::figure::Widget;
use crate::{adoption, ecosystem, hospital, inference, market, payback, subsidy, value_gap};

pub static MARKET_GROWTH: Widget = Widget { calc: &market::MARKET_GROWTH, has_scale: true, figure: market::figure };
pub static ECOSYSTEM: Widget = Widget { calc: &ecosystem::ECOSYSTEM, has_scale: false, figure: ecosystem::figure };
pub static ADOPTION_CURVE: Widget = Widget { calc: &adoption::ADOPTION, has_scale: false, figure: adoption::figure };
pub static VALUE_GAP: Widget = Widget { calc: &value_gap::VALUE_GAP, has_scale: false, figure: value_gap::figure };
pub static INFERENCE_COST: Widget = Widget { calc: &inference::INFERENCE, has_scale: true, figure: inference::figure };
pub static SUBSIDY: Widget = Widget { calc: &subsidy::SUBSIDY, has_scale: false, figure: subsidy::figure };
pub static PAYBACK: Widget = Widget { calc: &payback::PAYBACK, has_scale: false, figure: payback::figure };
pub static HOSPITAL_RISK: Widget = Widget { calc: &hospital::HOSPITAL, has_scale: false, figure: hospital::figure };

/// Every widget, in story order.
pub static WIDGETS: &[&Widget] =
    &[&MARKET_GROWTH, &ECOSYSTEM, &ADOPTION_CURVE, &VALUE_GAP, &SUBSIDY, &PAYBACK, &HOSPITAL_RISK, &INFERENCE_COST];

/// The widget with this id.
pub fn widget(id: &str) -> Option<&'static Widget> {
    WIDGETS.iter().copied().find(|w| w.calc.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Scale, Theme};
    use crate::story::{story, Block};
    use proptest::prelude::*;

    #[test]
    fn every_widget_is_placed_once_in_the_story_and_ids_are_unique() {
        let placed: Vec<&str> = story()
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Calculator(id) => Some(*id),
                Block::Para(_) => None,
            })
            .collect();
        let ids: Vec<&str> = WIDGETS.iter().map(|w| w.calc.id).collect();
        let mut sorted = placed.clone();
        sorted.sort();
        let mut expected = ids.clone();
        expected.sort();
        assert_eq!(sorted, expected);
        for id in ids {
            assert!(widget(id).is_some());
        }
    }

    #[test]
    fn defaults_are_in_range_and_on_step() {
        for w in WIDGETS {
            for p in w.calc.params {
                let d = p.default_value();
                assert!(d >= p.min && d <= p.max, "{}.{} default {d}", w.calc.id, p.key);
                assert_eq!(p.parse(&p.text(d)), Ok(d), "{}.{} default text round-trips", w.calc.id, p.key);
            }
        }
    }

    #[test]
    fn every_default_figure_draws_svg_with_its_table() {
        for w in WIDGETS {
            for scale in [Scale::Linear, Scale::Log] {
                let f = (w.figure)(&w.calc.defaults(), scale);
                assert!(f.table.is_finite() && !f.table.rows.is_empty(), "{}", w.calc.id);
                for width in [320, 720] {
                    let svg = f.svg(width, 300, &Theme::DARK).unwrap();
                    assert!(svg.contains("<polyline") || svg.contains("<rect"), "{} draws nothing", w.calc.id);
                    assert!(!svg.contains("NaN") && !svg.contains("inf"), "{}", w.calc.id);
                }
                for text in [&f.title, &f.subtitle, &f.description, &f.working] {
                    assert!(!text.contains("NaN") && !text.contains("inf") && !text.is_empty(), "{}: {text}", w.calc.id);
                }
            }
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_input_gives_finite_tables_and_clean_svg(
            index in 0..WIDGETS.len(),
            values in proptest::collection::vec(wild(), 0..7),
            log in any::<bool>(),
        ) {
            let w = WIDGETS[index];
            let f = (w.figure)(&values, if log { Scale::Log } else { Scale::Linear });
            prop_assert!(f.table.is_finite(), "{}: {:?}", w.calc.id, f.table);
            let svg = f.svg(360, 280, &Theme::LIGHT).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
            for text in [&f.title, &f.description, &f.working] {
                prop_assert!(!text.contains("NaN") && !text.contains("inf"), "{}: {}", w.calc.id, text);
            }
        }
    }
}
