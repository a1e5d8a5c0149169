//! The grader's modules import one way: no module reaches, through the modules it uses, back to
//! itself (`cli` uses `dev`, so `dev` must not use `cli`). A circle makes two modules one in
//! all but name: neither can be read, tested or changed alone.
//!
//! A module's imports are the `crate::NAME` paths in its code (comments left out), groups
//! (`crate::{a, b}`) included, `NAME` being another top-level module of `grader/src`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every file's text under `folder`, recursively.
fn sources(folder: &Path, texts: &mut Vec<String>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, texts);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            texts.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// The top-level modules of `src`, each with the other modules its code names.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = std::fs::read_dir(src)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter_map(|path| Some(path.file_stem()?.to_string_lossy().into_owned()))
        .filter(|name| name != "lib" && name != "main")
        .collect();
    let mut graph = BTreeMap::new();
    for module in &modules {
        let mut texts = Vec::new();
        let folder = src.join(module);
        if folder.is_dir() {
            sources(&folder, &mut texts);
        } else {
            texts.push(std::fs::read_to_string(src.join(format!("{module}.rs"))).unwrap());
        }
        let code: String = texts
            .iter()
            .flat_map(|text| text.lines())
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let used = named_modules(&code)
            .into_iter()
            .filter(|name| modules.contains(name) && name != module)
            .collect();
        graph.insert(module.clone(), used);
    }
    graph
}

/// The first segment of every `crate::` path in `code`, groups included: `crate::cli::Args`
/// names `cli`, `use crate::{git, tr}` names `git` and `tr`.
fn named_modules(code: &str) -> BTreeSet<String> {
    let identifier = |text: &str| -> String {
        text.trim_start()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            names.insert(identifier(rest));
            continue;
        };
        // The group's items at its top level, up to its closing brace.
        let (mut depth, mut item) = (0, String::new());
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    names.insert(identifier(&item));
                    item.clear();
                    continue;
                }
                _ => {}
            }
            if depth == 0 || c == '{' {
                item.push(c);
            }
        }
        names.insert(identifier(&item));
    }
    // A group's trailing comma leaves an empty item.
    names.remove("");
    names
}

/// A path from `from` back to `to` through the graph, if there is one.
fn path_back(
    graph: &BTreeMap<String, BTreeSet<String>>,
    from: &str,
    to: &str,
    seen: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if from == to {
        return Some(vec![to.to_string()]);
    }
    for next in &graph[from] {
        if seen.insert(next.clone())
            && let Some(mut path) = path_back(graph, next, to, seen)
        {
            path.insert(0, from.to_string());
            return Some(path);
        }
    }
    None
}

#[test]
fn imports_are_found_in_paths_and_groups() {
    let code = "use crate::cli::Args;\nuse crate::{\n    git,\n    report::{human, json},\n    tr,\n};\nlet x = crate::dev::run();";
    let names: Vec<String> = named_modules(code).into_iter().collect();
    assert_eq!(names, ["cli", "dev", "git", "report", "tr"]);
}

#[test]
fn the_modules_form_no_circle() {
    let graph = imports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph["cli"].contains("dev"), "the scan sees imports");
    let mut circles = Vec::new();
    for (module, used) in &graph {
        for next in used {
            if let Some(path) = path_back(&graph, next, module, &mut BTreeSet::new()) {
                circles.push(format!("{module} -> {}", path.join(" -> ")));
            }
        }
    }
    assert!(
        circles.is_empty(),
        "modules that import each other:\n{}",
        circles.join("\n")
    );
}
