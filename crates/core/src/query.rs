//! Calculator state in the URL's query string.
//!
//! On the story page every key carries its calculator's prefix
//! (`?v=1&market.rate=50&robot.delay=5`); in an embed there is one widget
//! and no prefix (`embed.html?w=payback&v=1&delay=5`). Only inputs that
//! differ from their defaults are written, so links stay short, and `v`
//! versions the scheme so old links keep working.
//!
//! Decoding never fails: a missing, malformed, out-of-range or repeated
//! value, or a link from an unknown version, leaves that input at its
//! default and says so in [`Decoded::problems`].

use crate::num;
use crate::chart::Scale;
use crate::figure::Widget;

/// The version of the scheme this code writes and reads.
pub const VERSION: &str = "1";

/// A parsed query string, in order, keys and values decoded.
pub type Pairs = Vec<(String, String)>;

/// Parses `?a=1&b=2` (the leading `?` is optional).
pub fn parse(query: &str) -> Pairs {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// Writes pairs as a query string without the `?`.
pub fn to_query(pairs: &[(String, String)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

fn key(prefix: Option<&str>, name: &str) -> String {
    match prefix {
        Some(p) => format!("{p}.{name}"),
        None => name.to_string(),
    }
}

/// The inputs of `widget` that differ from their defaults, and its scale
/// when it is not linear. Values are written in the fewest decimal places
/// that read back as the very same numbers.
pub fn encode(widget: &Widget, values: &[f64], scale: Scale, prefix: Option<&str>) -> Pairs {
    let mut pairs: Pairs = widget
        .calc
        .params
        .iter()
        .zip(values)
        .filter(|(p, v)| **v != p.default_value())
        .map(|(p, v)| (key(prefix, p.key), num::shortest(*v)))
        .collect();
    if widget.has_scale && scale == Scale::Log {
        pairs.push((key(prefix, "scale"), "log".into()));
    }
    pairs
}

/// A widget's state read from a URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Every input: from the URL where valid, else its default.
    pub values: Vec<f64>,
    pub scale: Scale,
    /// One line per input that could not be used.
    pub problems: Vec<String>,
}

/// Reads `widget`'s state from query pairs.
pub fn decode(widget: &Widget, pairs: &[(String, String)], prefix: Option<&str>) -> Decoded {
    let mut problems = Vec::new();
    let defaults = widget.calc.defaults();
    let versions: Vec<&str> = pairs.iter().filter(|(k, _)| k == "v").map(|(_, v)| v.as_str()).collect();
    let ours = |name: &str| -> Vec<&str> {
        let k = key(prefix, name);
        pairs.iter().filter(|(pk, _)| *pk == k).map(|(_, v)| v.as_str()).collect()
    };
    let mentions_widget = widget.calc.params.iter().any(|p| !ours(p.key).is_empty()) || !ours("scale").is_empty();
    if mentions_widget && versions.iter().any(|v| *v != VERSION) {
        problems.push("This link was made by a version of the page this one cannot read; every input starts from its default.".to_string());
        return Decoded { values: defaults, scale: Scale::Linear, problems };
    }
    let values = widget
        .calc
        .params
        .iter()
        .zip(&defaults)
        .map(|(p, default)| match ours(p.key).as_slice() {
            [] => *default,
            [one] => match p.parse(one) {
                Ok(x) => x,
                Err(e) => {
                    problems.push(format!("{}: the link’s value could not be used ({}) so it starts from the default.", p.label, e.to_string().trim_end_matches('.')));
                    *default
                }
            },
            _ => {
                problems.push(format!("{}: the link gives it more than once, so it starts from the default.", p.label));
                *default
            }
        })
        .collect();
    let scale = match ours("scale").as_slice() {
        [] => Scale::Linear,
        ["log"] if widget.has_scale => Scale::Log,
        ["linear"] => Scale::Linear,
        _ => {
            problems.push("The chart scale in the link could not be used; it starts linear.".to_string());
            Scale::Linear
        }
    };
    Decoded { values, scale, problems }
}

/// Replaces `prefix`'s keys in `query` with `pairs`, keeping every other
/// key, and keeps `v` present exactly when any calculator key remains.
/// `is_state_key` tells which keys belong to calculators.
pub fn merge(query: &str, prefix: &str, pairs: &[(String, String)], is_state_key: impl Fn(&str) -> bool) -> String {
    let dotted = format!("{prefix}.");
    let mut out: Pairs = parse(query).into_iter().filter(|(k, _)| k != "v" && !k.starts_with(&dotted)).collect();
    out.extend(pairs.iter().cloned());
    if out.iter().any(|(k, _)| is_state_key(k)) {
        out.insert(0, ("v".into(), VERSION.into()));
    }
    to_query(&out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::widgets::{widget, WIDGETS};
    use proptest::prelude::*;

    fn pairs(q: &str) -> Pairs {
        parse(q)
    }

    #[test]
    fn defaults_encode_to_nothing() {
        for w in WIDGETS {
            assert!(encode(w, &w.calc.defaults(), Scale::Linear, Some(w.calc.prefix)).is_empty(), "{}", w.calc.id);
        }
    }

    #[test]
    fn a_story_link_reads_back_exactly() {
        let w = widget("market-growth").unwrap();
        let values = [4.25, 333.0, 12.3];
        let encoded = encode(w, &values, Scale::Log, Some("market"));
        let query = merge("", "market", &encoded, |k| k.contains('.'));
        assert_eq!(query, "v=1&market.start=4.25&market.end=333&market.rate=12.3&market.scale=log");
        let d = decode(w, &parse(&query), Some("market"));
        assert_eq!(d, Decoded { values: values.to_vec(), scale: Scale::Log, problems: vec![] });
    }

    #[test]
    fn merge_keeps_other_calculators_and_drops_v_when_empty() {
        let q = merge("v=1&robot.delay=5&market.rate=50", "market", &[], |k| k.contains('.'));
        assert_eq!(q, "v=1&robot.delay=5");
        assert_eq!(merge("v=1&market.rate=50", "market", &[], |k| k.contains('.')), "");
    }

    #[test]
    fn bad_values_fall_back_to_defaults_and_say_so() {
        let w = widget("payback").unwrap();
        let d = decode(w, &pairs("v=1&delay=abc&invest=1e400&return=5&return=6&discount=-100&horizon=%3Cscript%3E"), None);
        assert_eq!(d.values, w.calc.defaults());
        assert_eq!(d.problems.len(), 5, "{:?}", d.problems);
        assert!(d.problems.iter().all(|p| !p.contains('<')), "problems never echo markup: {:?}", d.problems);
    }

    #[test]
    fn unknown_versions_use_defaults() {
        let w = widget("payback").unwrap();
        let d = decode(w, &pairs("v=9&delay=5"), None);
        assert_eq!(d.values, w.calc.defaults());
        assert_eq!(d.problems.len(), 1);
        // A link without our keys has nothing to complain about.
        assert!(decode(w, &pairs("v=9&utm_source=x"), None).problems.is_empty());
    }

    #[test]
    fn scale_only_where_offered() {
        let w = widget("ecosystem").unwrap();
        let d = decode(w, &pairs("v=1&scale=log"), None);
        assert_eq!(d.scale, Scale::Linear);
        assert_eq!(d.problems.len(), 1);
    }

    proptest! {
        #[test]
        fn every_widget_round_trips_exactly(index in 0..WIDGETS.len(), seed in proptest::collection::vec(0.0..1.0f64, 8), log in any::<bool>()) {
            let w = WIDGETS[index];
            // Any number a reader could type in range, to three decimals.
            let values: Vec<f64> = w.calc.params.iter().zip(&seed).map(|(p, t)| {
                let x = ((p.min + t * (p.max - p.min)) * 1000.0).round() / 1000.0;
                crate::num::clamp(x, p.min, p.max)
            }).collect();
            let scale = if log && w.has_scale { Scale::Log } else { Scale::Linear };
            for prefix in [None, Some(w.calc.prefix)] {
                let query = merge("", prefix.unwrap_or("x"), &encode(w, &values, scale, prefix), |_| true);
                let d = decode(w, &parse(&query), prefix);
                prop_assert_eq!(&d.values, &values);
                prop_assert_eq!(d.scale, scale);
                prop_assert!(d.problems.is_empty());
            }
        }

        #[test]
        fn random_queries_never_panic_and_give_valid_state(index in 0..WIDGETS.len(), query in ".{0,200}") {
            let w = WIDGETS[index];
            for prefix in [None, Some(w.calc.prefix)] {
                let d = decode(w, &parse(&query), prefix);
                prop_assert_eq!(d.values.len(), w.calc.params.len());
                for (p, x) in w.calc.params.iter().zip(&d.values) {
                    prop_assert!(x.is_finite() && *x >= p.min && *x <= p.max);
                }
            }
        }

        #[test]
        fn random_keys_of_ours_never_panic(index in 0..WIDGETS.len(), values in proptest::collection::vec("[-+0-9.e,a-z%<>]{0,12}", 8)) {
            let w = WIDGETS[index];
            let pairs: Pairs = w.calc.params.iter().zip(&values).map(|(p, v)| (p.key.to_string(), v.clone())).collect();
            let d = decode(w, &pairs, None);
            for (p, x) in w.calc.params.iter().zip(&d.values) {
                prop_assert!(x.is_finite() && *x >= p.min && *x <= p.max);
            }
        }
    }
}
