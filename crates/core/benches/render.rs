//! Time to compute a calculator's figure from its inputs and render its
//! chart to SVG, natively, for every calculator. Run by scripts/bench.

use criterion::{criterion_group, criterion_main, Criterion};
use explainer_core::calculators::CALCULATORS;
use explainer_core::chart::{Palette, Scale};
use std::hint::black_box;

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("compute+render");
    for calc in CALCULATORS {
        let values = calc.defaults();
        group.bench_function(calc.id, |b| {
            b.iter(|| {
                let figure = (calc.figure)(black_box(&values), Scale::Linear, Money::USD);
                black_box(figure.svg(720, &Palette::LIGHT).unwrap())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
