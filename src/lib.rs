//! The explainer's user interface: a thin Leptos layer over
//! [`explainer_core`]. Components read the core's data and maths and render
//! them; they hold no figures and do no projection maths of their own.

pub mod app;
pub mod browser;
pub mod calculator;
pub mod chart;
pub mod intl;
pub mod market;
pub mod story;

pub use app::App;
pub use calculator::ParamField;
pub use market::MarketGrowth;
