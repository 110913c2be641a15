//! Bar charts: horizontal bars of stacked segments.

use super::Palette;
use super::*;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One horizontal bar, made of stacked segments.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Written above the bar.
    pub label: String,
    /// (value, colour, text written at the segment's end or empty).
    pub segments: Vec<(f64, Role, String)>,
}

/// Horizontal bars. On a linear scale they start at zero; on a log scale
/// (say so in the subtitle) at the axis minimum.
#[derive(Clone, Debug)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    pub scale: Scale,
    pub x_label: fn(f64) -> String,
    /// Tick values to label instead of plotters' choice (useful on a log
    /// scale of durations: a minute, an hour, a day).
    pub ticks: Option<Vec<f64>>,
}

/// Draws horizontal bars with their labels above them.
pub fn draw_bars<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &BarChart, palette: &Palette) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let (width, _) = root.dim_in_pixel();
    let px = text_px(width);
    let totals: Vec<f64> = chart.bars.iter().map(|b| b.segments.iter().map(|s| s.0).filter(|v| v.is_finite() && *v > 0.0).sum()).collect();
    let max = totals.iter().copied().fold(0.0, f64::max);
    let max = if max > 0.0 { max } else { 1.0 };
    let n = chart.bars.len().max(1) as f64;
    let value_room = widest(chart.bars.iter().flat_map(|b| b.segments.iter().map(|s| s.2.as_str())), px, 12).max(12);
    let mut builder = ChartBuilder::on(root);
    builder.margin_top(4).margin_right(value_room).margin_left(4).x_label_area_size((px * 2.0) as u32).y_label_area_size(0);
    let x_label = chart.x_label;
    let mut spans = Vec::new();
    let (x_axis, origin) = match chart.scale {
        Scale::Linear => (Axis::linear(0.0, max * 1.05), 0.0),
        Scale::Log => {
            let min = chart.bars.iter().flat_map(|b| b.segments.iter().map(|s| s.0)).filter(|v| v.is_finite() && *v > 0.0).fold(f64::MAX, f64::min);
            let min = if min < f64::MAX { min } else { 1.0 };
            let lo = match &chart.ticks {
                Some(t) => t.iter().copied().filter(|t| *t <= min).fold(min * 0.5, f64::min),
                None => 10f64.powi((min * 0.5).log10().floor() as i32),
            };
            (Axis::log(lo, max * 1.5), lo)
        }
    };
    let mut c = builder.build_cartesian_2d(x_axis, Axis::linear(0.0, n))?;
    let ticks = bar_mesh(&mut c, px, width, x_label, chart.ticks.as_deref(), palette)?;
    bar_rects(&mut c, chart, origin, palette, &mut spans)?;
    // Keep tick labels inside the chart and drop any that would collide.
    let mut right_edge = i32::MIN;
    for (label, (x, y)) in ticks {
        let half = text_size(&label, px).0 as i32 / 2;
        let x = x.min(width as i32 - half - 1).max(half + 1);
        if x - half < right_edge + 6 {
            continue;
        }
        right_edge = x + half;
        let style = font(px).color(&palette.muted).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(label, (x, y), style))?;
    }
    for (label, (x, y)) in spans {
        let style = font(px).color(&palette.text).pos(Pos::new(HPos::Left, VPos::Bottom));
        root.draw(&Text::new(label, (x, y - 4), style))?;
    }
    Ok(())
}

pub(super) fn bar_mesh<DB: DrawingBackend>(
    c: &mut Canvas<'_, DB>,
    px: f64,
    width: u32,
    x_label: fn(f64) -> String,
    ticks: Option<&[f64]>,
    palette: &Palette,
) -> Result<Vec<(String, BackendCoord)>, DrawError>
where
    DB::ErrorType: 'static,
{
    let mut labels = Vec::new();
    // With chosen ticks, plotters' own labels are blanked and ours drawn.
    let custom = ticks.is_some();
    let format_x = move |x: &f64| if custom { String::new() } else { x_label(*x) };
    let style = font(px).color(&palette.muted);
    let mut mesh = c.configure_mesh();
    mesh.disable_y_mesh()
        .disable_y_axis()
        .x_labels(if layout::is_narrow(width) { 4 } else { 6 })
        .x_label_formatter(&format_x)
        .label_style(style)
        .axis_style(palette.axis)
        .bold_line_style(palette.grid)
        .light_line_style(TRANSPARENT);
    if ticks.is_some() {
        mesh.disable_x_mesh().x_labels(0);
    }
    mesh.draw()?;
    if let Some(ticks) = ticks {
        let (x_range, y_range) = (c.x_range(), c.y_range());
        for &t in ticks.iter().filter(|t| x_range.contains(t)) {
            c.draw_series(LineSeries::new([(t, y_range.start), (t, y_range.end)], palette.grid))?;
            let (x, y) = c.backend_coord(&(t, y_range.start));
            labels.push((x_label(t), (x, y + 6)));
        }
    }
    Ok(labels)
}

/// Draws the bars (top to bottom in order) and collects where each bar's
/// label goes, in pixels.
pub(super) fn bar_rects<DB: DrawingBackend>(
    c: &mut Canvas<'_, DB>,
    chart: &BarChart,
    origin: f64,
    palette: &Palette,
    labels: &mut Vec<(String, BackendCoord)>,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let n = chart.bars.len() as f64;
    for (i, bar) in chart.bars.iter().enumerate() {
        // Bar i occupies the lower part of its band; the label sits above.
        let top = n - i as f64 - 0.45;
        let bottom = n - i as f64 - 0.9;
        let mut start = origin;
        for (value, role, text) in &bar.segments {
            if !(value.is_finite() && *value > 0.0) {
                continue;
            }
            let end = if origin > 0.0 && start == origin { *value } else { start + value };
            let color = palette.color(*role);
            c.draw_series(std::iter::once(Rectangle::new([(start, bottom), (end, top)], color.filled())))?;
            if !text.is_empty() {
                let (x, y) = c.backend_coord(&(end, (top + bottom) / 2.0));
                labels.push((text.clone(), (x + 6, y + 8)));
            }
            start = end;
        }
        labels.push((bar.label.clone(), c.backend_coord(&(origin, top))));
    }
    Ok(())
}
