//! Content: the facts with their sources (`content/facts.toml`) and the
//! story's text (`content/story.md`, `content/story-zh.md`) and the Chinese
//! edition's glossary (`content/glossary.toml`), as data.
//!
//! Uses [`crate::text`] to write figures and [`crate::maths`] to compute
//! derived ones.

pub mod facts;
pub mod glossary;
pub mod story;
