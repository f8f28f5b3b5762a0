//! `factlint.toml` loading on arbitrary text: an error, never a panic, and every error's
//! span inside the file.

#![no_main]

use std::path::Path;

use factlint::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = Config::parse(text, Path::new("/news/factlint.toml")) {
        if let Some(span) = error.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        }
    }
});
