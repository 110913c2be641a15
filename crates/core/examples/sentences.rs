//! Every calculator's words at its starting values and at unusual inputs,
//! in English and Chinese, for a reader to judge the language:
//! `cargo run -p explainer-core --example sentences [id]`.

use explainer_core::calculators::CALCULATORS;
use explainer_core::chart::Scale;
use explainer_core::text::format::{Currency, Lang, Money};

fn main() {
    let only = std::env::args().nth(1);
    for calc in CALCULATORS.iter().filter(|c| only.as_deref().is_none_or(|id| id == c.id)) {
        let defaults = calc.defaults();
        let mut cases = vec![("starting values".to_string(), defaults.clone())];
        for (i, p) in calc.params.iter().enumerate() {
            for (end, x) in [("lowest", p.min), ("highest", p.max)] {
                let mut v = defaults.clone();
                v[i] = x;
                cases.push((format!("{} at its {end}", p.key), v));
            }
        }
        for (case, values) in cases {
            println!("\n## {} — {case}", calc.id);
            for lang in [Lang::En, Lang::Zh] {
                let money = if case.contains("highest") { Money { currency: Currency::Cny, rate: 7.14 } } else { Money::USD };
                let f = (calc.figure)(&values, Scale::Linear, money, lang);
                println!("[{}] {}", lang.code(), f.title);
                for o in &f.outputs {
                    println!("  {}: {} — {}", o.label, o.value.text(lang), o.note);
                }
                println!("  {}", f.working);
                for text in [f.notice.as_ref(), f.range.as_ref(), f.prose.as_ref().map(|p| &p.text)].into_iter().flatten() {
                    println!("  {text}");
                }
            }
        }
    }
}
