//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use factlint::{
    check_source, Config, Diagnostic, FactBase, FileReport, OutputOptions, Overrides, RuleId,
    RuleMeta, RunReport, Settings, StyleData, Workspace,
};

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/`.
pub fn test_file(relative: &str) -> PathBuf {
    root().join("tests").join(relative)
}

/// Zero-config settings with the embedded defaults, as a bare `factlint article.md` has.
pub fn settings() -> Settings {
    Settings::embedded()
}

/// The rule test kit's "today": a year is never inferred after it, so a test's verdicts do
/// not change as the calendar moves.
pub const TODAY: &str = "2026-06-01";

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The rule test kit's settings: the frozen test fact base (`tests/facts`, loaded once), the
/// embedded style data, zero configuration, today fixed at [`TODAY`], and the publication
/// date `on` when given (as `--date` gives it).
pub fn frozen_settings(on: Option<&str>) -> Settings {
    static FACTS: OnceLock<Arc<FactBase>> = OnceLock::new();
    let facts = FACTS.get_or_init(|| {
        FactBase::load(&[test_file("facts")], false)
            .unwrap_or_else(|errors| panic!("the frozen test facts: {errors:#?}"))
    });
    let mut settings = Settings::new(Config::zero(), Arc::clone(facts), StyleData::embedded());
    settings.today = date(TODAY);
    settings.date_override = on.map(date);
    settings
}

/// The two examples of a rule's documentation: the fenced `markdown` blocks of its
/// `## Example` section, the bad one first. "published YYYY-MM-DD" in the words before the
/// bad block gives the date both are judged on.
pub struct DocExamples {
    pub bad: String,
    pub good: String,
    pub published: Option<String>,
}

pub fn doc_examples(meta: &RuleMeta) -> DocExamples {
    let section = meta
        .doc_section("Example")
        .unwrap_or_else(|| panic!("{}: no `## Example` section", meta.name));
    let mut parts = section.split("```markdown\n");
    let before = parts.next().unwrap_or_default();
    let blocks: Vec<String> = parts
        .map(|part| {
            let (block, _) = part
                .split_once("```")
                .unwrap_or_else(|| panic!("{}: an unclosed example block", meta.name));
            block.to_string()
        })
        .collect();
    let [bad, good] = <[String; 2]>::try_from(blocks).unwrap_or_else(|blocks| {
        panic!(
            "{}: the Example section needs a bad and a good `markdown` block, has {}",
            meta.name,
            blocks.len()
        )
    });
    let published = before
        .split_once("published ")
        .map(|(_, rest)| rest.chars().take(10).collect());
    DocExamples {
        bad,
        good,
        published,
    }
}

/// Each fix of each finding, applied alone: its title and the lines it changes, before
/// (`-`) and after (`+`), so a snapshot shows the text a fix writes, not only its name.
pub fn render_fixes(report: &FileReport) -> String {
    let source = &report.source;
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        for fix in &diagnostic.fixes {
            let alone = Diagnostic {
                fixes: vec![fix.clone()],
                ..diagnostic.clone()
            };
            let (fixed, applied) =
                factlint::apply_fixes(source, std::slice::from_ref(&alone), true);
            out.push_str(&format!("{} fix: {}\n", diagnostic.rule, fix.shown_title()));
            if applied == 0 {
                out.push_str("  (not applied: its edits clash)\n");
                continue;
            }
            let start = fix.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
            let end = fix.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
            let line_start = source[..start].rfind('\n').map_or(0, |at| at + 1);
            let line_end = source[end..].find('\n').map_or(source.len(), |at| end + at);
            let grown = fixed.len() as isize - source.len() as isize;
            let fixed_end = (line_end as isize + grown) as usize;
            for line in source[line_start..line_end].lines() {
                out.push_str(&format!("  - {line}\n"));
            }
            for line in fixed[line_start..fixed_end].lines() {
                out.push_str(&format!("  + {line}\n"));
            }
        }
    }
    out
}

/// Check `source` as `article.md` with zero configuration.
pub fn lint(source: &str) -> FileReport {
    check_source("article.md", source, &settings())
}

/// Check a file on disk with the settings its `factlint.toml` (found upward) gives.
pub fn lint_path(path: &Path) -> FileReport {
    let workspace = Workspace::new(Overrides::default());
    let settings = workspace
        .settings_for(path)
        .unwrap_or_else(|errors| panic!("config for {}: {errors:?}", path.display()));
    let text = std::fs::read_to_string(path).unwrap();
    let display = path
        .strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string();
    check_source(&display, &text, &settings)
}

/// `(rule, 1-based line, spanned text)` of every finding at warning level or above.
pub fn findings(report: &FileReport) -> Vec<(RuleId, usize, String)> {
    // Where each newline is, found once: a finding's line is one more than the number of
    // newlines before it (a binary search), not a count from the start of the file each time.
    let newlines: Vec<usize> = report
        .source
        .bytes()
        .enumerate()
        .filter_map(|(at, byte)| (byte == b'\n').then_some(at))
        .collect();
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity > factlint::Severity::Info)
        .map(|d| {
            let line = newlines.partition_point(|&at| at < d.span.start) + 1;
            (d.rule, line, d.span.text(&report.source).to_string())
        })
        .collect()
}

/// Findings of one rule only.
pub fn findings_of(report: &FileReport, rule: RuleId) -> Vec<(usize, String)> {
    findings(report)
        .into_iter()
        .filter(|(r, _, _)| *r == rule)
        .map(|(_, line, text)| (line, text))
        .collect()
}

/// What a user sees at a terminal (no colour, 80 columns), for snapshots.
pub fn render_human(report: FileReport, verbose: bool) -> String {
    let run = RunReport {
        files: vec![report],
        ..RunReport::default()
    };
    let options = OutputOptions {
        verbose,
        ..OutputOptions::default()
    };
    let (out, err) = factlint::render_human(&run, &options);
    format!("{out}{err}")
}

/// Whether this run is in CI (`CI` set, and not to "", "false" or "0").
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Whether `program` (run with `--version`) is there for a test that needs it. In CI its
/// absence fails the test: a test that passes having tested nothing would hide a broken
/// integration, and `.ci/run` installs every such program. Elsewhere the test says why it is
/// skipped, so `cargo test` works on a machine without it.
pub fn outside_program(program: &str, install: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        assert!(
            !in_ci(),
            "{program} is not installed, and CI is set: install it ({install}), as .ci/run does"
        );
        eprintln!("skipped: {program} is not installed ({install}), and CI is not set");
    }
    found
}

/// The built binary, with colour and width fixed so its output is the same everywhere.
pub fn factlint() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("factlint").unwrap();
    command.env_remove("NO_COLOR").env("COLUMNS", "100");
    command
}

/// Write `text` to `dir/name` (making folders), and return the path as text.
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}
