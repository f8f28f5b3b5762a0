//! Fact-file loading on arbitrary text, alone and over the embedded defaults: an error list,
//! never a panic, and every error's span inside the file it names.
//!
//! The property lives in the library (`factlint::fuzz::fact_file`);
//! `tests/fuzz_seeds.rs` replays it over this target's seeds.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint::fuzz::fact_file(data));
