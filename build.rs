//! Compiles the embedded fact base. Each `rules/facts/*.toml` (the human-edited source of
//! truth) is parsed and its tables are built and checked as at run time (the same code,
//! mounted from `src/facts/`); a problem fails the build, naming `file:line:column`. Two
//! outputs go to `OUT_DIR`:
//! - the built tables and their name index as Rust source of static data (`facts.text`,
//!   `facts.rs`; see `build/embedded_facts.rs`), which the default fact base includes: it
//!   loads without parsing, indexing or decoding anything;
//! - each file as compact JSON, which loads several times faster than TOML, for fact folders
//!   layered over the defaults (layering needs every layer's files). Spans into the TOML files
//!   are kept.

// Mounted at the root, so that their `super::` paths find one another as in `src/facts/`.
#[allow(dead_code)]
#[path = "src/facts/builder.rs"]
mod builder;
#[allow(dead_code)]
#[path = "src/facts/file.rs"]
mod file;
#[allow(dead_code)]
#[path = "src/facts/names.rs"]
mod names;
#[allow(dead_code)]
#[path = "src/facts/tables.rs"]
mod tables;
#[allow(dead_code)]
#[path = "src/facts/values.rs"]
mod values;

/// What `values.rs` reads an embedded string or list from: the embedded base is what this
/// script writes, so here there is none (every value it builds is owned).
mod embedded {
    pub const STRINGS: &str = "";
    pub static LISTS: [super::values::Str; 0] = [];
}

#[path = "build/embedded_facts.rs"]
mod embedded_facts;

#[path = "build/style.rs"]
mod style;

#[path = "build/words.rs"]
mod words;

// What `names.rs` finds beside it in `src/facts/`: the name index is built over the tables.
use file::EntityKind;
use tables::{EntityId, OfficeId, Tables as FactBase};

/// The embedded fact files, in load order (`src/facts/load.rs` lists the same).
const FACT_FILES: &[&str] = &[
    "organisations",
    "countries",
    "places",
    "offices",
    "events",
    "people",
    "world_offices",
    "world_organisations",
];

fn main() {
    let out_dir =
        std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    style::write(&out_dir);
    words::write(&out_dir);
    link_position_dependent();
    for module in ["builder", "file", "names", "tables", "values"] {
        println!("cargo:rerun-if-changed=src/facts/{module}.rs");
    }
    println!("cargo:rerun-if-changed=build/embedded_facts.rs");
    let mut texts = Vec::new();
    let mut inputs = Vec::new();
    for name in FACT_FILES {
        let path = format!("rules/facts/{name}.toml");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let raw: file::RawFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut value = serde_json::to_value(&raw).expect("fact files serialize");
        drop_defaults(&mut value);
        let json = serde_json::to_string(&value).expect("fact files serialize");
        std::fs::write(out_dir.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
        texts.push((path, text));
        inputs.push(builder::Input { layer: 0, raw });
    }
    let tables = builder::build(&mut inputs).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems
            .iter()
            .map(|problem| {
                let (path, text) = &texts[problem.file];
                let (line, column) = line_column(text, problem.span.start);
                format!("{path}:{line}:{column}: {}", problem.message)
            })
            .collect();
        panic!("the embedded fact base is invalid:\n{}", lines.join("\n"))
    });
    let names = names::NameIndex::build(&tables);
    names.prepare();
    let (text, source) = embedded_facts::write(&tables, &names);
    std::fs::write(out_dir.join("facts.text"), text).expect("OUT_DIR is writable");
    std::fs::write(out_dir.join("facts.rs"), source).expect("OUT_DIR is writable");
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Leave out what deserializes to the same without it (null, false, []): a third less to parse.
fn drop_defaults(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            map.retain(|_, v| {
                !matches!(v, Value::Null | Value::Bool(false))
                    && !matches!(v, Value::Array(a) if a.is_empty())
            });
            map.values_mut().for_each(drop_defaults);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_defaults),
        _ => {}
    }
}

/// Links the `factlint` binary as a position-dependent executable where the toolchain's
/// default is a position-independent one (Linux with glibc). A linter runs as one short
/// process per save or commit, and a position-independent binary starts by patching about
/// 18,000 pointers in its tables, which touches (and copies) every page that holds them. The
/// code is compiled position-independent either way; only the final link differs.
fn link_position_dependent() {
    let target = |key: &str| std::env::var(key).unwrap_or_default();
    if target("CARGO_CFG_TARGET_OS") == "linux" && target("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bin=factlint=-no-pie");
    }
}
