//! Fact-file loading on arbitrary text, alone and over the embedded defaults: an error list,
//! never a panic, and every error's span inside the file it names.

#![no_main]

use factlint::facts::FactBase;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for result in [
        FactBase::from_texts(&[("facts.toml", text)]),
        FactBase::over_defaults(&[("facts.toml", text)]),
    ] {
        let Err(errors) = result else { continue };
        assert!(!errors.is_empty());
        for error in errors {
            if let (Some(span), Some(file)) = (error.span, &error.text) {
                assert!(span.start <= span.end && span.end <= file.len(), "{span:?}");
                assert!(file.is_char_boundary(span.start) && file.is_char_boundary(span.end));
            }
        }
    }
});
