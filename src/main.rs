//! Entry point: bring the prerendered story or a widget's own page (what
//! every embed shows) to life.
//!
//! No panic hook is installed: nothing here panics (inputs are validated,
//! maths is total, charts skip non-finite points), and the hook's message
//! formatting would be a kilobyte of every reader's download.

/// A free-list allocator: the same job as the standard library's dlmalloc
/// in a fraction of the code. The page runs on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    if china_ai::live::is_prerendered() {
        china_ai::live::enliven(china_ai::page::Mode::Story, || {
            leptos::prelude::provide_context(china_ai::card::OnCard(china_ai::follow::connect));
            china_ai::follow::follow_money();
        });
    } else {
        // A widget's own page: every embed shows one.
        china_ai::embed::enliven_widget();
    }
}
