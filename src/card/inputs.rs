//! A calculator's controls: a slider and a number field per input, made
//! from its declaration, and the extras a calculator declares.

use super::state::CalcState;
use explainer_core::calculators::Converter;
use explainer_core::content::facts;
use explainer_core::model::Param;
use explainer_core::text::html::escaped;
use explainer_core::text::num;
use leptos::prelude::*;

/// A slider and a number field for one input, kept in step.
///
/// The field keeps exactly what the reader types ("0.", "-", ""), and only a
/// valid number changes the calculator; otherwise a message says why, and
/// the results keep the last valid value.
#[component]
pub fn ParamField(
    /// The calculator the input belongs to.
    state: CalcState,
    /// The input's position in the calculator's declaration.
    index: usize,
    /// The input's declaration.
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

    let on_type = move |ev: leptos::ev::Event| {
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
    let on_slide = move |ev: leptos::ev::Event| {
        if let Some(x) = num::parse(&event_target_value(&ev)) {
            state.set(index, param.snap(x));
        }
    };

    // Wide enough for the longest value the input allows.
    let chars = [param.min, param.max].iter().map(|x| param.text(*x).len()).max().unwrap_or(4).max(3);
    let range_id = format!("{id}-range");
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = format!("{help_id} {error_id}");
    // The static parts as markup: far less code than a view per optional piece.
    // (In the prerendered page the label has no field to name; see below.)
    let mut head = if cfg!(feature = "ssr") {
        format!("<label>{}</label>", escaped(param.label))
    } else {
        format!("<label for=\"{}\">{}</label>", escaped(&id), escaped(param.label))
    };
    if param.illustrative {
        head.push_str("<span class=\"tag-assumption\">Illustrative assumption</span>");
    }
    let mut help = escaped(param.help);
    if let Some(fact) = param.fact() {
        if !help.is_empty() {
            help.push(' ');
        }
        help.push_str(&format!("<span class=\"param-source\">Source: {}.</span>", escaped(&facts::attribution(fact.fact()))));
    }
    #[cfg(feature = "ssr")]
    let controls = {
        let _ = (on_slide, on_type, range_id, described);
        static_controls(param, initial, chars)
    };
    #[cfg(not(feature = "ssr"))]
    let controls = view! {
                <input
                    type="range"
                    id=range_id
                    class="param-range"
                    min=num::shortest(param.min)
                    max=num::shortest(param.max)
                    step=num::shortest(param.step)
                    aria-label=format!("{} ({})", param.label, param.unit)
                    value=num::shortest(initial)
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
                        style=format!("--chars: {chars}")
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=described
                        value=param.text(initial)
                        prop:value=move || text.get()
                        on:input=on_type
                    />
                    <span class="param-unit">{param.unit}</span>
                </span>
    };
    view! {
        <div class="param" data-testid=format!("param-{}", param.key)>
            <div class="param-head" inner_html=head></div>
            <div class="param-inputs">{controls}</div>
            <p class="param-error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
            <p class="param-help" id=help_id inner_html=help></p>
        </div>
    }
    .into_any()
}

/// The prerendered page's stand-ins for a slider and its field: the same
/// boxes, showing the default, without the form controls. A browser builds
/// each native control with a small document of its own, and seventy of
/// them were most of the work of laying out the page; a reader without
/// JavaScript could not use them anyway, and everyone else gets the live
/// controls (the card is swapped in before it comes into view).
#[cfg(feature = "ssr")]
fn static_controls(param: &'static Param, value: f64, chars: usize) -> impl IntoView {
    let at = if param.max > param.min { (value - param.min) / (param.max - param.min) * 100.0 } else { 0.0 };
    let at = num::fixed(num::clamp(at, 0.0, 100.0), 1).unwrap_or_default();
    let html = format!(
        "<span class=\"param-range param-range-static\" style=\"--at: {at}%\" aria-hidden=\"true\"></span>\
         <span class=\"param-field\"><span class=\"param-number\" style=\"--chars: {chars}\">{}</span>\
         <span class=\"param-unit\">{}</span></span>",
        escaped(&param.text(value)),
        escaped(param.unit)
    );
    view! { <span class="param-static" inner_html=html></span> }
}

/// A field showing one input in another unit; typing there sets the input
/// (validated as the input's own field would be, then converted).
#[component]
pub fn ConverterField(
    /// The calculator.
    state: CalcState,
    /// What to convert, and how.
    converter: &'static Converter,
) -> impl IntoView {
    let id = format!("{}-{}", state.calc.id, converter.key);
    let error_id = format!("{id}-error");
    let shown = move || state.values.with(|v| converter.text(v));
    let text = RwSignal::new(state.values.with_untracked(|v| converter.text(v)));
    let error = RwSignal::new(None::<String>);
    // When the input changes from elsewhere, show its new amount, unless
    // the field already holds that amount as typed.
    Effect::new(move |_| {
        let amount = shown();
        let typed = text.with_untracked(|t| state.values.with_untracked(|v| converter.read(t, state.calc.params, v).ok()));
        let current = state.values.with_untracked(|v| v.get(converter.input).copied());
        if typed.is_none_or(|x| Some(x) != current) {
            text.set(amount);
            error.set(None);
        }
    });
    let on_type = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        match state.values.with_untracked(|v| converter.read(&typed, state.calc.params, v)) {
            Ok(x) => {
                error.set(None);
                state.set(converter.input, x);
            }
            Err(e) => error.set(Some(e)),
        }
        text.set(typed);
    };
    #[cfg(feature = "ssr")]
    {
        let _ = (on_type, id);
        // As for a parameter: the field's box, showing the amount.
        let html = format!(
            "<span class=\"param-field\"><span class=\"param-number param-number-wide\">{}</span><span class=\"param-unit\">{}</span></span>",
            escaped(&text.get_untracked()),
            escaped(converter.unit)
        );
        return view! {
            <div class="param param-converter">
                <div class="param-head"><label>{converter.label}</label></div>
                <div class="param-inputs"><span class="param-static" inner_html=html></span></div>
                <p class="param-error" id=error_id></p>
            </div>
        }
        .into_any();
    }
    #[cfg(not(feature = "ssr"))]
    view! {
        <div class="param param-converter">
            <div class="param-head"><label for=id.clone()>{converter.label}</label></div>
            <div class="param-inputs">
                <span class="param-field">
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        spellcheck="false"
                        id=id
                        class="param-number param-number-wide"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        aria-describedby=error_id.clone()
                        value=text.get_untracked()
                        prop:value=move || text.get()
                        on:input=on_type
                    />
                    <span class="param-unit">{converter.unit}</span>
                </span>
            </div>
            <p class="param-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
    .into_any()
}
