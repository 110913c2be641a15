//! The explainer's user interface: a thin Leptos layer over
//! [`explainer_core`]. Components read the core's data and maths and render
//! them; they hold no figures and do no projection maths of their own.

pub mod app;
pub mod browser;
pub mod calculator;
pub mod calculators;
pub mod chart;
pub mod intl;
pub mod live;
pub mod page;
pub mod share;
pub mod story;
pub mod widget;

pub use app::App;
pub use calculator::ParamField;
pub use calculators::calculator;
