//! Line charts: series, markers and shaded bands, each line labelled at
//! its end.

use super::Palette;
use super::*;
use plotters::coord::Shift;
use plotters::prelude::*;

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

/// Cuts a line where it first crosses `cap`, ending it exactly on the cap.
pub(super) fn clip(points: &[(f64, f64)], cap: f64) -> Vec<(f64, f64)> {
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
pub(super) fn draw_line_chart<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &LineChart, palette: &Palette) -> Result<(), DrawError>
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

pub(super) type Canvas<'a, DB> = ChartContext<'a, DB, Cartesian2d<Axis, Axis>>;

pub(super) fn mesh<DB: DrawingBackend>(c: &mut Canvas<'_, DB>, px: f64, ticks: usize, chart: &LineChart, palette: &Palette) -> Result<(), DrawError>
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
pub(super) type End = (BackendCoord, &'static str, RGBColor);

pub(super) fn plot<DB: DrawingBackend>(
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
pub(super) fn end_labels<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, ends: &[End], px: f64) -> Result<(), DrawError>
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
pub(super) fn marker_labels<DB: DrawingBackend>(
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
