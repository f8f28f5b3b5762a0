//! The whole per-file pipeline on arbitrary bytes: decode, parse, claims, rules,
//! suppressions, fixes and every output format. Any panic is a bug; so is a span that does
//! not point at whole characters of the input.

#![no_main]

use std::sync::LazyLock;

use factlint::document::Document;
use factlint::output::{self, OutputOptions, RunReport};
use factlint::span::Span;
use factlint::Settings;
use libfuzzer_sys::fuzz_target;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::embedded);

fn assert_span(source: &str, span: Span) {
    assert!(
        span.start <= span.end
            && span.end <= source.len()
            && source.is_char_boundary(span.start)
            && source.is_char_boundary(span.end),
        "bad span {span:?} in {} bytes",
        source.len()
    );
}

fuzz_target!(|data: &[u8]| {
    let report = factlint::check_bytes("fuzz.md", data, &SETTINGS);
    let source = report.source.clone();
    for diagnostic in &report.diagnostics {
        assert_span(&source, diagnostic.span);
        for label in &diagnostic.labels {
            assert_span(&source, label.span);
        }
        for edit in diagnostic.fixes.iter().flat_map(|fix| &fix.edits) {
            assert_span(&source, edit.span);
        }
    }
    if report.checked {
        let doc = Document::parse(&source);
        for block in &doc.blocks {
            assert_span(&source, block.span());
            for sentence in &block.sentences {
                assert_span(&source, block.span_of(sentence.clone()));
            }
        }
        let (fixed, _) = factlint::fix::apply_fixes(&source, &report.diagnostics, true);
        let _ = factlint::check_source("fuzz.md", &fixed, &SETTINGS);
    }
    let run = RunReport {
        files: vec![report],
        ..RunReport::default()
    };
    let options = OutputOptions {
        verbose: true,
        ..OutputOptions::default()
    };
    let _ = output::json::render(&run, true);
    let _ = output::human::render(&run, &options);
    let _ = output::github::render(&run, &options);
    let _ = output::sarif::render(&run, &options);
});
