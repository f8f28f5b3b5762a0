//! Pre-reads the embedded credit patterns (`rules/style/credits.toml`): the words every match
//! of each pattern must contain, so that start-up parses no pattern (`src/style/gate.rs`).

use std::fmt::Write;
use std::path::Path;

#[path = "../src/style/gate.rs"]
mod gate;

const CREDITS: &str = "rules/style/credits.toml";

/// Writes `credit_gates.rs` to `out_dir`: `(pattern, needle lists)` for each embedded pattern.
pub fn write(out_dir: &Path) {
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
