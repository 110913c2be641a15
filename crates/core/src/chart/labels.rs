//! Chart text: its font and sizes, measuring and wrapping labels, and
//! year labels.

use super::*;
use crate::chart::svg::is_wide;
use plotters::prelude::*;

/// Pixels needed for the widest of `labels` at font size `px`, plus `pad`.
pub(super) fn widest<S: AsRef<str>>(labels: impl IntoIterator<Item = S>, px: f64, pad: u32) -> u32 {
    labels.into_iter().map(|l| text_size(l.as_ref(), px).0 + pad).max().unwrap_or(0)
}

/// Marks no line starts with: closing punctuation, Chinese and Latin.
fn closes(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '）' | '」' | '』' | '》' | '”' | '’' | '%' | '…')
}

/// Marks no line ends with: opening punctuation.
fn opens(c: char) -> bool {
    matches!(c, '（' | '「' | '『' | '《' | '“' | '‘')
}

/// The pieces a line may break between, each with whether a space came
/// before it: words at spaces, and in Chinese each character, keeping
/// closing marks with the character before them and opening marks with
/// the one after ("（预测）" breaks as "（预", "测）").
fn pieces(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let (mut piece, mut spaced, mut space, mut glue) = (String::new(), false, false, false);
    for c in text.chars() {
        if c.is_whitespace() {
            if !piece.is_empty() {
                out.push((spaced, std::mem::take(&mut piece)));
            }
            space = true;
            glue = false;
            continue;
        }
        let breaks = match piece.chars().last() {
            None => false,
            Some(_) if glue || closes(c) => false,
            Some(last) => is_wide(c) || is_wide(last),
        };
        if breaks {
            out.push((spaced, std::mem::take(&mut piece)));
        }
        if piece.is_empty() {
            spaced = space;
            space = false;
        }
        piece.push(c);
        glue = opens(c);
    }
    if !piece.is_empty() {
        out.push((spaced, piece));
    }
    out
}

/// Splits `text` into lines no wider than `max` pixels at font size `px`:
/// at spaces, and between Chinese characters (never before a closing mark
/// or after an opening one).
pub fn wrap(text: &str, px: f64, max: u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (spaced, word) in pieces(text) {
        let candidate = match (line.is_empty(), spaced) {
            (true, _) => word.clone(),
            (false, true) => format!("{line} {word}"),
            (false, false) => format!("{line}{word}"),
        };
        if text_size(&candidate, px).0 > max && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word));
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Wrapping at spaces only: what `wrap` did before it knew Chinese.
    fn at_spaces(text: &str, px: f64, max: u32) -> Vec<String> {
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

    #[test]
    fn chinese_breaks_between_characters_and_keeps_marks_in_place() {
        let text = "按本站的假设（预测值），中国AI产业规模将达到1400亿美元。";
        let lines = wrap(text, 14.0, 100);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), text, "nothing lost, no space added");
        for line in &lines {
            assert!(text_size(line, 14.0).0 <= 100 || line.chars().count() <= 2, "{line} is too wide");
            assert!(!line.starts_with(closes), "{line} starts with a closing mark");
            assert!(!line.ends_with(opens), "{line} ends with an opening mark");
        }
        // A Latin name stays whole: "AI" is never split.
        assert!(!lines.iter().any(|l| l.ends_with('A')), "{lines:?}");
        // A Chinese character is an em wide, not a Latin letter's width.
        assert_eq!(text_size("中国", 10.0).0, 20);
    }

    proptest! {
        /// Latin text wraps exactly as it did at spaces.
        #[test]
        fn latin_text_wraps_as_before(words in proptest::collection::vec("[a-zA-Z0-9%$.,()-]{1,12}", 0..20), spaces in "[ ]{1,3}", max in 20u32..400) {
            let text = words.join(&spaces);
            prop_assert_eq!(wrap(&text, 13.0, max), at_spaces(&text, 13.0, max));
        }
    }
}
