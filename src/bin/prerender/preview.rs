//! Preview images: each figure's link-preview SVG (from the core, the same
//! chart code the page draws with) rasterized to a PNG, natively, with the
//! bundled Liberation Sans (assets/fonts, SIL Open Font License) as the
//! sans-serif, so every machine makes the same image.

use explainer_core::chart::Palette;
use explainer_core::model::figure::PREVIEW_SIZE;
use explainer_core::model::Figure;
use explainer_core::web::publish::{PREVIEW_PIXELS, SITE_NAME};
use resvg::{tiny_skia, usvg};
use std::sync::Arc;

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// Rasterizes previews with the bundled fonts.
pub struct Rasterizer {
    options: usvg::Options<'static>,
}

impl Rasterizer {
    pub fn new() -> Self {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(REGULAR.to_vec());
        fonts.load_font_data(BOLD.to_vec());
        fonts.set_sans_serif_family("Liberation Sans");
        let options = usvg::Options { fontdb: Arc::new(fonts), ..usvg::Options::default() };
        Rasterizer { options }
    }

    /// `figure`'s preview as a PNG of [`PREVIEW_PIXELS`].
    pub fn preview_png(&self, figure: &Figure) -> Result<Vec<u8>, String> {
        let svg = figure.preview_svg(&Palette::LIGHT, SITE_NAME).map_err(|e| format!("drawing failed: {e}"))?;
        self.png(&svg)
    }

    /// An SVG document of [`PREVIEW_SIZE`] as a PNG of [`PREVIEW_PIXELS`].
    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("not a valid SVG: {e}"))?;
        let (w, h) = PREVIEW_PIXELS;
        let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or("no pixmap")?;
        let scale = w as f32 / PREVIEW_SIZE.0 as f32;
        resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| format!("PNG encoding failed: {e}"))
    }
}
