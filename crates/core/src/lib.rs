//! The explainer's pure core: facts with their sources, the story text,
//! projection maths, input validation and chart drawing.
//!
//! Nothing here knows about Leptos, the DOM or the browser. Every function
//! takes plain values and returns plain values (or draws on any plotters
//! backend), so all of it is tested natively with `cargo test`.

pub mod adoption;
pub mod calc;
pub mod chart;
pub mod ecosystem;
pub mod embed;
pub mod facts;
pub mod figure;
pub mod format;
pub mod hospital;
pub mod inference;
pub mod market;
pub mod num;
pub mod pages;
pub mod query;
pub mod payback;
pub mod story;
pub mod subsidy;
pub mod svg;
pub mod table;
pub mod value_gap;
pub mod widgets;

pub use calc::{Calculator, InputError, Param};
pub use facts::{Fact, Kind, Unit};
