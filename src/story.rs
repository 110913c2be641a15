//! The story page: masthead, headline, contents, the sections of
//! `content/story.md` with their calculators, and the sources list.
//!
//! It is rendered only at build time (by `bin/prerender/`, with Leptos's
//! SSR), so the story's text is never part of the WebAssembly: in the
//! browser, [`crate::live`] swaps live parts into the rendered page.

use crate::card::figure::static_chart_file;
use crate::prefs::ThemeSwitch;
use explainer_core::calculators;
use explainer_core::chart::Scale;
use explainer_core::content::facts::{self, FactId, Kind};
use explainer_core::content::story::{story, Block, Inline, Section};
use explainer_core::text::format::{Currency, Money};
use explainer_core::web::card;
use explainer_core::web::prefs::default_rate;
use leptos::prelude::*;

/// A citation marker linking to the fact's entry in the sources list.
#[component]
pub fn Cite(
    /// The fact cited.
    id: FactId,
) -> impl IntoView {
    let fact = id.fact();
    let n = id.citation_number();
    let label = format!("Source {n}: {}", facts::attribution(fact));
    let title = label.clone();
    view! {
        <sup class="cite">
            <a href=format!("#source-{}", fact.id) aria-label=label title=title>{n}</a>
        </sup>
    }
}

/// Paragraph content: text, fact values with citations, citations. (The
/// story's tests guarantee every id names a fact.)
#[component]
pub fn Inlines(
    /// The runs to render.
    runs: &'static [Inline],
) -> impl IntoView {
    runs.iter()
        .map(|run| match *run {
            Inline::Text(t) => t.into_any(),
            Inline::Fact(name) => match facts::find(name) {
                Some(id) => {
                    // A dollar figure's yuan, shown when the reader asks for
                    // yuan (CSS), at the default rate until the app rewrites it.
                    let yuan = facts::in_money(id, Money { currency: Currency::Cny, rate: default_rate() });
                    view! {
                        <span class="fact" data-fact=name>{facts::display(id)}</span>
                        {(!yuan.is_empty()).then(|| view! { <span class="fx" data-fact=name>{yuan}</span> })}
                        <Cite id/>
                    }
                    .into_any()
                }
                None => name.into_any(),
            },
            Inline::Cite(name) => facts::find(name).map(|id| view! { <Cite id/> }).into_any(),
        })
        .collect_view()
}

/// The calculator placed by `[calculator id]` in the story, at its
/// starting values: the core's card with stand-ins for the controls and
/// its drawings as files (`bin/prerender/` writes them), brought to life in
/// place as the reader nears it ([`crate::live`]).
fn calculator(id: &'static str) -> AnyView {
    let Some(calc) = calculators::find(id) else {
        // The core's tests keep this from happening; say so rather than hide it.
        return view! { <p class="calc-missing">"Calculator " {id} " is not available."</p> }.into_any();
    };
    let values = calc.defaults();
    let figure = (calc.figure)(&values, Scale::Linear, Money::USD);
    let (chart, tornado) = (static_chart_file(calc.id), static_chart_file(&format!("{}-tornado", calc.id)));
    let art = card::Art::Image { chart: &chart, tornado: &tornado };
    let html = card::html(&card::Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 3, live: false, art });
    view! { <div class="live" inner_html=html></div> }.into_any()
}

/// The paragraph placed by `[follow id]`: calculator `id`'s sentence at
/// its starting values, which the live calculator keeps in step.
fn follow(id: &'static str) -> AnyView {
    let html = calculators::find(id)
        .and_then(|c| (c.figure)(&c.defaults(), Scale::Linear, Money::USD).prose)
        .map(|p| explainer_core::web::card::follow_html(&p, id))
        .unwrap_or_default();
    // `data-follow`: explainer_core::web::dom::attr::FOLLOW (a view's attribute names are literals).
    view! { <div class="follow" data-follow=id inner_html=html></div> }.into_any()
}

/// One numbered section of the story.
#[component]
pub fn StorySection(
    /// The section's content.
    section: &'static Section,
    /// Its number in the table of contents.
    number: usize,
) -> impl IntoView {
    let blocks = section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Para(runs) => view! { <p><Inlines runs/></p> }.into_any(),
            Block::Calculator(id) => calculator(id),
            Block::Follow(id) => follow(id),
        })
        .collect_view();
    let heading_id = format!("{}-heading", section.id);
    let labelledby = heading_id.clone();
    view! {
        <section id=section.id class="story-section" aria-labelledby=labelledby>
            <h2 id=heading_id>
                <span class="section-number">{number}</span>
                {section.heading}
            </h2>
            {blocks}
            {(section.id == "sources").then(SourcesList)}
        </section>
    }
    .into_any()
}

/// Every fact with its source and date; derived ones with their formula.
#[component]
pub fn SourcesList() -> impl IntoView {
    let items = facts::all()
        .map(|id| {
            let fact = id.fact();
            let prose = id.prose();
            let value = facts::display(id);
            // Every reported figure reaches us through the one article the
            // method paragraph describes, so only its source and date show.
            let as_reported = || match fact.when {
                "" => format!("{}; no date given.", fact.source),
                when => format!("{}, {when}.", fact.source),
            };
            let (kind, detail) = match fact.kind {
                Kind::Reported => ("Reported figure", as_reported()),
                Kind::Context => ("Reported claim", as_reported()),
                Kind::Derived => ("Derived figure", format!("Our calculation: {} = {value}.", prose.formula)),
            };
            view! {
                <li id=format!("source-{}", fact.id) data-kind=kind>
                    <span class="source-kind">{kind}</span>
                    <span class="source-claim">
                        {(!value.is_empty()).then(|| view! { <strong class="source-value">{value}</strong> " · " })}
                        {prose.claim}
                        "."
                    </span>
                    <span class="source-detail">{detail}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="sources" data-testid="sources">{items}</ol> }
}

/// The explainer page.
#[component]
pub fn StoryPage() -> impl IntoView {
    let story = story();
    let toc = story
        .sections
        .iter()
        .map(|s| {
            let calcs: Vec<_> = s
                .blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Calculator(id) => calculators::find(id),
                    Block::Para(_) | Block::Follow(_) => None,
                })
                .collect();
            let list = (!calcs.is_empty()).then(|| {
                view! {
                    <ul class="toc-calcs">
                        {calcs.into_iter().map(|c| view! {
                            <li><a class="toc-calc" href=format!("#{}", c.id)>{c.title}</a></li>
                        }).collect_view()}
                    </ul>
                }
            });
            view! {
                <li>
                    <a href=format!("#{}", s.id)>{s.heading}</a>
                    {list}
                </li>
            }
        })
        .collect_view();
    let sections = story.sections.iter().enumerate().map(|(i, section)| view! { <StorySection section number=i + 1/> }).collect_view();
    view! {
        <a class="skip-link" href="#story">"Skip to the story"</a>
        <header class="masthead">
            <p class="masthead-name">"The AI Ledger"</p>
            <p class="masthead-tag">"Explainers with the numbers open"</p>
            <ThemeSwitch/>
        </header>
        <main id="story" class="story">
            <article>
                <header class="story-head">
                    <p class="kicker">"Explainer · China and AI"</p>
                    <h1>{story.headline}</h1>
                    <p class="lead"><Inlines runs=&story.lead/></p>
                    <p class="byline">"Figures as reported in an undated Info Finance article; each number links to its entry in the sources list. Calculators run in your browser."</p>
                </header>
                <nav class="toc" aria-labelledby="toc-heading">
                    <h2 id="toc-heading">"Contents"</h2>
                    <ol>{toc}</ol>
                </nav>
                {sections}
            </article>
        </main>
        <footer class="site-footer">
            <p>"An interactive explainer. No cookies, no tracking; nothing you type leaves your browser."</p>
        </footer>
    }
}
