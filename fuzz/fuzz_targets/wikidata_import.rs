//! `factlint facts import --from wikidata` on arbitrary text (SPARQL results, entity JSON,
//! dumps): an error, never a panic, and whatever it would write loads as a fact file.
//!
//! The property lives in the library (`factlint::fuzz::wikidata_import`);
//! `tests/fuzz_seeds.rs` replays it over this target's seeds.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint::fuzz::wikidata_import(data));
