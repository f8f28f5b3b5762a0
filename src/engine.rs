//! The per-file pipeline: parse once, extract each group of claims once and run the rules
//! that read it, then apply configuration and suppressions, and sort.

use std::sync::Arc;

use crate::article::{ArticleContext, PublicationDate};
use crate::claims::{ClaimGroup, Claims};
use crate::diagnostic::{Diagnostic, Severity, SharedTexts};
use crate::document::Document;
use crate::error::InputError;
use crate::rules::{self, RuleContext};
use crate::settings::Settings;
use crate::suppress;

/// Everything factlint has to say about one file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as given (or `-` for standard input).
    pub path: String,
    /// The text that was checked (empty when the file could not be read as text).
    pub source: Arc<String>,
    /// The findings, in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The date the article was judged on, when one was found or given.
    pub publication: Option<PublicationDate>,
    /// Problems with the file itself (unreadable, not UTF-8, broken front matter).
    pub errors: Vec<InputError>,
    /// False when the file could not be checked at all.
    pub checked: bool,
}

impl FileReport {
    /// The report on a file that could not be checked.
    pub fn failed(error: InputError) -> Self {
        Self {
            path: error.path.clone(),
            source: Arc::new(String::new()),
            diagnostics: Vec::new(),
            publication: None,
            errors: vec![error],
            checked: false,
        }
    }

    /// How many findings have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The largest file checked: offsets into a file are kept as `u32`, which keeps a long
/// file's blocks small.
pub const MAX_FILE_BYTES: usize = u32::MAX as usize;

/// Check one article's text. The entry point for the CLI, the language server and tests.
pub fn check_source(path: &str, source: &str, settings: &Settings) -> FileReport {
    check_shared(path, Arc::new(source.to_string()), settings)
}

/// [`check_source`] on text the caller already owns, which the report keeps without a copy
/// (a 20 MB article is not held twice).
pub fn check_shared(path: &str, source: Arc<String>, settings: &Settings) -> FileReport {
    if source.len() > MAX_FILE_BYTES {
        return FileReport::failed(
            InputError::new(
                path,
                format!("the file is {} bytes, more than 4 GiB", source.len()),
            )
            .with_help("factlint checks files of up to 4 GiB; split the file"),
        );
    }
    let doc = Document::parse(&source);
    let mut errors = Vec::new();
    if let Some((message, span)) = doc.front_matter.as_ref().and_then(|fm| fm.error.clone()) {
        errors.push(
            InputError::new(path, message)
                .at(span, Arc::clone(&source))
                .with_help("the article was checked without its front matter"),
        );
    }
    if let Some((message, span)) = doc
        .front_matter
        .as_ref()
        .and_then(|fm| fm.invalid_date(&source, &settings.config.date_keys))
    {
        errors.push(
            InputError::new(path, message)
                .at(span, Arc::clone(&source))
                .with_help("the article was checked without this publication date"),
        );
    }
    let (found, article) = run_rules(&doc, settings);
    let diagnostics = finish(&doc, settings, found);
    let publication = article.publication.clone();
    drop(doc);
    FileReport {
        path: path.to_string(),
        source,
        diagnostics,
        publication,
        errors,
        checked: true,
    }
}

/// A group's findings share their repeated texts from this many on: an article's handful
/// repeats too little to be worth the lookups.
const SHARE_FROM_FINDINGS: usize = 256;

/// Extract the claims and run every enabled rule. Dates and facts settle the article's date;
/// then each group of claims is held only while the rules that read it run, so a long file's
/// claims are never all in memory at once.
fn run_rules(doc: &Document, settings: &Settings) -> (Vec<Diagnostic>, ArticleContext) {
    const SETTLE_THE_DATE: [ClaimGroup; 2] = [ClaimGroup::Dates, ClaimGroup::Facts];
    let mut claims = Claims::default();
    for group in SETTLE_THE_DATE {
        claims.extract_group(group, doc, settings);
    }
    let article = settle_article(doc, &claims, settings);
    let mut found = Vec::new();
    let mut shared = SharedTexts::default();
    // Once the list is long, each group's findings are gathered apart and then moved in at
    // their exact number: the list of a long file's findings, kept until the run ends, grows
    // by what each group adds rather than doubling, and their repeated texts are kept once.
    let mut run = |claims: &Claims, group: Option<ClaimGroup>| {
        let cx = RuleContext {
            doc,
            claims,
            article: &article,
            settings,
        };
        if found.len() < SHARE_FROM_FINDINGS {
            // An article's few findings go straight into the list.
            let before = found.len();
            rules::run_reading(&cx, group, &mut found);
            if found.len() - before >= SHARE_FROM_FINDINGS {
                shared.share_all(&mut found[before..]);
                found.shrink_to_fit();
            }
        } else {
            let mut fresh = Vec::new();
            rules::run_reading(&cx, group, &mut fresh);
            if fresh.len() >= SHARE_FROM_FINDINGS {
                shared.share_all(&mut fresh);
            }
            found.reserve_exact(fresh.len());
            found.append(&mut fresh);
        }
    };
    run(&claims, None);
    for group in ClaimGroup::ALL {
        if !SETTLE_THE_DATE.contains(&group) {
            claims.extract_group(group, doc, settings);
        }
        run(&claims, Some(group));
        claims.drop_group(group);
    }
    (found, article)
}

/// The publication date and its candidates, narrowed by what the facts allow.
fn settle_article(doc: &Document, claims: &Claims, settings: &Settings) -> ArticleContext {
    let mut article = ArticleContext::resolve(doc, claims, settings);
    article.narrow_by_claims(&settings.facts, claims);
    article
}

/// Suppressions, configured severities, and reading order.
fn finish(doc: &Document, settings: &Settings, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut diagnostics = suppress::apply(doc, settings, found);
    rules::drop_superseded(&mut diagnostics);
    for diagnostic in &mut diagnostics {
        diagnostic.severity = settings.severity(diagnostic.rule, diagnostic.severity);
    }
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    diagnostics.dedup_by(|a, b| a.rule == b.rule && a.span == b.span && a.message == b.message);
    diagnostics
}

/// Decode a file's bytes and check it: a byte-order mark is accepted, invalid UTF-8 and
/// binary content are reported with where they were found.
pub fn check_bytes(path: &str, bytes: &[u8], settings: &Settings) -> FileReport {
    match decode(path, bytes) {
        Ok(text) => check_source(path, text, settings),
        Err(error) => FileReport::failed(error),
    }
}

/// [`decode`], keeping the bytes as the text.
pub fn decode_owned(path: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    // Validated once: only a file that is not text is read again, for where and why.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) if memchr::memchr(0, text.as_bytes()).is_none() => return Ok(text),
        Ok(text) => text.into_bytes(),
        Err(error) => error.into_bytes(),
    };
    decode(path, &bytes).map(str::to_string)
}

/// The file's text, or why it is not text.
pub fn decode<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, InputError> {
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(InputError::new(
            path,
            format!("binary file (NUL byte at byte {at}); skipped"),
        ));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let at = error.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or("");
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        InputError::new(
            path,
            format!("not valid UTF-8 at byte {at} (line {line}, column {column})"),
        )
        .with_help("save the file as UTF-8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Markdown file under `dir`, recursively.
    fn markdown_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                markdown_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }

    #[test]
    fn rules_find_the_same_with_claims_held_group_by_group_as_with_all_held() {
        let settings = Settings::embedded();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        markdown_files(&root.join("tests/fixtures"), &mut files);
        markdown_files(&root.join("examples"), &mut files);
        assert!(files.len() > 50, "the fixtures are there");
        let mut rules_seen = std::collections::HashSet::new();
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            let doc = Document::parse(&source);
            let (staged, _) = run_rules(&doc, &settings);
            let claims = Claims::extract(&doc, &settings);
            let article = settle_article(&doc, &claims, &settings);
            let all_held = rules::run_all(&RuleContext {
                doc: &doc,
                claims: &claims,
                article: &article,
                settings: &settings,
            });
            let summary = |found: Vec<Diagnostic>| -> Vec<String> {
                finish(&doc, &settings, found)
                    .iter()
                    .map(|d| format!("{} {:?} {}", d.rule, d.span, d.message))
                    .collect()
            };
            let staged = summary(staged);
            rules_seen.extend(
                staged
                    .iter()
                    .map(|d| d.split(' ').next().unwrap().to_string()),
            );
            assert_eq!(staged, summary(all_held), "{}", file.display());
        }
        // The comparison means something only where rules of every group fire.
        for rule in [
            "date-weekday",
            "fact-count",
            "quote-attribution",
            "name-consistency",
        ] {
            assert!(rules_seen.contains(rule), "{rule} fires on some fixture");
        }
    }

    #[test]
    fn invalid_utf8_says_where() {
        let error = decode("a.md", b"ok\nfine \xff here").unwrap_err();
        assert_eq!(
            error.message,
            "not valid UTF-8 at byte 8 (line 2, column 6)"
        );
    }

    #[test]
    fn binary_files_are_reported() {
        let error = decode("a.md", b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(error.message.starts_with("binary file"));
    }

    #[test]
    fn broken_front_matter_is_an_error_and_the_body_is_still_checked() {
        let report = check_source(
            "a.md",
            "---\ntitle: [x\n---\nBody.\n",
            &Settings::embedded(),
        );
        assert_eq!(report.errors.len(), 1);
        assert!(report.errors[0].span.is_some());
    }
}
