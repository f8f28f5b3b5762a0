//! The precision side of the accuracy benchmark: every warning and error factlint gives on the
//! real articles of `tests/corpus/` must carry a reviewed verdict in
//! `tests/accuracy/precision/verdicts.toml` (a real defect, or a false alarm, and why).
//! Shared by the test that fails on unreviewed findings (`tests/accuracy_precision.rs`) and
//! the report that writes the Precision section of ACCURACY.md
//! (`cargo bench --bench accuracy_precision`).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factlint::{check_source, Settings, Severity};
use serde::Deserialize;

/// The corpus folders, relative to the repository root.
pub const CORPORA: &[&str] = &["tests/corpus/globalvoices"];
/// The verdict file, relative to the repository root.
pub const VERDICTS: &str = "tests/accuracy/precision/verdicts.toml";

/// Characters of context kept on each side of the flagged text in a key.
const CONTEXT_CHARS: usize = 24;
/// Flagged text longer than this is cut in a key.
const TEXT_CHARS: usize = 60;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictFile {
    #[serde(default)]
    pub verdict: Vec<Verdict>,
}

/// One reviewed finding.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The article, relative to its corpus folder's parent (`globalvoices/037.md`).
    pub file: String,
    pub rule: String,
    /// The flagged text with a little of its line around it: it must appear in the
    /// finding's line, and hold the flagged text. Small edits elsewhere leave it valid.
    pub key: String,
    /// `defect` or `false-alarm`.
    pub verdict: String,
    pub reason: String,
}

impl Verdict {
    pub fn is_defect(&self) -> bool {
        self.verdict == "defect"
    }
}

/// A warning or error on a corpus article.
#[derive(Clone, Debug)]
pub struct Finding {
    pub file: String,
    pub rule: String,
    pub line: usize,
    pub message: String,
    /// The flagged text (its first line, whitespace collapsed, cut to `TEXT_CHARS`).
    pub text: String,
    /// The finding's whole line, whitespace collapsed.
    pub line_text: String,
    /// A key for a new verdict: the flagged text with some context.
    pub suggested_key: String,
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn load_verdicts() -> Vec<Verdict> {
    let path = root().join(VERDICTS);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let file: VerdictFile =
        toml::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    file.verdict
}

/// Every warning and error of every rule on the corpus, with zero configuration (as a bare
/// `factlint` run gives), in path order.
pub fn corpus_findings() -> Vec<Finding> {
    let settings = Settings::embedded();
    let mut findings = Vec::new();
    for corpus in CORPORA {
        let dir = root().join(corpus);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        files.sort();
        for path in files {
            findings.extend(findings_in(&path, &settings));
        }
    }
    findings
}

fn findings_in(path: &Path, settings: &Settings) -> Vec<Finding> {
    let text = std::fs::read_to_string(path).unwrap();
    let name = corpus_name(path);
    let report = check_source(&name, &text, settings);
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity > Severity::Info)
        .map(|d| {
            let start = d.span.start.min(text.len());
            let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
            let line_end = text[start..].find('\n').map_or(text.len(), |at| start + at);
            let flagged_end = d.span.end.clamp(start, line_end);
            let flagged = cut(&collapse(&text[start..flagged_end]), TEXT_CHARS);
            let before = whole_words_before(&text[line_start..start], CONTEXT_CHARS);
            let after = whole_words_after(&text[flagged_end..line_end], CONTEXT_CHARS);
            let suggested_key = collapse(&format!("{before}{flagged}{after}"))
                .trim()
                .to_string();
            Finding {
                file: name.clone(),
                rule: d.rule.name().to_string(),
                line: text[..start].matches('\n').count() + 1,
                message: d.message.clone(),
                text: flagged,
                line_text: collapse(&text[line_start..line_end]),
                suggested_key,
            }
        })
        .collect()
}

/// `globalvoices/037.md` for `.../tests/corpus/globalvoices/037.md`.
fn corpus_name(path: &Path) -> String {
    let parent = path
        .parent()
        .and_then(Path::file_name)
        .map(|name| name.to_string_lossy().to_string())
        .unwrap_or_default();
    let file = path.file_name().unwrap().to_string_lossy();
    format!("{parent}/{file}")
}

/// Runs of whitespace as one space.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cut(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// About `chars` characters from the start of `text`, cut after a whole word.
fn whole_words_after(text: &str, chars: usize) -> String {
    let taken: String = text.chars().take(chars).collect();
    if taken.len() == text.len() || text[taken.len()..].starts_with(char::is_whitespace) {
        return taken;
    }
    match taken.rfind(char::is_whitespace) {
        Some(at) => taken[..at].to_string(),
        None => taken,
    }
}

/// About `chars` characters from the end of `text`, cut before a whole word.
fn whole_words_before(text: &str, chars: usize) -> String {
    let count = text.chars().count();
    let taken: String = text.chars().skip(count.saturating_sub(chars)).collect();
    if taken.len() == text.len() || text[..text.len() - taken.len()].ends_with(char::is_whitespace)
    {
        return taken;
    }
    match taken.find(char::is_whitespace) {
        Some(at) => taken[at..].to_string(),
        None => taken,
    }
}

impl Finding {
    /// Whether a verdict is about this finding.
    pub fn matches(&self, verdict: &Verdict) -> bool {
        let key = collapse(&verdict.key);
        verdict.file == self.file
            && verdict.rule == self.rule
            && !self.text.is_empty()
            && key.contains(self.text.trim())
            && self.line_text.contains(&key)
    }

    /// A verdict entry to paste into the verdict file, to be completed by a reviewer.
    pub fn paste_ready(&self) -> String {
        format!(
            "[[verdict]]\n# line {}: {}\nfile = {:?}\nrule = {:?}\nkey = {:?}\nverdict = \"defect | false-alarm\"\nreason = \"\"\n",
            self.line, self.message, self.file, self.rule, self.suggested_key
        )
    }
}

/// Each finding with the verdict that covers it, if any.
pub fn judge<'v>(findings: &[Finding], verdicts: &'v [Verdict]) -> Vec<Option<&'v Verdict>> {
    findings
        .iter()
        .map(|finding| verdicts.iter().find(|verdict| finding.matches(verdict)))
        .collect()
}

/// Verdicts that no current finding matches: defects factlint no longer reports, or
/// false alarms fixed.
pub fn stale<'v>(findings: &[Finding], verdicts: &'v [Verdict]) -> Vec<&'v Verdict> {
    verdicts
        .iter()
        .filter(|verdict| !findings.iter().any(|finding| finding.matches(verdict)))
        .collect()
}

/// Per rule: (defects, false alarms, unreviewed).
pub fn tally(
    findings: &[Finding],
    judged: &[Option<&Verdict>],
) -> BTreeMap<String, (usize, usize, usize)> {
    let mut tally: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for (finding, verdict) in findings.iter().zip(judged) {
        let entry = tally.entry(finding.rule.clone()).or_default();
        match verdict {
            Some(verdict) if verdict.is_defect() => entry.0 += 1,
            Some(_) => entry.1 += 1,
            None => entry.2 += 1,
        }
    }
    tally
}

/// The Precision section of ACCURACY.md (from its heading up to the next `## ` heading).
pub fn precision_section(
    tally: &BTreeMap<String, (usize, usize, usize)>,
    articles: usize,
    stale: &[&Verdict],
    previous: &BTreeMap<String, String>,
) -> String {
    let mut out = String::new();
    out.push_str("## Precision\n\n");
    let _ = writeln!(
        out,
        "Every warning and error factlint gives, with zero configuration, on the {articles} real \
         articles of `tests/corpus/` was read in context and judged: a real defect in the \
         article, or a false alarm. The verdicts, with their reasons, are in \
         `{VERDICTS}`; `cargo test --test accuracy_precision` fails on a finding without one \
         and prints an entry to complete. Precision = defects / (defects + false alarms). \
         Info-level findings are not counted. Regenerate this section with `cargo bench \
         --bench accuracy_precision`.\n"
    );
    out.push_str(
        "| rule | findings | defects | false alarms | unreviewed | precision | previous run |\n",
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---:|\n");
    let (mut all_defects, mut all_false, mut all_open) = (0, 0, 0);
    for (rule, (defects, false_alarms, unreviewed)) in tally {
        all_defects += defects;
        all_false += false_alarms;
        all_open += unreviewed;
        let precision = percent(*defects, defects + false_alarms);
        let before = previous.get(rule).map_or("–", String::as_str);
        let _ = writeln!(
            out,
            "| `{rule}` | {} | {defects} | {false_alarms} | {unreviewed} | {precision} | {before} |",
            defects + false_alarms + unreviewed
        );
    }
    let precision = percent(all_defects, all_defects + all_false);
    let before = previous.get("all").map_or("–", String::as_str);
    let _ = writeln!(
        out,
        "| all | {} | {all_defects} | {all_false} | {all_open} | {precision} | {before} |",
        all_defects + all_false + all_open
    );
    out.push_str(
        "\nRules with no warning or error on the corpus are not listed: their precision there is \
         not measured.\n",
    );
    if !stale.is_empty() {
        out.push_str(
            "\nVerdicts no finding matches any more (a defect no longer reported is a \
                      loss of recall; a false alarm no longer reported is a fix):\n\n",
        );
        for verdict in stale {
            let _ = writeln!(
                out,
                "- `{}` {} ({}): {}",
                verdict.rule, verdict.file, verdict.verdict, verdict.key
            );
        }
    }
    out
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "–".to_string();
    }
    format!("{:.0}%", 100.0 * part as f64 / whole as f64)
}

/// The precision column of the Precision section's table already in `markdown`, by rule
/// (`all` for the total): the previous run, for comparison.
pub fn previous_precision(markdown: &str) -> BTreeMap<String, String> {
    let mut previous = BTreeMap::new();
    let Some(section) = section_range(markdown) else {
        return previous;
    };
    for line in markdown[section].lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // "", rule, findings, defects, false alarms, unreviewed, precision, previous, ""
        if cells.len() < 8 || !cells[6].ends_with('%') {
            continue;
        }
        previous.insert(cells[1].trim_matches('`').to_string(), cells[6].to_string());
    }
    previous
}

/// Where the Precision section is in ACCURACY.md: from its heading to the next `## `.
fn section_range(markdown: &str) -> Option<std::ops::Range<usize>> {
    let start = if markdown.starts_with("## Precision") {
        0
    } else {
        markdown.find("\n## Precision")? + 1
    };
    let end = markdown[start + 1..]
        .find("\n## ")
        .map_or(markdown.len(), |at| start + 1 + at + 1);
    Some(start..end)
}

/// ACCURACY.md with its Precision section replaced (or added at the end), other sections
/// kept as they are.
pub fn with_precision_section(markdown: &str, section: &str) -> String {
    match section_range(markdown) {
        Some(range) => {
            let mut out = markdown[..range.start].to_string();
            out.push_str(section);
            if range.end < markdown.len() {
                out.push('\n');
                out.push_str(&markdown[range.end..]);
            }
            out
        }
        None if markdown.trim().is_empty() => format!("# Accuracy\n\n{section}"),
        None => format!("{}\n\n{section}", markdown.trim_end()),
    }
}
