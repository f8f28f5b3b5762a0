//! `factlint.toml` loading on arbitrary text: an error, never a panic, and every error's
//! span inside the file.
//!
//! The property lives in the library (`factlint::fuzz::config_parse`);
//! `tests/fuzz_seeds.rs` replays it over this target's seeds.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint::fuzz::config_parse(data));
