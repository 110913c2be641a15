//! The explainer's pure core: facts with their sources, the story text,
//! projection maths, input validation, charts, and the calculators built
//! from them.
//!
//! Nothing here knows about Leptos, the DOM or the browser. Every function
//! takes plain values and returns plain values (or draws on any plotters
//! backend), so all of it is tested natively with `cargo test`.
//!
//! The modules are layers; each uses only those listed before it (a test,
//! `tests/layers.rs`, keeps it so):
//!
//! 1. [`text`]: numbers to and from text, the one formatter, escaping;
//! 2. [`maths`]: growth, the logistic curve, discounting;
//! 3. [`chart`]: charts as data, drawn on any plotters backend;
//! 4. [`content`]: the facts and the story;
//! 5. [`model`]: inputs, outputs, figures and tables;
//! 6. [`calculators`]: one module per calculator, and the registry;
//! 7. [`web`]: URL state, embeds and the site's pages.

pub mod calculators;
pub mod chart;
pub mod content;
pub mod maths;
pub mod model;
pub mod text;
pub mod web;

/// A property test's configuration: `n` cases, times `PROPTEST_TIMES` when
/// it is set (`scripts/hunt` sets it to search much further).
#[cfg(test)]
pub(crate) fn cases(n: u32) -> proptest::test_runner::Config {
    let times = std::env::var("PROPTEST_TIMES").ok().and_then(|t| t.parse::<u32>().ok()).unwrap_or(1).max(1);
    proptest::test_runner::Config::with_cases(n.saturating_mul(times))
}
