//! The properties the fuzz targets check, one function per target. They live in the library
//! so the test suite replays them over the fuzz seeds (`tests/fuzz_seeds.rs`): a change of
//! signature breaks the tests at once instead of leaving the fuzz crate, which CI does not
//! build, unable to compile. Each function panics when its property does not hold.

use std::path::Path;
use std::sync::LazyLock;

use crate::config::Config;
use crate::document::Document;
use crate::facts::FactBase;
use crate::output::{self, OutputOptions, RunReport};
use crate::span::Span;
use crate::wikidata::{prepare_texts, ImportOptions};
use crate::Settings;

static SETTINGS: LazyLock<Settings> = LazyLock::new(Settings::embedded);

/// A span that lies inside `text` and cuts it only between characters.
#[track_caller]
fn assert_span(text: &str, span: Span) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "bad span {span:?} in {} bytes",
        text.len()
    );
}

/// The whole per-file pipeline on arbitrary bytes: decode, parse, claims, rules,
/// suppressions, fixes and every output format. Every span points at whole characters of
/// the input, and the fixed text checks again.
pub fn check_bytes(data: &[u8]) {
    let report = crate::check_bytes("fuzz.md", data, &SETTINGS);
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
        let (fixed, _) = crate::fix::apply_fixes(&source, &report.diagnostics, true);
        let _ = crate::check_source("fuzz.md", &fixed, &SETTINGS);
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
    // Whatever the article holds, the page's only elements of these kinds are its own.
    let page = output::html::render(&run, &options);
    assert_eq!(
        page.matches("<script").count(),
        1,
        "an article's script in the page"
    );
    for tag in [
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "<svg",
        "<link",
        "<base",
        "<meta http-equiv=\"refresh",
    ] {
        assert!(!page.contains(tag), "{tag} from an article in the page");
    }
}

/// `factlint.toml` loading on arbitrary text: an error, never a panic, and every error's
/// span inside the file.
pub fn config_parse(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(error) = Config::parse(text, Path::new("/news/factlint.toml")) {
        if let Some(span) = error.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        }
    }
}

/// Fact-file loading on arbitrary text, alone and over the embedded defaults: an error list,
/// never a panic, and every error's span inside the file it names.
pub fn fact_file(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for result in [
        FactBase::from_texts(&[("facts.toml", text)]),
        FactBase::over_defaults(&[("facts.toml", text)]),
    ] {
        let Err(errors) = result else { continue };
        assert!(!errors.is_empty(), "a failed load names at least one error");
        for error in errors {
            if let (Some(span), Some(file)) = (error.span, &error.text) {
                assert_span(file, span);
            }
        }
    }
}

/// A long body is parsed a section at a time. Cut at every place a section may start, any
/// text reads exactly as it does parsed whole: the same blocks, texts, spans, images and
/// comments.
pub fn sections(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let read = |section_bytes| {
        let doc = Document::parse_in_sections(source, section_bytes);
        format!("{:?}\n{:?}\n{:?}", doc.blocks, doc.images, doc.comments)
    };
    assert!(read(1) == read(usize::MAX), "sections read differently");
}

/// `factlint facts import --from wikidata` on arbitrary text (SPARQL results, entity JSON,
/// dumps): an error, never a panic, and whatever it would write loads as a fact file.
pub fn wikidata_import(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let options = ImportOptions {
        inputs: vec!["input.json".into()],
        out: "facts".into(),
        retrieved: chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("a valid date"),
        of: Some("Q7184".into()),
        lang: "en".into(),
        facts: Vec::new(),
        no_default_facts: false,
    };
    if let Ok(imported) = prepare_texts(&[("input.json", text)], &options) {
        if let Err(errors) = FactBase::from_texts(&[("wikidata.toml", &imported.text)]) {
            panic!("a prepared import is a valid fact file: {errors:?}");
        }
    }
}
