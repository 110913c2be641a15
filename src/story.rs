//! The story, rendered from `content/story.md` and the facts.

use crate::calculators;
use explainer_core::facts::{self, Kind, FACTS};
use explainer_core::story::{Block, Inline, Section};
use leptos::prelude::*;

/// A citation marker linking to the fact's entry in the sources list.
#[component]
pub fn Cite(
    /// The fact cited.
    id: &'static str,
) -> impl IntoView {
    let fact = facts::get(id);
    let n = facts::citation_number(id).unwrap_or(0);
    let label = fact.map(|f| format!("Source {n}: {}", facts::attribution(f))).unwrap_or_default();
    let title = label.clone();
    view! {
        <sup class="cite">
            <a href=format!("#source-{id}") aria-label=label title=title>{n}</a>
        </sup>
    }
}

/// Paragraph content: text, fact values with citations, citations.
#[component]
pub fn Inlines(
    /// The runs to render.
    runs: &'static [Inline],
) -> impl IntoView {
    runs.iter()
        .map(|run| match *run {
            Inline::Text(t) => t.into_any(),
            Inline::Fact(id) => view! {
                <span class="fact" data-fact=id>{facts::display(id)}</span>
                <Cite id/>
            }
            .into_any(),
            Inline::Cite(id) => view! { <Cite id/> }.into_any(),
        })
        .collect_view()
}

/// The calculator placed by `[calculator id]` in the story.
fn calculator(id: &'static str) -> AnyView {
    calculators::calculator(id).unwrap_or_else(|| {
        // The core's tests keep this from happening; say so rather than hide it.
        view! { <p class="calc-missing">"Calculator " {id} " is not available."</p> }.into_any()
    })
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
    let items = FACTS
        .iter()
        .map(|fact| {
            let value = facts::display(fact.id);
            let detail = match fact.kind {
                Kind::Reported => format!("{}. Refers to {}; published by {}.", fact.source, fact.when, fact.prose().reported),
                Kind::Context => format!("{}. Refers to {}; published by {}.", fact.source, fact.when, fact.prose().reported),
                Kind::Derived => format!("Our calculation: {} = {value}.", fact.prose().formula),
            };
            let kind = match fact.kind {
                Kind::Reported => "Reported figure",
                Kind::Derived => "Derived figure",
                Kind::Context => "Reported claim",
            };
            view! {
                <li id=format!("source-{}", fact.id) data-kind=kind>
                    <span class="source-kind">{kind}</span>
                    <span class="source-claim">
                        {(!value.is_empty()).then(|| view! { <strong class="source-value">{value}</strong> " · " })}
                        {fact.prose().claim}
                        "."
                    </span>
                    <span class="source-detail">{detail}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="sources" data-testid="sources">{items}</ol> }
}
