//! Every sentence a calculator writes reads right at every input: the
//! rules below, kept in one place, are checked against each calculator's
//! title, subtitle, description, outputs, working, notice, table headers
//! and chart text, at each input's ends, at all inputs' ends and at random
//! values in range. Add a rule when a new way of reading wrong turns up.

use super::*;
use crate::chart::{Palette, Plot, Scale};
use crate::model::claim;
use crate::model::output::Output;
use crate::text::format::{Currency, Lang, Money};
use crate::text::style;
use proptest::prelude::*;

/// A rule for one piece of text: `Some(why)` when the text breaks it.
type Rule = (&'static str, fn(&str) -> Option<String>);

/// Units that take a plural.
const UNITS: [&str; 9] = ["year", "month", "day", "hour", "minute", "week", "firm", "hospital", "time"];

const RULES: &[Rule] = &[
    ("a number is written as a number, never as 'NaN' or infinity", |t| {
        ["NaN", "inf", "∞"].iter().find(|w| t.contains(*w)).map(|w| format!("contains {w:?}"))
    }),
    ("no scientific notation", |t| {
        let b = t.as_bytes();
        (1..b.len().saturating_sub(1))
            .find(|&i| {
                matches!(b[i], b'e' | b'E') && b[i - 1].is_ascii_digit() && (b[i + 1].is_ascii_digit() || b[i + 1] == b'+' || b[i + 1] == b'-')
            })
            .map(|i| format!("exponent near {:?}", &t[i.saturating_sub(4)..(i + 4).min(t.len())]))
    }),
    ("one, and only one, takes the singular", |t| {
        let words: Vec<&str> = t.split(|c: char| c.is_whitespace()).collect();
        words.windows(2).find_map(|w| {
            let n = w[0].trim_start_matches(['(', '−', '-']);
            let unit = w[1].trim_end_matches([',', '.', ';', ':', ')']);
            let one = n == "1" || n == "1.0" || n == "1.00";
            let plural = UNITS.iter().any(|u| unit.len() == u.len() + 1 && unit.starts_with(u) && unit.ends_with('s'));
            let singular = UNITS.contains(&unit);
            let many = n.parse::<f64>().is_ok_and(|x| x != 1.0) || (n.contains(',') && n.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'));
            ((one && plural) || (many && singular)).then(|| format!("{:?}", w.join(" ")))
        })
    }),
    ("a number of five or more digits carries no decimals", |t| {
        t.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).find_map(|n| {
            let (int, frac) = n.trim_matches(['.', ',']).split_once('.')?;
            (int.chars().filter(char::is_ascii_digit).count() >= 5 && !frac.is_empty()).then(|| n.to_string())
        })
    }),
    ("a ratio is one in more than one", |t| {
        let words: Vec<&str> = t.split_whitespace().collect();
        words.windows(3).find(|w| w[0] == "1" && w[1] == "in" && matches!(w[2].trim_end_matches([',', '.', ';']), "0" | "1")).map(|w| w.join(" "))
    }),
    ("'never' is not a time: no 'in never', 'by never', 'within never'", |t| {
        let lower = t.to_lowercase();
        ["in never", "by never", "within never", "after never", "of never"].iter().find(|p| lower.contains(*p)).map(|p| format!("{p:?}"))
    }),
    ("a minus sign is the true minus, before the currency", |t| {
        if ["US$−", "US$-", "CN¥−", "CN¥-"].iter().any(|p| t.contains(p)) {
            return Some("minus after the currency".into());
        }
        let b = t.as_bytes();
        (0..b.len())
            .find(|&i| b[i] == b'-' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
            .map(|_| "hyphen used as a minus".into())
    }),
    ("a range of years runs forwards", |t| {
        let chars: Vec<char> = t.chars().collect();
        (0..chars.len().saturating_sub(8)).find_map(|i| {
            let a: String = chars[i..i + 4].iter().collect();
            let b: String = chars[i + 5..i + 9].iter().collect();
            let year = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
            let before = i == 0 || !chars[i - 1].is_ascii_digit();
            (before && chars[i + 4] == '–' && year(&a) && year(&b) && a > b).then(|| format!("{a}–{b}"))
        })
    }),
    ("no empty or doubled words and no stray spaces", |t| {
        if t.contains("  ") || t.contains(" .") || t.contains(" ,") || t.starts_with(' ') || t.ends_with(' ') {
            return Some("stray space".into());
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        words.windows(2).find(|w| w[0].len() > 2 && w[0].eq_ignore_ascii_case(w[1])).map(|w| format!("{:?} twice", w[0]))
    }),
];

/// The first number in `text` after `from`, as written ("US$3.2 bn" → 3.2).
fn number_after(text: &str, from: usize) -> Option<f64> {
    let rest = &text[from..];
    let start = rest.find(|c: char| c.is_ascii_digit())?;
    let digits: String = rest[start..].chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
    digits.trim_end_matches(['.', ',']).replace(',', "").parse().ok()
}

/// Rules that read a card's texts together: `Some(why)` when broken.
/// A card rule: what it asks, and the check over the card's named texts.
type CardRule = (&'static str, fn(&[(String, String)]) -> Option<String>);

const CARD_RULES: &[CardRule] = &[
    ("'grows from A to B' has B at least A, and 'shrinks from A to B' has B at most A", |texts| {
        texts.iter().find_map(|(_, t)| {
            ["grows from", "shrinks from"].iter().find_map(|verb| {
                let at = t.find(verb)?;
                let a = number_after(t, at)?;
                let to = at + t[at..].find(" to ")?;
                let b = number_after(t, to)?;
                let wrong = if *verb == "grows from" { b < a } else { b > a };
                wrong.then(|| format!("{verb} {a} to {b}"))
            })
        })
    }),
    ("'no growth' only where the yearly rate shown is zero", |texts| {
        let says = texts.iter().any(|(_, t)| t.contains("no growth"));
        let rates: Vec<&String> =
            texts.iter().filter(|(p, t)| p.starts_with("output") && !p.ends_with("note") && t.ends_with("a year")).map(|(_, t)| t).collect();
        (says && rates.iter().any(|r| !r.starts_with("0.0%") && !r.starts_with("0%"))).then(|| format!("'no growth' beside {rates:?}"))
    }),
];

/// Every piece of text a figure shows, named for the failure message.
fn texts(f: &Figure) -> Vec<(String, String)> {
    let mut out = vec![
        ("title".to_string(), f.title.clone()),
        ("subtitle".to_string(), f.subtitle.clone()),
        ("description".to_string(), f.description.clone()),
        ("working".to_string(), f.working.clone()),
    ];
    if let Some(n) = &f.notice {
        out.push(("notice".into(), n.clone()));
    }
    for (name, text) in [("range", &f.range), ("prose", &f.prose.as_ref().map(|p| p.text.clone()))] {
        if let Some(t) = text {
            out.push((name.into(), t.clone()));
        }
    }
    for Output { id, value, note, .. } in &f.outputs {
        out.push((format!("output {id}"), value.text(f.lang)));
        if !note.is_empty() {
            out.push((format!("output {id} note"), note.clone()));
        }
    }
    for col in &f.table.columns {
        out.push(("table header".into(), col.header()));
    }
    // The chart's own words: the text nodes of its SVG.
    if let Ok(svg) = f.svg(720, &Palette::LIGHT) {
        for piece in svg.split('>').filter_map(|s| s.split('<').next()).filter(|s| !s.trim().is_empty()) {
            out.push(("chart".into(), unescape(piece)));
        }
    }
    out
}

/// Undoes the SVG's escaping of text.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The sentences of a text, for finding one said twice.
fn sentences(text: &str, lang: Lang) -> Vec<String> {
    match lang.in_build() {
        Lang::En => text.split(". ").map(|s| s.trim().trim_end_matches('.').to_string()).filter(|s| s.split_whitespace().count() >= 4).collect(),
        Lang::Zh => text.split(['。', '；']).map(str::to_string).filter(|s| s.chars().count() >= 12).collect(),
    }
}

/// The Chinese house style (`text::style`, content/style-zh.md), and the
/// kinds of text each rule does not govern: a formula's brackets and
/// letters are mathematics; a chart's ticks count in one unit per axis.
const STYLE_ZH: &[StyleRule] = &[
    ("no Latin but the glossary's names and units", |t| style::zh_latin(t, crate::content::glossary::LATIN), &["working"]),
    ("full-width punctuation, no spaces beside Chinese", style::zh_half_width, &["working"]),
    ("no unit written twice", style::zh_double_unit, &[]),
    ("万 and 亿 leave one to four digits before the point", style::zh_magnitude, &["chart", "table header"]),
    ("quotation marks are Chinese ones", style::straight_quotes, &[]),
];

/// The house style (`text::style`), on the texts it governs: figures in
/// the working, table headers and chart labels are not prose.
/// A style rule, and the kinds of text it does not govern.
type StyleRule = (&'static str, fn(&str) -> Option<String>, &'static [&'static str]);

const STYLE: &[StyleRule] = &[
    ("quotation marks and apostrophes are curly", style::straight_quotes, &[]),
    ("whole numbers below ten are words, figures carry units", style::numbers, &["working", "table header", "chart"]),
    ("after a colon, lower case unless a name follows", style::colon_capital, &["chart"]),
];

/// What the card's words claim, checked against its numbers and its chart
/// (`model::claim`): each claim alone, then every two about one quantity.
fn check_claims(c: &Calculator, f: &Figure) -> Result<(), String> {
    let lines: Vec<(&str, &[(f64, f64)])> = match &f.plot {
        Plot::Lines(chart) => chart.series.iter().map(|s| (s.name, s.points.as_slice())).collect(),
        Plot::Bars(_) => Vec::new(),
    };
    for (i, a) in f.claims.0.iter().enumerate() {
        claim::check(a).and_then(|()| claim::drawn(a, &lines)).map_err(|why| format!("{}: a claim is false: {why}", c.id))?;
        for b in &f.claims.0[i + 1..] {
            if let Some(why) = claim::contradiction(a, b) {
                return Err(format!("{}: two claims contradict: {why}", c.id));
            }
        }
    }
    Ok(())
}

fn check(c: &Calculator, values: &[f64], scale: Scale, money: Money, lang: Lang) -> Result<(), TestCaseError> {
    let f = (c.figure)(values, scale, money, lang);
    prop_assert_eq!(f.lang, lang);
    let texts = texts(&f);
    let style_rules = match lang.in_build() {
        Lang::En => STYLE,
        Lang::Zh => STYLE_ZH,
    };
    for (place, text) in &texts {
        for (rule, broken) in RULES {
            if let Some(why) = broken(text) {
                return Err(TestCaseError::fail(format!(
                    "{}: {place} breaks \"{rule}\": {why}\n  text: {text}\n  inputs: {values:?}, {money:?}",
                    c.id
                )));
            }
        }
        for (rule, broken, exempt) in style_rules {
            // An output's value is a figure in a display, not prose.
            let value = place.starts_with("output ") && !place.ends_with(" note");
            if exempt.contains(&place.as_str()) || value {
                continue;
            }
            if let Some(why) = broken(text) {
                return Err(TestCaseError::fail(format!(
                    "{}: {place} breaks \"{rule}\": {why}\n  text: {text}\n  inputs: {values:?}, {money:?}, {lang:?}",
                    c.id
                )));
            }
        }
        // An input's label in the middle of a sentence loses its capital.
        if place != "chart" && place != "table header" && lang.in_build() == Lang::En {
            for p in c.params {
                let label = p.label[0];
                if let Some(at) = text.find(label).filter(|&at| at > 0 && !text[..at].trim_end().ends_with(['.', ':'])) {
                    return Err(TestCaseError::fail(format!(
                        "{}: {place} has the label {:?} capitalised mid-sentence at {at}\n  text: {text}",
                        c.id, label
                    )));
                }
            }
        }
    }
    // Prose writes units in words, as the story does: "billion", not "bn".
    if let (Some(prose), Lang::En) = (&f.prose, lang) {
        prop_assert!(![" bn", " tn", " m "].iter().any(|u| prose.text.contains(u)), "{}: prose with a short unit: {}", c.id, prose.text);
    }
    check_claims(c, &f).map_err(|why| TestCaseError::fail(format!("{why}\n  inputs: {values:?}, {money:?}, {lang:?}")))?;
    // The card rules read English words; the claims carry them for both.
    for (rule, broken) in CARD_RULES.iter().filter(|_| lang.in_build() == Lang::En) {
        if let Some(why) = broken(&texts) {
            return Err(TestCaseError::fail(format!("{}: the card breaks \"{rule}\": {why}\n  inputs: {values:?}", c.id)));
        }
    }
    // The card never says the same sentence twice.
    let card: Vec<String> =
        texts.iter().filter(|(p, _)| p != "chart" && p != "description" && p != "table header").flat_map(|(_, t)| sentences(t, lang)).collect();
    for (i, s) in card.iter().enumerate() {
        prop_assert!(!card[i + 1..].contains(s), "{}: said twice: {s:?}\n  inputs: {values:?}", c.id);
    }
    Ok(())
}

/// Inputs a reader can set, weighted to the ends of each range: each input
/// at its minimum or maximum, all of them at one end, and anything between.
fn edgy(c: &'static Calculator) -> BoxedStrategy<Vec<f64>> {
    let each: Vec<BoxedStrategy<f64>> =
        c.params.iter().map(|p| prop_oneof![2 => Just(p.min), 2 => Just(p.max), 1 => Just(p.default_value()), 3 => p.min..=p.max].boxed()).collect();
    let lows: Vec<f64> = c.params.iter().map(|p| p.min).collect();
    let highs: Vec<f64> = c.params.iter().map(|p| p.max).collect();
    prop_oneof![1 => Just(lows), 1 => Just(highs), 8 => each].boxed()
}

#[test]
fn every_sentence_reads_right_at_each_input_alone_at_its_ends() {
    let mut failures: Vec<String> = Vec::new();
    for c in CALCULATORS {
        for scale in [Scale::Linear, Scale::Log] {
            let mut cases = vec![c.defaults(), c.params.iter().map(|p| p.min).collect(), c.params.iter().map(|p| p.max).collect()];
            for (i, p) in c.params.iter().enumerate() {
                for x in [p.min, p.max] {
                    let mut v = c.defaults();
                    v[i] = x;
                    cases.push(v);
                }
            }
            for v in cases {
                for lang in [Lang::En, Lang::Zh] {
                    if let Err(e) = check(c, &v, scale, Money::USD, lang) {
                        failures.push(e.to_string());
                    }
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

proptest! {
    #![proptest_config(crate::cases(512))]

    #[test]
    fn every_sentence_reads_right_at_any_input(
        (index, values) in (0..CALCULATORS.len()).prop_flat_map(|i| (Just(i), edgy(CALCULATORS[i]))),
        log: bool,
        money in prop_oneof![Just(Money::USD), (Money::RATES.0..=Money::RATES.1).prop_map(|rate| Money { currency: Currency::Cny, rate })],
        chinese: bool,
    ) {
        let lang = if chinese { Lang::Zh } else { Lang::En };
        check(CALCULATORS[index], &values, if log { Scale::Log } else { Scale::Linear }, money, lang)?;
    }
}

#[test]
fn the_rules_catch_what_they_are_for() {
    let broken = |t: &str| RULES.iter().filter(|(_, r)| r(t).is_some()).map(|(n, _)| *n).collect::<Vec<_>>();
    for bad in [
        "within 1 years",
        "in never",
        "1.00e2 firms",
        "US$−3 bn",
        "CN¥−3 bn",
        "-3%",
        "2030–2024",
        "the the cost",
        "5 year ago",
        "NaN%",
        "about 1 in 1",
        "catches 125,000.0 more",
    ] {
        assert!(!broken(bad).is_empty(), "{bad:?} passes every rule");
    }
    for good in [
        "within 1 year",
        "never",
        "1,000 firms",
        "−US$3 bn",
        "2024–2030",
        "1.5 years",
        "a 3-year plan",
        "US$420,168",
        "US$1,234.5 bn",
        "0.203 a month",
    ] {
        assert!(broken(good).is_empty(), "{good:?} breaks {:?}", broken(good));
    }
    let card = |texts: &[(&str, &str)]| {
        let texts: Vec<(String, String)> = texts.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
        CARD_RULES.iter().filter(|(_, r)| r(&texts).is_some()).count()
    };
    assert_eq!(card(&[("title", "The forecast implies no growth"), ("output implied", "−10.9% a year")]), 1);
    assert_eq!(card(&[("description", "The path grows from US$20 bn in 2024 to US$10 bn in 2030")]), 1);
    assert_eq!(card(&[("title", "No growth here: no growth"), ("output implied", "0.0% a year")]), 0);
    assert_eq!(card(&[("description", "The path shrinks from US$20 bn in 2024 to US$10 bn in 2030")]), 0);
}
