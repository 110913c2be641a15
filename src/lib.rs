//! The explainer's user interface: a thin Leptos layer over
//! [`explainer_core`]. Components read the core's data and maths and render
//! them; they hold no figures, do no projection maths, and know no
//! calculator by name.
//!
//! Modules, each using only those listed before it (a native test in the
//! core, `tests/layers.rs`, checks there is no cycle):
//! [`browser`], [`page`], [`theme`], [`card`], [`api`] (the embed API),
//! [`follow`] (the story's sentences that follow a calculator), [`story`]
//! and [`embed`] (the two pages), [`live`].

pub mod api;
pub mod browser;
pub mod card;
pub mod embed;
pub mod follow;
pub mod live;
pub mod page;
pub mod story;
pub mod theme;
