//! The code's shape, checked: the core's folders are layers, each using
//! only the layers below it; the app's modules form no cycle; and the app
//! names no calculator, so a new calculator needs no UI code.

use explainer_core::calculators::CALCULATORS;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The core's layers, bottom first (as `lib.rs` lists them).
const LAYERS: &[&str] = &["text", "maths", "chart", "content", "model", "calculators", "web"];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Every module named after `crate::` (or `$crate::`) in `text`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        // `use crate::{a, b}`: every name in the braces.
        if name.is_empty() && after.starts_with('{') {
            let group = &after[1..after.find('}').unwrap_or(after.len())];
            for part in group.split(',') {
                let part: String = part.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !part.is_empty() {
                    found.insert(part);
                }
            }
        } else if !name.is_empty() {
            found.insert(name);
        }
        rest = after;
    }
    found
}

fn core_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn app_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src")
}

#[test]
fn each_core_layer_uses_only_the_layers_below_it() {
    let mut problems = Vec::new();
    for (level, layer) in LAYERS.iter().enumerate() {
        let dir = core_src().join(layer);
        assert!(dir.is_dir(), "the layer {layer} has no folder");
        for file in rust_files(&dir) {
            for used in crate_paths(&fs::read_to_string(&file).unwrap()) {
                // `inputs!` and `both!` are exported at the crate's root but
                // are the model's and the text's.
                let used = match used.as_str() {
                    "inputs" => "model".to_string(),
                    "both" => "text".to_string(),
                    _ => used,
                };
                // `cases` (the property tests' configuration) sits below every layer.
                if used == "cases" {
                    continue;
                }
                match LAYERS.iter().position(|l| *l == used) {
                    Some(u) if u <= level => {}
                    Some(_) => problems.push(format!("{} uses the higher layer `{used}`", file.display())),
                    None => problems.push(format!("{} uses `crate::{used}`, which is no layer", file.display())),
                }
            }
        }
    }
    // Nothing lives outside the layers but lib.rs.
    for file in rust_files(&core_src()) {
        let relative = file.strip_prefix(core_src()).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_str().unwrap();
        if first != "lib.rs" && !LAYERS.contains(&first) {
            problems.push(format!("{} is in no layer", file.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The app's module graph: `src/a.rs` or `src/a/*.rs` naming `crate::b`
/// is an edge a → b.
fn app_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = app_src();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap();
        let mut parts = relative.components().map(|c| c.as_os_str().to_str().unwrap().trim_end_matches(".rs").to_string());
        let module = parts.next().unwrap();
        if module == "bin" || module == "main" || module == "lib" {
            continue;
        }
        let uses = crate_paths(&fs::read_to_string(&file).unwrap());
        graph.entry(module.clone()).or_default().extend(uses.into_iter().filter(|u| *u != module));
    }
    graph
}

/// The app's modules in the order `src/lib.rs` lists them: the links
/// (``[`name`]``) in its doc comment's paragraph on modules.
fn app_order() -> Vec<String> {
    let lib = fs::read_to_string(app_src().join("lib.rs")).unwrap();
    let docs: String = lib.lines().filter_map(|l| l.strip_prefix("//!")).collect::<Vec<_>>().join("\n");
    let para = docs.split("\n\n").find(|p| p.trim_start().starts_with("Modules,")).expect("lib.rs has a paragraph on its modules");
    para.split("[`").skip(1).filter_map(|part| part.split("`]").next()).map(str::to_string).collect()
}

#[test]
fn each_app_module_uses_only_those_lib_rs_lists_before_it() {
    let order = app_order();
    let graph = app_graph();
    let listed: BTreeSet<&String> = order.iter().collect();
    let modules: BTreeSet<&String> = graph.keys().collect();
    assert_eq!(listed, modules, "lib.rs lists every module of the app, once");
    assert_eq!(order.len(), listed.len(), "lib.rs lists a module twice: {order:?}");
    let mut problems = Vec::new();
    for (i, module) in order.iter().enumerate() {
        for used in &graph[module] {
            match order.iter().position(|m| m == used) {
                Some(u) if u < i => {}
                Some(_) => problems.push(format!("{module} uses {used}, which lib.rs lists after it")),
                // Not a module of the app (a macro, a name from a crate's root).
                None => {}
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_app_has_no_import_cycle() {
    let graph = app_graph();
    assert!(graph.len() > 3, "read the app's modules: {graph:?}");
    // Depth-first search, colouring modules in progress.
    fn visit(m: &str, graph: &BTreeMap<String, BTreeSet<String>>, state: &mut BTreeMap<String, u8>, path: &mut Vec<String>) -> Result<(), String> {
        match state.get(m) {
            Some(2) => return Ok(()),
            Some(1) => return Err(format!("{} → {m}", path.join(" → "))),
            _ => {}
        }
        state.insert(m.to_string(), 1);
        path.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            if graph.contains_key(next) {
                visit(next, graph, state, path)?;
            }
        }
        path.pop();
        state.insert(m.to_string(), 2);
        Ok(())
    }
    let mut state = BTreeMap::new();
    for module in graph.keys() {
        if let Err(cycle) = visit(module, &graph, &mut state, &mut Vec::new()) {
            panic!("import cycle in the app: {cycle}");
        }
    }
}

#[test]
fn the_app_names_no_calculator() {
    let mut problems = Vec::new();
    for file in rust_files(&app_src()) {
        let text = fs::read_to_string(&file).unwrap();
        for c in CALCULATORS {
            for quoted in [format!("\"{}\"", c.id), format!("\"{}-", c.id), format!("#{}", c.id)] {
                if text.contains(&quoted) {
                    problems.push(format!("{} names the calculator {}", file.display(), c.id));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checks_can_see_what_they_check() {
    let paths = crate_paths("use crate::{text::num, maths};\nuse crate::chart::Plot; $crate::model::Param");
    assert_eq!(paths, ["chart", "maths", "model", "text"].map(String::from).into());
}
