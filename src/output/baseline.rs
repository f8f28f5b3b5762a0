//! Baselines: a file recording the findings an archive already has, so that a team can adopt
//! factlint and fail only on new findings. A finding is keyed by its rule, its file and a hash
//! of the flagged text with the sentence around it, never by its line: text added above it
//! does not make it new. The same sentence flagged twice by one rule in one file is told apart
//! by its occurrence number.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::RunReport;
use crate::diagnostic::Diagnostic;
use crate::error::InputError;

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Key {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

impl Key {
    /// A fingerprint of the whole key (for GitLab, which wants one string).
    pub fn fingerprint(&self) -> String {
        let text = format!("{}\0{}\0{}", self.path, self.rule, self.fingerprint);
        format!("{:016x}", fnv1a(text.as_bytes()))
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    #[serde(flatten)]
    key: Key,
    /// For people reading the file; not part of the key.
    #[serde(default)]
    message: String,
}

/// Numbers repeated keys within one file.
#[derive(Default)]
pub struct Occurrences {
    seen: HashMap<(String, u64), usize>,
}

impl Occurrences {
    pub fn key(&mut self, path: &str, source: &str, diagnostic: &Diagnostic) -> Key {
        let rule = diagnostic.rule.name().to_string();
        let hash = content_hash(source, diagnostic);
        let count = self.seen.entry((rule.clone(), hash)).or_insert(0);
        *count += 1;
        Key {
            path: normal_path(path),
            rule,
            fingerprint: format!("{hash:016x}-{count}"),
        }
    }
}

/// `./a.md` and `a.md` are one file.
fn normal_path(path: &str) -> String {
    let mut path = path.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    path
}

/// FNV-1a: a small hash that stays the same across platforms and versions (the standard
/// library's may change), so baselines written today match tomorrow.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// How far around a finding its sentence is looked for.
const SENTENCE_REACH: usize = 400;

/// The hash of the flagged text and the sentence it is in (whitespace normalised).
fn content_hash(source: &str, diagnostic: &Diagnostic) -> u64 {
    let span = diagnostic.span;
    let start = span.start.min(source.len());
    let end = span.end.clamp(start, source.len());
    let sentence = sentence_around(source, start, end);
    let flagged = &source[floor(source, start)..floor(source, end)];
    let normal = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    fnv1a(format!("{}\0{}", normal(flagged), normal(sentence)).as_bytes())
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// From after the last sentence end (or line start) before `start` to the next sentence end
/// (or line end) after `end`, each looked for within a few hundred bytes.
fn sentence_around(source: &str, start: usize, end: usize) -> &str {
    let bytes = source.as_bytes();
    let low = floor(source, start.saturating_sub(SENTENCE_REACH));
    let mut from = start;
    while from > low {
        let b = bytes[from - 1];
        if b == b'\n' || (matches!(b, b'.' | b'!' | b'?') && bytes.get(from) == Some(&b' ')) {
            break;
        }
        from -= 1;
    }
    let high = floor(source, (end + SENTENCE_REACH).min(source.len()));
    let mut to = end;
    while to < high {
        let b = bytes[to];
        if b == b'\n' {
            break;
        }
        to += 1;
        if matches!(b, b'.' | b'!' | b'?') {
            break;
        }
    }
    &source[floor(source, from)..floor(source, to)]
}

/// Every finding at warning level or above, keyed.
fn keys(report: &RunReport) -> Vec<(Key, String)> {
    let mut keys = Vec::new();
    for file in &report.files {
        let mut occurrences = Occurrences::default();
        for diagnostic in &file.diagnostics {
            let key = occurrences.key(&file.path, &file.source, diagnostic);
            if diagnostic.severity > crate::diagnostic::Severity::Info {
                keys.push((key, diagnostic.message.clone()));
            }
        }
    }
    keys
}

/// Write the baseline of a run's findings; returns how many were recorded.
pub fn write(report: &RunReport, path: &Path) -> Result<usize, InputError> {
    let findings: Vec<Entry> = keys(report)
        .into_iter()
        .map(|(key, message)| Entry { key, message })
        .collect();
    let count = findings.len();
    let file = BaselineFile {
        version: 1,
        findings,
    };
    let text = serde_json::to_string_pretty(&file).expect("a baseline serializes") + "\n";
    std::fs::write(path, text).map_err(|error| {
        InputError::new(
            path.display().to_string(),
            format!("cannot write the baseline: {error}"),
        )
    })?;
    Ok(count)
}

/// Drop the findings the baseline records (each recorded finding hides one); returns how many
/// were hidden.
pub fn apply(report: &mut RunReport, path: &Path) -> Result<usize, InputError> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|error| InputError::new(&display, format!("cannot read the baseline: {error}")))?;
    let file: BaselineFile = serde_json::from_str(&text).map_err(|error| {
        InputError::new(&display, format!("not a factlint baseline: {error}"))
            .with_help("write one with --write-baseline FILE")
    })?;
    if file.version != 1 {
        return Err(InputError::new(
            &display,
            format!("baseline version {} is not supported (1 is)", file.version),
        ));
    }
    let mut remaining: HashMap<Key, usize> = HashMap::new();
    for entry in file.findings {
        *remaining.entry(entry.key).or_insert(0) += 1;
    }
    let mut hidden = 0;
    for file in &mut report.files {
        let mut occurrences = Occurrences::default();
        let source = std::sync::Arc::clone(&file.source);
        let path = file.path.clone();
        file.diagnostics.retain(|diagnostic| {
            let key = occurrences.key(&path, &source, diagnostic);
            if diagnostic.severity == crate::diagnostic::Severity::Info {
                return true;
            }
            match remaining.get_mut(&key) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    hidden += 1;
                    false
                }
                _ => true,
            }
        });
    }
    Ok(hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::RuleId;
    use crate::span::Span;

    fn key_of(source: &str, needle: &str) -> Key {
        let start = source.find(needle).unwrap();
        let diagnostic = Diagnostic::new(
            RuleId::DateWeekday,
            Span::new(start, start + needle.len()),
            "m",
        );
        Occurrences::default().key("./a.md", source, &diagnostic)
    }

    #[test]
    fn keys_survive_moved_lines_and_edits_elsewhere() {
        let before = "Intro.\n\nIt opened on Sunday, 2023-10-16, they said. Other text.\n";
        let after = "New intro.\n\nMore.\n\nChanged first. It opened on Sunday, 2023-10-16, they said. Other.\n";
        assert_eq!(key_of(before, "Sunday"), key_of(after, "Sunday"));
        assert_eq!(key_of(before, "Sunday").path, "a.md");
        let reworded = "It opened on Sunday, 2023-10-16, the mayor said.\n";
        assert_ne!(key_of(before, "Sunday"), key_of(reworded, "Sunday"));
    }
}
