//! Every fuzz target's property (`factlint::fuzz`), replayed over the seeds `fuzz/run.sh`
//! starts that target from, plus a few hostile variants of each. The fuzz crate is not built
//! by CI; this keeps what it checks true, and compiling against the same functions.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under the seed folders, sorted.
fn seeds(folders: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending: Vec<PathBuf> = folders.iter().map(|folder| root().join(folder)).collect();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in fs::read_dir(&path).unwrap() {
                pending.push(entry.unwrap().path());
            }
        } else {
            files.push(path);
        }
    }
    files.sort();
    assert!(!files.is_empty(), "no seeds under {folders:?}");
    files
}

/// The seed, and variants of the kind libFuzzer makes: cut in the middle of a character,
/// with a NUL and an invalid byte spliced in, and with CR line endings.
fn variants(bytes: &[u8]) -> Vec<Vec<u8>> {
    let middle = bytes.len() / 2;
    let mut spliced = bytes.to_vec();
    spliced.splice(middle..middle, [0, 0xff, b'"']);
    let carriage_returns = bytes
        .iter()
        .map(|&b| if b == b'\n' { b'\r' } else { b })
        .collect();
    vec![
        bytes.to_vec(),
        bytes[..middle].to_vec(),
        spliced,
        carriage_returns,
    ]
}

fn replay(folders: &[&str], property: fn(&[u8])) -> usize {
    let files = seeds(folders);
    for file in &files {
        let bytes = fs::read(file).unwrap();
        for variant in variants(&bytes) {
            let result = std::panic::catch_unwind(|| property(&variant));
            assert!(result.is_ok(), "{} (or a variant of it)", file.display());
        }
    }
    files.len()
}

#[test]
fn check_bytes_holds_on_its_seeds() {
    let count = replay(
        &["examples", "tests/fixtures", "tests/data/html"],
        factlint::fuzz::check_bytes,
    );
    assert!(count > 50, "{count} seeds");
}

#[test]
fn sections_hold_on_their_seeds() {
    replay(&["examples", "tests/fixtures"], factlint::fuzz::sections);
}

#[test]
fn config_parse_holds_on_its_seeds() {
    replay(&["fuzz/seeds/config"], factlint::fuzz::config_parse);
}

#[test]
fn fact_file_holds_on_its_seeds() {
    replay(&["rules/facts", "tests/facts"], factlint::fuzz::fact_file);
}

#[test]
fn wikidata_import_holds_on_its_seeds() {
    replay(&["tests/data/wikidata"], factlint::fuzz::wikidata_import);
}
