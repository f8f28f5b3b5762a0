//! A long body is parsed a section at a time (`src/document/sections.rs`). Cut at every
//! place a section may start, any text must read exactly as it does parsed whole: the same
//! blocks, texts, spans, images and comments.

#![no_main]

use factlint::document::Document;
use libfuzzer_sys::fuzz_target;

fn read(source: &str, section_bytes: usize) -> String {
    let doc = Document::parse_in_sections(source, section_bytes);
    format!("{:?}\n{:?}\n{:?}", doc.blocks, doc.images, doc.comments)
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let whole = read(source, usize::MAX);
    assert!(read(source, 1) == whole, "sections read differently");
});
