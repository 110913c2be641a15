//! The explainer's pure core: facts with their sources, the story text,
//! projection maths, input validation and chart drawing.
//!
//! Nothing here knows about Leptos, the DOM or the browser. Every function
//! takes plain values and returns plain values (or draws on any plotters
//! backend), so all of it is tested natively with `cargo test`.

pub mod calc;
pub mod chart;
pub mod facts;
pub mod format;
pub mod market;
pub mod story;

pub use calc::{Calculator, InputError, Param};
pub use facts::{Fact, Kind, Unit};
