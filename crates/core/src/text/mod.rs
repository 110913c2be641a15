//! Text: numbers to and from decimal text, the one formatter every number
//! on the site goes through, HTML escaping, and the house style as rules.
//!
//! This is the bottom layer: it uses nothing else in the crate.

pub mod format;
pub mod html;
pub mod num;
pub mod style;
