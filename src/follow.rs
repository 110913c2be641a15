//! The story's paragraphs that follow a calculator (`[follow id]`): each
//! says what the calculator's current numbers imply, once per pause in
//! input (so a screen reader hears it once, politely), marked as the
//! reader's own scenario with a way back to the reported figures.

use crate::card::CalcState;
use explainer_core::web::dom::{self, attr, part};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Connects a live card to its paragraph, if the story has one.
pub fn connect(state: CalcState) {
    let Some(el) = paragraph(state) else { return };
    state.on_settle.set_value(Some(update));
    // At once (opened from a link with the reader's own numbers), and
    // whenever the currency changes, which changes no input.
    Effect::new(move |_| {
        state.money.track();
        update(state);
    });
    if let Ok(Some(back)) = el.query_selector(&dom::selector(part::FOLLOW_BACK)) {
        let on_click = Closure::<dyn FnMut()>::new(move || {
            state.reset();
            // The button hides itself: keep the reader's place on the sentence.
            if let Ok(Some(text)) = el.query_selector(&dom::selector(part::FOLLOW_TEXT)) {
                let _ = text.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
        let _ = back.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_click.forget();
    }
}

/// Keeps the story's yuan notes (after each dollar figure, shown when the
/// reader asks for yuan) at the reader's rate.
pub fn follow_money() {
    let money = crate::prefs::use_prefs().money;
    let lang = crate::page::lang();
    Effect::new(move |_| {
        let money = money.get();
        let Ok(notes) = document().query_selector_all(&format!(".fx[{}]", attr::FACT)) else { return };
        for i in 0..notes.length() {
            let Some(el) = notes.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let Some(id) = el.get_attribute(attr::FACT).as_deref().and_then(explainer_core::content::facts::find) else { continue };
            let text = explainer_core::content::facts::in_money(id, money, lang);
            if !text.is_empty() && el.text_content().as_deref() != Some(text.as_str()) {
                el.set_text_content(Some(&text));
            }
        }
    });
}

fn paragraph(state: CalcState) -> Option<web_sys::Element> {
    document().query_selector(&format!("[{}=\"{}\"]", attr::FOLLOW, state.calc.id)).ok().flatten()
}

/// Rewrites the paragraph for the card's current numbers, touching only
/// what changed.
fn update(state: CalcState) {
    let Some(el) = paragraph(state) else { return };
    let Some(prose) = state.figure.with_untracked(|f| f.prose.clone()) else { return };
    if let Ok(Some(text)) = el.query_selector(&dom::selector(part::FOLLOW_TEXT)) {
        if text.text_content().as_deref() != Some(prose.text.as_str()) {
            text.set_text_content(Some(&prose.text));
        }
    }
    let _ = el.class_list().toggle_with_force("follow-yours", prose.yours);
    if let Ok(Some(tag)) = el.query_selector(&dom::selector(part::FOLLOW_TAG)) {
        let _ = tag.toggle_attribute_with_force("hidden", !prose.yours);
    }
}
