//! Chart sizes, written once. The Rust that draws charts reads these
//! numbers, and so does the CSS that reserves each chart's box ([`css`],
//! put into every page at build time), so a prerendered chart and its live
//! replacement always fit the same box.
//!
//! A box's height follows its width: a fixed ratio, kept between a least
//! and a greatest height. CSS does the same with `min-height`/`max-height`
//! over a spacer whose percentage padding follows the box's width, so the
//! page needs no breakpoint for it. (Not `aspect-ratio`: the browser
//! carries the least and greatest heights across the ratio into a least
//! and greatest width, and the box outgrows a phone.)

/// Charts narrower than this (CSS pixels) use smaller text and fewer ticks.
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
    /// A line chart with a tornado chart under it.
    Tornado,
}

impl Kind {
    /// The value of the box's `data-kind` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Lines => "lines",
            Kind::Bars => "bars",
            Kind::Tornado => "tornado",
        }
    }

    /// Width ÷ height, the least and greatest height in CSS pixels, and a
    /// fixed height added to that.
    fn shape(self) -> (u32, u32, u32, u32) {
        match self {
            Kind::Lines => (2, 280, 340, 0),
            Kind::Bars => (3, 220, 240, 0),
            Kind::Tornado => (2, 280, 340, super::TORNADO_HEIGHT),
        }
    }
}

/// Whether a chart of this width uses the narrow layout.
pub fn is_narrow(width: u32) -> bool {
    width < NARROW
}

/// The height a chart of `kind` is drawn at for a width: shorter on phones.
pub fn height(width: u32, kind: Kind) -> u32 {
    let (ratio, least, greatest, extra) = kind.shape();
    // Rounded half up, as the box's own height is before it is painted.
    ((width + ratio / 2) / ratio).clamp(least, greatest) + extra
}

/// The CSS that gives every chart box its height. A chart box is a
/// `.chart-svg` with `data-kind`; a tornado's, a `.chart-tornado`.
pub fn css() -> String {
    let mut out = String::new();
    for kind in [Kind::Lines, Kind::Bars] {
        // The page's boxes: a tornado has a box of its own.
        let (ratio, least, greatest, _) = kind.shape();
        let k = kind.as_str();
        out.push_str(&format!(
            ".chart-svg[data-kind={k}]{{min-height:{least}px;max-height:{greatest}px}}\
             .chart-svg[data-kind={k}]::before{{padding-top:calc(100% / {ratio})}}"
        ));
    }
    // A tornado's box, under its chart: a fixed height.
    out.push_str(&format!(".chart-tornado{{height:{}px}}", super::TORNADO_HEIGHT));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_follow_the_width_between_bounds() {
        assert_eq!(height(320, Kind::Lines), 280);
        assert_eq!(height(600, Kind::Lines), 300);
        assert_eq!(height(601, Kind::Lines), 301, "half a pixel rounds up");
        assert_eq!(height(760, Kind::Lines), 340);
        assert_eq!(height(320, Kind::Bars), 220);
        assert_eq!(height(690, Kind::Bars), 230);
        assert_eq!(height(720, Kind::Bars), 240);
    }

    #[test]
    fn the_css_reserves_the_same_heights() {
        assert_eq!(
            css(),
            ".chart-svg[data-kind=lines]{min-height:280px;max-height:340px}\
             .chart-svg[data-kind=lines]::before{padding-top:calc(100% / 2)}\
             .chart-svg[data-kind=bars]{min-height:220px;max-height:240px}\
             .chart-svg[data-kind=bars]::before{padding-top:calc(100% / 3)}\
             .chart-tornado{height:240px}"
        );
        assert_eq!(height(600, Kind::Tornado), 540);
    }
}
