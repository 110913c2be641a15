//! Colours: the light and dark palettes charts draw in, which colour a
//! series takes, and the same colours as CSS custom properties for the
//! page, so the two never differ.

use plotters::style::RGBColor;

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

/// The colours the page shares with its charts, as CSS custom properties on
/// `:root`, each `light-dark(light, dark)` as style/main.css writes its
/// other colours: the page's background, text, muted text and rules, the
/// series and the accent. Pages carry them inline (`web::pages::with_layout`),
/// so the page and its charts draw from one palette.
pub fn palette_css() -> String {
    let hex = |c: RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let (l, d) = (Palette::LIGHT, Palette::DARK);
    let shared = [
        ("--bg", l.background, d.background),
        ("--text", l.text, d.text),
        ("--muted", l.muted, d.muted),
        ("--rule", l.grid, d.grid),
        ("--series", l.series, d.series),
        ("--accent", l.accent, d.accent),
    ];
    let vars: String = shared.iter().map(|(name, light, dark)| format!("{name}:light-dark({},{});", hex(*light), hex(*dark))).collect();
    format!(":root{{{vars}}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_takes_the_colours_it_shares_with_charts_from_the_palette_alone() {
        let css = palette_css();
        assert!(css.starts_with(":root{--bg:light-dark(#faf8f3,#181715);--text:light-dark(#1d1d1b,#ece9e2);"), "{css}");
        assert!(css.contains("--series:light-dark(#1f5f99,#7fb8ef);") && css.ends_with("--accent:light-dark(#c44b0c,#ff9a52);}"), "{css}");
        // The stylesheet uses them and never writes a second copy.
        let sheet = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../style/main.css")).unwrap();
        for name in ["--bg", "--text", "--muted", "--rule", "--series", "--accent"] {
            assert!(sheet.contains(&format!("var({name})")), "main.css uses {name}");
            assert!(!sheet.contains(&format!("{name}:")), "main.css defines {name} again");
        }
    }
}
