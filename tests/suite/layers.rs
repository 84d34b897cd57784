//! The layers point one way: `text → document → search → store → app → keymap → ui →
//! terminal/tui → cli`. A module may use its own layer and those below it, never one above:
//! read from the sources, every `crate::…` path and every `use` of a sibling top-level module.

use std::fs;
use std::path::{Path, PathBuf};

/// Top-level modules, lowest first; a module may use those at its rank or below.
const LAYERS: &[(&str, u8)] = &[
    ("text", 0),
    ("document", 1),
    ("search", 2),
    ("store", 3),
    ("app", 4),
    ("keymap", 5),
    ("ui", 6),
    ("terminal", 7),
    ("tui", 7),
    ("cli", 8),
];

fn rank(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|&(_, r)| r)
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules named as `crate::NAME` in `source`.
fn uses(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
        rest = after;
    }
    out
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &all {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|s| s.trim_end_matches(".rs").to_string())
            .unwrap_or_default();
        // The crate root and the binary sit above every layer.
        let Some(own) = rank(&top) else {
            assert!(
                top == "lib" || top == "main",
                "{} is in no layer: add it to LAYERS",
                relative.display()
            );
            continue;
        };
        checked += 1;
        let source = fs::read_to_string(file).expect("readable source");
        for name in uses(&source) {
            if let Some(theirs) = rank(&name)
                && theirs > own
            {
                wrong.push(format!("{} uses crate::{name}", relative.display()));
            }
        }
    }
    assert!(checked > 50, "only {checked} files were read");
    assert!(
        wrong.is_empty(),
        "layers pointing up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_an_upward_use() {
    // What the check reads, on a source that breaks the rule.
    let names = uses("use crate::app::App;\nfn f() { crate::ui::draw(); }");
    assert_eq!(names, ["app", "ui"]);
    assert!(rank("ui") > rank("document"));
}
