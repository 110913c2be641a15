//! A calculator card, generated from a [`Widget`] in the core registry:
//! inputs from the declaration, the figure (chart, its text, table, working)
//! from the widget's function, and live numbers from a per-calculator view.

use crate::calculator::{CalcState, ParamFields};
use crate::chart::{use_chart_env, ChartFigure, ScaleSwitch};
use crate::intl;
use crate::share::ShareBar;
use explainer_core::figure::{chart_height, Chart, Widget};
use explainer_core::table::{Cell, Table};
use leptos::prelude::*;

/// One live output: a label, a big number, and a line under it.
#[component]
pub fn Output(
    /// What the number is.
    label: &'static str,
    /// The number, formatted.
    #[prop(into)]
    value: Signal<String>,
    /// A line under the number.
    #[prop(into, optional)]
    note: Option<Signal<String>>,
    /// `data-testid` of the value, for tests.
    testid: &'static str,
    /// Marks the reader's own scenario with the accent colour.
    #[prop(optional)]
    reader: bool,
) -> impl IntoView {
    view! {
        <div class="output" class:output-reader=reader>
            <dt>{label}</dt>
            <dd data-testid=testid>{move || value.get()}</dd>
            {note.map(|note| view! { <dd class="output-note">{move || note.get()}</dd> })}
        </div>
    }
}

/// A calculator card.
#[component]
pub fn CalcCard(
    /// The registry entry: declaration plus figure function.
    widget: &'static Widget,
    /// The calculator's state, shared with its live outputs.
    state: CalcState,
    /// The live outputs (usually [`Output`]s).
    children: Children,
    /// Extra buttons beside Reset.
    #[prop(optional, into)]
    actions: Option<ViewFn>,
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
                        {actions.map(|a| a.run())}
                    </div>
                </div>
                <div class="calc-results">
                    <dl class="calc-outputs" aria-live="polite">{children()}</dl>
                    <p class="working" data-testid="working">
                        <span class="working-label">"The working: "</span>
                        {move || figure.with(|f| f.working.clone())}
                    </p>
                    {move || figure.with(|f| f.notice.clone()).map(|n| view! {
                        <p class="notice" role="status" data-testid="notice">{n}</p>
                    })}
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
            {move || {
                let problems = state.link_problems.get_value();
                (!problems.is_empty()).then(|| view! {
                    <p class="link-note" data-testid="link-note" title=problems.join(" ")>
                        "Some settings in the link could not be used, so those inputs start from their defaults."
                    </p>
                })
            }}
        </div>
    }
    .into_any()
}

/// The chart's data as a table, numbers formatted for the reader.
#[component]
pub fn DataTable(
    /// The data.
    #[prop(into)]
    table: Signal<Table>,
    /// What the table holds.
    caption: &'static str,
) -> impl IntoView {
    view! {
        <details class="calc-table">
            <summary>"Table of the chart’s values"</summary>
            <div class="table-scroll">
                <table>
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            {move || table.with(|t| t.columns.iter().map(|c| view! { <th scope="col">{c.header()}</th> }).collect_view())}
                        </tr>
                    </thead>
                    <tbody data-testid="table-body">
                        {move || table.with(|t| t.rows.iter().map(|row| {
                            let cells = row.iter().zip(&t.columns).enumerate().map(|(i, (cell, column))| {
                                let text = match cell {
                                    Cell::Num(x) => intl::number(*x, column.decimals),
                                    Cell::Text(s) => s.clone(),
                                };
                                if i == 0 {
                                    view! { <th scope="row">{text}</th> }.into_any()
                                } else {
                                    view! { <td>{text}</td> }.into_any()
                                }
                            }).collect_view();
                            view! { <tr>{cells}</tr> }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </details>
    }
    .into_any()
}
