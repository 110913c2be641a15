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

use crate::calculators::Calculator;
use crate::chart::Scale;
use crate::text::format::Lang;
use crate::text::num;

/// The version of the scheme this code writes and reads.
pub const VERSION: &str = "1";

/// Keys an embed's address uses for itself, which no calculator input may
/// take: the widget, the version, the colours, compact mode, the chart
/// scale, and the currency.
pub const RESERVED: &[&str] = &["w", "v", "theme", "compact", "tabs", "scale", "cur", "fx"];

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

/// The inputs of `calc` that differ from their defaults, and its scale
/// when it is not linear. Values are written in the fewest digits that read
/// back as the very same numbers.
pub fn encode(calc: &Calculator, values: &[f64], scale: Scale, prefix: Option<&str>) -> Pairs {
    let mut pairs: Pairs =
        calc.params.iter().zip(values).filter(|(p, v)| **v != p.default_value()).map(|(p, v)| (key(prefix, p.key), num::shortest(*v))).collect();
    if calc.has_scale && scale == Scale::Log {
        pairs.push((key(prefix, "scale"), "log".into()));
    }
    pairs
}

/// A calculator's state read from a URL.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// Every input: from the URL where valid, else its default.
    pub values: Vec<f64>,
    pub scale: Scale,
    /// One line per input that could not be used.
    pub problems: Vec<String>,
}

/// Reads `calc`'s state from query pairs; the problems are written in
/// `lang`. A link's values are the inputs' own, whatever the language.
pub fn decode(calc: &Calculator, pairs: &[(String, String)], prefix: Option<&str>, lang: Lang) -> Decoded {
    let mut problems = Vec::new();
    let defaults = calc.defaults();
    let versions: Vec<&str> = pairs.iter().filter(|(k, _)| k == "v").map(|(_, v)| v.as_str()).collect();
    let ours = |name: &str| -> Vec<&str> {
        let k = key(prefix, name);
        pairs.iter().filter(|(pk, _)| *pk == k).map(|(_, v)| v.as_str()).collect()
    };
    let mentions_calc = calc.params.iter().any(|p| !ours(p.key).is_empty()) || !ours("scale").is_empty();
    if mentions_calc && versions.iter().any(|v| *v != VERSION) {
        problems.push(
            lang.pick([
                "This link was made by a version of the page this one cannot read; every input starts from its default.",
                "这个链接出自本页的另一个版本，无法读取；所有输入都从默认值开始。",
            ])
            .to_string(),
        );
        return Decoded { values: defaults, scale: Scale::Linear, problems };
    }
    let values = calc
        .params
        .iter()
        .zip(&defaults)
        .map(|(p, default)| match ours(p.key).as_slice() {
            [] => *default,
            [one] => match p.parse(one) {
                Ok(x) => x,
                Err(e) => {
                    problems.push(match lang.in_build() {
                        Lang::En => format!(
                            "{}: the link’s value could not be used ({}) so it starts from the default.",
                            p.label[0],
                            e.message(lang).trim_end_matches('.')
                        ),
                        Lang::Zh => format!("{}：链接中的数值无法使用（{}），已从默认值开始。", p.label[1], e.message(lang).trim_end_matches('。')),
                    });
                    *default
                }
            },
            _ => {
                problems.push(match lang.in_build() {
                    Lang::En => format!("{}: the link gives it more than once, so it starts from the default.", p.label[0]),
                    Lang::Zh => format!("{}：链接中给了不止一次，已从默认值开始。", p.label[1]),
                });
                *default
            }
        })
        .collect();
    let scale = match ours("scale").as_slice() {
        [] => Scale::Linear,
        ["log"] if calc.has_scale => Scale::Log,
        ["linear"] => Scale::Linear,
        _ => {
            problems.push(
                lang.pick(["The chart scale in the link could not be used; it starts linear.", "链接中的图表刻度无法使用，已按线性刻度开始。"])
                    .to_string(),
            );
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

/// True for keys that hold calculator state on the story page
/// (`market.rate`): prefixed with a dot.
pub fn is_story_key(key: &str) -> bool {
    key.contains('.')
}

/// The story page's query once `calc` is in the state `pairs` (made by
/// [`encode`] with its prefix): every other calculator's keys and any other
/// parameter kept.
pub fn story_query(current: &str, calc: &Calculator, pairs: &[(String, String)]) -> String {
    merge(current, calc.prefix, pairs, is_story_key)
}

/// An embed's query once its calculator is in the state `pairs` (made by
/// [`encode`] without a prefix): the embed's own options (`w`, `theme`,
/// `compact`, anything unknown) kept, the calculator's inputs, scale and
/// `v` replaced.
pub fn embed_query(current: &str, calc: &Calculator, pairs: &[(String, String)]) -> String {
    let ours = |k: &str| k == "v" || k == "scale" || calc.param(k).is_some();
    let mut kept: Pairs = parse(current).into_iter().filter(|(k, _)| !ours(k)).collect();
    if !pairs.is_empty() {
        kept.push(("v".into(), VERSION.into()));
        kept.extend(pairs.iter().cloned());
    }
    to_query(&kept)
}

/// A link to the story at `base` (the site's folder, ending in `/`) that
/// opens `calc` in the state `pairs` (made by [`encode`] with its prefix).
pub fn story_link(base: &str, calc: &Calculator, pairs: &[(String, String)]) -> String {
    let query = story_query("", calc, pairs);
    let query = if query.is_empty() { String::new() } else { format!("?{query}") };
    format!("{base}{query}#{}", calc.id)
}

/// `path?query#hash`, without the `?` when the query is empty.
pub fn address(path: &str, query: &str, hash: &str) -> String {
    if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculators::{find, CALCULATORS};
    use proptest::prelude::*;

    fn pairs(q: &str) -> Pairs {
        parse(q)
    }

    #[test]
    fn defaults_encode_to_nothing() {
        for c in CALCULATORS {
            assert!(encode(c, &c.defaults(), Scale::Linear, Some(c.prefix)).is_empty(), "{}", c.id);
        }
    }

    #[test]
    fn a_story_link_reads_back_exactly() {
        let w = find("market-growth").unwrap();
        let values = [4.25, 333.0, 12.3];
        let encoded = encode(w, &values, Scale::Log, Some("market"));
        let query = merge("", "market", &encoded, |k| k.contains('.'));
        assert_eq!(query, "v=1&market.start=4.25&market.end=333&market.rate=12.3&market.scale=log");
        let d = decode(w, &parse(&query), Some("market"), Lang::En);
        // The range was left at its default.
        assert_eq!(d, Decoded { values: vec![4.25, 333.0, 12.3, 20.0], scale: Scale::Log, problems: vec![] });
    }

    #[test]
    fn merge_keeps_other_calculators_and_drops_v_when_empty() {
        let q = merge("v=1&robot.delay=5&market.rate=50", "market", &[], |k| k.contains('.'));
        assert_eq!(q, "v=1&robot.delay=5");
        assert_eq!(merge("v=1&market.rate=50", "market", &[], |k| k.contains('.')), "");
    }

    #[test]
    fn bad_values_fall_back_to_defaults_and_say_so() {
        let w = find("payback").unwrap();
        let d = decode(w, &pairs("v=1&delay=abc&invest=1e400&return=5&return=6&discount=-100&horizon=%3Cscript%3E"), None, Lang::En);
        assert_eq!(d.values, w.defaults());
        assert_eq!(d.problems.len(), 5, "{:?}", d.problems);
        assert!(d.problems.iter().all(|p| !p.contains('<')), "problems never echo markup: {:?}", d.problems);
    }

    #[test]
    fn unknown_versions_use_defaults() {
        let w = find("payback").unwrap();
        let d = decode(w, &pairs("v=9&delay=5"), None, Lang::En);
        assert_eq!(d.values, w.defaults());
        assert_eq!(d.problems.len(), 1);
        // A link without our keys has nothing to complain about.
        assert!(decode(w, &pairs("v=9&utm_source=x"), None, Lang::En).problems.is_empty());
    }

    #[test]
    fn scale_only_where_offered() {
        let w = find("ecosystem").unwrap();
        let d = decode(w, &pairs("v=1&scale=log"), None, Lang::En);
        assert_eq!(d.scale, Scale::Linear);
        assert_eq!(d.problems.len(), 1);
    }

    #[test]
    fn no_input_takes_a_key_the_embed_reserves() {
        for c in CALCULATORS {
            for p in c.params {
                assert!(!RESERVED.contains(&p.key), "{}.{} collides with an embed option", c.id, p.key);
                assert!(!is_story_key(p.key), "{}.{}: a dot would read as a prefix", c.id, p.key);
            }
        }
    }

    #[test]
    fn an_embed_keeps_its_options_and_replaces_its_inputs() {
        let c = find("payback").unwrap();
        let now = "w=payback&theme=dark&v=1&delay=5&utm_source=blog&compact=1";
        let pairs = vec![("invest".to_string(), "250".to_string())];
        assert_eq!(embed_query(now, c, &pairs), "w=payback&theme=dark&utm_source=blog&compact=1&v=1&invest=250");
        // Back at the defaults: no inputs, no version.
        assert_eq!(embed_query(now, c, &[]), "w=payback&theme=dark&utm_source=blog&compact=1");
        // The scale goes with the inputs; another calculator's keys are not ours.
        let m = find("market-growth").unwrap();
        let pairs = encode(m, &[3.2, 140.0, 50.0], Scale::Log, None);
        assert_eq!(embed_query("w=market-growth&scale=log&delay=5", m, &pairs), "w=market-growth&delay=5&v=1&rate=50&scale=log");
    }

    #[test]
    fn the_story_keeps_other_calculators_and_links_open_at_the_calculator() {
        let c = find("payback").unwrap();
        let pairs = encode(c, &[100.0, 15.0, 7.0, 8.0, 15.0], Scale::Linear, Some(c.prefix));
        assert_eq!(story_query("market.rate=50&v=1&ref=x", c, &pairs), "v=1&market.rate=50&ref=x&robot.delay=7");
        assert_eq!(story_link("https://example.org/ai/", c, &pairs), "https://example.org/ai/?v=1&robot.delay=7#payback");
        assert_eq!(story_link("./", c, &[]), "./#payback");
        assert_eq!(address("/ai/", "", "#payback"), "/ai/#payback");
        assert_eq!(address("/ai/", "v=1", ""), "/ai/?v=1");
    }

    proptest! {
        #[test]
        fn every_calculator_round_trips_exactly(index in 0..CALCULATORS.len(), seed in proptest::collection::vec(0.0..1.0f64, 8), log in any::<bool>()) {
            let w = CALCULATORS[index];
            // Any number a reader could type in range, to three decimals.
            let values: Vec<f64> = w.params.iter().zip(&seed).map(|(p, t)| {
                let x = ((p.min + t * (p.max - p.min)) * 1000.0).round() / 1000.0;
                num::clamp(x, p.min, p.max)
            }).collect();
            let scale = if log && w.has_scale { Scale::Log } else { Scale::Linear };
            for prefix in [None, Some(w.prefix)] {
                let query = merge("", prefix.unwrap_or("x"), &encode(w, &values, scale, prefix), |_| true);
                let d = decode(w, &parse(&query), prefix, Lang::En);
                prop_assert_eq!(&d.values, &values);
                prop_assert_eq!(d.scale, scale);
                prop_assert!(d.problems.is_empty());
            }
        }

        #[test]
        fn random_queries_never_panic_and_give_valid_state(index in 0..CALCULATORS.len(), query in ".{0,200}") {
            let w = CALCULATORS[index];
            for prefix in [None, Some(w.prefix)] {
                let d = decode(w, &parse(&query), prefix, Lang::En);
                prop_assert_eq!(d.values.len(), w.params.len());
                for (p, x) in w.params.iter().zip(&d.values) {
                    prop_assert!(x.is_finite() && *x >= p.min && *x <= p.max);
                }
            }
        }

        #[test]
        fn random_keys_of_ours_never_panic(index in 0..CALCULATORS.len(), values in proptest::collection::vec("[-+0-9.e,a-z%<>]{0,12}", 8)) {
            let w = CALCULATORS[index];
            let pairs: Pairs = w.params.iter().zip(&values).map(|(p, v)| (p.key.to_string(), v.clone())).collect();
            let d = decode(w, &pairs, None, Lang::En);
            for (p, x) in w.params.iter().zip(&d.values) {
                prop_assert!(x.is_finite() && *x >= p.min && *x <= p.max);
            }
        }
    }
}
