//! The web: calculator state in URLs, embeds (addresses, snippet,
//! messages) and the site's HTML documents. Pure functions of strings; the
//! app only reads the browser's address and writes the result back.
//!
//! The top layer: uses [`crate::calculators`] and everything below.

pub mod api;
pub mod card;
pub mod controls;
pub mod dom;
pub mod embed;
pub mod pages;
pub mod prefs;
pub mod publish;
pub mod query;
pub mod svg_patch;
