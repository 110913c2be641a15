//! Component tests in headless Chromium: mount a component, act as a reader
//! would (type, slide), let the reactive system settle, read the DOM.
#![cfg(target_arch = "wasm32")]

use china_ai::card::calculator;
use china_ai::story::Cite;
use explainer_core::calculators::CALCULATORS;
use explainer_core::content::facts::{self, id};
use explainer_core::maths::growth;
use explainer_core::text::format::{self, Lang};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh element of the page and returns the element.
fn mount<N: IntoView + 'static>(f: impl FnOnce() -> N + 'static) -> HtmlElement {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), f).forget();
    host
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}")).unchecked_into()
}

fn text(root: &HtmlElement, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn input(root: &HtmlElement, selector: &str) -> HtmlInputElement {
    find(root, selector).unchecked_into()
}

/// Sets an input's value and fires a bubbling `input` event, as typing does.
async fn type_into(field: &HtmlInputElement, value: &str) {
    field.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    field.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    tick().await;
    tick().await;
}

#[wasm_bindgen_test]
async fn starts_from_the_forecast() {
    let root = mount(|| calculator("market-growth").unwrap());
    tick().await;
    let expected = format::grouped(facts::value(id::MARKET_CAGR).unwrap(), 1);
    assert_eq!(text(&root, "[data-testid=out-implied]").trim(), format!("{expected}% a year"));
    assert!(text(&root, "[data-testid=out-implied] + .output-note").contains("Doubles every 1.1 years"));
    assert_eq!(input(&root, "#market-growth-start").value(), "3.2");
    assert_eq!(input(&root, "#market-growth-end").value(), "140");
    assert!(text(&root, ".chart-svg").contains("Forecast"));
    // The table is written when first opened, not before.
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 0);
    open_table(&root).await;
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 7);
}

/// Opens the card's table and waits for its `toggle` event.
async fn open_table(root: &HtmlElement) {
    find(root, ".calc-table").unchecked_into::<web_sys::HtmlDetailsElement>().set_open(true);
    next_task().await;
}

#[wasm_bindgen_test]
async fn typing_a_number_recomputes_everything() {
    let root = mount(|| calculator("market-growth").unwrap());
    tick().await;
    let chart_before = find(&root, ".chart-svg").inner_html();
    type_into(&input(&root, "#market-growth-end"), "1,000").await;
    let g = growth::implied_growth(3.2, 1000.0, 6.0).unwrap();
    assert_eq!(text(&root, "[data-testid=out-implied]").trim(), format!("{}% a year", format::grouped(g * 100.0, 1)));
    assert_ne!(find(&root, ".chart-svg").inner_html(), chart_before, "chart redrawn");
    assert!(text(&root, "[data-testid=working]").contains("1,000 ÷ 3.2"));
    // The slider follows the field.
    assert_eq!(input(&root, "#market-growth-end-range").value(), "1000");
    // The closed table was left unwritten; opened, it shows the new numbers.
    assert_eq!(root.query_selector_all("tbody tr").unwrap().length(), 0);
    open_table(&root).await;
    assert!(text(&root, "tbody tr:last-child").contains("1,000.0"), "{}", text(&root, "tbody tr:last-child"));
}

/// Waits for the browser's next task (events such as `toggle` are queued as tasks).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}

#[wasm_bindgen_test]
async fn nonsense_is_rejected_with_a_message_and_results_stay() {
    let root = mount(|| calculator("market-growth").unwrap());
    tick().await;
    let before = text(&root, "[data-testid=out-implied]");
    let end = input(&root, "#market-growth-end");
    for (typed, message) in [
        ("abc", "That is not a number."),
        ("1e400", "That number is too large."),
        ("12,5", "Use a point for decimals: 12.5."),
        ("", "Type a number."),
        ("99999", "Choose a value from 10 to 1,000 US$ bn."),
    ] {
        type_into(&end, typed).await;
        assert_eq!(text(&root, "#market-growth-end-error"), message, "after typing {typed:?}");
        assert_eq!(end.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(end.value(), typed, "the field keeps what was typed");
        assert_eq!(text(&root, "[data-testid=out-implied]"), before, "results keep the last valid state");
    }
    type_into(&end, "140").await;
    assert_eq!(text(&root, "#market-growth-end-error"), "");
    assert_eq!(end.get_attribute("aria-invalid").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn partial_numbers_are_kept_while_typing() {
    let root = mount(|| calculator("market-growth").unwrap());
    tick().await;
    let rate = input(&root, "#market-growth-rate");
    for partial in ["-", "0.", "-1"] {
        type_into(&rate, partial).await;
        assert_eq!(rate.value(), partial);
    }
    // "-1" is a valid rate: the reader's path now shrinks.
    assert!(text(&root, "[data-testid=out-reader] + .output-note").contains("below the forecast"));
}

#[wasm_bindgen_test]
async fn sliding_updates_the_field_and_the_chart() {
    let root = mount(|| calculator("market-growth").unwrap());
    tick().await;
    let chart_before = find(&root, ".chart-svg").inner_html();
    type_into(&input(&root, "#market-growth-rate-range"), "50").await;
    assert_eq!(input(&root, "#market-growth-rate").value(), "50");
    assert_ne!(find(&root, ".chart-svg").inner_html(), chart_before);
    // 3.2 * 1.5^6 = 36.45
    assert_eq!(text(&root, "[data-testid=out-reader]"), "US$36.5 bn");
}

#[wasm_bindgen_test]
async fn citation_marker_links_to_its_source() {
    let root = mount(|| view! { <p><Cite id=id::MARKET_2030 lang=Lang::En/> <Cite id=id::MARKET_2030 lang=Lang::Zh/></p> });
    tick().await;
    let links = root.query_selector_all("a").unwrap();
    let n = id::MARKET_2030.citation_number();
    for (i, says) in [(0, "Source "), (1, "来源")] {
        let link: web_sys::Element = links.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(link.get_attribute("href").as_deref(), Some("#source-market-2030"));
        assert_eq!(link.text_content().unwrap(), n.to_string());
        let label = link.get_attribute("aria-label").unwrap();
        assert!(label.starts_with(says) && label.contains(["Morgan Stanley", "摩根士丹利"][i as usize]), "{label}");
    }
}

/// Every calculator in the registry, mounted alone: it shows numbers, a
/// chart and a table; a bad value is refused with a message while the
/// results stay; every slider moves its field and changes what is shown.
#[wasm_bindgen_test]
async fn every_calculator_reacts_and_refuses_nonsense() {
    for calc in CALCULATORS {
        let id = calc.id;
        let root = mount(move || calculator(id).unwrap());
        tick().await;
        let outputs = text(&root, ".calc-outputs");
        assert!(!outputs.trim().is_empty(), "{id} shows no outputs");
        let values = root.query_selector_all(".output dd[data-testid]").unwrap();
        assert!(values.length() >= 1, "{id} has no output values");
        for i in 0..values.length() {
            let value = values.item(i).unwrap().text_content().unwrap_or_default();
            assert!(!value.trim().is_empty(), "{id}: output {i} is empty");
        }
        assert!(find(&root, ".chart-svg").inner_html().starts_with("<svg"), "{id} has no chart");
        open_table(&root).await;
        assert!(root.query_selector_all("tbody tr").unwrap().length() > 0, "{id} has no table rows");

        let first = calc.params[0];
        let field = input(&root, &format!("#{id}-{}", first.key));
        type_into(&field, "abc").await;
        assert_eq!(text(&root, &format!("#{id}-{}-error", first.key)), "That is not a number.", "{id}");
        assert_eq!(text(&root, ".calc-outputs"), outputs, "{id} keeps its last valid results");

        let shown =
            |root: &HtmlElement| format!("{}{}{}", text(root, ".calc-outputs"), text(root, ".working"), find(root, ".chart-svg").inner_html());
        for param in calc.params {
            // From the defaults, each input on its own must show an effect.
            find(&root, ".calc-actions > .button-quiet").click();
            tick().await;
            let before = shown(&root);
            let slider = input(&root, &format!("#{id}-{}-range", param.key));
            let current: f64 = slider.value().parse().unwrap();
            let target = param.snap(if current > (param.min + param.max) / 2.0 { param.min } else { param.max });
            type_into(&slider, &param.text(target)).await;
            let field = input(&root, &format!("#{id}-{}", param.key));
            assert_eq!(field.value(), param.text(target), "{id}.{}: the field follows the slider", param.key);
            assert_ne!(shown(&root), before, "{id}.{}: moving the slider changes nothing", param.key);
            assert_eq!(text(&root, &format!("#{id}-{}-error", param.key)), "", "{id}.{}", param.key);
        }
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn impossible_inputs_are_explained() {
    let root = mount(|| calculator("adoption-curve").unwrap());
    tick().await;
    // A saturation share below the latest share cannot fit a curve.
    type_into(&input(&root, "#adoption-curve-ceiling"), "30").await;
    assert!(text(&root, "[data-testid=notice]").contains("saturation share must be above"));
    assert!(text(&root, "[data-testid=out-when]").contains("No curve fits"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_subsidy_converter_works_both_ways() {
    let root = mount(|| calculator("subsidy").unwrap());
    tick().await;
    type_into(&input(&root, "#subsidy-usd"), "100000").await;
    // 100,000 × 7.14 = 714,000 yuan
    assert_eq!(input(&root, "#subsidy-yuan").value(), "714000");
    type_into(&input(&root, "#subsidy-yuan"), "7140000").await;
    assert_eq!(input(&root, "#subsidy-usd").value(), "1000000");
    type_into(&input(&root, "#subsidy-usd"), "12,5").await;
    assert_eq!(text(&root, "#subsidy-usd-error"), "Use a point for decimals: 12.5.");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_range_fans_out_with_a_tornado_and_zero_folds_it_away() {
    let root = mount(|| calculator("payback").unwrap());
    tick().await;
    let chart = find(&root, ".chart-svg");
    let tornado = find(&root, ".chart-tornado");
    assert_eq!(chart.get_attribute("data-kind").as_deref(), Some("lines"));
    assert!(!tornado.has_attribute("hidden") && tornado.inner_html().starts_with("<svg"), "a tornado under the chart");
    assert!(!find(&root, "[data-tab=spread]").has_attribute("hidden"), "its tab");
    assert_eq!(chart.query_selector_all("polygon").unwrap().length(), 2, "the 10–90% and 25–75% bands");
    assert!(text(&root, "[data-testid=range]").starts_with("Your range: the net present value lands between "));
    open_table(&root).await;
    assert!(text(&root, ".calc-table thead").contains("Discounted running total, 90th percentile"));
    type_into(&input(&root, "#payback-range"), "0").await;
    assert!(tornado.has_attribute("hidden") && tornado.inner_html().is_empty(), "no tornado at 0");
    assert!(find(&root, "[data-tab=spread]").has_attribute("hidden"), "nor its tab");
    assert_eq!(chart.query_selector_all("polygon").unwrap().length(), 0);
    assert!(root.query_selector("[data-testid=range]").unwrap().is_none());
    assert!(!text(&root, ".calc-table thead").contains("percentile"));
}

#[wasm_bindgen_test]
async fn money_follows_the_page_currency_and_rate() {
    let html = document().document_element().unwrap();
    html.set_attribute("data-cur", "cny").unwrap();
    html.set_attribute("data-fx", "7").unwrap();
    let root = mount(|| {
        china_ai::prefs::provide_prefs();
        calculator("payback").unwrap()
    });
    tick().await;
    // −10.26427 × 7 = −71.85
    assert_eq!(text(&root, "[data-testid=out-npv]"), "−CN¥71.8 m");
    assert!(text(&root, ".chart-subtitle").contains("CN¥ m (at 7.00 yuan per US dollar, our conversion)"));
    // The page's switch sets the attributes, then a change event: the card follows.
    html.set_attribute("data-fx", "8").unwrap();
    let init = EventInit::new();
    init.set_bubbles(true);
    document().dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
    tick().await;
    tick().await;
    assert_eq!(text(&root, "[data-testid=out-npv]"), "−CN¥82.1 m");
    html.remove_attribute("data-cur").unwrap();
    html.remove_attribute("data-fx").unwrap();
}

#[wasm_bindgen_test]
async fn the_default_fan_reads_the_same_as_natively() {
    // crates/core's calculators tests check the same words natively.
    let root = mount(|| calculator("market-growth").unwrap());
    tick().await;
    assert_eq!(
        text(&root, "[data-testid=range]"),
        "Your range: in 2030 the industry is worth between US$77.8 bn and US$238.9 bn in eight draws out of 10."
    );
}

/// A slider moved step by step patches the drawing (`web::svg_patch`)
/// rather than writing it again: after every move, the chart's elements are
/// exactly those of the drawing the figure gives for the inputs shown.
#[wasm_bindgen_test]
async fn a_patched_chart_is_the_drawing_of_the_inputs_shown() {
    use explainer_core::chart::{layout, Palette, Scale};
    use explainer_core::text::format::Money;
    for calc in CALCULATORS {
        let root = mount(move || calculator(calc.id).unwrap());
        tick().await;
        let art = find(&root, ".chart-svg");
        let width = (art.client_width() as u32).max(layout::MIN_WIDTH);
        let first = calc.params[0];
        let slider = input(&root, &format!("#{}-{}-range", calc.id, first.key));
        let start = slider.value_as_number();
        for step in 1..=6 {
            let value = (start + f64::from(step) * first.step).min(first.max);
            type_into(&slider, &value.to_string()).await;
            let values: Vec<f64> = calc.params.iter().map(|p| p.parse(&input(&root, &format!("#{}-{}", calc.id, p.key)).value()).unwrap()).collect();
            let drawn = (calc.figure)(&values, Scale::Linear, Money::USD, Lang::En).svg(width, &Palette::LIGHT).unwrap();
            let expected: web_sys::HtmlTemplateElement = document().create_element("template").unwrap().unchecked_into();
            expected.set_inner_html(&drawn);
            let shown = art.first_element_child().unwrap();
            assert!(
                expected.content().first_element_child().unwrap().is_equal_node(Some(&shown)),
                "{} after {step} steps of {}: {} against {}",
                calc.id,
                first.key,
                shown.outer_html(),
                drawn
            );
        }
        root.remove();
    }
}
