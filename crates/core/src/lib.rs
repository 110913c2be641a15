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

pub mod text;
pub mod maths;
pub mod chart;
pub mod content;
pub mod model;
pub mod calculators;
pub mod web;
