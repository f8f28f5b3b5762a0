//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use factlint::engine::FileReport;
use factlint::output::{self, OutputOptions, RunReport};
use factlint::rules::RuleId;
use factlint::workspace::{Overrides, Workspace};
use factlint::{check_source, Settings};

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
        .filter(|d| d.severity > factlint::diagnostic::Severity::Info)
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
    let (out, err) = output::human::render(&run, &options);
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
