//! The `market-growth` calculator: Morgan Stanley's forecast and the
//! reader's own growth rate.

use crate::calculator::{CalcState, ParamFields};
use crate::chart::{use_chart_env, ChartFigure, ScaleSwitch};
use crate::intl::{number, percent, usd_bn};
use explainer_core::chart::{draw_market_growth, svg, Scale};
use explainer_core::market::{project, MARKET_GROWTH};
use leptos::prelude::*;

const CHART_HEIGHT_WIDE: u32 = 340;
const CHART_HEIGHT_NARROW: u32 = 280;

/// The market-growth calculator, with inputs, outputs, chart and table.
#[component]
pub fn MarketGrowth() -> impl IntoView {
    let calc = &MARKET_GROWTH;
    let state = CalcState::new(calc);
    let scale = RwSignal::new(Scale::Linear);
    let env = use_chart_env();
    let projection = Memo::new(move |_| state.values.with(|v| project(v)));

    let implied = move || projection.with(|p| percent(p.implied_rate, 1));
    let doubling = move || {
        projection.with(|p| match (p.doubling_years, p.halving_years) {
            (Some(t), _) => format!("Doubles every {} years", number(t, 1)),
            (None, Some(t)) => format!("Shrinks by half every {} years", number(t, 1)),
            (None, None) => "Stays the same size".to_string(),
        })
    };
    let reader_end = move || projection.with(|p| usd_bn(p.reader_end, 1));
    let versus = move || {
        projection.with(|p| {
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
    let years = move || projection.with(|p| format!("{}–{}", p.start_year, p.end_year));
    let title = Signal::derive(move || {
        projection.with(|p| {
            if p.implied_rate > 0.0 {
                format!("The forecast needs {} growth a year", percent(p.implied_rate, 1))
            } else {
                "The forecast implies no growth".to_string()
            }
        })
    });
    let subtitle = Signal::derive(move || {
        let kind = match scale.get() {
            Scale::Linear => "linear scale",
            Scale::Log => "logarithmic scale: equal steps are equal growth rates",
        };
        format!("China's AI industry, US$ bn, {}; {kind}", years())
    });
    let description = Signal::derive(move || {
        projection.with(|p| {
            format!(
                "Line chart. The forecast path grows from {} in {} to {} in {}; at your rate of {} a year the industry reaches {}.",
                usd_bn(p.start, 1),
                p.start_year,
                usd_bn(p.end, 0),
                p.end_year,
                percent(p.reader_rate, 1),
                usd_bn(p.reader_end, 1),
            )
        })
    });
    let chart = move |width: u32| {
        let height = if width < 480 { CHART_HEIGHT_NARROW } else { CHART_HEIGHT_WIDE };
        let theme = env.theme();
        let scale = scale.get();
        projection.with(|p| svg(width, height, |root| draw_market_growth(root, p, scale, &theme)))
            .map_err(|e| e.to_string())
    };
    let match_forecast = move |_| {
        let rate = projection.with_untracked(|p| p.implied_rate * 100.0);
        if let Some(param) = calc.param("rate") {
            state.set(2, param.snap(rate));
        }
    };

    view! {
        <div class="calc" id=calc.id data-testid="calc-market-growth">
            <h3 class="calc-title">{calc.title}</h3>
            <p class="calc-intro">
                "Set the start and end of the forecast, then try your own growth rate. "
                "Everything is calculated in your browser."
            </p>
            <div class="calc-body">
                <div class="calc-inputs">
                    <ParamFields state/>
                    <div class="calc-actions">
                        <button type="button" class="button" on:click=match_forecast>
                            "Use the forecast's rate"
                        </button>
                        <button type="button" class="button button-quiet" on:click=move |_| state.reset()>
                            "Reset"
                        </button>
                    </div>
                </div>
                <div class="calc-results">
                <dl class="calc-outputs" aria-live="polite">
                    <div class="output output-main">
                        <dt>"Growth the forecast implies"</dt>
                        <dd data-testid="out-implied">{implied} <span class="unit">" a year"</span></dd>
                        <dd class="output-note" data-testid="out-doubling">{doubling}</dd>
                    </div>
                    <div class="output output-reader">
                        <dt>"Your " {move || projection.with(|p| p.end_year)} " value"</dt>
                        <dd data-testid="out-reader">{reader_end}</dd>
                        <dd class="output-note" data-testid="out-versus">{versus}</dd>
                    </div>
                </dl>
                    <p class="working" data-testid="working">
                        "The working: ("
                        {move || projection.with(|p| format!("{} ÷ {}", number(p.end, 0), number(p.start, 1)))}
                        ")"<sup>{move || projection.with(|p| format!("1/{}", p.end_year - p.start_year))}</sup>
                        " − 1 = " {implied}
                    </p>
                </div>
            </div>
            <ScaleSwitch id=calc.id scale/>
            <ChartFigure
                id=format!("{}-chart", calc.id)
                title
                subtitle
                source="Source: Morgan Stanley (2024 estimate, 2030 forecast), reported mid-2025. Year-by-year paths: our calculation."
                description
                svg=chart
            />
            <details class="calc-table">
                <summary>"Table of the chart's values"</summary>
                <table>
                    <caption class="visually-hidden">"China's AI industry by year, US$ bn"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Year"</th>
                            <th scope="col">"Forecast path (US$ bn)"</th>
                            <th scope="col">"Your rate (US$ bn)"</th>
                        </tr>
                    </thead>
                    <tbody data-testid="table-body">
                        {move || projection.with(|p| p.path.iter().map(|row| view! {
                            <tr>
                                <th scope="row">{row.year}</th>
                                <td>{number(row.forecast, 1)}</td>
                                <td>{number(row.reader, 1)}</td>
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </details>
        </div>
    }
}
