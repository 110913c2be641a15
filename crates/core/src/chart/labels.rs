//! Chart text: its font and sizes, measuring and wrapping labels, and
//! year labels.

use super::*;
use plotters::prelude::*;

/// Pixels needed for the widest of `labels` at font size `px`, plus `pad`.
pub(super) fn widest<S: AsRef<str>>(labels: impl IntoIterator<Item = S>, px: f64, pad: u32) -> u32 {
    labels.into_iter().map(|l| text_size(l.as_ref(), px).0 + pad).max().unwrap_or(0)
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
pub(super) fn text_px(width: u32) -> f64 {
    if layout::is_narrow(width) {
        12.0
    } else {
        14.0
    }
}

/// Labels a year axis: "2026".
pub fn year_label(x: f64) -> String {
    format!("{}", x.round() as i64)
}
