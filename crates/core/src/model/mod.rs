//! The model of a calculator: its inputs ([`Param`], declared with
//! [`inputs!`](crate::inputs)), and what one state of it shows ([`Figure`]:
//! chart, text, [`Output`]s, [`Table`]).
//!
//! Uses [`crate::text`], [`crate::content`] (the facts defaults rest on) and
//! [`crate::chart`].

pub mod claim;
pub mod figure;
pub mod inputs;
pub mod output;
pub mod param;
pub mod range;
pub mod table;

pub use claim::{Claim, Claims, Noun};
pub use figure::{Figure, Prose, Share};
pub use output::{Output, Per, Quantity};
pub use param::{InputError, Param, Source};
pub use table::{Cell, Column, Table};
