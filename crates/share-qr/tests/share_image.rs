//! The share image as a phone's camera meets it: every calculator's share
//! image, in each language and palette, drawn by a real SVG renderer at the
//! PNG's scale, then read by a QR decoder that knows nothing of this
//! encoder. What it reads must be the link, character for character.

use explainer_core::calculators::CALCULATORS;
use explainer_core::chart::{Palette, QrModules, Scale};
use explainer_core::model::Share;
use explainer_core::text::format::{Lang, Money};
use resvg::{tiny_skia, usvg};

/// The image as the page makes its PNG: twice its CSS size.
const SCALE: f32 = 2.0;

fn rendered(svg: &str) -> tiny_skia::Pixmap {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).expect("a valid SVG");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new((size.width() as f32 * SCALE) as u32, (size.height() as f32 * SCALE) as u32).unwrap();
    resvg::render(&tree, tiny_skia::Transform::from_scale(SCALE, SCALE), &mut pixmap.as_mut());
    pixmap
}

/// Every QR code a decoder finds in `pixmap`, as text.
fn read(pixmap: &tiny_skia::Pixmap) -> Vec<String> {
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let pixels = pixmap.data();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| {
        let p = &pixels[(y * w + x) * 4..][..3];
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
            let pixmap = rendered(&svg);
            assert_eq!(pixmap.width(), 1080, "{}", calc.id);
            assert_eq!(read(&pixmap), vec![link.clone()], "{} in {lang:?}", calc.id);
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
    let link = "https://example.org/payback.zh.html?invest=100&years=15";
    let (svg, height) = share_image(calc, Lang::Zh, &Palette::LIGHT, 320, link);
    assert_eq!(read(&rendered(&svg)), vec![link.to_string()]);
    assert!(height > 400, "{height}");
    // The image's export twin has no code and says where to go in words.
    let figure = (calc.figure)(&calc.defaults(), Scale::Linear, Money::USD, Lang::Zh);
    let (export, _) = figure.export_svg(320, &Palette::LIGHT, link).unwrap();
    assert!(read(&rendered(&export)).is_empty());
    assert!(export.contains("互动版："));
}
