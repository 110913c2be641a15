//! Trunk's post-build step (see Trunk.toml). In the folder being built
//! (`TRUNK_STAGING_DIR`, or the first argument) it writes, from Trunk's
//! index.html:
//! - index.html with the story rendered natively by Leptos's SSR, so a
//!   reader without JavaScript, a search engine and a slow phone all get
//!   the words before the WebAssembly; zh.html, the Chinese story, beside
//!   it;
//! - `<id>.html` for every calculator: its own page, the widget
//!   prerendered at its starting values, with the tags link previews read;
//! - `preview/<name>.png`, each page's preview image, and
//!   `oembed/<id>.json`, each widget's oEmbed document;
//! - embed.html (one widget, built in the browser from `?w=`) and
//!   tables.html and tables.zh.html (every chart as a table, for readers
//!   without JavaScript);
//! - `_headers`, the security and cache headers, with the hashes of the
//!   pages' inline scripts.
//!
//! `SITE_URL`, the site's public address, makes preview, canonical and
//! oEmbed URLs absolute; without it those tags are left out (and it says so).
//! To write the pages again for another address without another build,
//! run it on a copy of dist/ with `SITE_TEMPLATE=target/site-template.html`
//! (Trunk's index.html, kept by the last build) and the new `SITE_URL`.

mod preview;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use china_ai::card::figure::static_chart_file;
use china_ai::card::figure::ChartEnv;
use china_ai::prefs::Prefs;
use china_ai::story::StoryPage;
use explainer_core::calculators::{Calculator, CALCULATORS};
use explainer_core::chart::{Palette, Scale};
use explainer_core::content::story::story;
use explainer_core::text::format::{Lang, Money};
use explainer_core::web::pages;
use explainer_core::web::publish::{self, PageMeta};
use leptos::prelude::*;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .ok_or("give the built folder as an argument or TRUNK_STAGING_DIR")?;
    let dir = PathBuf::from(dir);
    let site = publish::site_url(std::env::var("SITE_URL").ok().as_deref())?;
    if site.is_none() {
        eprintln!("prerender: SITE_URL is not set, so the pages carry no canonical, preview image or oEmbed link (see the README)");
    }
    let site = site.as_deref();
    // Trunk's index.html, which this step replaces with the story: kept
    // (TEMPLATE) so that the pages can be written again for another address
    // without another build (`SITE_TEMPLATE=… prerender <copy of dist>`).
    let (index_path, keep) = match std::env::var("SITE_TEMPLATE") {
        Ok(path) => (PathBuf::from(path), false),
        Err(_) => (dir.join("index.html"), true),
    };
    let index = std::fs::read_to_string(&index_path).map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    if keep {
        let template = Path::new(TEMPLATE);
        std::fs::create_dir_all(template.parent().unwrap_or(Path::new(".")))
            .and_then(|()| std::fs::write(template, &index))
            .map_err(|e| format!("cannot write {TEMPLATE}: {e}"))?;
    }
    let shape = || format!("{} does not have the expected shape", index_path.display());
    let index = pages::with_layout(&index).ok_or_else(shape)?;
    let rasterizer = preview::Rasterizer::new(std::env::var("CJK_FONT").ok().as_deref())?;
    // Each language's bundle (scripts/zh-bundle.mjs builds the Chinese one).
    let listing: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    let bundle = |zh: bool| {
        listing
            .iter()
            .find(|f| f.starts_with("china-ai-") && f.ends_with(".js") && f.starts_with("china-ai-zh-") == zh)
            .cloned()
            .ok_or_else(|| format!("no {} bundle in {}", if zh { "Chinese" } else { "English" }, dir.display()))
    };
    let (english_bundle, chinese_bundle) = (bundle(false)?, bundle(true)?);
    // The share image's QR encoder (scripts/qr-bundle.mjs), named on every
    // page that has a card.
    let qr = listing
        .iter()
        .find(|f| f.starts_with("share-qr-") && f.ends_with(".js"))
        .ok_or_else(|| format!("no QR encoder (share-qr-<hash>.js) in {}", dir.display()))?;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    // The story, in each language: its preview is the first chart under
    // the story's headline.
    let both = [(Lang::En, publish::story_file(Lang::En)), (Lang::Zh, publish::story_file(Lang::Zh))];
    let english_description = pages::meta_description(&index).ok_or_else(shape)?;
    // Trunk's index.html written once as a Chinese page, with the Chinese
    // bundle: the Chinese story's title and description, which each widget's
    // page replaces with its own.
    let title_in = |lang: Lang| format!("{} · {}", story(lang).headline, publish::site_name(lang));
    let said = pages::Said { lang: Lang::Zh, title: &title_in(Lang::Zh), description: pages::ZH_DESCRIPTION, noscript: pages::ZH_NOSCRIPT };
    let index_zh = pages::with_bundle(&pages::in_language(&index, &said).ok_or_else(shape)?, &english_bundle, &chinese_bundle).ok_or_else(shape)?;
    let (index, index_zh) = (pages::with_qr_encoder(&index, qr).ok_or_else(shape)?, pages::with_qr_encoder(&index_zh, qr).ok_or_else(shape)?);
    let index_in = |lang: Lang| lang.pick([&index, &index_zh]);
    for lang in [Lang::En, Lang::Zh] {
        let first = CALCULATORS.first().ok_or("no calculator")?;
        let mut cover = (first.figure)(&first.defaults(), Scale::Linear, Money::USD, lang);
        cover.title = story(lang).headline.to_string();
        let image = publish::preview_file(&publish::lang_name("story", lang));
        files.push((image.clone(), rasterizer.preview_png(&cover, lang)?));
        let title = title_in(lang);
        let description = lang.pick([english_description.as_str(), pages::ZH_DESCRIPTION]);
        let meta = PageMeta {
            path: publish::story_file(lang),
            title: &title,
            description,
            image: &image,
            image_alt: &cover.description,
            oembed: None,
            lang,
            alternates: &both,
        };
        let page = pages::with_story(index_in(lang), &render_story(lang)).ok_or_else(shape)?;
        let page = pages::with_head_tags(&page, &publish::head_tags(&meta, site)).ok_or_else(shape)?;
        files.push((lang.pick(["index.html", publish::story_file(Lang::Zh)]).into(), page.into_bytes()));
    }

    // A widget's page carries its icon, so a frame fetches one file less.
    let icon = std::fs::read(dir.join("favicon.svg")).map_err(|e| format!("cannot read favicon.svg: {e}"))?;
    let icon = format!("data:image/svg+xml;base64,{}", BASE64.encode(icon));
    let env = static_env();
    for calc in CALCULATORS {
        let failed = |e| format!("{}: {e}", calc.id);
        // Each language's page names the other's.
        let both = [Lang::En, Lang::Zh].map(|l| (l, publish::widget_file(calc, l)));
        let alternates: Vec<(Lang, &str)> = both.iter().map(|(l, f)| (*l, f.as_str())).collect();
        for lang in [Lang::En, Lang::Zh] {
            let figure = (calc.figure)(&calc.defaults(), Scale::Linear, Money::USD, lang);
            // The story's prerendered cards show their charts from these files.
            let name = publish::lang_name(calc.id, lang);
            let chart = figure.svg(env.guess_width(), &Palette::LIGHT).map_err(failed)?;
            files.push((static_chart_file(&name), chart.clone().into_bytes()));
            let tornado = figure.tornado_svg(env.guess_width(), &Palette::LIGHT).transpose().map_err(failed)?;
            if let Some(drawn) = &tornado {
                files.push((static_chart_file(&format!("{name}-tornado")), drawn.clone().into_bytes()));
            }
            let image = publish::preview_file(&publish::lang_name(calc.id, lang));
            let oembed = publish::oembed_file(calc, lang);
            let path = publish::widget_file(calc, lang);
            let meta = PageMeta {
                path: &path,
                title: lang.pick(calc.title),
                description: lang.pick(calc.intro),
                image: &image,
                image_alt: &figure.description,
                oembed: Some(&oembed),
                lang,
                alternates: &alternates,
            };
            let page = pages::widget_page(
                index_in(lang),
                calc,
                &render_widget(calc, &chart, tornado.as_deref(), lang),
                &publish::head_tags(&meta, site),
                lang,
            )
            .ok_or_else(shape)?;
            let page = pages::with_icon(&page, &icon);
            files.push((path, page.into_bytes()));
            files.push((image, rasterizer.preview_png(&figure, lang)?));
            if let Some(site) = site {
                files.push((oembed, publish::oembed_json(calc, site, lang).into_bytes()));
            }
        }
    }
    files.push(("embed.html".into(), pages::embed_page(&index).ok_or_else(shape)?.into_bytes()));
    for lang in [Lang::En, Lang::Zh] {
        files.push((pages::tables_file(lang).into(), pages::tables_page(&index, lang).ok_or_else(shape)?.into_bytes()));
    }
    // Every inline script of every page, for the Content-Security-Policy
    // (embed-example.html comes from public/ as it is).
    let example = std::fs::read_to_string(dir.join("embed-example.html")).unwrap_or_default();
    let mut hashes: Vec<String> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .filter_map(|(_, bytes)| std::str::from_utf8(bytes).ok())
        .chain([example.as_str()])
        .flat_map(publish::inline_scripts)
        .map(|script| BASE64.encode(Sha256::digest(script.as_bytes())))
        .collect();
    hashes.sort();
    hashes.dedup();
    let mut hashed = Vec::new();
    let mut fresh: Vec<String> = vec![
        "".into(),
        "embed-example.html".into(),
        "embed.js".into(),
        "favicon.svg".into(),
        "preview/*".into(),
        "oembed/*".into(),
        "charts/*".into(),
    ];
    for entry in std::fs::read_dir(&dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))? {
        let name = entry.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
        // Trunk names its outputs <name>-<hash>.<ext>, the hash up to 16 hex digits.
        let stem = name.rsplit_once('.').map_or("", |(stem, _)| stem).trim_end_matches("_bg");
        if stem.rsplit_once('-').is_some_and(|(_, hash)| (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())) {
            hashed.push(name);
        }
    }
    hashed.sort();
    fresh.extend(files.iter().filter(|(name, _)| name.ends_with(".html")).map(|(name, _)| name.clone()));
    let root = site.map_or("/".to_string(), |s| s.splitn(4, '/').nth(3).map_or("/".into(), |path| format!("/{path}")));
    let csp = publish::content_security_policy(&hashes);
    files.push(("_headers".into(), publish::headers_file(&root, &csp, &hashed, &fresh).into_bytes()));
    for (name, bytes) in &files {
        write(&dir, name, bytes)?;
    }
    Ok(())
}

/// Where the last build's Trunk index.html is kept.
const TEMPLATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/site-template.html");

fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), String> {
    let path = dir.join(name);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
    }
    std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Charts are drawn 560 px wide: the live card replaces them before they
/// come into view, so they serve readers without JavaScript, and a
/// narrower drawing is lighter and scales down less on a phone.
fn static_env() -> ChartEnv {
    ChartEnv { window_width: 608.0, defer_first_draw: false }
}

fn provide_env() {
    provide_context(static_env());
    provide_context(Prefs::at_start());
}

/// The story page in `lang` as HTML, every calculator at its defaults.
fn render_story(lang: Lang) -> String {
    let owner = Owner::new();
    owner.set();
    provide_env();
    view! { <StoryPage lang/> }.to_html()
}

/// A widget's page body: the widget at its starting values, as embedded,
/// its chart drawn in place, and for readers without JavaScript its chart's
/// table.
fn render_widget(calc: &'static Calculator, chart: &str, tornado: Option<&str>, lang: Lang) -> String {
    explainer_core::web::card::widget_html(calc, chart, tornado, lang)
}
