//! A calculator card brought to life. The core writes a card's markup
//! (`web::card`): it is already in the page where a page was prerendered,
//! and [`CalcCard`] puts it there otherwise. [`Live::bind`] then finds each
//! part and drives it from one [`CalcState`] and one memoised figure, in
//! place: nothing is built twice. Nothing here knows which calculator it
//! shows.

mod embed_dialog;
pub mod figure;
mod inputs;
pub mod share;
mod state;
mod table;

pub use state::CalcState;

use crate::browser::find;
use explainer_core::calculators::{self as registry, Calculator};
use explainer_core::chart::Scale;
use explainer_core::model::{Figure, Output};
use explainer_core::text::format::Money;
use explainer_core::web::card;
use explainer_core::web::dom::{attr, part, selector};
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::Cell;

/// Called with each card's state (which holds its figure) as it comes to
/// life, where the page provides it (an embed connects the card to its host
/// page).
#[derive(Clone, Copy)]
pub struct OnCard(pub fn(CalcState));

/// A card's state, with its figure (`CalcState::figure`), recomputed once
/// per change of inputs, scale or currency and shared by everything that
/// shows it.
#[derive(Clone, Copy)]
pub struct Live {
    pub state: CalcState,
}

impl Live {
    /// The state of `calc` as the page's link sets it, its figure, and the
    /// page's hook on it.
    pub fn new(calc: &'static Calculator) -> Live {
        let state = CalcState::new(calc);
        if let Some(OnCard(connect)) = use_context::<OnCard>() {
            connect(state);
        }
        Live { state }
    }

    /// Whether the state is the one prerendered pages show: every input at
    /// its default, a linear scale, US dollars.
    pub fn at_start(&self) -> bool {
        let calc = self.state.calc;
        self.state.values.with_untracked(|v| *v == calc.defaults())
            && self.state.scale.get_untracked() == Scale::Linear
            && self.state.money.get_untracked() == Money::USD
    }

    /// Brings the card markup `root` (a `.calc`) to life. `shown`: the
    /// markup already shows the current figure, so its outputs and text are
    /// rewritten only when they change.
    pub fn bind(self, root: &web_sys::Element, shown: bool) {
        let state = self.state;
        let figure = state.figure;
        if let Some(el) = find(root, &selector(part::INPUTS)) {
            inputs::bind(&el, state);
        }
        bind_outputs(root, shown, figure);
        bind_notes(root, shown, figure);
        if let Some(el) = find(root, &selector(part::SCALE_SWITCH)) {
            figure::bind_scale(&el, state.scale);
        }
        figure::bind(root, figure, shown);
        if let Some(el) = find(root, &selector(part::TABLE)) {
            table::bind(&el, figure, state.lang.pick(state.calc.title));
        }
        if let Some(el) = find(root, &selector(part::SHARE_BAR)) {
            share::bind(&el, state, figure);
        }
        let problems = state.link_problems.get_value();
        if !problems.is_empty() && find(root, ".link-note").is_none() {
            let _ = root.insert_adjacent_html("beforeend", &card::link_note_html(&problems, state.lang));
        }
        let _ = root.set_attribute(attr::LIVE, "");
    }
}

/// Keeps a card's outputs in step with its figure. While the list is the
/// same (the same outputs, labels and notes, as it is while a slider
/// moves), only the texts that changed are rewritten, and the reader's mark
/// moved; otherwise the whole list is written again. Not at first when the
/// markup already shows the figure (`shown`).
fn bind_outputs(root: &web_sys::Element, shown: bool, figure: Memo<Figure>) {
    let Some(list) = find(root, &selector(part::OUTPUTS)) else { return };
    let first = Cell::new(shown);
    Effect::new(move |_| {
        figure.with(|f| {
            if !first.replace(false) && !outputs_in_place(&list, &f.outputs, f.lang) {
                list.set_inner_html(&card::outputs_html(&f.outputs, f.lang));
            }
        })
    });
}

/// Keeps a card's notes (the range, the working, a notice) in step with its
/// figure, rewriting only the paragraphs that changed while the notes keep
/// their shape (`web::card::paragraph_changes`), and all of them otherwise.
/// Not at first when the markup already shows the figure (`shown`).
fn bind_notes(root: &web_sys::Element, shown: bool, figure: Memo<Figure>) {
    let Some(el) = find(root, &selector(part::NOTES)) else { return };
    let last: std::rc::Rc<std::cell::RefCell<Option<String>>> = Default::default();
    let first = Cell::new(shown);
    Effect::new(move |_| {
        let html = figure.with(Figure::notes_html);
        let mut last = last.borrow_mut();
        if first.replace(false) {
            *last = Some(html);
            return;
        }
        let patched = last.as_deref().and_then(|old| card::paragraph_changes(old, &html)).is_some_and(|(count, changes)| {
            let paragraphs = el.children();
            paragraphs.length() as usize == count
                && changes.iter().all(|(i, inner)| paragraphs.item(*i as u32).map(|p| p.set_inner_html(inner)).is_some())
        });
        if !patched {
            el.set_inner_html(&html);
        }
        *last = Some(html);
    });
}

/// Rewrites the values, notes and marks of the outputs `list` shows, if it
/// shows these outputs in this shape; false (having changed at most some
/// texts) where it does not.
fn outputs_in_place(list: &web_sys::Element, outputs: &[Output], lang: explainer_core::text::format::Lang) -> bool {
    let rows = list.children();
    if rows.length() as usize != outputs.len() {
        return false;
    }
    for (i, o) in outputs.iter().enumerate() {
        let Some(row) = rows.item(i as u32) else { return false };
        let cells = row.children();
        if cells.length() as usize != 2 + usize::from(!o.note.is_empty()) {
            return false;
        }
        let (Some(label), Some(value)) = (cells.item(0), cells.item(1)) else { return false };
        if label.text_content().as_deref() != Some(o.label) {
            return false;
        }
        set_text(&value, &o.value.text(lang));
        if let Some(note) = cells.item(2) {
            set_text(&note, &o.note);
        }
        let _ = row.class_list().toggle_with_force(part::OUTPUT_READER, o.reader);
    }
    true
}

/// Sets an element's text, touching nothing when it already reads so.
fn set_text(el: &web_sys::Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// The card of the calculator with this id, built from nothing, or `None`
/// for an unknown id.
pub fn calculator(id: &str) -> Option<AnyView> {
    let calc = registry::find(id)?;
    Some(view! { <CalcCard calc/> }.into_any())
}

/// A calculator card where no page prerendered one: its markup, written by
/// the core for the current state, brought to life once it is in the page.
#[component]
pub fn CalcCard(
    /// The registry entry.
    calc: &'static Calculator,
) -> impl IntoView {
    let live = Live::new(calc);
    // Alone on its page, the calculator's title is the page's heading.
    let level = if crate::page::use_page().mode == crate::page::Mode::Embed { 1 } else { 3 };
    let html = live.state.figure.with_untracked(|figure| {
        live.state.values.with_untracked(|values| {
            card::html(&card::Card { calc, figure, values, scale: live.state.scale.get_untracked(), level, live: true, art: card::Art::Empty })
        })
    });
    let node = NodeRef::<Div>::new();
    let bound = Cell::new(false);
    Effect::new(move |_| {
        if let Some(holder) = node.get() {
            if let (false, Some(el)) = (bound.replace(true), holder.first_element_child()) {
                live.bind(&el, true);
            }
        }
    });
    view! { <div class="live" node_ref=node inner_html=html></div> }.into_any()
}

/// Brings the prerendered card `el` (a `.calc` with a calculator's id) to
/// life in place. Returns false for an element that names no calculator.
pub fn enliven(el: &web_sys::Element) -> bool {
    let Some(calc) = registry::find(&el.id()) else { return false };
    let live = Live::new(calc);
    live.bind(el, live.at_start());
    true
}
