//! A calculator card, generated from a [`Widget`] in the core registry:
//! inputs from the declaration, the figure (chart, its text, table, working)
//! from the widget's function, and live numbers from a per-calculator view.

use crate::calculator::{CalcState, ParamFields};
use crate::chart::{use_chart_env, ChartFigure, ScaleSwitch};
use crate::intl;
use crate::share::ShareBar;
use explainer_core::figure::{chart_height, Chart, Widget};
use explainer_core::table::Table;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One live output of a calculator: what it is, under the number.
pub struct Line {
    /// What the number is.
    pub label: &'static str,
    /// `data-testid` of the value, for tests.
    pub testid: &'static str,
    /// Marks the reader's own scenario with the accent colour.
    pub reader: bool,
}

/// A calculator's live outputs: their labels, and the function from its
/// values to each output's number and the line under it.
pub struct Outputs {
    pub lines: &'static [Line],
    /// One `[value, note]` per line, formatted for the reader.
    pub compute: fn(&[f64]) -> Vec<[String; 2]>,
}

/// A calculator card.
#[component]
pub fn CalcCard(
    /// The registry entry: declaration plus figure function.
    widget: &'static Widget,
    /// The calculator's state.
    state: CalcState,
    /// Its live outputs.
    outputs: &'static Outputs,
    /// Extra buttons beside Reset.
    actions: Option<AnyView>,
    /// A control shown before the outputs (the subsidy's converter).
    extra: Option<AnyView>,
) -> impl IntoView {
    let calc = widget.calc;
    let scale = state.scale;
    let env = use_chart_env();
    // Recomputed once per change of inputs or scale; every reader shares it.
    let figure = Memo::new_with_compare(
        move |_| state.values.with(|v| (widget.figure)(v, scale.get())),
        |_, _| true,
    );
    let chart = move |width: u32| {
        let theme = env.theme();
        figure.with(|f| {
            let bars = matches!(f.chart, Chart::Bars(_));
            f.svg(width, chart_height(width, bars), &theme).map_err(|e| e.to_string())
        })
    };
    let values = Memo::new(move |_| state.values.with(|v| (outputs.compute)(v)));
    let lines = outputs
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let part = move |k: usize| Signal::derive(move || values.with(|v| v.get(i).map(|p| p[k].clone()).unwrap_or_default()));
            view! {
                <div class="output" class:output-reader=line.reader>
                    <dt>{line.label}</dt>
                    <dd data-testid=line.testid>{part(0)}</dd>
                    <dd class="output-note">{part(1)}</dd>
                </div>
            }
        })
        .collect_view();
    // Known once, from the page's link.
    let problems = state.link_problems.get_value();
    let link_note = (!problems.is_empty()).then(|| view! {
        <p class="link-note" data-testid="link-note" title=problems.join(" ")>
            "Some settings in the link could not be used, so those inputs start from their defaults."
        </p>
    });
    view! {
        <div class="calc" id=calc.id data-testid=format!("calc-{}", calc.id)>
            <h3 class="calc-title">{calc.title}</h3>
            <p class="calc-intro">{calc.intro}</p>
            <div class="calc-body">
                <div class="calc-inputs">
                    <ParamFields state/>
                    <div class="calc-actions">
                        <button type="button" class="button button-quiet" on:click=move |_| state.reset()>
                            "Reset"
                        </button>
                        {actions}
                    </div>
                </div>
                <div class="calc-results">
                    <dl class="calc-outputs" aria-live="polite">{extra}{lines}</dl>
                    <p class="working" data-testid="working">
                        <span class="working-label">"The working: "</span>
                        {Signal::derive(move || figure.with(|f| f.working.clone()))}
                    </p>
                    {move || figure.with(|f| f.notice.clone()).map(|n| view! { <p class="notice" role="status" data-testid="notice">{n}</p> })}
                </div>
            </div>
            {widget.has_scale.then(|| view! { <ScaleSwitch id=calc.id scale/> })}
            <ChartFigure
                id=format!("{}-chart", calc.id)
                title=Signal::derive(move || figure.with(|f| f.title.clone()))
                subtitle=Signal::derive(move || figure.with(|f| f.subtitle.clone()))
                source=Signal::derive(move || figure.with(|f| f.source.to_string()))
                description=Signal::derive(move || figure.with(|f| f.description.clone()))
                svg=chart
                kind=if figure.with_untracked(|f| matches!(f.chart, Chart::Bars(_))) { "bars" } else { "lines" }
            />
            <DataTable table=Signal::derive(move || figure.with(|f| f.table.clone())) caption=calc.title/>
            <ShareBar state figure/>
            {link_note}
        </div>
    }
    .into_any()
}

/// The chart's data as a table, numbers formatted for the reader. The
/// table is written as one piece of HTML by the core, so every calculator
/// shares the same few lines of view code.
#[component]
pub fn DataTable(
    /// The data.
    #[prop(into)]
    table: Signal<Table>,
    /// What the table holds.
    caption: &'static str,
) -> impl IntoView {
    // Rewritten only while open (and once at first): a closed table costs a
    // slider nothing.
    let open = RwSignal::new(false);
    let html = Memo::new(move |previous: Option<&String>| match previous {
        Some(kept) if !open.get() => kept.clone(),
        _ => table.with(|t| t.to_html(caption, intl::number)),
    });
    let on_toggle = move |ev: leptos::ev::Event| {
        if let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
            open.set(details.open());
        }
    };
    view! {
        <details class="calc-table" on:toggle=on_toggle>
            <summary>"Table of the chart’s values"</summary>
            <div class="table-scroll" inner_html=html></div>
        </details>
    }
    .into_any()
}
