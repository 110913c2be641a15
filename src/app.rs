//! The whole page: masthead, headline, lead, contents, sections, sources.

use crate::browser::{prefers_dark, window_width};
use crate::chart::ChartEnv;
use crate::story::{Inlines, StorySection};
use explainer_core::story::story;
use leptos::prelude::*;

/// The explainer page.
#[component]
pub fn App() -> impl IntoView {
    provide_context(ChartEnv { dark: prefers_dark(), window_width: window_width() });
    let story = story();
    let toc = story
        .sections
        .iter()
        .map(|s| {
            let calcs = s.blocks.iter().filter_map(|b| match b {
                explainer_core::story::Block::Calculator(id) => Some(*id),
                _ => None,
            });
            view! {
                <li>
                    <a href=format!("#{}", s.id)>{s.heading}</a>
                    {calcs.map(|id| view! { <a class="toc-calc" href=format!("#{id}")>"Calculator"</a> }).collect_view()}
                </li>
            }
        })
        .collect_view();
    let sections = story
        .sections
        .iter()
        .enumerate()
        .map(|(i, section)| view! { <StorySection section number=i + 1/> })
        .collect_view();
    view! {
        <a class="skip-link" href="#story">"Skip to the story"</a>
        <header class="masthead">
            <p class="masthead-name">"The AI Ledger"</p>
            <p class="masthead-tag">"Explainers with the numbers open"</p>
        </header>
        <main id="story" class="story">
            <article>
                <header class="story-head">
                    <p class="kicker">"Explainer · China and AI"</p>
                    <h1>{story.headline}</h1>
                    <p class="lead"><Inlines runs=&story.lead/></p>
                    <p class="byline">"Figures as reported in mid-2025, each linked to its source. Calculators run in your browser."</p>
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
