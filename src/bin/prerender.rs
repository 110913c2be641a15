//! Trunk's post-build step (see Trunk.toml). In the folder being built
//! (`TRUNK_STAGING_DIR`, or the first argument) it writes embed.html from
//! index.html and tables.html (every chart as a table, for readers without
//! JavaScript), then renders the story page natively with Leptos's SSR and
//! puts that HTML into index.html, so a reader without JavaScript, a search
//! engine and a slow phone all get the words before the WebAssembly.

use china_ai::story::StoryPage;
use china_ai::theme::ChartEnv;
use explainer_core::web::pages;
use leptos::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("prerender: give the built folder as an argument or TRUNK_STAGING_DIR");
        return ExitCode::FAILURE;
    };
    let dir = PathBuf::from(dir);
    let index_path = dir.join("index.html");
    let index = match std::fs::read_to_string(&index_path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("prerender: cannot read {}: {e}", index_path.display());
            return ExitCode::FAILURE;
        }
    };
    let index = pages::with_layout(&index);
    let embed = index.as_deref().and_then(pages::embed_page);
    let story = index.as_deref().and_then(|i| pages::with_story(i, &render_story()));
    let tables = index.as_deref().and_then(pages::tables_page);
    let (Some(embed), Some(story), Some(tables)) = (embed, story, tables) else {
        eprintln!("prerender: {} does not have the expected shape", index_path.display());
        return ExitCode::FAILURE;
    };
    for (name, text) in [("embed.html", embed), ("index.html", story), (pages::TABLES_FILE, tables)] {
        if let Err(e) = std::fs::write(dir.join(name), text) {
            eprintln!("prerender: cannot write {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The story page as HTML, every calculator at its defaults.
fn render_story() -> String {
    let owner = Owner::new();
    owner.set();
    // Charts are drawn 560 px wide: the live card replaces them before they
    // come into view, so they serve readers without JavaScript, and a
    // narrower drawing is lighter and scales down less on a phone.
    provide_context(ChartEnv { dark: Signal::stored(false), window_width: 608.0, defer_first_draw: false });
    view! { <StoryPage/> }.to_html()
}
