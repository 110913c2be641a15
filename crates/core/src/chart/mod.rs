//! Charts: what a chart shows ([`Plot`]: lines or bars, with their
//! series, axes and labels) and how it is drawn, generic over plotters'
//! [`DrawingBackend`].
//!
//! Chart functions take these plain values and a [`Palette`] and draw; they
//! do no maths beyond choosing axis ranges, and they skip any non-finite
//! point rather than pass it to plotters. [`svg`] renders a chart to an SVG
//! string through [`SvgBackend`], which answers text-size questions from
//! fixed font metrics: the browser then never has to lay out a label to
//! measure it, and native and browser output are byte-identical.
//!
//! Uses only [`crate::text`].

pub mod axis;
pub mod layout;
pub mod svg;

use axis::Axis;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendCoord;
pub use svg::{text_size, SvgBackend, FONT};

/// Colours of a chart. Dark mode is its own palette, not an inversion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Page background, used when a chart is exported on its own.
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Reported or forecast series.
    pub series: RGBColor,
    /// The reader's own scenario.
    pub accent: RGBColor,
    /// Context and comparisons.
    pub neutral: RGBColor,
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: RGBColor(0xfa, 0xf8, 0xf3),
        text: RGBColor(0x1d, 0x1d, 0x1b),
        muted: RGBColor(0x5c, 0x5a, 0x55),
        grid: RGBColor(0xe3, 0xdf, 0xd6),
        axis: RGBColor(0x8a, 0x86, 0x7e),
        series: RGBColor(0x1f, 0x5f, 0x99),
        accent: RGBColor(0xc4, 0x4b, 0x0c),
        neutral: RGBColor(0x8a, 0x86, 0x7e),
    };
    pub const DARK: Palette = Palette {
        background: RGBColor(0x18, 0x17, 0x15),
        text: RGBColor(0xec, 0xe9, 0xe2),
        muted: RGBColor(0xb3, 0xae, 0xa4),
        grid: RGBColor(0x3a, 0x38, 0x34),
        axis: RGBColor(0x7d, 0x79, 0x71),
        series: RGBColor(0x7f, 0xb8, 0xef),
        accent: RGBColor(0xff, 0x9a, 0x52),
        neutral: RGBColor(0x9c, 0x97, 0x8d),
    };
}

/// Linear or logarithmic value axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scale {
    #[default]
    Linear,
    Log,
}

/// Pixels needed for the widest of `labels` at font size `px`, plus `pad`.
fn widest<S: AsRef<str>>(labels: impl IntoIterator<Item = S>, px: f64, pad: u32) -> u32 {
    labels.into_iter().map(|l| text_size(l.as_ref(), px).0 + pad).max().unwrap_or(0)
}

/// Error from drawing a chart.
pub type DrawError = Box<dyn std::error::Error + Send + Sync>;

/// Renders a chart of `width` × `height` pixels to an SVG document.
pub fn svg<F>(width: u32, height: u32, draw: F) -> Result<String, DrawError>
where
    F: FnOnce(&DrawingArea<SvgBackend<'_>, Shift>) -> Result<(), DrawError>,
{
    svg::render(width, height, draw)
}

/// Splits `text` into lines no wider than `max` pixels at font size `px`.
pub fn wrap(text: &str, px: f64, max: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if text_size(&candidate, px).0 > max && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The chart font at `px` pixels.
pub(crate) fn font(px: f64) -> FontDesc<'static> {
    font_with(px, FontStyle::Normal)
}

/// The chart font at `px` pixels in `style`. (Named directly: plotters'
/// `From<&str>` would lowercase the name, bringing Unicode case tables.)
pub(crate) fn font_with(px: f64, style: FontStyle) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONT), px, style)
}

/// Pixel size of chart text: larger on wide charts. Both sizes are sizes
/// the page's own small text uses (see style/main.css), so charts add no
/// font for the browser to look up.
fn text_px(width: u32) -> f64 {
    if layout::is_narrow(width) {
        12.0
    } else {
        14.0
    }
}

/// Which palette colour a series or bar uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Reported or forecast values.
    Series,
    /// The reader's own scenario.
    Accent,
    /// Context: comparisons, naive extrapolations.
    Neutral,
}

impl Palette {
    pub fn color(&self, role: Role) -> RGBColor {
        match role {
            Role::Series => self.series,
            Role::Accent => self.accent,
            Role::Neutral => self.neutral,
        }
    }
}

/// One line of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Written at the line's right-hand end.
    pub name: &'static str,
    pub points: Vec<(f64, f64)>,
    pub role: Role,
    pub width: u32,
    pub dashed: bool,
}

/// A labelled point on a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub at: (f64, f64),
    pub label: String,
    pub role: Role,
}

/// A line chart: the lines, the x range and how to label it.
#[derive(Clone, Debug)]
pub struct LineChart {
    pub series: Vec<Series>,
    pub x_range: (f64, f64),
    /// Writes an x tick label.
    pub x_label: fn(f64) -> String,
    /// Writes a y tick label.
    pub y_label: fn(f64) -> String,
    pub scale: Scale,
    /// Lines stop where they cross this value (e.g. 100%); the axis ends a
    /// little above it.
    pub y_cap: Option<f64>,
    pub markers: Vec<Marker>,
    /// Shaded ranges drawn under the lines, widest first.
    pub bands: Vec<Band>,
    /// Which input moves the result most, drawn under the chart.
    pub tornado: Option<Tornado>,
}

/// A shaded range between two lines with the same x values (a fan's
/// 10–90% or 25–75% band).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// (x, low, high).
    pub points: Vec<(f64, f64, f64)>,
    pub role: Role,
    /// How strongly it is shaded, 0 to 1.
    pub alpha: f64,
}

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

/// Labels a year axis: "2026".
pub fn year_label(x: f64) -> String {
    format!("{}", x.round() as i64)
}

/// Cuts a line where it first crosses `cap`, ending it exactly on the cap.
fn clip(points: &[(f64, f64)], cap: f64) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        if y <= cap {
            out.push((x, y));
            continue;
        }
        if let Some(&(x0, y0)) = out.last() {
            let t = (cap - y0) / (y - y0);
            out.push((x0 + t * (x - x0), cap));
        }
        break;
    }
    out
}

/// A line chart, each line labelled at its right-hand end. Non-finite
/// points (and, on a log scale, non-positive ones) are left out.
pub fn draw_lines<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &LineChart, palette: &Palette) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    match &chart.tornado {
        Some(tornado) => {
            let (_, height) = root.dim_in_pixel();
            let (top, bottom) = root.split_vertically(height.saturating_sub(TORNADO_HEIGHT));
            draw_tornado(&bottom, tornado, palette)?;
            draw_line_chart(&top, chart, palette)
        }
        None => draw_line_chart(root, chart, palette),
    }
}

/// The line chart itself, in all of `root` (its tornado aside).
fn draw_line_chart<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &LineChart, palette: &Palette) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let scale = chart.scale;
    let keep = |y: f64| y.is_finite() && (scale == Scale::Linear || y > 0.0);
    // Each band with its drawable points: (x, low, high).
    type Drawable<'a> = (&'a Band, Vec<(f64, f64, f64)>);
    let bands: Vec<Drawable> =
        chart.bands.iter().map(|b| (b, b.points.iter().copied().filter(|p| p.0.is_finite() && keep(p.1) && keep(p.2)).collect())).collect();
    let lines: Vec<(&Series, Vec<(f64, f64)>)> = chart
        .series
        .iter()
        .map(|s| {
            let kept: Vec<(f64, f64)> = s.points.iter().copied().filter(|p| p.0.is_finite() && keep(p.1)).collect();
            let kept = match chart.y_cap {
                Some(cap) => clip(&kept, cap),
                None => kept,
            };
            (s, kept)
        })
        .collect();
    let values =
        || lines.iter().flat_map(|(_, pts)| pts.iter().map(|p| p.1)).chain(bands.iter().flat_map(|(_, pts)| pts.iter().flat_map(|p| [p.1, p.2])));
    let max = values().fold(f64::MIN, f64::max);
    let min = values().fold(f64::MAX, f64::min);
    let (max, min) = if max >= min { (max, min) } else { (1.0, 1.0) };
    let (width, _) = root.dim_in_pixel();
    let px = text_px(width);
    let (x0, x1) = chart.x_range;
    let (x0, x1) = if x0.is_finite() && x1.is_finite() && x1 > x0 { (x0, x1) } else { (0.0, 1.0) };
    let label_room = widest(chart.series.iter().map(|s| s.name).filter(|n| !n.is_empty()), px, 14).max(16);

    // Room for the widest value label the axis can show.
    let y_room = widest([max * 1.08, min * 1.08, chart.y_cap.unwrap_or(0.0) * 1.05].map(chart.y_label), px, 12).max((px * 2.5) as u32);
    let mut builder = ChartBuilder::on(root);
    builder.margin_top(12).margin_right(label_room).margin_left(4).x_label_area_size((px * 2.0) as u32).y_label_area_size(y_room);
    let ticks = if layout::is_narrow(width) { 4 } else { 7 };
    let mut notes = Vec::new();
    let y_axis = match scale {
        Scale::Linear => {
            let top = match chart.y_cap {
                Some(cap) => cap * 1.05,
                None if max > 0.0 => max * 1.08,
                None => 1.0,
            };
            let bottom = if min < 0.0 { min * 1.08 } else { 0.0 };
            Axis::linear(bottom, top)
        }
        Scale::Log => {
            let lo = (min * 0.7).max(f64::MIN_POSITIVE);
            let hi = (max * 1.4).max(lo * 10.0);
            Axis::log(lo, hi)
        }
    };
    let below_zero = !y_axis.log && y_axis.lo < 0.0;
    let mut c = builder.build_cartesian_2d(Axis::linear(x0, x1), y_axis)?;
    mesh(&mut c, px, ticks, chart, palette)?;
    if below_zero {
        // A firmer line at zero when values go negative.
        c.draw_series(LineSeries::new([(x0, 0.0), (x1, 0.0)], Color::stroke_width(&palette.axis, 1)))?;
    }
    for (band, points) in &bands {
        let color = palette.color(band.role).mix(band.alpha);
        let outline = points.iter().map(|p| (p.0, p.1)).chain(points.iter().rev().map(|p| (p.0, p.2)));
        c.draw_series(std::iter::once(Polygon::new(outline.collect::<Vec<_>>(), color.filled())))?;
    }
    let ends = plot(&mut c, &lines, &chart.markers, palette, &mut notes)?;
    end_labels(root, &ends, px)?;
    marker_labels(root, &notes, width, px)?;
    Ok(())
}

type Canvas<'a, DB> = ChartContext<'a, DB, Cartesian2d<Axis, Axis>>;

fn mesh<DB: DrawingBackend>(c: &mut Canvas<'_, DB>, px: f64, ticks: usize, chart: &LineChart, palette: &Palette) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let (x_label, y_label) = (chart.x_label, chart.y_label);
    c.configure_mesh()
        .disable_x_mesh()
        .x_labels(ticks)
        .y_labels(5)
        .x_label_formatter(&|x| x_label(*x))
        .y_label_formatter(&|y| y_label(*y))
        .label_style(font(px).color(&palette.muted))
        .axis_style(palette.axis)
        .bold_line_style(palette.grid)
        .light_line_style(TRANSPARENT)
        .draw()?;
    Ok(())
}

/// Where each line ends, in pixels, with its name and colour.
type End = (BackendCoord, &'static str, RGBColor);

fn plot<DB: DrawingBackend>(
    c: &mut Canvas<'_, DB>,
    lines: &[(&Series, Vec<(f64, f64)>)],
    markers: &[Marker],
    palette: &Palette,
    notes: &mut Vec<(BackendCoord, String, RGBColor)>,
) -> Result<Vec<End>, DrawError>
where
    DB::ErrorType: 'static,
{
    let mut ends = Vec::new();
    for (s, points) in lines {
        let color = palette.color(s.role);
        let style = Color::stroke_width(&color, s.width);
        // Dashes cost one element per 10 pixels of line: a line that runs
        // far off the chart (an input far beyond what the axes show) is
        // drawn solid rather than as millions of dashes nobody sees.
        let length: f64 = points
            .windows(2)
            .map(|w| {
                let (a, b) = (c.backend_coord(&w[0]), c.backend_coord(&w[1]));
                (f64::from(b.0) - f64::from(a.0)).abs() + (f64::from(b.1) - f64::from(a.1)).abs()
            })
            .sum();
        if s.dashed && length <= 20_000.0 {
            c.draw_series(DashedLineSeries::new(points.iter().copied(), 6, 4, style))?;
        } else {
            c.draw_series(LineSeries::new(points.iter().copied(), style))?;
        }
        if let Some(&last) = points.last() {
            c.draw_series(std::iter::once(Circle::new(last, (s.width / 2 + 2).min(5), color.filled())))?;
            if !s.name.is_empty() {
                ends.push((c.backend_coord(&last), s.name, color));
            }
        }
    }
    for m in markers.iter().filter(|m| m.at.0.is_finite() && m.at.1.is_finite()) {
        let color = palette.color(m.role);
        c.draw_series(std::iter::once(Circle::new(m.at, 5, Color::stroke_width(&color, 2))))?;
        if !m.label.is_empty() {
            notes.push((c.backend_coord(&m.at), m.label.clone(), color));
        }
    }
    Ok(ends)
}

/// Writes each line's name at its end, nudged apart so labels never overlap.
fn end_labels<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, ends: &[End], px: f64) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let mut placed: Vec<End> = ends.to_vec();
    // Top to bottom; an insertion sort, as there are only a few lines.
    for i in 1..placed.len() {
        let mut j = i;
        while j > 0 && (placed[j - 1].0 .1, placed[j - 1].0 .0) > (placed[j].0 .1, placed[j].0 .0) {
            placed.swap(j - 1, j);
            j -= 1;
        }
    }
    let gap = (px * 1.3) as i32;
    for i in 1..placed.len() {
        let ((x, _), name, _) = placed[i];
        let width = text_size(name, px).0 as i32 + 8;
        // Push down below any earlier label whose box it would overlap.
        for j in 0..i {
            let ((xj, yj), name_j, _) = placed[j];
            let width_j = text_size(name_j, px).0 as i32 + 8;
            let overlap_x = x < xj + width_j && xj < x + width;
            if overlap_x && placed[i].0 .1 - yj < gap {
                placed[i].0 .1 = yj + gap;
            }
        }
    }
    for ((x, y), name, color) in placed {
        let style = font(px).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(name, (x + 8, y), style))?;
    }
    Ok(())
}

/// Writes marker labels above their points, kept inside the chart.
fn marker_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    notes: &[(BackendCoord, String, RGBColor)],
    width: u32,
    px: f64,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let size = px;
    for ((x, y), label, color) in notes {
        let half = text_size(label, size).0 as i32 / 2;
        // Never panics, even when the label is wider than the chart.
        let x = (*x).min(width as i32 - half - 2).max(half + 2);
        let style = font(size).color(color).pos(Pos::new(HPos::Center, VPos::Bottom));
        root.draw(&Text::new(label.clone(), (x, y - 9), style))?;
    }
    Ok(())
}

/// Draws a tornado: a heading, then one bar per input from the central
/// result to the result at the input's low end (neutral) and high end
/// (series colour), each labelled above.
fn draw_tornado<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, t: &Tornado, palette: &Palette) -> Result<(), DrawError>
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
    for (role, name) in [(Role::Neutral, "input at its low end"), (Role::Series, "input at its high end")] {
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

fn bar_mesh<DB: DrawingBackend>(
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
fn bar_rects<DB: DrawingBackend>(
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

/// A chart of either kind.
#[derive(Clone, Debug)]
pub enum Plot {
    Lines(LineChart),
    Bars(BarChart),
}

impl Plot {
    /// Draws the chart on any plotters backend.
    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, palette: &Palette) -> Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        match self {
            Plot::Lines(c) => draw_lines(root, c, palette),
            Plot::Bars(c) => draw_bars(root, c, palette),
        }
    }

    /// The chart's shape drawn whole, a tornado under its lines included
    /// (an exported chart).
    pub fn kind(&self) -> layout::Kind {
        match self {
            Plot::Lines(c) if c.tornado.is_some() => layout::Kind::Tornado,
            plot => plot.kind_alone(),
        }
    }

    /// Which box the page reserves for the chart itself: a page shows a
    /// tornado in a box of its own.
    pub fn kind_alone(&self) -> layout::Kind {
        match self {
            Plot::Lines(_) => layout::Kind::Lines,
            Plot::Bars(_) => layout::Kind::Bars,
        }
    }

    /// The tornado under the lines, if the chart has one.
    pub fn tornado(&self) -> Option<&Tornado> {
        match self {
            Plot::Lines(c) => c.tornado.as_ref(),
            Plot::Bars(_) => None,
        }
    }

    /// Draws the chart without its tornado.
    pub fn draw_alone<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, palette: &Palette) -> Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        match self {
            Plot::Lines(c) => draw_line_chart(root, c, palette),
            Plot::Bars(c) => draw_bars(root, c, palette),
        }
    }

    /// The value scale the chart is drawn on.
    pub fn scale(&self) -> Scale {
        match self {
            Plot::Lines(c) => c.scale,
            Plot::Bars(c) => c.scale,
        }
    }

    /// Multiplies every value on the value axis by `k` (money into
    /// another currency): lines, bands, markers, bars and any tornado.
    pub fn scale_values(&mut self, k: f64) {
        match self {
            Plot::Lines(c) => {
                for s in &mut c.series {
                    s.points.iter_mut().for_each(|p| p.1 *= k);
                }
                for b in &mut c.bands {
                    b.points.iter_mut().for_each(|p| (p.1, p.2) = (p.1 * k, p.2 * k));
                }
                c.markers.iter_mut().for_each(|m| m.at.1 *= k);
                if let Some(t) = &mut c.tornado {
                    t.centre *= k;
                    t.bars.iter_mut().for_each(|b| (b.low, b.high) = (b.low * k, b.high * k));
                }
            }
            Plot::Bars(c) => c.bars.iter_mut().flat_map(|b| &mut b.segments).for_each(|s| s.0 *= k),
        }
    }

    /// Renders the chart to an SVG document of `width` × `height` pixels.
    pub fn svg(&self, width: u32, height: u32, palette: &Palette) -> Result<String, DrawError> {
        svg(width, height, |root| self.draw(root, palette))
    }

    /// Renders the chart without its tornado, `width` × `height` pixels.
    pub fn svg_alone(&self, width: u32, height: u32, palette: &Palette) -> Result<String, DrawError> {
        svg(width, height, |root| self.draw_alone(root, palette))
    }

    /// Renders the tornado alone, `width` × [`TORNADO_HEIGHT`] pixels, if
    /// the chart has one.
    pub fn tornado_svg(&self, width: u32, palette: &Palette) -> Option<Result<String, DrawError>> {
        let tornado = self.tornado()?;
        Some(svg(width, TORNADO_HEIGHT, |root| draw_tornado(root, tornado, palette)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::format;
    use proptest::prelude::*;

    /// A forecast and a reader's path from 2024 to 2030, as on the market chart.
    fn two_paths(forecast_rate: f64, reader_rate: f64, scale: Scale) -> Plot {
        let path = |rate: f64| (0..=6).map(|t| (2024.0 + f64::from(t), 3.2 * (1.0 + rate).powi(t))).collect();
        let series = |name, points, role, width| Series { name, points, role, width, dashed: false };
        Plot::Lines(LineChart {
            series: vec![series("Forecast", path(forecast_rate), Role::Series, 5), series("Your rate", path(reader_rate), Role::Accent, 2)],
            x_range: (2024.0, 2030.0),
            x_label: year_label,
            y_label: format::axis,
            scale,
            y_cap: None,
            markers: Vec::new(),
            bands: Vec::new(),
            tornado: None,
        })
    }

    fn draw(plot: &Plot, width: u32) -> String {
        plot.svg(width, 360, &Palette::LIGHT).unwrap()
    }

    #[test]
    fn a_line_chart_has_both_series_axes_and_labels() {
        let out = draw(&two_paths(0.877, 0.5, Scale::Linear), 720);
        assert!(out.starts_with("<svg"), "{out}");
        assert!(out.contains(r#"viewBox="0 0 720 360""#));
        // Two lines, in the series and the accent colour.
        assert_eq!(out.matches(r##"<polyline stroke="#1F5F99" fill="none""##).count(), 1, "forecast line");
        assert_eq!(out.matches(r##"<polyline stroke="#C44B0C" fill="none""##).count(), 1, "reader line");
        for label in ["2024", "2027", "2030", "Forecast", "Your rate", "100", "0"] {
            assert!(out.contains(&format!(">{label}</text>")), "missing label {label}");
        }
    }

    #[test]
    fn log_scale_labels_powers_of_ten() {
        let out = draw(&two_paths(0.877, 0.5, Scale::Log), 720);
        for label in ["10", "100"] {
            assert!(out.contains(&format!(">{label}</text>")), "missing label {label}: {out}");
        }
        assert_ne!(out, draw(&two_paths(0.877, 0.5, Scale::Linear), 720));
    }

    #[test]
    fn narrow_charts_label_every_other_year() {
        let out = draw(&two_paths(0.877, 0.5, Scale::Linear), 360);
        assert!(out.contains(">2026</text>") && !out.contains(">2025</text>"), "{out}");
    }

    #[test]
    fn end_labels_do_not_overlap_when_lines_meet() {
        // Both lines end at the same point: their labels are nudged apart.
        let out = draw(&two_paths(0.877, 0.877, Scale::Linear), 720);
        let y_of = |name: &str| -> i32 {
            let at = out.find(&format!(">{name}</text>")).unwrap();
            let tag = &out[out[..at].rfind("<text").unwrap()..at];
            let y = tag.split("y=\"").nth(1).unwrap();
            y[..y.find('"').unwrap()].parse().unwrap()
        };
        assert!((y_of("Forecast") - y_of("Your rate")).abs() >= 15);
    }

    #[test]
    fn bars_start_at_zero_with_labels_and_values() {
        let bar = |label: &str, value, role| Bar { label: label.into(), segments: vec![(value, role, format!("{value} in all"))] };
        let plot = Plot::Bars(BarChart {
            bars: vec![bar("First", 140.0, Role::Series), bar("Second", 1400.0, Role::Accent)],
            scale: Scale::Linear,
            x_label: format::axis,
            ticks: None,
        });
        let out = draw(&plot, 720);
        for text in [">First</text>", ">Second</text>", ">1400 in all</text>", ">0</text>"] {
            assert!(out.contains(text), "missing {text}: {out}");
        }
        assert_eq!(out.matches("<rect fill=\"#C44B0C\"").count(), 1);
        assert_eq!(plot.kind(), layout::Kind::Bars);
    }

    #[test]
    fn text_metrics_are_fixed() {
        assert_eq!(text_size("2030", 10.0), (23, 10));
        assert_eq!(text_size("", 13.0), (0, 13));
    }

    fn wild() -> impl Strategy<Value = f64> {
        prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(-f64::INFINITY), Just(0.0), Just(1e308), -1e6..1e6f64]
    }

    proptest! {
        /// Whatever points a chart is given, it draws, with no NaN or
        /// infinity in the SVG.
        #[test]
        fn any_points_draw_without_error_or_nan(
            points in proptest::collection::vec((wild(), wild()), 0..12),
            cap in proptest::option::of(wild()),
            log in any::<bool>(),
            bars in any::<bool>(),
            tornado in any::<bool>(),
        ) {
            let scale = if log { Scale::Log } else { Scale::Linear };
            let plot = if bars {
                Plot::Bars(BarChart {
                    bars: points.iter().map(|p| Bar { label: "b".into(), segments: vec![(p.0, Role::Series, String::new()), (p.1, Role::Neutral, "x".into())] }).collect(),
                    scale,
                    x_label: format::axis,
                    ticks: None,
                })
            } else {
                Plot::Lines(LineChart {
                    series: vec![Series { name: "A", points: points.clone(), role: Role::Series, width: 2, dashed: true }],
                    x_range: (points.first().map_or(0.0, |p| p.0), points.last().map_or(1.0, |p| p.0)),
                    x_label: format::axis,
                    y_label: format::axis,
                    scale,
                    y_cap: cap,
                    markers: points.iter().map(|p| Marker { at: *p, label: "m".into(), role: Role::Accent }).collect(),
                    bands: vec![Band { points: points.iter().map(|p| (p.0, p.1, p.0)).collect(), role: Role::Accent, alpha: 0.2 }],
                    tornado: tornado.then(|| Tornado {
                        heading: "h".into(),
                        centre: cap.unwrap_or(0.0),
                        bars: points.iter().map(|p| Swing { input: "i", label: "s".into(), low: p.0, high: p.1 }).collect(),
                        x_label: format::axis,
                    }),
                })
            };
            let out = plot.svg(400, 300, &Palette::DARK).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(!out.contains("NaN") && !out.contains("inf"), "{}", out);
        }
    }
}
