//! The share image's QR encoder. The page builds a share image (the card as
//! set, with a QR code of its address) only when a reader asks for one, so
//! the encoder is not in the page's bundle: `scripts/qr-bundle.mjs` builds
//! this crate into a module of its own (`share-qr-<hash>.js`, a classic
//! script defining the global `shareQr`, and its WebAssembly), and the page
//! loads it on the first request ([`explainer_core::model::QrModules`]
//! draws what it returns).
//!
//! The encoding is Nayuki's `qrcodegen`: byte mode, error correction level
//! M (a phone reads it from a screen or a print), the smallest version that
//! holds the text.

use qrcodegen::{QrCode, QrCodeEcc};
use wasm_bindgen::prelude::*;

/// The QR code of `text`: its side in modules, and its modules row by row,
/// `true` for dark. `None` if `text` is too long for any QR code.
pub fn modules(text: &str) -> Option<(u32, Vec<bool>)> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let dark = (0..size).flat_map(|y| (0..size).map(move |x| (x, y))).map(|(x, y)| code.get_module(x, y)).collect();
    Some((u32::try_from(size).ok()?, dark))
}

/// [`modules`] for the page: one byte per module, row by row, 1 for dark
/// (the side is the square root of the length); empty if `text` does not
/// fit in a QR code.
#[wasm_bindgen]
pub fn qr(text: &str) -> Vec<u8> {
    modules(text).map(|(_, dark)| dark.into_iter().map(u8::from).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_encodes_to_a_square_of_modules_with_its_finder_patterns() {
        let link = "https://example.org/china-ai/market-growth.zh.html?start=3.2&rate=87.7&cur=cny&fx=7.14";
        let (size, dark) = modules(link).unwrap();
        assert!((21..=177).contains(&size) && (size - 17).is_multiple_of(4), "{size}");
        assert_eq!(dark.len(), (size * size) as usize);
        // Each corner's finder: a dark 7 × 7 ring around a light ring.
        let at = |x: u32, y: u32| dark[(y * size + x) as usize];
        for (cx, cy) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            assert!((0..7).all(|i| at(cx + i, cy) && at(cx, cy + i) && at(cx + 6, cy + i) && at(cx + i, cy + 6)));
            assert!((1..6).all(|i| !at(cx + i, cy + 1) && !at(cx + 1, cy + i)));
        }
        let bytes = qr(link);
        assert_eq!(bytes, dark.iter().map(|&d| u8::from(d)).collect::<Vec<_>>());
    }

    #[test]
    fn a_longer_text_takes_a_larger_code_and_too_long_a_text_none() {
        let short = modules("https://example.org/a.html").unwrap().0;
        let long = modules(&format!("https://example.org/a.html?{}", "x=1&".repeat(60))).unwrap().0;
        assert!(long > short, "{short} {long}");
        assert_eq!(modules(&"x".repeat(3000)), None);
        assert!(qr(&"x".repeat(3000)).is_empty());
    }
}
