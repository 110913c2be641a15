//! Entry point: bring the prerendered story to life, or build the embed
//! page's app (embed.html).
//!
//! No panic hook is installed: nothing here panics (inputs are validated,
//! maths is total, charts skip non-finite points), and the hook's message
//! formatting would be a kilobyte of every reader's download.

fn main() {
    if china_ai::live::is_prerendered() {
        china_ai::live::enliven();
    } else {
        china_ai::embed::start();
    }
}
