//! Chart sizes and the one breakpoint they change at, written once. The
//! Rust that draws charts reads these numbers, and so does the CSS that
//! reserves each chart's box ([`css`], put into every page at build time),
//! so a prerendered chart and its live replacement always fit the same box.

/// Charts narrower than this (CSS pixels) use smaller text, fewer ticks and
/// shorter boxes.
pub const NARROW: u32 = 480;

/// Charts are never drawn narrower than this; a narrower box scales them.
pub const MIN_WIDTH: u32 = 280;

/// The widest a chart is drawn before its box can be measured: a card's
/// content width on a wide screen.
pub const MAX_FIRST_WIDTH: u32 = 760;

/// The two kinds of chart box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Lines,
    Bars,
}

impl Kind {
    /// The value of the box's `data-kind` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Lines => "lines",
            Kind::Bars => "bars",
        }
    }

    /// Box heights in CSS pixels: (wide, narrow).
    fn heights(self) -> (u32, u32) {
        match self {
            Kind::Lines => (340, 280),
            Kind::Bars => (240, 220),
        }
    }
}

/// Whether a chart of this width uses the narrow layout.
pub fn is_narrow(width: u32) -> bool {
    width < NARROW
}

/// The height a chart of `kind` is drawn at for a width: shorter on phones.
pub fn height(width: u32, kind: Kind) -> u32 {
    let (wide, narrow) = kind.heights();
    if is_narrow(width) {
        narrow
    } else {
        wide
    }
}

/// The CSS that gives every chart box its height. A chart box is a
/// `.chart-svg` inside a `.chart` (its size container), with `data-kind`.
pub fn css() -> String {
    let mut wide = String::new();
    let mut narrow = String::new();
    for kind in [Kind::Lines, Kind::Bars] {
        let (w, n) = kind.heights();
        for (out, px) in [(&mut wide, w), (&mut narrow, n)] {
            out.push_str(&format!(".chart-svg[data-kind={}]{{height:{px}px}}", kind.as_str()));
        }
    }
    // Container query lengths cannot be variables, so the breakpoint is
    // written here; the container is the chart's own box.
    format!("{wide}@container (max-width:{}.9px){{{narrow}}}", NARROW - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_change_at_the_breakpoint() {
        assert_eq!(height(NARROW - 1, Kind::Lines), 280);
        assert_eq!(height(NARROW, Kind::Lines), 340);
        assert_eq!(height(320, Kind::Bars), 220);
        assert_eq!(height(720, Kind::Bars), 240);
    }

    #[test]
    fn the_css_reserves_the_same_heights() {
        assert_eq!(
            css(),
            ".chart-svg[data-kind=lines]{height:340px}.chart-svg[data-kind=bars]{height:240px}\
             @container (max-width:479.9px){.chart-svg[data-kind=lines]{height:280px}.chart-svg[data-kind=bars]{height:220px}}"
        );
    }
}
