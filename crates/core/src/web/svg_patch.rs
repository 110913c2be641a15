//! What to change in a drawn chart to make it the next one. A chart's SVG
//! (`chart::svg`) is a root `<svg>` with a flat list of children, each
//! self-closing or holding only text. While a slider moves, the next
//! drawing usually has the same elements with a few attributes or texts
//! changed: patching those few costs the browser far less than parsing the
//! whole drawing again. [`changes`] finds them, or says the shapes differ
//! (then the page writes the whole drawing).

/// One element of a drawing: its tag, its attributes as written (escaped)
/// and its text (escaped).
#[derive(Debug, PartialEq)]
struct Element<'a> {
    tag: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
    text: &'a str,
}

/// What to change on element `index` (0 is the `<svg>` root; `i` is the
/// root's child `i - 1`): attributes to set (unescaped), attributes to
/// remove, and its new text (unescaped).
#[derive(Debug, PartialEq, Default)]
pub struct Change {
    pub index: usize,
    pub set: Vec<(String, String)>,
    pub remove: Vec<String>,
    pub text: Option<String>,
}

/// The changes that turn drawing `old` into drawing `new`, and how many
/// children the root has (what a page checks its box still holds before it
/// patches); `None` when they do not have the same elements in the same
/// order, or either is not the flat shape charts are drawn in.
pub fn patch(old: &str, new: &str) -> Option<(usize, Vec<Change>)> {
    let (a, b) = (parse(old)?, parse(new)?);
    diff(&a, &b).map(|changes| (a.len() - 1, changes))
}

/// The changes that turn elements `a` into elements `b`, if they have the
/// same tags in the same order.
fn diff(a: &[Element<'_>], b: &[Element<'_>]) -> Option<Vec<Change>> {
    if a.len() != b.len() || a.iter().zip(b).any(|(x, y)| x.tag != y.tag) {
        return None;
    }
    let mut out = Vec::new();
    for (index, (x, y)) in a.iter().zip(b).enumerate() {
        if x == y {
            continue;
        }
        let mut change = Change { index, ..Change::default() };
        for &(name, value) in &y.attrs {
            if x.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| *v) != Some(value) {
                change.set.push((name.to_string(), unescape(value)));
            }
        }
        for &(name, _) in &x.attrs {
            if !y.attrs.iter().any(|(n, _)| *n == name) {
                change.remove.push(name.to_string());
            }
        }
        if x.text != y.text {
            change.text = Some(unescape(y.text));
        }
        out.push(change);
    }
    Some(out)
}

// Parsing here never slices a string at an index it has not checked
// (`str::get`) and searches only for single characters: a slicing panic or
// a substring search would bring their formatting and Unicode tables into
// the WebAssembly, kilobytes for code that runs on every move of a slider.

/// The drawing's elements, root first; `None` for any other shape.
fn parse(svg: &str) -> Option<Vec<Element<'_>>> {
    let mut rest = svg.strip_suffix("</svg>")?;
    let mut out = Vec::new();
    while let Some(open) = rest.find('<') {
        // Only whitespace may sit between elements.
        if !rest.get(..open)?.trim().is_empty() {
            return None;
        }
        rest = rest.get(open + 1..)?;
        if let Some(after) = rest.strip_prefix('/') {
            // The end of a text element, already read with it.
            rest = after.get(after.find('>')? + 1..)?;
            continue;
        }
        let end = rest.find('>')?;
        let inside = rest.get(..end)?;
        let (tag_and_attrs, closed) = match inside.strip_suffix('/') {
            Some(inner) => (inner, true),
            None => (inside, false),
        };
        rest = rest.get(end + 1..)?;
        let (tag, attrs) = tag_and_attrs.split_once(' ').unwrap_or((tag_and_attrs, ""));
        let attrs = parse_attrs(attrs)?;
        // The root holds the others; any other open element holds text.
        let text = if closed || out.is_empty() {
            ""
        } else {
            let (text, after) = rest.split_once('<')?;
            if !after.starts_with('/') {
                return None;
            }
            rest = rest.get(text.len()..)?;
            text
        };
        out.push(Element { tag, attrs, text });
    }
    (!out.is_empty() && out[0].tag == "svg" && rest.trim().is_empty()).then_some(out)
}

/// `name="value"` pairs separated by spaces, values without quotes inside
/// (the backend escapes them).
fn parse_attrs(mut s: &str) -> Option<Vec<(&str, &str)>> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return Some(out);
        }
        // Names hold no '='.
        let (name, after) = s.split_once('=')?;
        let (value, after) = after.strip_prefix('"')?.split_once('"')?;
        out.push((name, value));
        s = after;
    }
}

/// Text as the browser reads it from the backend's escaped form.
fn unescape(s: &str) -> String {
    const ENTITIES: [(&str, char); 6] = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&apos;", '\'')];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        let from_amp = rest.get(before.len()..).unwrap_or_default();
        match ENTITIES.iter().find(|(e, _)| from_amp.starts_with(e)) {
            Some((entity, ch)) => {
                out.push(*ch);
                rest = from_amp.get(entity.len()..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(old: &str, new: &str) -> Option<Vec<Change>> {
        patch(old, new).map(|(_, changes)| changes)
    }
    use crate::calculators::CALCULATORS;
    use crate::chart::{Palette, Scale};
    use crate::text::format::Money;

    /// An element as the browser holds it: tag, attributes (sorted), text.
    type Live = (String, Vec<(String, String)>, String);

    /// `old` with `changes` applied, as the page applies them.
    fn apply(old: &str, changes: &[Change]) -> Vec<Live> {
        let mut elements: Vec<Live> = parse(old)
            .unwrap()
            .into_iter()
            .map(|e| (e.tag.to_string(), e.attrs.iter().map(|(n, v)| (n.to_string(), unescape(v))).collect(), unescape(e.text)))
            .collect();
        for c in changes {
            let (_, attrs, text) = &mut elements[c.index];
            for (name, value) in &c.set {
                match attrs.iter_mut().find(|(n, _)| n == name) {
                    Some(slot) => slot.1 = value.clone(),
                    None => attrs.push((name.clone(), value.clone())),
                }
            }
            attrs.retain(|(n, _)| !c.remove.contains(n));
            if let Some(t) = &c.text {
                *text = t.clone();
            }
        }
        for (_, attrs, _) in &mut elements {
            attrs.sort();
        }
        elements
    }

    fn model(svg: &str) -> Vec<Live> {
        apply(svg, &[])
    }

    #[test]
    fn every_charts_drawing_parses_and_patches_into_the_next() {
        let mut patched = 0;
        for c in CALCULATORS {
            let defaults = c.defaults();
            let draw =
                |values: &[f64]| (c.figure)(values, Scale::Linear, Money::USD, crate::text::format::Lang::En).svg(560, &Palette::LIGHT).unwrap();
            let old = draw(&defaults);
            assert!(parse(&old).is_some(), "{}: {old}", c.id);
            // Each input moved a little, then to its ends.
            for (i, p) in c.params.iter().enumerate() {
                for x in [defaults[i] + p.step, p.min, p.max] {
                    let mut v = defaults.clone();
                    v[i] = crate::text::num::clamp(x, p.min, p.max);
                    let new = draw(&v);
                    if let Some(found) = changes(&old, &new) {
                        assert_eq!(apply(&old, &found), model(&new), "{} moving {}", c.id, p.key);
                        patched += 1;
                    }
                }
            }
        }
        assert!(patched > 10, "most small moves patch: {patched}");
    }

    #[test]
    fn different_shapes_are_not_patched_and_escapes_are_read() {
        let a = "<svg width=\"1\"><line x1=\"0\"/><text x=\"1\">a &amp; b</text></svg>";
        let b = "<svg width=\"2\"><line x1=\"3\" y1=\"4\"/><text x=\"1\">&lt;c&gt;</text></svg>";
        let found = changes(a, b).unwrap();
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].set, [("width".to_string(), "2".to_string())]);
        assert_eq!(found[1].set, [("x1".to_string(), "3".to_string()), ("y1".to_string(), "4".to_string())]);
        assert_eq!(found[2].text.as_deref(), Some("<c>"));
        assert_eq!(changes(a, "<svg width=\"1\"><line x1=\"0\"/></svg>"), None, "an element fewer");
        assert_eq!(changes(a, "<svg width=\"1\"><circle x1=\"0\"/><text x=\"1\">a</text></svg>"), None, "another tag");
        assert_eq!(changes(a, "<svg><g><line/></g></svg>"), None, "nested");
        assert_eq!(changes(a, a), Some(Vec::new()));
        assert_eq!(patch(a, b).map(|(children, _)| children), Some(2));
        let c = "<svg width=\"1\"><line/><text x=\"1\">a &amp; b</text></svg>";
        assert_eq!(changes(a, c).unwrap()[0].index, 1);
        assert_eq!(changes(a, c).unwrap()[0].remove, ["x1".to_string()]);
    }
}
