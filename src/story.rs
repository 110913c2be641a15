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
use explainer_core::text::format::{Currency, Lang, Money};
use explainer_core::web::card;
use explainer_core::web::prefs::default_rate;
use explainer_core::web::publish;
use leptos::prelude::*;

/// A citation marker linking to the fact's entry in the sources list.
#[component]
pub fn Cite(
    /// The fact cited.
    id: FactId,
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let fact = id.fact();
    let n = id.citation_number();
    let label = match lang.in_build() {
        Lang::En => format!("Source {n}: {}", facts::attribution(fact, lang)),
        Lang::Zh => format!("来源{n}：{}", facts::attribution(fact, lang)),
    };
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
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    runs.iter()
        .map(|run| match *run {
            Inline::Text(t) => t.into_any(),
            Inline::Fact(name) => match facts::find(name) {
                Some(id) => {
                    // A dollar figure's yuan, shown when the reader asks for
                    // yuan (CSS), at the default rate until the app rewrites it.
                    let yuan = facts::in_money(id, Money { currency: Currency::Cny, rate: default_rate() }, lang);
                    view! {
                        <span class="fact" data-fact=name>{facts::display(id, lang)}</span>
                        {(!yuan.is_empty()).then(|| view! { <span class="fx" data-fact=name>{yuan}</span> })}
                        <Cite id lang/>
                    }
                    .into_any()
                }
                None => name.into_any(),
            },
            Inline::Cite(name) => facts::find(name).map(|id| view! { <Cite id lang/> }).into_any(),
        })
        .collect_view()
}

/// The calculator placed by `[calculator id]` in the story, at its
/// starting values: the core's card with stand-ins for the controls and
/// its drawings as files (`bin/prerender/` writes them), brought to life in
/// place as the reader nears it ([`crate::live`]).
fn calculator(id: &'static str, lang: Lang) -> AnyView {
    let Some(calc) = calculators::find(id) else {
        // The core's tests keep this from happening; say so rather than hide it.
        return view! { <p class="calc-missing">{lang.pick(["Calculator ", "计算器"])} {id} {lang.pick([" is not available.", "暂不可用。"])}</p> }
            .into_any();
    };
    let values = calc.defaults();
    let figure = (calc.figure)(&values, Scale::Linear, Money::USD, lang);
    let name = publish::lang_name(calc.id, lang);
    let (chart, tornado) = (static_chart_file(&name), static_chart_file(&format!("{name}-tornado")));
    let art = card::Art::Image { chart: &chart, tornado: &tornado };
    let html = card::html(&card::Card { calc, figure: &figure, values: &values, scale: Scale::Linear, level: 3, live: false, art });
    view! { <div class="live" inner_html=html></div> }.into_any()
}

/// The paragraph placed by `[follow id]`: calculator `id`'s sentence at
/// its starting values, which the live calculator keeps in step.
fn follow(id: &'static str, lang: Lang) -> AnyView {
    let html = calculators::find(id)
        .and_then(|c| (c.figure)(&c.defaults(), Scale::Linear, Money::USD, lang).prose)
        .map(|p| explainer_core::web::card::follow_html(&p, id, lang))
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
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let blocks = section
        .blocks
        .iter()
        .map(|block| match block {
            Block::Para(runs) => view! { <p><Inlines runs lang/></p> }.into_any(),
            Block::Calculator(id) => calculator(id, lang),
            Block::Follow(id) => follow(id, lang),
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
            {(section.id == "sources").then(|| view! { <SourcesList lang/> })}
        </section>
    }
    .into_any()
}

/// Every fact with its source and date; derived ones with their formula.
#[component]
pub fn SourcesList(
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let items = facts::all()
        .map(|id| {
            let fact = id.fact();
            let prose = id.prose();
            let value = facts::display(id, lang);
            let (source, when) = (lang.pick(fact.source), lang.pick(fact.when));
            // Every reported figure reaches us through the one article the
            // method paragraph describes, so only its source and date show.
            let as_reported = || match (lang.in_build(), when) {
                (Lang::En, "") => format!("{source}; no date given."),
                (Lang::En, when) => format!("{source}, {when}."),
                (Lang::Zh, "") => format!("{source}；未注明日期。"),
                (Lang::Zh, when) => format!("{source}，{when}。"),
            };
            let formula = lang.pick(prose.formula);
            // `data-kind` names the kind in English on every page, for
            // styles and tests; the label is in the page's language.
            let (kind, label, detail) = match fact.kind {
                Kind::Reported => ("Reported figure", lang.pick(["Reported figure", "报道数据"]), as_reported()),
                Kind::Context => ("Reported claim", lang.pick(["Reported claim", "报道内容"]), as_reported()),
                Kind::Derived => (
                    "Derived figure",
                    lang.pick(["Derived figure", "本站推算"]),
                    match lang.in_build() {
                        Lang::En => format!("Our calculation: {formula} = {value}."),
                        Lang::Zh => format!("本站计算：{formula}，得{value}。"),
                    },
                ),
            };
            view! {
                <li id=format!("source-{}", fact.id) data-kind=kind>
                    <span class="source-kind">{label}</span>
                    <span class="source-claim">
                        {(!value.is_empty()).then(|| view! { <strong class="source-value">{value}</strong> " · " })}
                        {lang.pick(prose.claim)}
                        {lang.pick([".", "。"])}
                    </span>
                    <span class="source-detail">{detail}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="sources" data-testid="sources">{items}</ol> }
}

/// The words around the story, in each language (English first).
struct Chrome {
    skip: [&'static str; 2],
    name: [&'static str; 2],
    tag: [&'static str; 2],
    kicker: [&'static str; 2],
    byline: [&'static str; 2],
    contents: [&'static str; 2],
    footer: [&'static str; 2],
}

const CHROME: Chrome = Chrome {
    skip: ["Skip to the story", "跳到正文"],
    name: ["The AI Ledger", "AI账本"],
    tag: ["Explainers with the numbers open", "把数字摊开来讲"],
    kicker: ["Explainer · China and AI", "解读 · 中国与AI"],
    byline: [
        "Figures as reported in an undated Info Finance article; each number links to its entry in the sources list. Calculators run in your browser.",
        "文中数字均引自Info Finance一篇未注明日期的报道，每个数字都链接到文末来源列表中的对应条目。计算器在读者的浏览器中运行。",
    ],
    contents: ["Contents", "目录"],
    footer: [
        "An interactive explainer. No cookies, no tracking; nothing you type leaves your browser.",
        "互动解读。本站不记录、不追踪读者，您输入的任何内容都不会离开您的浏览器。",
    ],
};

/// The link to the story in the other language: its address, its
/// language, and its name in that language.
pub fn other_language(lang: Lang) -> (&'static str, Lang, &'static str) {
    match lang.in_build() {
        Lang::En => (publish::story_file(Lang::Zh), Lang::Zh, publish::own_name(Lang::Zh)),
        Lang::Zh => ("./", Lang::En, publish::own_name(Lang::En)),
    }
}

/// The explainer page in `lang`.
#[component]
pub fn StoryPage(
    /// The page's language.
    lang: Lang,
) -> impl IntoView {
    let story = story(lang);
    let t = |both: [&'static str; 2]| lang.pick(both);
    let (other, other_lang, other_name) = other_language(lang);
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
                            <li><a class="toc-calc" href=format!("#{}", c.id)>{lang.pick(c.title)}</a></li>
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
    let sections = story.sections.iter().enumerate().map(|(i, section)| view! { <StorySection section number=i + 1 lang/> }).collect_view();
    view! {
        <a class="skip-link" href="#story">{t(CHROME.skip)}</a>
        <header class="masthead">
            <p class="masthead-name">{t(CHROME.name)}</p>
            <p class="masthead-tag">{t(CHROME.tag)}</p>
            <a class="lang-switch" href=other hreflang=other_lang.code() lang=other_lang.code()>{other_name}</a>
            <ThemeSwitch lang/>
        </header>
        <main id="story" class="story">
            <article>
                <header class="story-head">
                    <p class="kicker">{t(CHROME.kicker)}</p>
                    <h1>{story.headline}</h1>
                    <p class="lead"><Inlines runs=&story.lead lang/></p>
                    <p class="byline">{t(CHROME.byline)}</p>
                </header>
                <nav class="toc" aria-labelledby="toc-heading">
                    <h2 id="toc-heading">{t(CHROME.contents)}</h2>
                    <ol>{toc}</ol>
                </nav>
                {sections}
            </article>
        </main>
        <footer class="site-footer">
            <p>{t(CHROME.footer)}</p>
        </footer>
    }
}
