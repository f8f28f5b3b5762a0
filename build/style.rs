//! Pre-reads the embedded style data, so that start-up parses none of it: the spelling pairs
//! (`rules/style/spelling.toml`) as a ready table, and for the credit patterns
//! (`rules/style/credits.toml`) the words every match of each pattern must contain
//! (`src/style/gate.rs`).

use std::fmt::Write;
use std::path::Path;

#[path = "../src/style/gate.rs"]
mod gate;

const CREDITS: &str = "rules/style/credits.toml";

/// Writes `credit_gates.rs` to `out_dir`: `(pattern, needle lists)` for each embedded pattern.
pub fn write(out_dir: &Path) {
    write_spelling(out_dir);
    println!("cargo:rerun-if-changed={CREDITS}");
    println!("cargo:rerun-if-changed=src/style/gate.rs");
    let text = std::fs::read_to_string(CREDITS).unwrap_or_else(|e| panic!("{CREDITS}: {e}"));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{CREDITS}: {e}"));
    let mut out = String::from("&[\n");
    for section in table.values().filter_map(toml::Value::as_table) {
        let lists = section
            .iter()
            .filter(|(key, _)| *key != "front-matter-keys")
            .filter_map(|(_, value)| value.as_array());
        for list in lists {
            for pattern in list.iter().filter_map(toml::Value::as_str) {
                write!(out, "    ({pattern:?}, &[").unwrap();
                for needles in gate::needles(pattern) {
                    out.push_str("&[");
                    for needle in needles {
                        write!(out, "&{needle:?}, ").unwrap();
                    }
                    out.push_str("], ");
                }
                out.push_str("]),\n");
            }
        }
    }
    out.push_str("]\n");
    std::fs::write(out_dir.join("credit_gates.rs"), out).expect("OUT_DIR is writable");
}

const SPELLING: &str = "rules/style/spelling.toml";

/// Writes `spelling_forms.rs` to `out_dir`: every form of the embedded spelling pairs with its
/// variant, an open-addressing hash index into them and the forms' shapes, so that the
/// embedded table is read without parsing or allocating (`src/style/spelling.rs`, whose
/// tests check that this table is the one its own reader builds from the file).
fn write_spelling(out_dir: &Path) {
    println!("cargo:rerun-if-changed={SPELLING}");
    let text = std::fs::read_to_string(SPELLING).unwrap_or_else(|e| panic!("{SPELLING}: {e}"));
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{SPELLING}: {e}"));
    // (form, british, counterpart, pair, oxford), in the order the run-time reader adds them.
    let mut forms: Vec<(String, bool, String, u32, bool)> = Vec::new();
    let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut pairs = 0u32;
    let groups = table.get("group").and_then(toml::Value::as_array);
    for group in groups.into_iter().flatten() {
        let strings = |value: &toml::Value| -> Vec<String> {
            value
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|item| item.as_str().map(String::from))
                .collect()
        };
        let endings: Vec<(String, String)> = group["endings"]
            .as_array()
            .expect("endings")
            .iter()
            .map(|pair| {
                let pair = strings(pair);
                (pair[0].clone(), pair[1].clone())
            })
            .collect();
        let oxford = group.get("oxford").and_then(toml::Value::as_bool) == Some(true);
        let only = group.get("only").and_then(toml::Value::as_str);
        let (base_gb, base_us) = &endings[0];
        for entry in strings(&group["words"]) {
            let mut words = entry.split_whitespace();
            let british = words.next().expect("a word");
            let american = words.next().unwrap_or(british);
            let stem_gb = british.strip_suffix(base_gb.as_str()).expect("base ending");
            let stem_us = american
                .strip_suffix(base_us.as_str())
                .expect("base ending");
            pairs += 1;
            for (ending_gb, ending_us) in &endings {
                let form_gb = format!("{stem_gb}{ending_gb}");
                let form_us = format!("{stem_us}{ending_us}");
                if form_gb == form_us {
                    continue;
                }
                let sides = [
                    (true, "en-GB", form_gb.clone(), form_us.clone()),
                    (false, "en-US", form_us, form_gb),
                ];
                for (is_british, dialect, form, counterpart) in sides {
                    if only.is_some_and(|only| only != dialect) {
                        continue;
                    }
                    if let Some(&at) = index.get(&form) {
                        let previous = &forms[at];
                        assert!(
                            previous.1 == is_british && previous.2 == counterpart,
                            "{SPELLING}: `{form}` is listed twice with different meanings"
                        );
                        continue;
                    }
                    index.insert(form.clone(), forms.len());
                    forms.push((form, is_british, counterpart, pairs, oxford));
                }
            }
        }
    }
    assert!(
        forms.len() < usize::from(u16::MAX),
        "too many spelling forms"
    );
    let slots = forms.len().next_power_of_two() * 2;
    let mut table = vec![0u16; slots];
    let mut shapes = vec![0u64; 26 * 26];
    for (at, (form, ..)) in forms.iter().enumerate() {
        let mut slot = fnv1a(form.as_bytes()) as usize & (slots - 1);
        while table[slot] != 0 {
            slot = (slot + 1) & (slots - 1);
        }
        table[slot] = u16::try_from(at + 1).expect("fits");
        let bytes = form.as_bytes();
        let letter = |byte: u8| byte.is_ascii_lowercase().then(|| usize::from(byte - b'a'));
        if let (Some(first), Some(last), true) = (
            letter(bytes[0]),
            letter(bytes[bytes.len() - 1]),
            form.is_ascii(),
        ) {
            shapes[first * 26 + last] |= 1 << form.len().min(63);
        }
    }
    let mut out = String::new();
    writeln!(out, "const PAIRS: u32 = {pairs};").unwrap();
    out.push_str("static FORMS: &[(&str, Variant)] = &[\n");
    for (form, british, counterpart, pair, oxford) in &forms {
        let dialect = if *british { "British" } else { "American" };
        writeln!(
            out,
            "    ({form:?}, Variant {{ dialect: Dialect::{dialect}, counterpart: Cow::Borrowed({counterpart:?}), pair: {pair}, oxford: {oxford} }}),"
        )
        .unwrap();
    }
    out.push_str("];\n");
    writeln!(out, "static SLOTS: [u16; {slots}] = {table:?};").unwrap();
    writeln!(out, "static SHAPES: [u64; {}] = {shapes:?};", shapes.len()).unwrap();
    std::fs::write(out_dir.join("spelling_forms.rs"), out).expect("OUT_DIR is writable");
}

/// FNV-1a, as `src/style/spelling.rs` hashes a word to find it in the built table.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
