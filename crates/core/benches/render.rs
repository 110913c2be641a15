//! Time to compute a calculator's figure from its inputs and render its
//! chart to SVG, natively, for every calculator. Run by scripts/bench.

use criterion::{criterion_group, criterion_main, Criterion};
use explainer_core::calculators::CALCULATORS;
use explainer_core::chart::{Palette, Scale};
use explainer_core::text::format::{Lang, Money};
use std::hint::black_box;

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("compute+render");
    for calc in CALCULATORS {
        let values = calc.defaults();
        group.bench_function(calc.id, |b| {
            b.iter(|| {
                let figure = (calc.figure)(black_box(&values), Scale::Linear, Money::USD, Lang::En);
                black_box(figure.svg(720, &Palette::LIGHT).unwrap())
            })
        });
        // What a range costs: the same with the range at 0 (a single line).
        if let Some(at) = calc.params.iter().position(|p| p.key == "range") {
            let mut single = values.clone();
            single[at] = 0.0;
            group.bench_function(format!("{}-single", calc.id), |b| {
                b.iter(|| {
                    let figure = (calc.figure)(black_box(&single), Scale::Linear, Money::USD, Lang::En);
                    black_box(figure.svg(720, &Palette::LIGHT).unwrap())
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
