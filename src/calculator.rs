//! The plumbing every calculator shares: its state (values and chart
//! scale, read from and written to the URL), and a slider plus number field
//! generated from each parameter's declaration.

use crate::page::use_page;
use explainer_core::chart::Scale;
use explainer_core::figure::Widget;
use explainer_core::{facts, query, Calculator, Param};
use explainer_core::format::escaped;
use explainer_core::num::shortest;
use leptos::prelude::*;

/// The current, always valid, state of a calculator.
#[derive(Clone, Copy)]
pub struct CalcState {
    pub widget: &'static Widget,
    pub calc: &'static Calculator,
    pub values: RwSignal<Vec<f64>>,
    pub scale: RwSignal<Scale>,
    /// Why some inputs of the page's link could not be used, if any.
    pub link_problems: StoredValue<Vec<String>>,
}

impl CalcState {
    /// Starts from the page's link where it holds valid values for this
    /// widget, else from the defaults; keeps the link in step afterwards.
    pub fn new(widget: &'static Widget) -> Self {
        let page = use_page();
        let decoded = query::decode(widget, &page.pairs, page.prefix(widget));
        let state = Self {
            widget,
            calc: widget.calc,
            values: RwSignal::new(decoded.values),
            scale: RwSignal::new(decoded.scale),
            link_problems: StoredValue::new(decoded.problems),
        };
        page.sync(state);
        state
    }

    /// The query pairs describing this state (non-defaults only).
    pub fn pairs(&self, prefix: Option<&str>) -> query::Pairs {
        self.values.with(|v| query::encode(self.widget, v, self.scale.get(), prefix))
    }

    /// The value of parameter `i`, tracked.
    pub fn get(&self, i: usize) -> f64 {
        self.values.with(|v| v.get(i).copied().unwrap_or(f64::NAN))
    }

    /// Sets parameter `i`, clamped to its range.
    pub fn set(&self, i: usize, x: f64) {
        let Some(param) = self.calc.params.get(i) else { return };
        let x = explainer_core::num::clamp(x, param.min, param.max);
        self.values.update(|v| {
            if let Some(slot) = v.get_mut(i) {
                *slot = x;
            }
        });
    }

    /// Puts every parameter back to its default.
    pub fn reset(&self) {
        self.values.set(self.calc.defaults());
        self.scale.set(Scale::Linear);
    }
}

/// The inputs of a calculator, one [`ParamField`] per parameter.
#[component]
pub fn ParamFields(
    /// The calculator whose parameters to show.
    state: CalcState,
) -> impl IntoView {
    state
        .calc
        .params
        .iter()
        .enumerate()
        .map(|(index, param)| view! { <ParamField state index param/> })
        .collect_view()
}

/// A slider and a number field for one parameter, kept in step.
///
/// The field keeps exactly what the reader types ("0.", "-", ""), and only a
/// valid number changes the calculator; otherwise a message says why, and
/// the results keep the last valid value.
#[component]
pub fn ParamField(
    /// The calculator the parameter belongs to.
    state: CalcState,
    /// The parameter's position in the calculator's declaration.
    index: usize,
    /// The parameter's declaration.
    param: &'static Param,
) -> impl IntoView {
    let id = format!("{}-{}", state.calc.id, param.key);
    let initial = state.values.with_untracked(|v| v.get(index).copied()).unwrap_or_else(|| param.default_value());
    let text = RwSignal::new(param.text(initial));
    let error = RwSignal::new(None::<String>);

    // When the value changes from elsewhere (slider, reset), rewrite the
    // field, unless it already holds that value as typed.
    Effect::new(move |_| {
        let value = state.get(index);
        let shown = text.with_untracked(|t| param.parse(t).ok());
        if shown != Some(value) {
            text.set(param.text(value));
            error.set(None);
        }
    });

    let on_type = move |ev| {
        let typed = event_target_value(&ev);
        match param.parse(&typed) {
            Ok(x) => {
                error.set(None);
                state.set(index, x);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
        text.set(typed);
    };
    let on_slide = move |ev| {
        if let Some(x) = explainer_core::num::parse(&event_target_value(&ev)) {
            state.set(index, param.snap(x));
        }
    };

    // Wide enough for the longest value the parameter allows.
    let chars = [param.min, param.max].iter().map(|x| param.text(*x).len()).max().unwrap_or(4).max(3);
    let range_id = format!("{id}-range");
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = format!("{help_id} {error_id}");
    // The static parts as markup: far less code than a view per optional piece.
    let mut head = format!("<label for=\"{}\">{}</label>", escaped(&id), escaped(param.label));
    if param.illustrative {
        head.push_str("<span class=\"tag-assumption\">Illustrative assumption</span>");
    }
    let mut help = escaped(param.help);
    if let Some(source) = param.fact().and_then(facts::get).map(facts::attribution) {
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(&format!("<span class=\"param-source\">Source: {}.</span>", escaped(&source)));
    }
    view! {
        <div class="param" data-testid=format!("param-{}", param.key)>
            <div class="param-head" inner_html=head></div>
            <div class="param-inputs">
                <input
                    type="range"
                    id=range_id
                    class="param-range"
                    min=shortest(param.min)
                    max=shortest(param.max)
                    step=shortest(param.step)
                    aria-label=format!("{} ({})", param.label, param.unit)
                    value=shortest(initial)
                    prop:value=move || state.get(index)
                    on:input=on_slide
                />
                <span class="param-field">
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        id=id
                        class="param-number"
                        style=format!("--chars: {}", chars)
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=described
                        value=param.text(initial)
                        prop:value=move || text.get()
                        on:input=on_type
                    />
                    <span class="param-unit">{param.unit}</span>
                </span>
            </div>
            <p class="param-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
            <p class="param-help" id=help_id inner_html=help></p>
        </div>
    }
    .into_any()
}
