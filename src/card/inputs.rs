//! A calculator's controls: a slider and a number field per input, the
//! converter fields and the buttons under them, all written by the core
//! (`web::controls`) and driven by one input handler, one click handler and
//! one effect: a reactive view per element cost several kilobytes of code.

use super::state::CalcState;
use crate::browser::listen;
use explainer_core::calculators::Extra;
use explainer_core::model::param::Shown;
use explainer_core::text::num;
use explainer_core::web::controls;
use explainer_core::web::dom::{self, Button, Control};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

/// The element with this id inside `root`.
fn part(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[id=\"{id}\"]")).ok().flatten()
}

/// A number field and the element that says why its text was refused.
struct Field {
    input: HtmlInputElement,
    error: Option<Element>,
}

impl Field {
    /// Field `id` inside `root`.
    fn find(root: &Element, id: &str) -> Option<Field> {
        let input = part(root, id)?.unchecked_into();
        Some(Field { input, error: part(root, &dom::sibling_id(id, Control::Error)) })
    }

    /// Shows why the text was refused, or clears the message (touching
    /// nothing when there is none: this runs on every movement of a slider).
    fn show_error(&self, error: Option<&str>) {
        if error.is_none() && self.input.get_attribute("aria-invalid").as_deref() != Some("true") {
            return;
        }
        let _ = self.input.set_attribute("aria-invalid", if error.is_some() { "true" } else { "false" });
        if let Some(message) = &self.error {
            message.set_text_content(error);
        }
    }
}

/// Drives the controls in `root` (a card's `.calc-inputs`): every input's
/// slider and field kept in step, the converters, and the Reset and extra
/// buttons. Where the page shows stand-ins for the controls (the
/// prerendered story), the real ones take their place first, in the same
/// boxes.
///
/// A field keeps exactly what the reader types ("0.", "-", ""), and only a
/// valid number changes the calculator; otherwise a message says why, and
/// the results keep the last valid value.
pub fn bind(root: &Element, state: CalcState) {
    let (calc, lang) = (state.calc, state.lang);
    if root.query_selector("input").ok().flatten().is_none() {
        root.set_inner_html(&state.values.with_untracked(|v| controls::inputs_html(calc, v, true, lang)));
    }
    // Each input as the page's language shows it: a Chinese field in
    // 亿美元 shows ten times a value in US$ bn.
    let shown: Vec<Shown> = calc.params.iter().map(|p| p.shown(lang)).collect();
    let typed_in = shown.clone();

    // When a value changes from elsewhere (slider, reset, a converter, a
    // button), move its slider and rewrite its fields, unless a field
    // already holds that value as typed. The elements are found once: this
    // runs on every movement of a slider.
    let mut sliders = Vec::new();
    let mut fields = Vec::new();
    for param in calc.params {
        let id = controls::field_id(calc, param.key);
        sliders.push(part(root, &dom::sibling_id(&id, Control::Slider)).map(JsCast::unchecked_into::<HtmlInputElement>));
        fields.push(Field::find(root, &id));
    }
    let mut converters = Vec::new();
    for extra in calc.extras {
        if let Extra::Converter(c) = extra {
            converters.push((c, Field::find(root, &controls::field_id(calc, c.key))));
        }
    }
    Effect::new(move |_| {
        state.values.with(|values| {
            for (((shown, &value), slider), field) in shown.iter().zip(values).zip(&sliders).zip(&fields) {
                if let Some(slider) = slider {
                    // A slider reads back its value as a float a hair off
                    // the snapped one: a small fraction of a step is equal.
                    let at = value * shown.factor;
                    let off = (slider.value_as_number() - at).abs();
                    if off.is_nan() || off > shown.field.step * 1e-6 {
                        slider.set_value_as_number(at);
                    }
                }
                if let Some(field) = field {
                    if shown.parse(&field.input.value()).ok() != Some(value) {
                        field.input.set_value(&shown.text(value));
                        field.show_error(None);
                    }
                }
            }
            for (c, field) in &converters {
                if let Some(field) = field {
                    let typed = c.read(&field.input.value(), calc.params, values, lang).ok();
                    if typed.is_none_or(|x| Some(x) != values.get(c.input).copied()) {
                        field.input.set_value(&c.text(values, lang));
                        field.show_error(None);
                    }
                }
            }
        });
    });

    let node = root.clone();
    listen(root, "input", move |ev| {
        let Some(field) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        let id = field.id();
        let typed = field.value();
        let Some((key, control)) = dom::read_control_id(calc.id, &id) else { return };
        if control == Control::Slider {
            if let (Some(index), Some(x)) = (calc.params.iter().position(|p| p.key == key), num::parse(&typed)) {
                state.set(index, calc.params[index].snap(x / typed_in[index].factor));
            }
            return;
        }
        let read = if let Some(index) = calc.params.iter().position(|p| p.key == key) {
            typed_in[index].parse(&typed).map(|x| (index, x)).map_err(|e| e.message(lang))
        } else if let Some(c) = calc.extras.iter().find_map(|e| match e {
            Extra::Converter(c) if c.key == key => Some(c),
            _ => None,
        }) {
            state.values.with_untracked(|v| c.read(&typed, calc.params, v, lang)).map(|x| (c.input, x))
        } else {
            return;
        };
        if let Some(field) = Field::find(&node, &id) {
            field.show_error(read.as_ref().err().map(String::as_str));
        }
        if let Ok((index, x)) = read {
            state.set(index, x);
        }
    });

    listen(root, "click", move |ev| {
        let extra = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest(&format!("[{}]", dom::attr::EXTRA)).ok().flatten())
            .and_then(|e| e.get_attribute(dom::attr::EXTRA))
            .and_then(|b| Button::parse(&b));
        match extra {
            Some(Button::Reset) => state.reset(),
            Some(Button::Extra(i)) => {
                if let Some(Extra::SetInput { input, value, .. }) = calc.extras.get(i) {
                    let x = state.values.with_untracked(|v| value(v));
                    if let Some(param) = calc.params.get(*input) {
                        state.set(*input, param.snap(x));
                    }
                }
            }
            None => {}
        }
    });
}
