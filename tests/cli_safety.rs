//! Regression tests for ways a wrong article could pass a CI gate unnoticed: a misspelt
//! suppression, no path given, an impossible front-matter date, a future `--date`, bad config
//! and fact files, and `--fix` through a symbolic link.

use std::process::Stdio;

use assert_cmd::Command;
use serde_json::Value;

mod common;

use common::{factlint, write};

/// One error (date-weekday, FL101) on line 4.
const WRONG_WEEKDAY: &str =
    "---\nauthor: Test Desk\n---\nThe vote was held on Sunday, 2023-10-16, the commission said.\n";

/// The JSON report and the exit code.
fn json(command: &mut Command) -> (Value, i32) {
    let output = command.args(["--format", "json"]).output().unwrap();
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{error}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (report, output.status.code().unwrap())
}

/// `(rule, severity)` of every finding above info level in the report.
fn rules(report: &Value) -> Vec<(String, String)> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|file| file["diagnostics"].as_array().unwrap())
        .filter(|d| d["severity"] != "info")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn error_messages(report: &Value) -> Vec<String> {
    report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_misspelt_rule_in_a_suppression_hides_nothing_and_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let text = WRONG_WEEKDAY.replace(
        "---\nThe vote",
        "---\n<!-- factlint-disable-file date-wekday -->\nThe vote",
    );
    let file = write(dir.path(), "a.md", &text);
    let (report, code) = json(factlint().arg(&file));
    assert_eq!(code, 1);
    assert_eq!(
        rules(&report),
        [
            ("unused-suppression".to_string(), "error".to_string()),
            ("date-weekday".to_string(), "error".to_string())
        ]
    );
}

#[test]
fn no_path_checks_the_current_folder_and_never_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "desk/a.md", WRONG_WEEKDAY);
    let mut bare = std::process::Command::new(assert_cmd::cargo::cargo_bin("factlint"));
    bare.current_dir(dir.path()).stdin(Stdio::null());
    let (report, code) = json(&mut Command::from_std(bare));
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["files"][0]["path"], "./desk/a.md");
    // `-` still reads standard input.
    let (report, code) = json(factlint().arg("-").write_stdin(WRONG_WEEKDAY));
    assert_eq!((code, report["files"][0]["path"].as_str()), (1, Some("-")));
}

#[test]
fn an_impossible_front_matter_date_is_an_input_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "a.md",
        "---\nauthor: Test Desk\ndate: 2022-11-31\n---\nThe ministers met.\n",
    );
    let (report, code) = json(factlint().arg(&file));
    assert_eq!(code, 2);
    assert_eq!(
        error_messages(&report),
        ["front matter `date` is `2022-11-31`, a date that does not exist (line 3, column 7)"]
    );
    // The article itself is still checked.
    assert_eq!(report["summary"]["files"], 1);
}

#[test]
fn a_future_date_is_honoured_not_pulled_back_to_today() {
    let dir = tempfile::tempdir().unwrap();
    // 30 allies was right until Finland joined on 2023-04-04, wrong on 2024-06-01.
    let file = write(
        dir.path(),
        "a.md",
        "---\nauthor: Test Desk\n---\nThe leaders of the 30 NATO allies met in Vilnius.\n",
    );
    let (report, code) =
        json(factlint().args(["--today", "2022-01-01", "--date", "2024-06-01", &file]));
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["files"][0]["publication_date"], "2024-06-01");
    assert_eq!(
        rules(&report),
        [("fact-count".to_string(), "error".to_string())]
    );
}

#[test]
fn every_config_error_is_reported_and_other_articles_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "broken/factlint.toml",
        "dialet = \"en-GB\"\n[rules]\ndate-weekdy = \"off\"\n",
    );
    write(dir.path(), "broken/a.md", WRONG_WEEKDAY);
    write(dir.path(), "fine/b.md", WRONG_WEEKDAY);
    let (report, code) = json(factlint().arg(dir.path()));
    assert_eq!(code, 2);
    let messages = error_messages(&report);
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("unknown key `dialet`"))
            && messages
                .iter()
                .any(|m| m.starts_with("unknown rule `date-weekdy`")),
        "{messages:?}"
    );
    assert!(report["files"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("fine/b.md"));
    assert_eq!(
        rules(&report),
        [("date-weekday".to_string(), "error".to_string())]
    );
}

#[test]
fn every_bad_fact_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "factlint.toml", "facts = [\"facts\"]\n");
    write(dir.path(), "facts/one.toml", "checked = \n");
    write(dir.path(), "facts/two.toml", "[[entity]\n");
    let file = write(dir.path(), "a.md", WRONG_WEEKDAY);
    let (report, code) = json(factlint().arg(&file));
    assert_eq!(code, 2);
    let paths: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert!(
        paths.iter().any(|p| p.ends_with("one.toml"))
            && paths.iter().any(|p| p.ends_with("two.toml")),
        "{report:#}"
    );
}

#[test]
fn fix_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let unused = "---\nauthor: Test Desk\n---\nThe ministers met.\n<!-- factlint-disable-next-line date-weekday -->\nThey talked.\n";
    let target = write(dir.path(), "archive/a.md", unused);
    let link = dir.path().join("a.md");
    std::os::unix::fs::symlink("archive/a.md", &link).unwrap();
    factlint()
        .args(["--fix", "--quiet"])
        .arg(&link)
        .assert()
        .code(0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "---\nauthor: Test Desk\n---\nThe ministers met.\nThey talked.\n"
    );
}
