use explainer_core::chart::{Scale, Theme};
use explainer_core::widgets::WIDGETS;
fn main() {
    let mut out = String::new();
    for w in WIDGETS {
        for scale in [Scale::Linear, Scale::Log] {
            for width in [360, 760] {
                for k in 0..20 {
                    let mut v = w.calc.defaults();
                    for (i, p) in w.calc.params.iter().enumerate() {
                        let t = ((k * 7 + i * 3) % 20) as f64 / 19.0;
                        if k > 0 { v[i] = p.snap(p.min + t * (p.max - p.min)); }
                    }
                    let f = (w.figure)(&v, scale);
                    out.push_str(&f.svg(width, 300, &Theme::LIGHT).unwrap());
                    out.push('\n');
                }
            }
        }
    }
    std::fs::write(std::env::args().nth(1).unwrap(), out).unwrap();
}
