//! Time to compute a calculator's figure from its inputs and render its
//! chart to SVG, natively, for every calculator. Run by scripts/bench.

use criterion::{criterion_group, criterion_main, Criterion};
use explainer_core::chart::{Scale, Theme};
use explainer_core::figure::chart_height;
use explainer_core::widgets::WIDGETS;
use std::hint::black_box;

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("compute+render");
    for widget in WIDGETS {
        let values = widget.calc.defaults();
        group.bench_function(widget.calc.id, |b| {
            b.iter(|| {
                let figure = (widget.figure)(black_box(&values), Scale::Linear);
                let bars = matches!(figure.chart, explainer_core::figure::Chart::Bars(_));
                black_box(figure.svg(720, chart_height(720, bars), &Theme::LIGHT).unwrap())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
