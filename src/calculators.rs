//! The eight calculators: each is its registry entry plus the live numbers
//! it shows. Inputs, chart, table and working come from [`CalcCard`].

use crate::calculator::CalcState;
use crate::intl::{number, percent, usd, usd_bn};
use crate::widget::{CalcCard, Output};
use explainer_core::figure::Widget;
use explainer_core::widgets as w;
use explainer_core::{adoption, ecosystem, hospital, inference, market, payback, subsidy, value_gap};
use leptos::prelude::*;

/// The calculator with this id, or `None` for an unknown id.
pub fn calculator(id: &str) -> Option<AnyView> {
    Some(match id {
        "market-growth" => view! { <MarketGrowth/> }.into_any(),
        "ecosystem" => view! { <Ecosystem/> }.into_any(),
        "adoption-curve" => view! { <AdoptionCurve/> }.into_any(),
        "value-gap" => view! { <ValueGap/> }.into_any(),
        "inference-cost" => view! { <InferenceCost/> }.into_any(),
        "subsidy" => view! { <Subsidy/> }.into_any(),
        "payback" => view! { <Payback/> }.into_any(),
        "hospital-risk" => view! { <HospitalRisk/> }.into_any(),
        _ => return None,
    })
}

/// A calculator's state and a memo of its model.
fn model<M: PartialEq + Send + Sync + 'static>(widget: &'static Widget, compute: fn(&[f64]) -> M) -> (CalcState, Memo<M>) {
    let state = CalcState::new(widget);
    let model = Memo::new(move |_| state.values.with(|v| compute(v)));
    (state, model)
}

/// Morgan Stanley's forecast and the reader's own growth rate.
#[component]
pub fn MarketGrowth() -> impl IntoView {
    let (state, p) = model(&w::MARKET_GROWTH, market::project);
    let implied = move || p.with(|p| format!("{} a year", percent(p.implied_rate, 1)));
    let doubling = move || {
        p.with(|p| match (p.doubling_years, p.halving_years) {
            (Some(t), _) => format!("Doubles every {} years", number(t, 1)),
            (None, Some(t)) => format!("Halves every {} years", number(t, 1)),
            (None, None) => "Stays the same size".to_string(),
        })
    };
    let versus = move || {
        p.with(|p| {
            let ratio = p.reader_vs_forecast();
            let forecast = usd_bn(p.end, 0);
            if (ratio - 1.0).abs() < 0.005 {
                format!("In line with the forecast of {forecast}")
            } else if ratio >= 2.0 {
                format!("{} times the forecast of {forecast}", number(ratio, 1))
            } else if ratio > 1.0 {
                format!("{} above the forecast of {forecast}", percent(ratio - 1.0, 0))
            } else {
                format!("{} below the forecast of {forecast}", percent(1.0 - ratio, 0))
            }
        })
    };
    let match_forecast = move |_| {
        let rate = p.with_untracked(|p| p.implied_rate * 100.0);
        if let Some(param) = state.calc.param("rate") {
            state.set(2, param.snap(rate));
        }
    };
    let actions = move || view! { <button type="button" class="button" on:click=match_forecast>"Use the forecast’s rate"</button> };
    view! {
        <CalcCard widget=&w::MARKET_GROWTH state actions>
            <Output label="Growth the forecast implies" value=Signal::derive(implied) note=Signal::derive(doubling) testid="out-implied"/>
            <Output
                label="Your value in 2030"
                value=Signal::derive(move || p.with(|p| usd_bn(p.reader_end, 1)))
                note=Signal::derive(versus)
                testid="out-reader"
                reader=true
            />
        </CalcCard>
    }
}

/// The core industry against the whole ecosystem.
#[component]
pub fn Ecosystem() -> impl IntoView {
    let (state, e) = model(&w::ECOSYSTEM, ecosystem::compute);
    view! {
        <CalcCard widget=&w::ECOSYSTEM state>
            <Output label="The whole ecosystem is" value=Signal::derive(move || e.with(|e| format!("{}×", number(e.multiple, 1)))) note="the size of the core industry" testid="out-multiple" reader=true/>
            <Output label="Core industry’s share" value=Signal::derive(move || e.with(|e| percent(e.core_share, 1))) note=Signal::derive(move || e.with(|e| format!("{} for everyone else", usd_bn(e.rest, 0)))) testid="out-share"/>
        </CalcCard>
    }
}

/// The adoption S-curve.
#[component]
pub fn AdoptionCurve() -> impl IntoView {
    let (state, a) = model(&w::ADOPTION_CURVE, adoption::compute);
    let when = move || {
        a.with(|a| match (a.fit, a.level_month) {
            (Err(_), _) => "No curve fits".to_string(),
            (Ok(_), Some(m)) if m <= 0.0 => "Already passed".to_string(),
            (Ok(_), Some(m)) => adoption::month_name(m),
            (Ok(_), None) => "Never".to_string(),
        })
    };
    let naive = |full: fn(&adoption::Adoption) -> Option<f64>| {
        move || a.with(|a| full(a).map_or("never".to_string(), adoption::month_name))
    };
    let linear = naive(|a| a.linear_full);
    let exponential = naive(|a| a.exponential_full);
    view! {
        <CalcCard widget=&w::ADOPTION_CURVE state>
            <Output
                label="On the S-curve, the share reaches your level in"
                value=Signal::derive(when)
                note=Signal::derive(move || a.with(|a| match a.fit {
                    Ok(f) => format!("Growth rate {} a month", number(f.k, 3)),
                    Err(_) => String::new(),
                }))
                testid="out-when"
                reader=true
            />
            <Output
                label="A straight line passes an impossible 100% in"
                value=Signal::derive(linear)
                note=Signal::derive(move || format!("An exponential does so in {}", exponential()))
                testid="out-naive"
            />
        </CalcCard>
    }
}

/// Adopters against firms that gain.
#[component]
pub fn ValueGap() -> impl IntoView {
    let (state, g) = model(&w::VALUE_GAP, value_gap::compute);
    view! {
        <CalcCard widget=&w::VALUE_GAP state>
            <Output
                label="Adopters who report gains"
                value=Signal::derive(move || g.with(|g| format!("{} of {}", number(g.gainers, 0), number(g.adopters, 0))))
                note=Signal::derive(move || g.with(|g| format!("{}, {}", percent(g.conversion / 100.0, 1), g.one_in())))
                testid="out-gainers"
            />
            <Output
                label="Half of adopters gain by"
                value=Signal::derive(move || g.with(|g| g.half_year.map_or("Never".to_string(), |y| y.to_string())))
                note=Signal::derive(move || g.with(|g| if g.improve > 0.0 {
                    format!("at {} points a year", number(g.improve, 1))
                } else {
                    "not at zero improvement".to_string()
                }))
                testid="out-half"
                reader=true
            />
        </CalcCard>
    }
}

/// A workload's bill as inference prices fall.
#[component]
pub fn InferenceCost() -> impl IntoView {
    let (state, c) = model(&w::INFERENCE_COST, inference::compute);
    let dollars = |x: f64| usd(x, 0, "");
    view! {
        <CalcCard widget=&w::INFERENCE_COST state>
            <Output
                label="Spent over the whole period"
                value=Signal::derive(move || c.with(|c| dollars(c.total)))
                note=Signal::derive(move || c.with(|c| format!("{} at flat prices", dollars(c.flat.iter().sum()))))
                testid="out-total"
                reader=true
            />
            <Output
                label="Price halves every"
                value=Signal::derive(move || c.with(|c| c.halving_years.map_or("Never".to_string(), |t| format!("{} years", number(t, 1)))))
                note=Signal::derive(move || c.with(|c| format!("Year 1 costs {}; the last year {}", dollars(c.yearly.first().copied().unwrap_or(0.0)), dollars(c.yearly.last().copied().unwrap_or(0.0)))))
                testid="out-halving"
            />
        </CalcCard>
    }
}

/// The eight-minute grant, converted both ways.
#[component]
pub fn Subsidy() -> impl IntoView {
    let (state, s) = model(&w::SUBSIDY, subsidy::compute);
    // The other direction: a dollar amount typed here sets the yuan amount.
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
        // Validate as the yuan field would, in dollars.
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
        <CalcCard widget=&w::SUBSIDY state>
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
            <Output
                label="Decided faster than a typical review by"
                value=Signal::derive(move || s.with(|s| format!("{}×", number(s.times_faster, 0))))
                note=Signal::derive(move || s.with(|s| format!("{} against {}", subsidy::duration(s.minutes), subsidy::duration(s.review_days * subsidy::MINUTES_PER_DAY))))
                testid="out-faster"
            />
        </CalcCard>
    }
}

/// The robot bet's payback.
#[component]
pub fn Payback() -> impl IntoView {
    let (state, p) = model(&w::PAYBACK, payback::compute);
    view! {
        <CalcCard widget=&w::PAYBACK state>
            <Output
                label="Net present value"
                value=Signal::derive(move || p.with(|p| usd(p.npv, 1, "m")))
                note=Signal::derive(move || p.with(|p| match p.payback_year {
                    Some(y) => format!("Pays back in year {y}"),
                    None => format!("Not paid back within {} years", p.horizon),
                }))
                testid="out-npv"
                reader=true
            />
            <Output
                label="Internal rate of return"
                value=Signal::derive(move || p.with(|p| p.irr.map_or("None".to_string(), |r| format!("{} a year", percent(r, 1)))))
                note=Signal::derive(move || p.with(|p| if p.irr.is_some() {
                    "the discount rate at which the bet breaks even".to_string()
                } else {
                    "the bet never breaks even at any rate".to_string()
                }))
                testid="out-irr"
            />
        </CalcCard>
    }
}

/// Uncaught wrong suggestions across hospitals.
#[component]
pub fn HospitalRisk() -> impl IntoView {
    let (state, h) = model(&w::HOSPITAL_RISK, hospital::compute);
    view! {
        <CalcCard widget=&w::HOSPITAL_RISK state>
            <Output
                label="Wrong suggestions not caught, a day"
                value=Signal::derive(move || h.with(|h| number(h.uncaught_per_day, 1)))
                note=Signal::derive(move || h.with(|h| format!("{} a year, under your assumptions", number(h.uncaught_per_year, 0))))
                testid="out-daily"
                reader=true
            />
            <Output
                label="Consultations a day, all hospitals"
                value=Signal::derive(move || h.with(|h| number(h.daily, 0)))
                note=Signal::derive(move || h.with(|h| format!("{} wrong before review", number(h.daily * h.wrong / 100.0, 0))))
                testid="out-consults"
            />
        </CalcCard>
    }
}
