//! The eight calculators. Each is its registry entry plus a function from
//! its inputs to the live numbers it shows; one [`CalcCard`] renders any of
//! them. Only two add a control of their own: the market calculator's
//! "use the forecast's rate" button and the subsidy's dollar converter.

use crate::calculator::CalcState;
use crate::intl::{number, percent, usd, usd_bn};
use crate::widget::{CalcCard, Line, Outputs};
use explainer_core::figure::Widget;
use explainer_core::widgets::widget;
use explainer_core::{adoption, ecosystem, hospital, inference, market, payback, subsidy, value_gap};
use leptos::prelude::*;

/// The calculator with this id, or `None` for an unknown id.
pub fn calculator(id: &str) -> Option<AnyView> {
    let widget = widget(id)?;
    let outputs = outputs(widget.calc.id)?;
    Some(view! { <Calculator widget outputs/> }.into_any())
}

/// Any calculator: its state, its live numbers and its own controls.
#[component]
fn Calculator(widget: &'static Widget, outputs: &'static Outputs) -> impl IntoView {
    let state = CalcState::new(widget);
    let (actions, extra) = match widget.calc.id {
        "market-growth" => (Some(use_forecast_rate(state)), None),
        "subsidy" => (None, Some(dollar_converter(state))),
        _ => (None, None),
    };
    view! { <CalcCard widget state outputs actions extra/> }
}

/// The live numbers of a calculator by id.
fn outputs(id: &str) -> Option<&'static Outputs> {
    Some(match id {
        "market-growth" => &MARKET_GROWTH,
        "ecosystem" => &ECOSYSTEM,
        "adoption-curve" => &ADOPTION_CURVE,
        "value-gap" => &VALUE_GAP,
        "inference-cost" => &INFERENCE_COST,
        "subsidy" => &SUBSIDY,
        "payback" => &PAYBACK,
        "hospital-risk" => &HOSPITAL_RISK,
        _ => return None,
    })
}

const fn line(label: &'static str, testid: &'static str, reader: bool) -> Line {
    Line { label, testid, reader }
}

/// Morgan Stanley's forecast and the reader's own growth rate.
static MARKET_GROWTH: Outputs = Outputs {
    lines: &[line("Growth the forecast implies", "out-implied", false), line("Your value in 2030", "out-reader", true)],
    compute: |v| {
        let p = market::project(v);
        let doubling = match (p.doubling_years, p.halving_years) {
            (Some(t), _) => format!("Doubles every {} years", number(t, 1)),
            (None, Some(t)) => format!("Halves every {} years", number(t, 1)),
            (None, None) => "Stays the same size".to_string(),
        };
        let ratio = p.reader_vs_forecast();
        let forecast = usd_bn(p.end, 0);
        let versus = if (ratio - 1.0).abs() < 0.005 {
            format!("In line with the forecast of {forecast}")
        } else if ratio >= 2.0 {
            format!("{} times the forecast of {forecast}", number(ratio, 1))
        } else if ratio > 1.0 {
            format!("{} above the forecast of {forecast}", percent(ratio - 1.0, 0))
        } else {
            format!("{} below the forecast of {forecast}", percent(1.0 - ratio, 0))
        };
        vec![
            [format!("{} a year", percent(p.implied_rate, 1)), doubling],
            [usd_bn(p.reader_end, 1), versus],
        ]
    },
};

/// The core industry against the whole ecosystem.
static ECOSYSTEM: Outputs = Outputs {
    lines: &[line("The whole ecosystem is", "out-multiple", true), line("Core industry’s share", "out-share", false)],
    compute: |v| {
        let e = ecosystem::compute(v);
        vec![
            [format!("{}×", number(e.multiple, 1)), "the size of the core industry".to_string()],
            [percent(e.core_share, 1), format!("{} for everyone else", usd_bn(e.rest, 0))],
        ]
    },
};

/// The adoption S-curve.
static ADOPTION_CURVE: Outputs = Outputs {
    lines: &[
        line("On the S-curve, the share reaches your level in", "out-when", true),
        line("A straight line passes an impossible 100% in", "out-naive", false),
    ],
    compute: |v| {
        let a = adoption::compute(v);
        let when = match (a.fit, a.level_month) {
            (Err(_), _) => "No curve fits".to_string(),
            (Ok(_), Some(m)) if m <= 0.0 => "Already passed".to_string(),
            (Ok(_), Some(m)) => adoption::month_name(m),
            (Ok(_), None) => "Never".to_string(),
        };
        let rate = match a.fit {
            Ok(f) => format!("Growth rate {} a month", number(f.k, 3)),
            Err(_) => String::new(),
        };
        let naive = |full: Option<f64>| full.map_or("never".to_string(), adoption::month_name);
        vec![
            [when, rate],
            [naive(a.linear_full), format!("An exponential does so in {}", naive(a.exponential_full))],
        ]
    },
};

/// Adopters against firms that gain.
static VALUE_GAP: Outputs = Outputs {
    lines: &[line("Adopters who report gains", "out-gainers", false), line("Half of adopters gain by", "out-half", true)],
    compute: |v| {
        let g = value_gap::compute(v);
        let pace = if g.improve > 0.0 {
            format!("at {} points a year", number(g.improve, 1))
        } else {
            "not at zero improvement".to_string()
        };
        vec![
            [
                format!("{} of {}", number(g.gainers, 0), number(g.adopters, 0)),
                format!("{}, {}", percent(g.conversion / 100.0, 1), g.one_in()),
            ],
            [g.half_year.map_or("Never".to_string(), |y| y.to_string()), pace],
        ]
    },
};

/// A workload's bill as inference prices fall.
static INFERENCE_COST: Outputs = Outputs {
    lines: &[line("Spent over the whole period", "out-total", true), line("Price halves every", "out-halving", false)],
    compute: |v| {
        let c = inference::compute(v);
        let dollars = |x: f64| usd(x, 0, "");
        let first = c.yearly.first().copied().unwrap_or(0.0);
        let last = c.yearly.last().copied().unwrap_or(0.0);
        vec![
            [dollars(c.total), format!("{} at flat prices", dollars(c.flat.iter().sum()))],
            [
                c.halving_years.map_or("Never".to_string(), |t| format!("{} years", number(t, 1))),
                format!("Year 1 costs {}; the last year {}", dollars(first), dollars(last)),
            ],
        ]
    },
};

/// The eight-minute grant, converted both ways (the converter is
/// [`dollar_converter`]; its sentence is the first line here).
static SUBSIDY: Outputs = Outputs {
    lines: &[line("Decided faster than a typical review by", "out-faster", false)],
    compute: |v| {
        let s = subsidy::compute(v);
        vec![[
            format!("{}×", number(s.times_faster, 0)),
            format!(
                "{} against {}",
                subsidy::duration(s.minutes),
                subsidy::duration(s.review_days * subsidy::MINUTES_PER_DAY)
            ),
        ]]
    },
};

/// The robot bet's payback.
static PAYBACK: Outputs = Outputs {
    lines: &[line("Net present value", "out-npv", true), line("Internal rate of return", "out-irr", false)],
    compute: |v| {
        let p = payback::compute(v);
        let paid = match p.payback_year {
            Some(y) => format!("Pays back in year {y}"),
            None => format!("Not paid back within {} years", p.horizon),
        };
        let (irr, irr_note) = match p.irr {
            Some(r) => (format!("{} a year", percent(r, 1)), "the discount rate at which the bet breaks even"),
            None => ("None".to_string(), "the bet never breaks even at any rate"),
        };
        vec![[usd(p.npv, 1, "m"), paid], [irr, irr_note.to_string()]]
    },
};

/// Uncaught wrong suggestions across hospitals.
static HOSPITAL_RISK: Outputs = Outputs {
    lines: &[line("Wrong suggestions not caught, a day", "out-daily", true), line("Consultations a day, all hospitals", "out-consults", false)],
    compute: |v| {
        let h = hospital::compute(v);
        vec![
            [number(h.uncaught_per_day, 1), format!("{} a year, under your assumptions", number(h.uncaught_per_year, 0))],
            [number(h.daily, 0), format!("{} wrong before review", number(h.daily * h.wrong / 100.0, 0))],
        ]
    },
};

/// The market calculator's button: set your rate to the forecast's.
fn use_forecast_rate(state: CalcState) -> AnyView {
    let on_click = move |_| {
        let rate = state.values.with_untracked(|v| market::project(v).implied_rate * 100.0);
        if let Some((i, param)) = state.calc.params.iter().enumerate().find(|(_, p)| p.key == "rate") {
            state.set(i, param.snap(rate));
        }
    };
    view! { <button type="button" class="button" on:click=on_click>"Use the forecast’s rate"</button> }.into_any()
}

/// The subsidy's other direction: a dollar amount typed here sets the yuan
/// amount, validated as the yuan field would be.
fn dollar_converter(state: CalcState) -> AnyView {
    let s = Memo::new(move |_| state.values.with(|v| subsidy::compute(v)));
    let usd_text = RwSignal::new(number(s.get_untracked().usd, 0).replace(',', ""));
    let usd_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let usd = s.with(|s| s.usd);
        let shown = usd_text.with_untracked(|t| explainer_core::num::parse(t.replace(',', "").trim()));
        if shown.is_none_or(|x| (x - usd).abs() > 0.5) {
            usd_text.set(explainer_core::num::fixed(usd, 0).unwrap_or_default());
            usd_error.set(None);
        }
    });
    let on_usd = move |ev| {
        let typed = event_target_value(&ev);
        let yuan = state.calc.param("yuan");
        let rate = s.with_untracked(|s| s.rate);
        let parsed = explainer_core::Param { min: 1.0, max: 1e8, unit: "US$", ..*yuan.unwrap_or(&subsidy::SUBSIDY.params[0]) }.parse(&typed);
        match parsed.map(|usd| usd * rate) {
            Ok(y) if yuan.is_some_and(|p| y >= p.min && y <= p.max) => {
                usd_error.set(None);
                state.set(0, y);
            }
            Ok(_) => usd_error.set(Some("That converts to an amount outside the yuan range.".into())),
            Err(e) => usd_error.set(Some(e.to_string())),
        }
        usd_text.set(typed);
    };
    view! {
        <div class="output output-reader">
            <dt><label for="subsidy-usd">"In US dollars"</label></dt>
            <dd class="converter">
                <span class="param-field">
                    <input
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        id="subsidy-usd"
                        class="param-number param-number-wide"
                        aria-invalid=move || usd_error.with(Option::is_some).to_string()
                        aria-describedby="subsidy-usd-error"
                        prop:value=move || usd_text.get()
                        on:input=on_usd
                    />
                    <span class="param-unit">"US$"</span>
                </span>
            </dd>
            <dd class="output-note" data-testid="out-usd">
                {move || s.with(|s| format!("{} at {} yuan per dollar, the rate of {}", usd(s.usd, 0, ""), number(s.rate, 2), s.rate_year as i64))}
            </dd>
            <dd class="param-error" id="subsidy-usd-error" aria-live="polite">{move || usd_error.get()}</dd>
        </div>
    }
    .into_any()
}
