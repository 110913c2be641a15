//! The share image as a phone's camera meets it: every calculator's share
//! image, in each language and palette, drawn by a real SVG renderer at the
//! PNG's scale with real fonts (Liberation Sans and Noto Sans CJK, as the
//! preview images), then read by a QR decoder that knows nothing of this
//! encoder. What it reads must be the link, character for character; and
//! every line of text, as the fonts lay it out, stays inside the image and
//! off the code.

use explainer_core::calculators::CALCULATORS;
use explainer_core::chart::{Palette, QrModules, Scale};
use explainer_core::model::Share;
use explainer_core::text::format::{Lang, Money};
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// The image as the page makes its PNG: twice its CSS size.
const SCALE: f32 = 2.0;

/// Where Debian's fonts-noto-cjk puts Noto Sans CJK, if `CJK_FONT` is unset.
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = usvg::fontdb::Database::new();
        for face in ["Regular", "Bold"] {
            let path = format!("{}/../../assets/fonts/LiberationSans-{face}.ttf", env!("CARGO_MANIFEST_DIR"));
            fonts.load_font_data(std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")));
        }
        let cjk = std::env::var("CJK_FONT").unwrap_or_else(|_| CJK_FONT.into());
        let data = std::fs::read(&cjk).unwrap_or_else(|e| panic!("{cjk}: {e} (scripts/ensure-tools installs fonts-noto-cjk)"));
        fonts.load_font_data(data);
        fonts.set_sans_serif_family("Liberation Sans");
        usvg::Options { fontdb: Arc::new(fonts), ..usvg::Options::default() }
    })
}

fn tree(svg: &str) -> usvg::Tree {
    usvg::Tree::from_str(svg, options()).expect("a valid SVG")
}

/// The boxes of every text the fonts laid out, in image pixels.
fn text_boxes(group: &usvg::Group, out: &mut Vec<tiny_skia::Rect>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => text_boxes(g, out),
            usvg::Node::Text(t) => out.push(t.abs_bounding_box()),
            usvg::Node::Path(_) | usvg::Node::Image(_) => {}
        }
    }
}

/// The code's white square (its quiet zone's edge), as the SVG places it.
fn code_square(svg: &str) -> tiny_skia::Rect {
    // The last white square: the code's own, on the foot's band.
    let rect = svg.rsplit("<rect fill=\"#FFFFFF\"").next().filter(|r| r.contains("crispEdges")).expect("a code");
    let attr = |name: &str| -> f32 { rect.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap() };
    tiny_skia::Rect::from_xywh(attr("x"), attr("y"), attr("width"), attr("height")).unwrap()
}

/// Every text inside the image, and none over the code.
fn check_layout(svg: &str, what: &str) {
    let tree = tree(svg);
    let (width, height) = (tree.size().width(), tree.size().height());
    let code = code_square(svg);
    let mut boxes = Vec::new();
    text_boxes(tree.root(), &mut boxes);
    assert!(boxes.len() > 10, "{what}: {} texts laid out: are the fonts there?", boxes.len());
    for b in boxes {
        assert!(
            b.left() >= 0.0 && b.right() <= width + 0.5 && b.bottom() <= height + 0.5,
            "{what}: a text at {b:?} leaves the {width} × {height} image"
        );
        assert!(b.intersect(&code).is_none(), "{what}: a text at {b:?} lies over the code at {code:?}");
    }
}

fn rendered(svg: &str) -> tiny_skia::Pixmap {
    let tree = tree(svg);
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new((size.width() as f32 * SCALE) as u32, (size.height() as f32 * SCALE) as u32).unwrap();
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    pixmap
}

/// Every QR code a decoder finds in `pixmap`, as text.
fn read(pixmap: &tiny_skia::Pixmap) -> Vec<String> {
    read_from(pixmap, 0)
}

/// The same in the rows from `top` down: what a phone frames when it is
/// pointed at the foot. (rqrr, like quirc, takes any ring of a chart, such
/// as a marker's circle, for a finder pattern when it reads a whole
/// dark image, and then fails to read the code it finds.)
fn read_from(pixmap: &tiny_skia::Pixmap, top: usize) -> Vec<String> {
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let pixels = pixmap.data();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h - top, |x, y| {
        let p = &pixels[((y + top) * w + x) * 4..][..3];
        ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2])) / 3) as u8
    });
    image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}

fn share_image(calc: &explainer_core::calculators::Calculator, lang: Lang, palette: &Palette, width: u32, link: &str) -> (String, u32) {
    let figure = (calc.figure)(&calc.defaults(), Scale::Linear, Money::USD, lang);
    let (size, dark) = share_qr::modules(link).expect("the link fits a QR code");
    let qr = QrModules::new(size, dark).expect("a QR code's shape");
    figure.share_svg(width, palette, &Share { link, qr: &qr, site: "China’s AI race after DeepSeek" }).expect("drawn")
}

#[test]
fn every_share_image_scans_to_its_link() {
    for calc in CALCULATORS {
        for (lang, palette) in [(Lang::En, Palette::LIGHT), (Lang::Zh, Palette::DARK)] {
            let suffix = if lang == Lang::Zh { ".zh" } else { "" };
            // A long link: a state with every input set, and the reader's currency.
            let query: Vec<String> = calc.params.iter().zip(calc.defaults()).map(|(p, v)| format!("{}={v}", p.key)).collect();
            let link = format!("https://example.org/china-ai/{}{suffix}.html?{}&cur=cny&fx=7.14", calc.id, query.join("&"));
            let (svg, height) = share_image(calc, lang, &palette, 540, &link);
            let written: u32 = svg.split("height=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
            assert_eq!(written, height, "{}", calc.id);
            check_layout(&svg, calc.id);
            let pixmap = rendered(&svg);
            assert_eq!(pixmap.width(), 1080, "{}", calc.id);
            let framed = (code_square(&svg).y() * SCALE) as usize - 40;
            assert_eq!(read_from(&pixmap, framed), vec![link.clone()], "{} in {lang:?}", calc.id);
            // The whole image too, where nothing in the chart looks like a finder.
            if palette == Palette::LIGHT {
                assert_eq!(read(&pixmap), vec![link.clone()], "{} in {lang:?}, whole", calc.id);
            }
            // The outputs as set are in it, each value once at least.
            let figure = (calc.figure)(&calc.defaults(), Scale::Linear, Money::USD, lang);
            for output in &figure.outputs {
                let value = output.value.text(lang);
                let first: String = value.chars().take(4).collect();
                assert!(svg.contains(&first), "{}: {value}", calc.id);
            }
            // The page's address as a reader would type it.
            assert!(svg.contains(&format!("example.org/china-ai/{}{suffix}.html<", calc.id)), "{}", calc.id);
        }
    }
}

#[test]
fn a_phone_width_image_still_scans_and_keeps_its_parts_inside() {
    let calc = CALCULATORS.iter().find(|c| c.id == "payback").unwrap();
    // A long address (a project site under a sub-path) on a narrow image:
    // the text goes under the code and the address breaks after a slash.
    let link = "https://someone.github.io/china-ai-race-explainer/payback.zh.html?invest=100&years=15";
    let (svg, height) = share_image(calc, Lang::Zh, &Palette::LIGHT, 320, link);
    check_layout(&svg, "payback at 320 px");
    assert_eq!(read(&rendered(&svg)), vec![link.to_string()]);
    assert!(height > 400, "{height}");
    assert!(svg.contains(">someone.github.io/<") || svg.contains("china-ai-race-explainer/<"), "the address breaks after a slash");
    // The image's export twin has no code and says where to go in words.
    let figure = (calc.figure)(&calc.defaults(), Scale::Linear, Money::USD, Lang::Zh);
    let (export, _) = figure.export_svg(320, &Palette::LIGHT, link).unwrap();
    assert!(read(&rendered(&export)).is_empty());
    assert!(export.contains("互动版："));
}
