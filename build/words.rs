//! Pre-reads the embedded word lists (`rules/style/words.toml`): each list sorted and in the
//! form it is looked up, as constants, so that start-up parses no TOML (`src/style/words.rs`).

use std::fmt::Write;
use std::path::Path;

#[path = "../src/style/word_lists.rs"]
mod word_lists;

use word_lists::{List, RawFile, LISTS};

const WORDS: &str = "rules/style/words.toml";

/// Writes `word_lists.rs` to `out_dir`: `[&[&str]; 8]`, the lists in the order of `LISTS`.
pub fn write(out_dir: &Path) {
    println!("cargo:rerun-if-changed={WORDS}");
    println!("cargo:rerun-if-changed=src/style/word_lists.rs");
    let text = std::fs::read_to_string(WORDS).unwrap_or_else(|e| panic!("{WORDS}: {e}"));
    let raw: RawFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{WORDS}: {e}"));
    let mut lists: Vec<Vec<String>> = vec![Vec::new(); LISTS.len()];
    for (&list, entries) in LISTS.iter().zip(raw.lists()) {
        for entry in entries {
            let word = list.normalise(entry.get_ref()).unwrap_or_else(|message| {
                let (line, column) = super::line_column(&text, entry.span().start);
                panic!("{WORDS}:{line}:{column}: {message}")
            });
            lists[list as usize].push(word.clone());
            // A speaker-after verb or phrase reports speech too.
            if list == List::SpeakerAfter {
                let into = if word.contains(' ') {
                    List::SpeechPhrases
                } else {
                    List::SpeechVerbs
                };
                lists[into as usize].push(word);
            }
        }
    }
    let mut out = String::from("[\n");
    for (&list, words) in LISTS.iter().zip(&mut lists) {
        word_lists::sort(list, words);
        write!(out, "    // {}\n    &[", list.name()).unwrap();
        for word in words.iter() {
            write!(out, "{word:?}, ").unwrap();
        }
        out.push_str("],\n");
    }
    out.push_str("]\n");
    std::fs::write(out_dir.join("word_lists.rs"), out).expect("OUT_DIR is writable");
}
