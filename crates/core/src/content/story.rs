//! The story text, kept as data in `content/story.md` and parsed here.
//!
//! The format is small on purpose:
//! - `# Headline` and `> lead` at the top;
//! - `## anchor-id | Heading` starts a section;
//! - blank lines separate paragraphs;
//! - `[calculator id]` on its own line places a calculator, and
//!   `[follow id]` a paragraph that follows it (its figure's
//!   `prose`);
//! - in a paragraph, `{fact-id}` writes a fact's value with a citation
//!   marker and `{^fact-id}` writes the citation marker alone.
//!
//! Parsing never fails: anything unrecognised stays text, and
//! [`Story::problems`] lists it, so a test keeps the content honest.

use crate::content::facts;
use crate::text::format::Lang;
use std::sync::LazyLock;

/// A run of paragraph content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    /// A fact's value followed by its citation marker.
    Fact(&'static str),
    /// A citation marker alone.
    Cite(&'static str),
}

/// A block in a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Para(Vec<Inline>),
    /// The place of a calculator, by id.
    Calculator(&'static str),
    /// A paragraph written by a calculator that follows the reader's
    /// numbers, by the calculator's id.
    Follow(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Stable anchor id.
    pub id: &'static str,
    pub heading: &'static str,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Story {
    /// The language it is written in: `content/story.md` is English,
    /// `content/story-zh.md` Chinese.
    pub lang: Lang,
    pub headline: &'static str,
    pub lead: Vec<Inline>,
    pub sections: Vec<Section>,
}

static STORY: LazyLock<Story> = LazyLock::new(|| parse(include_str!("../../../../content/story.md"), Lang::En));
static STORY_ZH: LazyLock<Story> = LazyLock::new(|| parse(include_str!("../../../../content/story-zh.md"), Lang::Zh));

/// The site's story in `lang`, parsed once.
pub fn story(lang: Lang) -> &'static Story {
    match lang.in_build() {
        Lang::En => &STORY,
        Lang::Zh => &STORY_ZH,
    }
}

/// Parses the story format described in the module docs, written in
/// `lang`: a paragraph's lines join with a space in English, with nothing
/// in Chinese.
pub fn parse(text: &'static str, lang: Lang) -> Story {
    let mut story = Story { lang, ..Story::default() };
    let joiner = match lang.in_build() {
        Lang::En => " ",
        Lang::Zh => "",
    };
    let mut para: Vec<&'static str> = Vec::new();
    let flush = |para: &mut Vec<&'static str>, story: &mut Story| {
        if para.is_empty() {
            return;
        }
        let joined: &'static str = Box::leak(para.join(joiner).into_boxed_str());
        para.clear();
        if let Some(section) = story.sections.last_mut() {
            section.blocks.push(Block::Para(inlines(joined)));
        }
    };
    for line in text.lines().map(str::trim) {
        if let Some(h) = line.strip_prefix("# ") {
            story.headline = h.trim();
        } else if let Some(lead) = line.strip_prefix("> ") {
            story.lead = inlines(lead.trim());
        } else if let Some(h) = line.strip_prefix("## ") {
            flush(&mut para, &mut story);
            let (id, heading) = h.split_once('|').unwrap_or(("", h));
            story.sections.push(Section { id: id.trim(), heading: heading.trim(), blocks: Vec::new() });
        } else if let Some(id) = line.strip_prefix("[calculator ").and_then(|l| l.strip_suffix(']')) {
            flush(&mut para, &mut story);
            if let Some(section) = story.sections.last_mut() {
                section.blocks.push(Block::Calculator(id.trim()));
            }
        } else if let Some(id) = line.strip_prefix("[follow ").and_then(|l| l.strip_suffix(']')) {
            flush(&mut para, &mut story);
            if let Some(section) = story.sections.last_mut() {
                section.blocks.push(Block::Follow(id.trim()));
            }
        } else if line.is_empty() {
            flush(&mut para, &mut story);
        } else {
            para.push(line);
        }
    }
    flush(&mut para, &mut story);
    story
}

/// Splits paragraph text into text, fact and citation runs.
pub fn inlines(text: &'static str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        if open > 0 {
            out.push(Inline::Text(&rest[..open]));
        }
        let token = &rest[open + 1..close];
        out.push(match token.strip_prefix('^') {
            Some(id) => Inline::Cite(id),
            None => Inline::Fact(token),
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest));
    }
    out
}

impl Story {
    /// Every fact id the story cites, in order of first appearance.
    pub fn cited(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        let paras = self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Para(p) => Some(p),
            Block::Calculator(_) | Block::Follow(_) => None,
        });
        for inline in std::iter::once(&self.lead).chain(paras).flatten() {
            if let Inline::Fact(id) | Inline::Cite(id) = inline {
                if !ids.contains(id) {
                    ids.push(id);
                }
            }
        }
        ids
    }

    /// Everything wrong with the content: unknown facts, facts written as
    /// values that have none, sections without an id, repeated ids, stray
    /// braces.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.headline.is_empty() {
            problems.push("no headline".to_string());
        }
        let mut ids = Vec::new();
        for section in &self.sections {
            if section.id.is_empty() || !section.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                problems.push(format!("section {:?} needs an id of lowercase letters and hyphens", section.heading));
            }
            if ids.contains(&section.id) {
                problems.push(format!("section id {} repeats", section.id));
            }
            ids.push(section.id);
        }
        let paras = self.sections.iter().flat_map(|s| &s.blocks).filter_map(|b| match b {
            Block::Para(p) => Some(p),
            Block::Calculator(_) | Block::Follow(_) => None,
        });
        for inline in std::iter::once(&self.lead).chain(paras).flatten() {
            match inline {
                Inline::Fact(id) if facts::find(id).and_then(facts::value).is_none() => {
                    problems.push(format!("{{{id}}} names no fact with a value"));
                }
                Inline::Cite(id) if facts::find(id).is_none() => {
                    problems.push(format!("{{^{id}}} names no fact"));
                }
                Inline::Text(t) if t.contains(['{', '}']) => {
                    problems.push(format!("stray brace in {t:?}"));
                }
                _ => {}
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_paragraphs_facts_and_calculators() {
        let s = parse(
            "# Head\n> Lead {market-2024}.\n\n## one | First\nA {market-2030} b.{^robots}\nmore\n\n[calculator market-growth]\n## two | Second\nEnd.",
            Lang::En,
        );
        assert_eq!(s.headline, "Head");
        assert_eq!(s.lead, vec![Inline::Text("Lead "), Inline::Fact("market-2024"), Inline::Text(".")]);
        assert_eq!(s.sections.len(), 2);
        assert_eq!(s.sections[0].id, "one");
        assert_eq!(
            s.sections[0].blocks,
            vec![
                Block::Para(vec![
                    Inline::Text("A "),
                    Inline::Fact("market-2030"),
                    Inline::Text(" b."),
                    Inline::Cite("robots"),
                    Inline::Text(" more"),
                ]),
                Block::Calculator("market-growth"),
            ]
        );
        assert_eq!(s.cited(), vec!["market-2024", "market-2030", "robots"]);
        assert!(s.problems().is_empty());
    }

    #[test]
    fn problems_are_reported_not_hidden() {
        let s = parse("# H\n## bad id | X\nA {nope} and {^robots} and {robots} and {oops\n## bad id | Y\n", Lang::En);
        let problems = s.problems();
        assert!(problems.iter().any(|p| p.contains("{nope}")));
        assert!(problems.iter().any(|p| p.contains("{robots}")), "context facts have no value");
        assert!(problems.iter().any(|p| p.contains("stray brace")));
        assert!(problems.iter().any(|p| p.contains("repeats")));
        assert!(problems.iter().any(|p| p.contains("lowercase")));
    }

    #[test]
    fn the_site_story_is_complete_and_clean() {
        let s = story(Lang::En);
        assert_eq!(s.problems(), Vec::<String>::new());
        let ids: Vec<_> = s.sections.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["liangzhu", "boom", "forecast", "adoption", "real-use", "state", "risks", "chips", "restraint", "outlook", "sources"]);
        // Every fact is cited, and citation numbers (the order of the facts
        // file) rise through the story like footnotes.
        let in_file: Vec<_> = facts::all().map(|f| f.fact().id).collect();
        assert_eq!(s.cited(), in_file);
        let forecast = &s.sections[2];
        assert!(forecast.blocks.contains(&Block::Calculator("market-growth")));
    }

    /// The story's words as a reader reads them: facts written as values.
    fn paragraphs(s: &Story) -> Vec<String> {
        let text = |runs: &[Inline]| {
            runs.iter()
                .map(|r| match *r {
                    Inline::Text(t) => t.to_string(),
                    Inline::Fact(id) => facts::find(id).map(|f| facts::display(f, s.lang)).unwrap_or_default(),
                    Inline::Cite(_) => String::new(),
                })
                .collect::<String>()
        };
        let mut out: Vec<String> = vec![s.headline.to_string(), text(&s.lead)];
        for section in &s.sections {
            out.push(section.heading.to_string());
            for block in &section.blocks {
                if let Block::Para(runs) = block {
                    out.push(text(runs));
                }
            }
        }
        out
    }

    #[test]
    fn the_story_keeps_the_house_style() {
        // content/style.md: curly quotes, whole numbers below ten as words
        // and figures with units, lower case after a colon.
        for p in paragraphs(story(Lang::En)) {
            for rule in [crate::text::style::straight_quotes, crate::text::style::numbers, crate::text::style::colon_capital] {
                assert_eq!(rule(&p), None, "{p}");
            }
            assert!(!p.contains(" bn") && !p.contains(" tn"), "prose writes billion and trillion: {p}");
        }
        // The rules catch what made them: a straight quote at story.md's
        // old lines 63 and 67, and "Eight minutes" beside "8 minutes".
        let old = parse(
            "# H
## a | A
Policies that promote \"embodied AI\".\n\nEight minutes for three million yuan.",
            Lang::En,
        );
        let broken: Vec<_> = paragraphs(&old)
            .iter()
            .filter(|p| crate::text::style::straight_quotes(p).is_some() || crate::text::style::numbers(p).is_some())
            .cloned()
            .collect();
        assert_eq!(broken.len(), 2, "{broken:?}");
    }

    /// A section's citations, in order: what it cites, and how.
    fn citations(runs: &[Inline]) -> Vec<String> {
        let mut out: Vec<String> = runs
            .iter()
            .filter_map(|r| match *r {
                Inline::Text(_) => None,
                Inline::Fact(id) => Some(format!("{{{id}}}")),
                Inline::Cite(id) => Some(format!("{{^{id}}}")),
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn the_chinese_story_cites_the_same_facts_with_the_same_hedges() {
        let (en, zh) = (story(Lang::En), story(Lang::Zh));
        assert_eq!(zh.problems(), Vec::<String>::new());
        assert_eq!(citations(&zh.lead), citations(&en.lead), "the lead");
        let ids = |s: &Story| s.sections.iter().map(|s| s.id).collect::<Vec<_>>();
        assert_eq!(ids(zh), ids(en));
        for (a, b) in en.sections.iter().zip(&zh.sections) {
            let runs = |s: &Section| {
                let all: Vec<Inline> =
                    s.blocks.iter().filter_map(|b| if let Block::Para(r) = b { Some(r.clone()) } else { None }).flatten().collect();
                citations(&all)
            };
            assert_eq!(runs(b), runs(a), "section {}: the same facts, cited the same way", a.id);
            let placed = |s: &Section| s.blocks.iter().filter(|b| !matches!(b, Block::Para(_))).cloned().collect::<Vec<_>>();
            assert_eq!(placed(b), placed(a), "section {}: the same calculators and paragraphs after them", a.id);
        }
        // Each fact's hedges carry over: a date where the English has one,
        // the report's qualifier ("over") where it has one, the working of
        // every derived figure.
        for id in facts::all() {
            let (fact, prose) = (id.fact(), id.prose());
            assert!(!fact.source[1].is_empty() && !prose.claim[1].is_empty(), "{}: no Chinese source or claim", fact.id);
            assert_eq!(fact.when[1].is_empty(), fact.when[0].is_empty(), "{}: the date", fact.id);
            assert_eq!(fact.qualifier[1].is_empty(), fact.qualifier[0].is_empty(), "{}: the qualifier", fact.id);
            assert_eq!(prose.formula[1].is_empty(), prose.formula[0].is_empty(), "{}: the working", fact.id);
            assert_eq!(fact.kind == facts::Kind::Derived, !prose.formula[1].is_empty(), "{}: only our figures have working", fact.id);
        }
    }

    #[test]
    fn the_chinese_story_keeps_the_chinese_house_style() {
        use crate::text::style;
        let mut texts = paragraphs(story(Lang::Zh));
        for id in facts::all() {
            let (fact, prose) = (id.fact(), id.prose());
            texts.extend([fact.source[1], fact.when[1], fact.qualifier[1], prose.claim[1]].map(String::from));
            // A formula is mathematics: its brackets stay as they are, but
            // its numbers are written as Chinese readers read them.
            let formula = prose.formula[1];
            assert_eq!(style::zh_latin(formula, crate::content::glossary::LATIN), None, "{formula}");
            assert_eq!(style::zh_magnitude(formula), None, "{formula}");
            assert!(!formula.contains(','), "no thousands separators: {formula}");
        }
        for text in texts.iter().filter(|t| !t.is_empty()) {
            assert_eq!(style::zh_latin(text, crate::content::glossary::LATIN), None, "{text}");
            for rule in [style::zh_half_width, style::zh_double_unit, style::zh_magnitude, style::straight_quotes] {
                assert_eq!(rule(text), None, "{text}");
            }
        }
    }
}
