//! Preview images: each figure's link-preview SVG (from the core, the same
//! chart code the page draws with) rasterized to a PNG, natively, with the
//! bundled Liberation Sans (assets/fonts, SIL Open Font License) as the
//! sans-serif, so every machine makes the same image, and for Chinese text
//! Noto Sans CJK (SIL OFL), which `scripts/ensure-tools` installs from
//! Debian's fonts-noto-cjk and names in `CJK_FONT`. A character no font has
//! a glyph for fails the build rather than print as a box.

use explainer_core::chart::Palette;
use explainer_core::model::figure::PREVIEW_SIZE;
use explainer_core::model::Figure;
use explainer_core::text::format::Lang;
use explainer_core::web::publish::{site_name, PREVIEW_PIXELS};
use resvg::{tiny_skia, usvg};
use std::sync::Arc;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// Rasterizes previews with the bundled fonts.
pub struct Rasterizer {
    options: usvg::Options<'static>,
}

/// Where Debian's fonts-noto-cjk puts Noto Sans CJK, if `CJK_FONT` is unset.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

impl Rasterizer {
    /// With Liberation Sans, and Noto Sans CJK from `cjk_font` (its bold
    /// beside it, where there is one).
    pub fn new(cjk_font: Option<&str>) -> Result<Self, String> {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(REGULAR.to_vec());
        fonts.load_font_data(BOLD.to_vec());
        let cjk = cjk_font.unwrap_or(CJK_FONT);
        let data = std::fs::read(cjk).map_err(|e| {
            format!("cannot read the Chinese font {cjk} ({e}): run scripts/ensure-tools, which installs fonts-noto-cjk, or set CJK_FONT")
        })?;
        fonts.load_font_data(data);
        // The bold weight, for titles, where the package has it.
        if let Ok(bold) = std::fs::read(cjk.replace("-Regular", "-Bold")) {
            fonts.load_font_data(bold);
        }
        fonts.set_sans_serif_family("Liberation Sans");
        let options = usvg::Options { fontdb: Arc::new(fonts), ..usvg::Options::default() };
        Ok(Rasterizer { options })
    }

    /// `figure`'s preview, for a page in `lang`, as a PNG of [`PREVIEW_PIXELS`].
    pub fn preview_png(&self, figure: &Figure, lang: Lang) -> Result<Vec<u8>, String> {
        let svg = figure.preview_svg(&Palette::LIGHT, site_name(lang)).map_err(|e| format!("drawing failed: {e}"))?;
        self.png(&svg)
    }

    /// The characters of `svg`'s text that no loaded font has a glyph for.
    pub fn missing_glyphs(&self, svg: &str) -> Result<Vec<char>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("not a valid SVG: {e}"))?;
        let mut text = String::new();
        collect_text(tree.root(), &mut text);
        let fonts = &self.options.fontdb;
        let has = |c: char| {
            fonts.faces().any(|face| {
                fonts
                    .with_face_data(face.id, |data, index| ttf_parser::Face::parse(data, index).ok().and_then(|f| f.glyph_index(c)).is_some())
                    .unwrap_or(false)
            })
        };
        let mut missing: Vec<char> = text.chars().filter(|c| !c.is_whitespace() && !has(*c)).collect();
        missing.sort_unstable();
        missing.dedup();
        Ok(missing)
    }

    /// An SVG document of [`PREVIEW_SIZE`] as a PNG of [`PREVIEW_PIXELS`];
    /// an error if any of its text has no glyph.
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let missing = self.missing_glyphs(svg)?;
        if !missing.is_empty() {
            return Err(format!("no font has a glyph for {missing:?}"));
        }
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("not a valid SVG: {e}"))?;
        let (w, h) = PREVIEW_PIXELS;
        let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("no pixmap")?;
        let scale = w as f32 / PREVIEW_SIZE.0 as f32;
        resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
    }
}

/// Every text node's characters under `group`.
fn collect_text(group: &usvg::Group, out: &mut String) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_text(g, out),
            usvg::Node::Text(t) => t.chunks().iter().for_each(|chunk| out.push_str(chunk.text())),
            usvg::Node::Path(_) | usvg::Node::Image(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(text: &str) -> String {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"315\"><text x=\"10\" y=\"30\" font-family=\"sans-serif\">{text}</text></svg>")
    }

    #[test]
    fn every_glyph_of_a_preview_is_there_or_the_build_fails() {
        let r = Rasterizer::new(std::env::var("CJK_FONT").ok().as_deref()).expect("run scripts/ensure-tools for the Chinese font");
        assert_eq!(r.missing_glyphs(&svg("US$140 bn · 1400亿美元，约五分之一。")).unwrap(), Vec::<char>::new());
        // A character from a script neither font covers (Linear B).
        let missing = r.missing_glyphs(&svg("中国 \u{10000}")).unwrap();
        assert_eq!(missing, vec!['\u{10000}']);
        assert!(r.png(&svg("\u{10000}")).is_err_and(|e| e.contains("no font has a glyph")));
        assert!(r.png(&svg("中文预览")).is_ok());
    }
}
