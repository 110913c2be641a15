//! A QR code drawn into an SVG document: the share image's link to the
//! calculator as set. The modules come from the share image's encoder,
//! which the page loads only when asked (crates/share-qr); this draws them,
//! dark on white whatever the palette, with the quiet zone scanners need.

use crate::text::num::push_uint;

/// The modules around a code that must stay light, on each side.
pub const QUIET: u32 = 4;

/// A QR code's modules, row by row, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrModules {
    size: u32,
    dark: Vec<bool>,
}

impl QrModules {
    /// `dark` as a code `size` modules wide; `None` unless `size` is a QR
    /// code's side (21 to 177, in steps of 4) and `dark` holds `size²`
    /// modules.
    pub fn new(size: u32, dark: Vec<bool>) -> Option<Self> {
        let square = usize::try_from(size).ok()?.checked_mul(usize::try_from(size).ok()?)?;
        ((21..=177).contains(&size) && (size - 21).is_multiple_of(4) && dark.len() == square).then_some(QrModules { size, dark })
    }

    /// From the encoder's bytes (1 for dark, row by row, the side the
    /// square root of the length).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let size = (21..=177u32).step_by(4).find(|s| (s * s) as usize == bytes.len())?;
        QrModules::new(size, bytes.iter().map(|&b| b != 0).collect())
    }

    /// The side in modules.
    pub fn size(&self) -> u32 {
        self.size
    }

    /// The side of the drawing, quiet zone included, at `module` pixels a
    /// module.
    pub fn side(&self, module: u32) -> u32 {
        (self.size + 2 * QUIET) * module
    }

    /// Appends the code at `(x, y)` (the quiet zone's corner), `module`
    /// pixels a module: a white square and one path of dark runs.
    pub fn push_svg(&self, out: &mut String, (x, y): (u32, u32), module: u32) {
        let side = self.side(module);
        for (name, value) in [("<rect fill=\"#FFFFFF\" x=\"", x), ("\" y=\"", y), ("\" width=\"", side), ("\" height=\"", side)] {
            out.push_str(name);
            push_uint(out, value.into());
        }
        out.push_str("\"/><path fill=\"#000000\" shape-rendering=\"crispEdges\" d=\"");
        let n = self.size as usize;
        for (row, modules) in self.dark.chunks(n).enumerate() {
            let mut col = 0;
            while col < n {
                if !modules[col] {
                    col += 1;
                    continue;
                }
                let run = modules[col..].iter().take_while(|&&d| d).count();
                let (left, top) = (x + (QUIET + col as u32) * module, y + (QUIET + row as u32) * module);
                out.push('M');
                push_uint(out, left.into());
                out.push(' ');
                push_uint(out, top.into());
                out.push('h');
                push_uint(out, (run as u32 * module).into());
                out.push('v');
                push_uint(out, module.into());
                out.push('h');
                out.push('-');
                push_uint(out, (run as u32 * module).into());
                out.push('z');
                col += run;
            }
        }
        out.push_str("\"/>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkerboard(size: u32) -> Vec<bool> {
        (0..size * size).map(|i| (i / size + i % size).is_multiple_of(2)).collect()
    }

    #[test]
    fn only_a_qr_codes_sides_and_a_full_square_are_taken() {
        assert!(QrModules::new(21, checkerboard(21)).is_some());
        assert!(QrModules::new(177, checkerboard(177)).is_some());
        for size in [0, 17, 20, 22, 23, 181] {
            assert_eq!(QrModules::new(size, checkerboard(size)), None, "{size}");
        }
        assert_eq!(QrModules::new(21, checkerboard(21)[1..].to_vec()), None);
        assert_eq!(QrModules::from_bytes(&[1; 25 * 25]).map(|q| q.size()), Some(25));
        assert_eq!(QrModules::from_bytes(&[1; 24 * 24]), None);
        assert_eq!(QrModules::from_bytes(&[]), None);
    }

    #[test]
    fn each_dark_run_is_one_rectangle_of_the_path_on_a_white_square() {
        // Row 0 dark from column 2 to 4, everything else light.
        let mut dark = vec![false; 21 * 21];
        dark[2..5].fill(true);
        let qr = QrModules::new(21, dark).unwrap();
        let mut out = String::new();
        qr.push_svg(&mut out, (10, 20), 3);
        assert_eq!(qr.side(3), (21 + 8) * 3);
        assert_eq!(
            out,
            "<rect fill=\"#FFFFFF\" x=\"10\" y=\"20\" width=\"87\" height=\"87\"/>\
             <path fill=\"#000000\" shape-rendering=\"crispEdges\" d=\"M28 32h9v3h-9z\"/>"
        );
        // Every dark module is drawn: a checkerboard's are all runs of one.
        let board = QrModules::new(21, checkerboard(21)).unwrap();
        let mut out = String::new();
        board.push_svg(&mut out, (0, 0), 2);
        assert_eq!(out.matches('M').count(), checkerboard(21).iter().filter(|&&d| d).count());
    }
}
