//! `factlint facts import --from wikidata` on arbitrary text (SPARQL results, entity JSON,
//! dumps): an error, never a panic, and whatever it would write loads as a fact file.

#![no_main]

use factlint::facts::FactBase;
use factlint::wikidata::{prepare_texts, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = ImportOptions {
        inputs: vec!["input.json".into()],
        out: "facts".into(),
        retrieved: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        of: Some("Q7184".into()),
        lang: "en".into(),
        facts: Vec::new(),
        no_default_facts: false,
    };
    if let Ok(imported) = prepare_texts(&[("input.json", text)], &options) {
        FactBase::from_texts(&[("wikidata.toml", &imported.text)])
            .expect("a prepared import is a valid fact file");
    }
});
