//! Pure maths the calculators and derived facts share: compound growth,
//! the logistic curve, discounted cash flows. Plain numbers in, plain
//! numbers out; a result that may not exist is an `Option`.
//!
//! Uses only [`crate::text::num`] (for `pow`).

pub mod finance;
pub mod growth;
pub mod logistic;
pub mod uncertainty;
