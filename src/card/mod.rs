//! A calculator card, made from any entry of the core's registry: its
//! inputs and extras from the declaration, everything else (chart, text,
//! outputs, table, working) from the calculator's figure. Nothing here
//! knows which calculator it shows.

mod embed_dialog;
pub mod figure;
mod inputs;
pub mod share;
mod state;
mod table;

pub use state::CalcState;

use crate::theme::use_chart_env;
use explainer_core::calculators::{self as registry, Calculator};
use explainer_core::model::{output, Figure};
use figure::{ChartFigure, ScaleSwitch};
use inputs::Controls;
use leptos::prelude::*;
use share::ShareBar;
use table::DataTable;

/// Called with each card's state and figure as it is built, where the
/// page provides it (an embed connects the card to its host page).
#[derive(Clone, Copy)]
pub struct OnCard(pub fn(CalcState, Memo<Figure>));

/// The card of the calculator with this id, or `None` for an unknown id.
pub fn calculator(id: &str) -> Option<AnyView> {
    let calc = registry::find(id)?;
    Some(view! { <CalcCard calc/> }.into_any())
}

/// A calculator card.
#[component]
pub fn CalcCard(
    /// The registry entry.
    calc: &'static Calculator,
) -> impl IntoView {
    let state = CalcState::new(calc);
    let scale = state.scale;
    // Recomputed once per change of inputs or scale; every reader shares it.
    let money = state.money;
    let figure = Memo::new_with_compare(move |_| state.values.with(|v| (calc.figure)(v, scale.get(), money.get())), |_, _| true);
    if let Some(OnCard(connect)) = use_context::<OnCard>() {
        connect(state, figure);
    }
    // On a page that builds the card from nothing, what lies under the
    // chart comes a task after it: each task then compiles and builds only
    // part of the card (the browser compiles WebAssembly functions on their
    // first call), and nothing above moves when it arrives.
    let env = use_chart_env();
    let under = RwSignal::new(!env.defer_first_draw);
    // Alone on its page, the calculator's title is the page's heading.
    let level = if crate::page::use_page().mode == crate::page::Mode::Embed { 1 } else { 3 };
    let card = view! {
        <div class="calc" id=calc.id data-testid=format!("calc-{}", calc.id)>
            <div class="calc-head" inner_html=registry::heading_html(calc, level)></div>
            <div class="calc-body">
                <Controls state/>
                <div class="calc-results">
                    <dl class="calc-outputs" aria-live="polite" inner_html=move || figure.with(|f| output::to_html(&f.outputs))></dl>
                    <div class="calc-notes" inner_html=move || figure.with(|f| f.notes_html())></div>
                </div>
            </div>
            {calc.has_scale.then(|| view! { <ScaleSwitch id=calc.id scale/> })}
            <ChartFigure id=format!("{}-chart", calc.id) figure/>
            {move || under.get().then(|| view! {
                <DataTable figure caption=calc.title id=calc.id/>
                <ShareBar state figure/>
                <LinkNote state/>
            })}
        </div>
    }
    .into_any();
    // After the chart's first drawing, which ChartFigure scheduled above.
    if !under.get_untracked() {
        gloo::timers::callback::Timeout::new(0, move || under.set(true)).forget();
    }
    card
}

/// Says so when some settings in the page's link could not be used.
#[component]
fn LinkNote(state: CalcState) -> impl IntoView {
    // Known once, from the page's link.
    let problems = state.link_problems.get_value();
    (!problems.is_empty()).then(|| {
        view! {
            <p class="link-note" data-testid="link-note" title=problems.join(" ")>
                "Some settings in the link could not be used, so those inputs start from their defaults."
            </p>
        }
    })
}
