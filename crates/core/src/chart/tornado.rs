//! Tornado charts: which input moves the result most.

use super::Palette;
use super::*;
use plotters::coord::Shift;
use plotters::prelude::*;

/// A tornado chart: for each input, the result at the input's low and high
/// end with the others held, as a bar either side of the central result.
#[derive(Clone, Debug)]
pub struct Tornado {
    /// Written above the bars.
    pub heading: String,
    /// The result with every input at its value: the bars' common edge.
    pub centre: f64,
    /// One bar per input, the widest swing first.
    pub bars: Vec<Swing>,
    pub x_label: fn(f64) -> String,
    /// The key's words for the low and the high end of an input's range.
    pub key: [&'static str; 2],
}

/// One input's bar in a [`Tornado`].
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    /// The input's name.
    pub input: &'static str,
    /// Written above the bar: the input and its low and high ends.
    pub label: String,
    /// The result with the input at its low end.
    pub low: f64,
    /// The result with the input at its high end.
    pub high: f64,
}

/// Pixels a tornado adds under its line chart.
pub const TORNADO_HEIGHT: u32 = 240;

/// Draws a tornado: a heading, then one bar per input from the central
/// result to the result at the input's low end (neutral) and high end
/// (series colour), each labelled above.
pub(super) fn draw_tornado<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, t: &Tornado, palette: &Palette) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let (width, _) = root.dim_in_pixel();
    let px = text_px(width);
    let finite = |v: &f64| v.is_finite();
    let all = || t.bars.iter().flat_map(|b| [b.low, b.high]).chain([t.centre]).filter(finite);
    let (lo, hi) = (all().fold(f64::MAX, f64::min), all().fold(f64::MIN, f64::max));
    let (lo, hi) = if hi > lo {
        (lo - (hi - lo) * 0.04, hi + (hi - lo) * 0.04)
    } else if hi == lo {
        (lo - 1.0, hi + 1.0)
    } else {
        (0.0, 1.0)
    };
    let n = t.bars.len().max(1) as f64;
    let top_left = Pos::new(HPos::Left, VPos::Top);
    // The heading, wrapped to the width (bold runs wider than the metrics).
    let mut y = 6;
    for line in wrap(&t.heading, px, width.saturating_sub(32)) {
        root.draw(&Text::new(line, (4, y), font_with(px, FontStyle::Bold).color(&palette.text).pos(top_left)))?;
        y += (px * 1.35) as i32;
    }
    let head = y + (px * 1.6) as i32;
    // The key: which colour is which end of an input's range.
    let mut x = 4;
    for (role, name) in [(Role::Neutral, t.key[0]), (Role::Series, t.key[1])] {
        let y = y + 2;
        root.draw(&Rectangle::new([(x, y + 2), (x + 10, y + 12)], palette.color(role).filled()))?;
        root.draw(&Text::new(name, (x + 14, y), font(px).color(&palette.muted).pos(top_left)))?;
        x += 14 + text_size(name, px).0 as i32 + 18;
    }
    let mut builder = ChartBuilder::on(root);
    builder.margin_top(head as u32 + 4).margin_right(12).margin_left(4).x_label_area_size((px * 2.0) as u32).y_label_area_size(0);
    let mut c = builder.build_cartesian_2d(Axis::linear(lo, hi), Axis::linear(0.0, n))?;
    // The same axis as a bar chart's (no chosen ticks, so no labels back).
    bar_mesh(&mut c, px, width, t.x_label, None, palette)?;
    let mut labels = Vec::new();
    let centre = if t.centre.is_finite() { t.centre } else { lo };
    for (i, bar) in t.bars.iter().enumerate() {
        let top = n - i as f64 - 0.45;
        let bottom = n - i as f64 - 0.9;
        for (end, role) in [(bar.low, Role::Neutral), (bar.high, Role::Series)] {
            if end.is_finite() && end != centre {
                c.draw_series(std::iter::once(Rectangle::new([(centre, bottom), (end, top)], palette.color(role).filled())))?;
            }
        }
        labels.push((bar.label.clone(), c.backend_coord(&(lo, top))));
    }
    c.draw_series(LineSeries::new([(centre, 0.0), (centre, n)], Color::stroke_width(&palette.text, 1)))?;
    // Chart coordinates are the whole drawing's; text goes in this area's.
    let (bx, by) = root.get_base_pixel();
    for (label, (x, y)) in labels {
        let style = font(px).color(&palette.text).pos(Pos::new(HPos::Left, VPos::Bottom));
        root.draw(&Text::new(label, (x - bx, y - by - 4), style))?;
    }
    Ok(())
}
