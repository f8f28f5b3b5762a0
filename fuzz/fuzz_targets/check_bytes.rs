//! The whole per-file pipeline on arbitrary bytes: decode, parse, claims, rules,
//! suppressions, fixes and every output format. Any panic is a bug; so is a span that does
//! not point at whole characters of the input.
//!
//! The property lives in the library (`factlint::fuzz::check_bytes`);
//! `tests/fuzz_seeds.rs` replays it over this target's seeds.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint::fuzz::check_bytes(data));
