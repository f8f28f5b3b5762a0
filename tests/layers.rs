//! The library's layers point one way (docs/architecture.md): a module names only modules of
//! its own layer or lower ones, and the module graph has no cycle. This test reads every `src/**/*.rs`,
//! finds each path into the crate (`use crate::x::...`, `crate::x::f()`, `use crate::{x, y}`,
//! and the root's re-exports such as `crate::check_source`), and fails naming the file and
//! line of an import that points up.
//!
//! Not counted: comments and string literals, and `#[cfg(test)]` items and modules. The one
//! exception, and why: a unit test may run the whole pipeline (`check_source`) to test a piece
//! where it is written; the built library does not contain it. The binary (`src/bin/`) sits above
//! every layer.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. See the module documentation of `src/lib.rs`.
const LAYERS: &[(&str, &[&str])] = &[
    // Plain values and text helpers that know nothing of articles (`matcher`: hand-written
    // word patterns; `lexicon`: weekday and month names); the rule registry (ids, codes,
    // names, severities, docs).
    (
        "leaves",
        &[
            "span",
            "error",
            "line_index",
            "text",
            "sentence",
            "matcher",
            "lexicon",
            "registry",
        ],
    ),
    // The finding type; the configuration file.
    ("findings and configuration", &["diagnostic", "config"]),
    // The Markdown walk: blocks with offset maps, front matter.
    ("document", &["document", "front_matter"]),
    // Data and as-of queries: the fact base (and its Wikidata converter), style lists.
    ("facts and style", &["facts", "wikidata", "style"]),
    // The configuration, fact base and style data one check runs with.
    ("settings", &["settings"]),
    ("claims", &["claims"]),
    // The publication date and its narrowing by the claims the facts allow.
    ("article", &["article"]),
    // Judging claims, and the wording of findings.
    ("rules", &["rules"]),
    // Suppressions after the rules; the per-file pipeline.
    ("pipeline", &["suppress", "engine"]),
    // What users run: fixes, outputs, the language server, the preview server, discovery, the
    // command line (`cli`: its arguments; `commands`: running them); the hatches for the fuzz
    // targets and the benchmarks; the crate root's re-exports.
    (
        "front ends",
        &[
            "fix",
            "output",
            "lsp",
            "serve",
            "walk",
            "workspace",
            "cli",
            "commands",
            "fuzz",
            "internals",
            "lib",
        ],
    ),
];

/// Modules of one layer that must not name each other: what both need lives below both (a
/// rule's documentation link, a fix's shown title: `RuleMeta::doc_url`, `Fix::shown_title`).
const APART: &[(&str, &str)] = &[("lsp", "output")];

/// Files of the binary, above every layer.
const BINARY: &[&str] = &["bin"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/claims/quote/mod.rs` → `claims`.
fn module_of(path: &Path, src: &Path) -> String {
    let relative = path.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_str().unwrap().trim_end_matches(".rs").to_string()
}

/// The code of a file with comments and the insides of string and character literals
/// blanked out (newlines kept, so byte offsets and line numbers stay).
fn code_only(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for byte in &mut out[from..to] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                let mut j = i;
                while j < bytes.len() {
                    if bytes[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if bytes[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !is_ident(bytes[i - 1])) =>
            {
                // A raw string: r"...", r#"..."#.
                let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
                let open = i + 1 + hashes;
                if bytes.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = source[open + 1..]
                    .find(&close)
                    .map_or(bytes.len(), |n| open + 1 + n + close.len());
                blank(
                    &mut out,
                    open + 1,
                    end.saturating_sub(close.len()).max(open + 1),
                );
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i + 1, j.min(bytes.len()));
                i = j + 1;
            }
            b'\'' => {
                // A character literal ('x', '\n', '\u{2019}', '"'), not a lifetime ('a).
                let rest = &source[i + 1..];
                let len = if rest.starts_with('\\') {
                    rest.find('\'').map(|n| n + 1)
                } else {
                    rest.chars()
                        .next()
                        .map(char::len_utf8)
                        .filter(|&n| rest[n..].starts_with('\''))
                        .map(|n| n + 1)
                };
                match len {
                    Some(len) => {
                        blank(&mut out, i + 1, i + len);
                        i += len + 1;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).unwrap()
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Blank out every `#[cfg(test)]` item: from the attribute to the end of the item (its
/// closing brace, or a `;` before any brace).
fn without_test_items(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let mut from = 0;
    while let Some(found) = code[from..].find("#[cfg(test)]") {
        let start = from + found;
        let mut depth = 0usize;
        let mut end = code.len();
        for (offset, byte) in code.as_bytes()[start + 12..].iter().enumerate() {
            match byte {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start + 12 + offset + 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    end = start + 12 + offset + 1;
                    break;
                }
                _ => {}
            }
        }
        for byte in &mut out[start..end] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        from = end;
    }
    String::from_utf8(out).unwrap()
}

/// Files that are modules declared under `#[cfg(test)]` (`#[cfg(test)] mod test_kit;`).
fn test_only_files(files: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut test_only = BTreeSet::new();
    for path in files {
        let code = code_only(&fs::read_to_string(path).unwrap());
        let dir = match path.file_stem().unwrap().to_str().unwrap() {
            "mod" | "lib" | "main" => path.parent().unwrap().to_path_buf(),
            stem => path.parent().unwrap().join(stem),
        };
        for (at, _) in code.match_indices("#[cfg(test)]") {
            let item = code[at + 12..].trim_start();
            let item = item
                .strip_prefix("pub(crate) ")
                .or_else(|| item.strip_prefix("pub "))
                .unwrap_or(item);
            let Some(declared) = item.strip_prefix("mod ") else {
                continue;
            };
            let name: String = declared
                .chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_')
                .collect();
            if declared[name.len()..].trim_start().starts_with(';') {
                test_only.insert(dir.join(format!("{name}.rs")));
                test_only.insert(dir.join(&name).join("mod.rs"));
            }
        }
    }
    test_only
}

/// The names the crate root re-exports (`pub use engine::{check_source, FileReport}`), with
/// the module each comes from.
fn root_reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let Some((module, items)) = rest.split_once("::") else {
            continue;
        };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = item.trim().rsplit("::").next().unwrap().trim();
            if !name.is_empty() {
                names.insert(name.to_string(), module.to_string());
            }
        }
    }
    names
}

/// Each top-level module named through `crate::`, with the byte offset where it is named.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at;
        from = start + 7;
        if start > 0 && (is_ident(code.as_bytes()[start - 1]) || code.as_bytes()[start - 1] == b'$')
        {
            continue; // `$crate::`, `mycrate::`
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            // `crate::{a::b, c}`: the first name of each entry at the group's top level.
            let mut depth = 0;
            let mut entry_start = true;
            let mut name = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => entry_start = true,
                    c if entry_start && (c.is_alphanumeric() || c == '_') => name.push(c),
                    _ if entry_start && !name.is_empty() => {
                        found.push((start, std::mem::take(&mut name)));
                        entry_start = false;
                    }
                    _ => {}
                }
            }
            if !name.is_empty() {
                found.push((start, name));
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_')
                .collect();
            if !name.is_empty() {
                found.push((start, name));
            }
        }
    }
    found
}

struct Import {
    file: String,
    line: usize,
    from: String,
    to: String,
}

fn imports() -> Vec<Import> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let reexports = root_reexports(&lib);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let test_only = test_only_files(&files);
    let mut imports = Vec::new();
    for path in files {
        let from = module_of(&path, &src);
        if BINARY.contains(&from.as_str()) || test_only.contains(&path) {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        let code = without_test_items(&code_only(&source));
        let file = path.strip_prefix(root).unwrap().display().to_string();
        for (offset, name) in crate_paths(&code) {
            let to = reexports.get(&name).cloned().unwrap_or(name);
            if to == from {
                continue;
            }
            let line = code[..offset].matches('\n').count() + 1;
            imports.push(Import {
                file: file.clone(),
                line,
                from: from.clone(),
                to,
            });
        }
        if from == "lib" {
            // The root names its modules without `crate::`: `pub use engine::check_source`.
            for (line, text) in lib.lines().enumerate() {
                if let Some(rest) = text.trim().strip_prefix("pub use ") {
                    let module = rest.split("::").next().unwrap().to_string();
                    imports.push(Import {
                        file: file.clone(),
                        line: line + 1,
                        from: "lib".into(),
                        to: module,
                    });
                }
            }
        }
    }
    imports
}

#[test]
fn every_module_has_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let unknown: BTreeSet<String> = files
        .iter()
        .map(|path| module_of(path, &src))
        .filter(|module| !BINARY.contains(&module.as_str()) && layer_of(module).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "give these modules a layer in tests/layers.rs (and in the layer list of src/lib.rs): {unknown:?}"
    );
}

#[test]
fn no_module_imports_a_higher_layer() {
    let mut upward = Vec::new();
    for import in imports() {
        let (Some(from), Some(to)) = (layer_of(&import.from), layer_of(&import.to)) else {
            continue; // `every_module_has_a_layer` names it; `crate::` items of the root are fine
        };
        if to > from {
            upward.push(format!(
                "{}:{}: `{}` ({}) imports `{}` ({}), a higher layer",
                import.file, import.line, import.from, LAYERS[from].0, import.to, LAYERS[to].0
            ));
        }
    }
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn modules_kept_apart_do_not_name_each_other() {
    let crossing: Vec<String> = imports()
        .into_iter()
        .filter(|import| {
            APART.iter().any(|&(a, b)| {
                (import.from == a && import.to == b) || (import.from == b && import.to == a)
            })
        })
        .map(|import| {
            format!(
                "{}:{}: `{}` imports `{}`",
                import.file, import.line, import.from, import.to
            )
        })
        .collect();
    assert!(
        crossing.is_empty(),
        "move what both need below both:\n{}",
        crossing.join("\n")
    );
}

/// The extractors see a narrow view of the settings (`claims::ExtractContext`: facts, style,
/// dialect, the year); only the claim pipeline itself, which decides what is worth
/// extracting, reads the settings whole.
#[test]
fn extractors_read_the_settings_only_through_their_context() {
    const ALLOWED: &[&str] = &["src/claims/mod.rs", "src/claims/context.rs"];
    let wide: Vec<String> = imports()
        .into_iter()
        .filter(|import| import.from == "claims" && import.to == "settings")
        .filter(|import| !ALLOWED.contains(&import.file.as_str()))
        .map(|import| format!("{}:{}", import.file, import.line))
        .collect();
    assert!(
        wide.is_empty(),
        "take `ExtractContext`, not `Settings`:\n{}",
        wide.join("\n")
    );
}

#[test]
fn the_module_graph_has_no_cycle() {
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut first_seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for import in imports() {
        if layer_of(&import.to).is_some() {
            first_seen
                .entry((import.from.clone(), import.to.clone()))
                .or_insert_with(|| format!("{}:{}", import.file, import.line));
            edges.entry(import.from).or_default().insert(import.to);
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            let places: Vec<String> = cycle
                .windows(2)
                .map(|pair| {
                    let key = (pair[0].clone(), pair[1].clone());
                    format!("{} → {} ({})", pair[0], pair[1], first_seen[&key])
                })
                .collect();
            panic!("an import cycle: {}", places.join(", "));
        }
    }
}

#[test]
fn the_scanner_sees_paths_and_skips_comments_strings_and_tests() {
    let code = without_test_items(&code_only(
        "use crate::a::B;\n// crate::c\nlet s = \"crate::d\";\nlet c = '{';\nuse crate::{e::F, g};\n\
         fn f() { crate::h::i(); }\n#[cfg(test)]\nmod tests { use crate::j; }\nuse crate::k;\n",
    ));
    let names: Vec<String> = crate_paths(&code).into_iter().map(|(_, n)| n).collect();
    assert_eq!(names, ["a", "e", "g", "h", "k"]);
}

#[test]
fn a_module_declared_for_tests_only_is_left_out() {
    let dir = std::env::temp_dir().join(format!("factlint-layers-{}", std::process::id()));
    fs::create_dir_all(dir.join("rules")).unwrap();
    let parent = dir.join("rules").join("mod.rs");
    fs::write(
        &parent,
        "mod kept;\n#[cfg(test)]\nmod kit;\n#[cfg(test)]\npub(crate) mod other { }\n",
    )
    .unwrap();
    let found = test_only_files(&[parent]);
    fs::remove_dir_all(&dir).unwrap();
    let rules = dir.join("rules");
    assert_eq!(
        found,
        BTreeSet::from([rules.join("kit.rs"), rules.join("kit").join("mod.rs")])
    );
}
