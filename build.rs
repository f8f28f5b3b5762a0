//! Pre-parses the embedded fact base: each `rules/facts/*.toml` (the human-edited source of
//! truth) is read into the same structures the runtime loader uses and written to `OUT_DIR`
//! as compact JSON, which loads several times faster than TOML. Spans into the TOML files are
//! kept. A malformed file fails the build; `tests/facts.rs` validates the files fully.

#[allow(dead_code)]
#[path = "src/facts/file.rs"]
mod file;

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
    println!("cargo:rerun-if-changed=src/facts/file.rs");
    for name in FACT_FILES {
        let path = format!("rules/facts/{name}.toml");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let raw: file::RawFile = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut value = serde_json::to_value(&raw).expect("fact files serialize");
        drop_defaults(&mut value);
        let json = serde_json::to_string(&value).expect("fact files serialize");
        std::fs::write(out_dir.join(format!("{name}.json")), json).expect("OUT_DIR is writable");
    }
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
