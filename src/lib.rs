//! The explainer's user interface: a thin Leptos layer over
//! [`explainer_core`]. Components read the core's data and maths and render
//! them; they hold no figures, do no projection maths, and know no
//! calculator by name.
//!
//! Modules, each using only those listed before it (a native test in the
//! core, `tests/layers.rs`, reads this list and checks it):
//! [`browser`], [`page`], [`prefs`] (colours and currency), [`card`],
//! [`api`] (the embed API), [`follow`] (the story's sentences that follow a
//! calculator), [`live`] (bringing a page's cards to life), [`story`],
//! [`embed`].

pub mod api;
pub mod browser;
pub mod card;
pub mod embed;
pub mod follow;
pub mod live;
pub mod page;
pub mod prefs;
pub mod story;
