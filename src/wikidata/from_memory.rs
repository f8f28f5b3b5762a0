//! An import from text in memory (what the fuzz target and editors' tools use) writes the same
//! fact file as the same import from files.

use std::path::PathBuf;

use super::{prepare, prepare_texts, write, ImportOptions};

#[test]
fn imports_from_memory_match_imports_from_files() {
    let example =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/wikidata/dump-sample.json");
    let dump = std::fs::read_to_string(&example).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let options = ImportOptions {
        inputs: vec!["dump-sample.json".into()],
        out: PathBuf::from("facts"),
        retrieved: "2026-11-29".parse().unwrap(),
        of: None,
        lang: "en".into(),
        facts: Vec::new(),
        no_default_facts: false,
    };
    let in_memory = prepare_texts(&[("dump-sample.json", &dump)], &options).unwrap();
    // What `factlint facts import --from wikidata --retrieved 2026-11-29 --out DIR FILE` does.
    let from_file = ImportOptions {
        inputs: vec![example.to_str().unwrap().to_string()],
        out: dir.path().join("facts"),
        ..options
    };
    let imported = prepare(&from_file).unwrap();
    write(&imported).unwrap();
    let written = std::fs::read_to_string(dir.path().join("facts/wikidata.toml")).unwrap();
    assert_eq!(in_memory.text, written);
}
