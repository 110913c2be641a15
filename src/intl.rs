//! Live numbers formatted by the browser's `Intl.NumberFormat`.

#[cfg(target_arch = "wasm32")]
use js_sys::{Array, Function, Intl, Object, Reflect};
#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;

/// The page is written in English; numbers follow it, whatever the reader's
/// locale, so "1,400" in a sentence reads the same as in a calculator.
#[cfg(target_arch = "wasm32")]
const LOCALE: &str = "en-US";

/// Decimal places anyone asks for stay well below this.
#[cfg(target_arch = "wasm32")]
const MAX_DECIMALS: usize = 8;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// One formatter per number of decimal places, made on first use.
    static FORMATTERS: RefCell<[Option<Function>; MAX_DECIMALS + 1]> = const { RefCell::new([const { None }; MAX_DECIMALS + 1]) };
}

#[cfg(target_arch = "wasm32")]
fn formatter(decimals: usize) -> Function {
    let decimals = decimals.min(MAX_DECIMALS);
    FORMATTERS.with(|cache| {
        cache.borrow_mut()[decimals]
            .get_or_insert_with(|| {
                let options = Object::new();
                let digits = JsValue::from_f64(decimals as f64);
                let _ = Reflect::set(&options, &"minimumFractionDigits".into(), &digits);
                let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &digits);
                let locales = Array::of1(&LOCALE.into());
                Intl::NumberFormat::new(&locales, &options).format()
            })
            .clone()
    })
}

/// `x` with `decimals` places and thousands separators; an en dash for a
/// value that is not finite, so "NaN" never reaches the page.
#[cfg(not(target_arch = "wasm32"))]
pub fn number(x: f64, decimals: usize) -> String {
    // Rendering at build time, natively: the same digits Intl writes.
    explainer_core::format::grouped(x, decimals).replace('−', "-")
}

/// `x` with `decimals` places and thousands separators; an en dash for a
/// value that is not finite, so "NaN" never reaches the page.
#[cfg(target_arch = "wasm32")]
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    formatter(decimals)
        .call1(&JsValue::NULL, &JsValue::from_f64(x))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| explainer_core::format::grouped(x, decimals))
}

/// Makes the formatter most outputs use, so the cost of the browser's
/// first `Intl.NumberFormat` (loading locale data) is paid now.
pub fn warm() {
    #[cfg(target_arch = "wasm32")]
    let _ = formatter(1);
}

/// A percentage from a fraction: `percent(0.877, 1)` is "87.7%".
pub fn percent(fraction: f64, decimals: usize) -> String {
    format!("{}%", number(fraction * 100.0, decimals))
}

/// US dollars with an optional unit word, sign first: "US$140.0 bn",
/// "−US$10.3 m".
pub fn usd(x: f64, decimals: usize, unit: &str) -> String {
    let sign = if x < 0.0 && number(x.abs(), decimals).bytes().any(|b| (b'1'..=b'9').contains(&b)) { "−" } else { "" };
    let space = if unit.is_empty() { "" } else { " " };
    format!("{sign}US${}{space}{unit}", number(x.abs(), decimals))
}

/// US dollars in billions: "US$140.0 bn".
pub fn usd_bn(x: f64, decimals: usize) -> String {
    usd(x, decimals, "bn")
}
