//! A calculator's state: its values and chart scale, read from the page's
//! address and written back to it.

use crate::browser;
use crate::page::{use_page, Mode};
use explainer_core::calculators::Calculator;
use explainer_core::chart::Scale;
use explainer_core::model::Figure;
use explainer_core::text::format::{Lang, Money};
use explainer_core::text::num;
use explainer_core::web::query;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// How long the address waits for a slider to stop before it is rewritten.
/// Browsers throttle (and warn about) rapid `history.replaceState` calls.
const ADDRESS_DELAY_MS: u32 = 250;

/// The current, always valid, state of a calculator.
#[derive(Clone, Copy)]
pub struct CalcState {
    pub calc: &'static Calculator,
    /// One value per input, in declaration order, each in range.
    pub values: RwSignal<Vec<f64>>,
    pub scale: RwSignal<Scale>,
    /// Why some inputs of the page's link could not be used, if any.
    pub link_problems: StoredValue<Vec<String>>,
    /// Called once per pause in input, after the address is rewritten
    /// (an embed tells its host page).
    pub on_settle: StoredValue<Option<fn(CalcState)>>,
    /// The currency the page shows money in.
    pub money: Signal<Money>,
    /// The language the page is written in.
    pub lang: Lang,
    /// The figure for the values, scale and currency: computed once per
    /// change, and shared by everything that shows or reports it (the
    /// card, the story's sentence, the embed API).
    pub figure: Memo<Figure>,
}

impl CalcState {
    /// Starts from the page's link where it holds valid values for this
    /// calculator, else from the defaults; keeps the address in step after.
    pub fn new(calc: &'static Calculator) -> Self {
        let page = use_page();
        let lang = page.lang;
        let decoded = query::decode(calc, &page.pairs, prefix(page.mode, calc), lang);
        let (values, scale) = (RwSignal::new(decoded.values), RwSignal::new(decoded.scale));
        let money: Signal<Money> = crate::prefs::use_prefs().money.into();
        // A figure has no equality worth its cost: every recomputation is news.
        let figure = Memo::new_with_compare(move |_| values.with(|v| (calc.figure)(v, scale.get(), money.get(), lang)), |_, _| true);
        let state =
            Self { calc, values, scale, link_problems: StoredValue::new(decoded.problems), on_settle: StoredValue::new(None), money, lang, figure };
        state.keep_address_in_step(page.mode);
        state
    }

    /// The query pairs describing this state (non-defaults only).
    pub fn pairs(&self, prefix: Option<&str>) -> query::Pairs {
        self.values.with(|v| query::encode(self.calc, v, self.scale.get(), prefix))
    }

    /// The value of input `i`, tracked.
    pub fn get(&self, i: usize) -> f64 {
        self.values.with(|v| v.get(i).copied().unwrap_or_default())
    }

    /// Sets input `i`, clamped to its range.
    pub fn set(&self, i: usize, x: f64) {
        let Some(param) = self.calc.params.get(i) else { return };
        let x = num::clamp(x, param.min, param.max);
        self.values.update(|v| {
            if let Some(slot) = v.get_mut(i) {
                *slot = x;
            }
        });
    }

    /// Puts every input back to its default.
    pub fn reset(&self) {
        self.values.set(self.calc.defaults());
        self.scale.set(Scale::Linear);
    }

    /// Rewrites the address (replacing, not pushing, history entries) at
    /// most once per pause in input.
    fn keep_address_in_step(self, mode: Mode) {
        // When the state last changed, and whether a timer is waiting: one
        // timer per pause, not one per movement of a slider.
        let last = Rc::new(Cell::new(0.0));
        let waiting = Rc::new(Cell::new(false));
        let first = Cell::new(true);
        Effect::new(move |_| {
            self.values.track();
            self.scale.track();
            // The page was opened with this state: nothing to write yet.
            if first.replace(false) {
                return;
            }
            last.set(js_sys::Date::now());
            if !waiting.replace(true) {
                self.write_address_after(mode, ADDRESS_DELAY_MS, last.clone(), waiting.clone());
            }
        });
    }

    /// After `delay` ms, writes the state into the address and tells the
    /// page it settled; unless it changed meanwhile, when it waits out the
    /// rest of the pause from that change.
    fn write_address_after(self, mode: Mode, delay: u32, last: Rc<Cell<f64>>, waiting: Rc<Cell<bool>>) {
        let write = move || {
            let quiet = js_sys::Date::now() - last.get();
            if quiet < f64::from(ADDRESS_DELAY_MS) {
                let rest = (f64::from(ADDRESS_DELAY_MS) - quiet).ceil().max(1.0) as u32;
                self.write_address_after(mode, rest, last, waiting);
                return;
            }
            waiting.set(false);
            let pairs = self.pairs(prefix(mode, self.calc));
            let now = browser::search();
            browser::replace_query(&match mode {
                Mode::Story => query::story_query(&now, self.calc, &pairs),
                Mode::Embed => query::embed_query(&now, self.calc, &pairs),
            });
            if let Some(settled) = self.on_settle.get_value() {
                settled(self);
            }
        };
        // Freed once it has run.
        let callback = wasm_bindgen::closure::Closure::once_into_js(write);
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), delay as i32);
    }
}

/// The prefix of a calculator's keys on this kind of page.
pub fn prefix(mode: Mode, calc: &'static Calculator) -> Option<&'static str> {
    match mode {
        Mode::Story => Some(calc.prefix),
        Mode::Embed => None,
    }
}
