//! The Embed dialog: one for the whole page, built the first time a reader
//! asks for it (its markup is the core's
//! [`dialog_html`](explainer_core::web::embed::dialog_html), its ids
//! [`dom::dialog`](explainer_core::web::dom::dialog)'s) and filled in for
//! whichever calculator opened it. Its controls are read and written
//! directly: one rarely used dialog is not worth a reactive view per card.

use super::state::CalcState;
use crate::browser::{copy, listen, site_base};
use explainer_core::text::format::{Currency, Lang, Money};
use explainer_core::web::dom::dialog::{self as ids, DIALOG as ID};
use explainer_core::web::embed::{self, Layout, Options};
use explainer_core::web::prefs::{self, ColorScheme};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

thread_local! {
    /// The calculator the dialog is showing.
    static SHOWING: Cell<Option<CalcState>> = const { Cell::new(None) };
    /// The snippet the dialog shows, for the Copy button.
    static SNIPPET: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Opens the dialog for `state`'s calculator, as it is set now.
pub fn open(state: CalcState) {
    let Some(dialog) = dialog() else { return };
    SHOWING.with(|s| s.set(Some(state)));
    // The snippet starts in the currency the page shows.
    let cny = state.money.get_untracked().currency == Currency::Cny;
    if let Some(radio) = element(&ids::currency(if cny { Currency::Cny } else { Currency::Usd })) {
        let _ = js_sys::Reflect::set(&radio, &"checked".into(), &true.into());
    }
    refresh();
    let _ = dialog.show_modal();
}

/// The page's dialog, built on first use.
fn dialog() -> Option<web_sys::HtmlDialogElement> {
    if let Some(found) = document().get_element_by_id(ID) {
        return found.dyn_into().ok();
    }
    let dialog: web_sys::HtmlDialogElement = document().create_element("dialog").ok()?.dyn_into().ok()?;
    dialog.set_id(ID);
    dialog.set_class_name("embed-dialog");
    let _ = dialog.set_attribute("aria-labelledby", ids::TITLE);
    let lang = crate::page::lang();
    dialog.set_inner_html(&embed::dialog_html(lang));
    // Options changed: a new snippet and preview.
    listen(&dialog, "change", |_| refresh());
    listen(&dialog, "click", move |ev| {
        let id = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|t| t.id()).unwrap_or_default();
        match id.as_str() {
            ids::COPY => {
                copy(SNIPPET.with(|s| s.borrow().clone()), |text| set_text(ids::STATUS, text), lang.pick(["Code copied.", "代码已复制。"]), lang)
            }
            ids::CLOSE => {
                if let Some(d) = element(ID).and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
                    d.close();
                }
                // At once: the close event comes a task later.
                stop_preview();
            }
            _ => {}
        }
    });
    // Closed (by its button or the Escape key): stop the preview.
    listen(&dialog, "close", |_| stop_preview());
    document().body()?.append_child(&dialog).ok()?;
    Some(dialog)
}

/// Writes the snippet and the preview for the calculator showing and the
/// options chosen.
fn refresh() {
    let Some(state) = SHOWING.with(Cell::get) else { return };
    let theme = [ColorScheme::Light, ColorScheme::Dark].into_iter().find(|t| checked(&ids::theme(*t))).unwrap_or_default();
    // Yuan at the page's rate, or the default one.
    let page = state.money.get_untracked();
    let money = if checked(&ids::currency(Currency::Cny)) {
        Money { currency: Currency::Cny, rate: if page.currency == Currency::Cny { page.rate } else { prefs::default_rate() } }
    } else {
        Money::USD
    };
    let layout = [Layout::Compact, Layout::Tabs].into_iter().find(|l| checked(&ids::layout(*l))).unwrap_or_default();
    let lang = [Lang::En, Lang::Zh].into_iter().find(|l| checked(&ids::lang(*l))).unwrap_or(state.lang);
    let options = Options { theme, layout, money, lang };
    let base = site_base();
    let url = embed::url(&base, state.calc, &state.pairs(None), options);
    let snippet = embed::snippet(&base, state.calc, &url, layout, lang);
    if let Some(code) = element(ids::CODE) {
        let _ = js_sys::Reflect::set(&code, &"value".into(), &snippet.as_str().into());
    }
    SNIPPET.with(|s| *s.borrow_mut() = snippet);
    set_text(ids::STATUS, "");
    if let Some(frame) = element(ids::PREVIEW) {
        let _ = frame.set_attribute("src", &url);
    }
}

/// Points the preview at nothing, which stops the widget in it.
fn stop_preview() {
    if let Some(frame) = element(ids::PREVIEW) {
        let _ = frame.set_attribute("src", "about:blank");
    }
}

fn element(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn checked(id: &str) -> bool {
    element(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()).is_some_and(|i| i.checked())
}

fn set_text(id: &str, text: &str) {
    if let Some(e) = element(id) {
        e.set_text_content(Some(text));
    }
}
