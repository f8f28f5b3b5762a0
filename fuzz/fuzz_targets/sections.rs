//! A long body is parsed a section at a time (`src/document/sections.rs`). Cut at every
//! place a section may start, any text must read exactly as it does parsed whole: the same
//! blocks, texts, spans, images and comments.
//!
//! The property lives in the library (`factlint::fuzz::sections`);
//! `tests/fuzz_seeds.rs` replays it over this target's seeds.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| factlint::fuzz::sections(data));
