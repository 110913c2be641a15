//! A plotters [`DrawingBackend`] that writes compact SVG markup.
//!
//! Charts are drawn by plotters; this backend only serializes. Compared with
//! plotters' own SVG backend it writes integer coordinates and font sizes of
//! at most one decimal place, names the font once on the root element, and
//! leaves out attributes that equal SVG's defaults. It measures text from
//! fixed metrics of [`FONT`] instead of asking a font engine or the DOM, so
//! the browser never lays out a label to measure it and native and browser
//! output are byte-identical.

use crate::text::format::trimmed;
use crate::text::html::push_escaped;
use crate::text::num::{self, fixed, push_int, push_uint};
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, RGBColor};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};
use std::convert::Infallible;

/// The font every chart uses: the same family as the page's small text
/// (style/main.css), so a chart adds no font for the browser to look up.
pub const FONT: &str = "sans-serif";

/// Width of a character of [`FONT`], in ems: Helvetica's advance widths,
/// grouped (Helvetica or a font with its metrics is the sans-serif of
/// Apple systems and, as Arial, of Windows; Roboto on Android is close).
/// Chinese characters and full-width marks take a whole em in every CJK
/// font (PingFang SC, Microsoft YaHei, Noto Sans CJK).
fn char_width(c: char) -> f64 {
    if is_wide(c) {
        return 1.0;
    }
    match c {
        '0'..='9' | '$' | '−' | '–' => 0.556,
        '.' | ',' | ':' | ';' | '\'' | ' ' | 'i' | 'j' | 'l' | '|' | '!' => 0.278,
        '(' | ')' | '-' | 'f' | 't' | 'r' | 'I' => 0.333,
        'm' | 'M' | 'W' | 'w' | '%' => 0.85,
        'A'..='Z' => 0.667,
        _ => 0.53,
    }
}

/// A character set a full em wide: Chinese characters, CJK punctuation
/// (、。「」), full-width forms (，：（）).
pub fn is_wide(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// Width and height in pixels of `text` at a font size of `px`.
pub fn text_size(text: &str, px: f64) -> (u32, u32) {
    let width: f64 = text.chars().map(char_width).sum::<f64>() * px;
    (width.ceil() as u32, px.ceil() as u32)
}

/// Writes SVG elements into a string.
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    /// Starts an SVG document of `size` pixels in `out`; [`DrawingBackend::present`]
    /// closes it.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        open_document(out, size);
        SvgBackend { out, size }
    }

    /// Opens a tag with the paint of `color` (`fill` or `stroke`).
    fn open(&mut self, tag: &str, paint: &str, color: BackendColor) {
        self.out.push('<');
        self.out.push_str(tag);
        self.out.push(' ');
        self.out.push_str(paint);
        self.out.push_str("=\"");
        push_color(self.out, color);
        self.out.push('"');
        if color.alpha < 1.0 {
            self.out.push_str(" opacity=\"");
            self.out.push_str(&fixed(color.alpha.max(0.0), 2).unwrap_or_default());
            self.out.push('"');
        }
    }

    fn stroke_width(&mut self, width: u32) {
        if width != 1 {
            attr_int(self.out, "stroke-width", width.into());
        }
    }

    fn points(&mut self, points: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(" points=\"");
        for (i, (x, y)) in simplified(points.into_iter().collect()).into_iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            push_int(self.out, x.into());
            self.out.push(',');
            push_int(self.out, y.into());
        }
        self.out.push('"');
    }
}

/// The points of a line less those that add nothing at this size: every
/// point left out lies within half a pixel of the line that replaces it
/// (Douglas–Peucker). A straight run of sixty points becomes two.
fn simplified(points: Vec<BackendCoord>) -> Vec<BackendCoord> {
    let keep = kept(&points);
    points.into_iter().zip(keep).filter_map(|(p, k)| k.then_some(p)).collect()
}

/// Which of `points` [`simplified`] keeps.
fn kept(points: &[BackendCoord]) -> Vec<bool> {
    let n = points.len();
    let mut keep = vec![n < 3; n];
    if n < 3 {
        return keep;
    }
    keep[0] = true;
    keep[n - 1] = true;
    let mut spans = vec![(0, n - 1)];
    while let Some((a, b)) = spans.pop() {
        // The point farthest from the chord a–b.
        let mut far = (0.0, a);
        for i in a + 1..b {
            let d = distance_squared(points[i], points[a], points[b]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > 0.25 {
            keep[far.1] = true;
            spans.push((a, far.1));
            spans.push((far.1, b));
        }
    }
    keep
}

/// The square of the distance of `p` from the segment from `a` to `b`
/// (squared, so no square root or `hypot` enters the bundle).
fn distance_squared(p: BackendCoord, a: BackendCoord, b: BackendCoord) -> f64 {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let (px, py) = (f64::from(p.0 - a.0), f64::from(p.1 - a.1));
    let length = dx * dx + dy * dy;
    // How far along the segment p's nearest point is, 0 at a and 1 at b.
    let t = if length > 0.0 { num::clamp((px * dx + py * dy) / length, 0.0, 1.0) } else { 0.0 };
    let (ex, ey) = (px - t * dx, py - t * dy);
    ex * ex + ey * ey
}

/// Appends the opening tag of an SVG document of `size` pixels.
pub fn open_document(out: &mut String, size: (u32, u32)) {
    out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    for (name, value) in [("width", size.0), ("height", size.1)] {
        attr_int(out, name, value.into());
    }
    out.push_str(" viewBox=\"0 0 ");
    push_uint(out, size.0.into());
    out.push(' ');
    push_uint(out, size.1.into());
    out.push_str("\" font-family=\"");
    out.push_str(FONT);
    out.push_str("\">");
}

/// Appends a line of text hanging from `at`, as the backend writes any
/// top-left anchored label.
pub fn push_line(out: &mut String, at: BackendCoord, px: f64, style: FontStyle, color: &RGBColor, text: &str) {
    let font = FontDesc::new(FontFamily::Name(FONT), px, style).color(color);
    // Only text is drawn, so the size is never read.
    let _ = SvgBackend { out, size: (0, 0) }.draw_text(text, &font, at);
}

/// Renders a chart of `width` × `height` pixels to an SVG document.
pub fn render<E, F>(width: u32, height: u32, draw: F) -> Result<String, E>
where
    F: FnOnce(&DrawingArea<SvgBackend<'_>, Shift>) -> Result<(), E>,
{
    let mut out = String::new();
    {
        let root = SvgBackend::new(&mut out, (width, height)).into_drawing_area();
        draw(&root)?;
    }
    out.push_str("</svg>");
    Ok(out)
}

fn attr_int(out: &mut String, name: &str, value: i64) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_int(out, value);
    out.push('"');
}

/// Appends "#RRGGBB" for a colour.
pub fn push_color(out: &mut String, color: BackendColor) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push('#');
    for byte in [color.rgb.0, color.rgb.1, color.rgb.2] {
        out.push(HEX[usize::from(byte >> 4)] as char);
        out.push(HEX[usize::from(byte & 15)] as char);
    }
}

type Result2 = Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result2 {
        Ok(())
    }

    fn present(&mut self) -> Result2 {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result2 {
        self.draw_rect((x, y), (x + 1, y + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Result2 {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("line", "stroke", style.color());
        self.stroke_width(style.stroke_width());
        for (name, value) in [("x1", from.0), ("y1", from.1), ("x2", to.0), ("y2", to.1)] {
            attr_int(self.out, name, value.into());
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, upper_left: BackendCoord, bottom_right: BackendCoord, style: &S, fill: bool) -> Result2 {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.open("rect", "fill", style.color());
        } else {
            self.open("rect", "stroke", style.color());
            self.out.push_str(" fill=\"none\"");
        }
        for (name, value) in
            [("x", upper_left.0), ("y", upper_left.1), ("width", bottom_right.0 - upper_left.0), ("height", bottom_right.1 - upper_left.1)]
        {
            attr_int(self.out, name, value.into());
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Result2 {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("polyline", "stroke", style.color());
        self.out.push_str(" fill=\"none\"");
        self.stroke_width(style.stroke_width());
        self.points(path);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, center: BackendCoord, radius: u32, style: &S, fill: bool) -> Result2 {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        if fill {
            self.open("circle", "fill", style.color());
        } else {
            self.open("circle", "stroke", style.color());
            self.out.push_str(" fill=\"none\"");
            self.stroke_width(style.stroke_width());
        }
        for (name, value) in [("cx", center.0), ("cy", center.1), ("r", radius as i32)] {
            attr_int(self.out, name, value.into());
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> Result2 {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("polygon", "fill", style.color());
        self.points(vert);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Result2 {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.open("text", "fill", color);
        attr_int(self.out, "x", x.into());
        attr_int(self.out, "y", y.into());
        let anchor = style.anchor();
        // Baseline offsets as plotters' own SVG backend has them.
        self.out.push_str(match anchor.v_pos {
            VPos::Top => " dy=\"0.76em\"",
            VPos::Center => " dy=\"0.5ex\"",
            VPos::Bottom => " dy=\"-0.5ex\"",
        });
        self.out.push_str(match anchor.h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        });
        self.out.push_str(" font-size=\"");
        self.out.push_str(&trimmed(style.size(), 1));
        self.out.push('"');
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            FontStyle::Italic | FontStyle::Oblique => self.out.push_str(" font-style=\"italic\""),
        }
        let degrees = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            FontTransform::None => 0,
        };
        if degrees != 0 {
            self.out.push_str(" transform=\"rotate(");
            for (i, v) in [degrees, x, y].into_iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                push_int(self.out, v.into());
            }
            self.out.push_str(")\"");
        }
        self.out.push('>');
        push_escaped(self.out, text);
        self.out.push_str("</text>");
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(text_size(text, style.size()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::{Circle, Color, DrawingAreaErrorKind, IntoFont, PathElement, Rectangle, Text, BLACK, BLUE, GREEN, RED, TRANSPARENT};
    use plotters::style::text_anchor::Pos;

    fn draw(f: impl FnOnce(&DrawingArea<SvgBackend<'_>, Shift>) -> Result<(), DrawingAreaErrorKind<Infallible>>) -> String {
        render(200, 100, f).unwrap()
    }

    #[test]
    fn writes_a_compact_document() {
        let svg = draw(|root| {
            root.draw(&PathElement::new(vec![(0, 0), (10, 20), (30, 5)], Color::stroke_width(&BLUE, 2)))?;
            root.draw(&Rectangle::new([(1, 2), (11, 7)], RED.filled()))?;
            root.draw(&Circle::new((50, 50), 4, Color::stroke_width(&GREEN.mix(0.5), 2)))
        });
        assert!(
            svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" font-family="sans-serif">"#),
            "{svg}"
        );
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r##"<polyline stroke="#0000FF" fill="none" stroke-width="2" points="0,0 10,20 30,5"/>"##), "{svg}");
        assert!(svg.contains(r##"<rect fill="#FF0000" x="1" y="2" width="10" height="5"/>"##), "{svg}");
        assert!(svg.contains(r##"<circle stroke="#00FF00" opacity="0.50" fill="none" stroke-width="2" cx="50" cy="50" r="4"/>"##), "{svg}");
    }

    #[test]
    fn escapes_text_and_writes_its_anchor_and_size() {
        let svg = draw(|root| {
            let style = ("sans-serif", 12.88).into_font().color(&BLACK).pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new("A & B <\"C\">", (40, 30), style))
        });
        assert!(
            svg.contains(
                r##"<text fill="#000000" x="40" y="30" dy="0.5ex" text-anchor="end" font-size="12.9">A &amp; B &lt;&quot;C&quot;&gt;</text>"##
            ),
            "{svg}"
        );
    }

    #[test]
    fn lines_keep_only_the_points_that_show() {
        // A straight run, a corner, and a wobble of a third of a pixel.
        let straight: Vec<BackendCoord> = (0..60).map(|i| (i * 10, 300 - i * 5)).collect();
        assert_eq!(simplified(straight), vec![(0, 300), (590, 5)]);
        assert_eq!(simplified(vec![(0, 0), (10, 0), (10, 10)]), vec![(0, 0), (10, 0), (10, 10)]);
        assert_eq!(simplified(vec![(0, 0), (5, 0), (10, 1), (20, 0)]), vec![(0, 0), (10, 1), (20, 0)]);
        assert_eq!(simplified(vec![(3, 3), (3, 3), (3, 3)]), vec![(3, 3), (3, 3)]);
        // A spike back along the line is not on the segment: kept.
        assert_eq!(simplified(vec![(0, 0), (10, 0), (5, 0)]), vec![(0, 0), (10, 0), (5, 0)]);
    }

    proptest::proptest! {
        /// Every point left out is within half a pixel of the line drawn
        /// between the kept points around it; the ends are always kept.
        #[test]
        fn what_is_left_out_stays_within_half_a_pixel(points in proptest::collection::vec((0i32..800, 0i32..400), 0..80)) {
            let keep = kept(&points);
            let at: Vec<usize> = (0..points.len()).filter(|&i| keep[i]).collect();
            if !points.is_empty() {
                proptest::prop_assert!(keep[0] && keep[points.len() - 1]);
            }
            for pair in at.windows(2) {
                for i in pair[0] + 1..pair[1] {
                    let d = distance_squared(points[i], points[pair[0]], points[pair[1]]);
                    proptest::prop_assert!(d <= 0.25, "point {} is {} px off", i, d.sqrt());
                }
            }
        }
    }

    #[test]
    fn invisible_paint_writes_nothing() {
        let svg = draw(|root| root.draw(&PathElement::new(vec![(0, 0), (1, 1)], TRANSPARENT)));
        assert!(!svg.contains("polyline"), "{svg}");
    }
}
