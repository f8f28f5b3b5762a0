//! The seed article (`examples/nato-bucharest.md`) end to end, through the binary: exactly the
//! findings its README promises, and each promised edit noticed.

mod common;

use assert_cmd::Command;
use serde_json::Value;

fn seed() -> String {
    std::fs::read_to_string(common::root().join("examples/nato-bucharest.md")).unwrap()
}

/// The seed with `from` replaced by `to`, which must occur in it.
fn edited(from: &str, to: &str) -> String {
    let source = seed();
    assert!(source.contains(from), "the seed has no {from:?}");
    source.replace(from, to)
}

/// `(rule, severity, line, spanned text)` of a warning or error.
type Finding = (String, String, u64, String);

/// Exit code, findings at warning level and above, and the JSON file entry.
fn run(source: &str, extra: &[&str]) -> (i32, Vec<Finding>, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nato-bucharest.md");
    std::fs::write(&path, source).unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args(["--format", "json", "--today", "2026-11-28"])
        .args(extra)
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let file = json["files"][0].clone();
    let found = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "info")
        .map(|d| {
            let (start, end) = (
                d["start"]["offset"].as_u64().unwrap() as usize,
                d["end"]["offset"].as_u64().unwrap() as usize,
            );
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
                d["start"]["line"].as_u64().unwrap(),
                source[start..end].to_string(),
            )
        })
        .collect();
    (output.status.code().unwrap(), found, file)
}

fn rules_on_line(found: &[Finding], line: u64) -> Vec<&str> {
    found
        .iter()
        .filter(|f| f.2 == line)
        .map(|f| f.0.as_str())
        .collect()
}

#[test]
fn the_example_gives_exactly_the_two_promised_warnings() {
    let (code, found, file) = run(&seed(), &[]);
    assert_eq!(
        found,
        vec![
            (
                "name-consistency".into(),
                "warning".into(),
                14,
                "Secretary-General".into()
            ),
            (
                "spelling-consistency".into(),
                "warning".into(),
                14,
                "defense".into()
            ),
        ]
    );
    assert_eq!(code, 0);
    // The weekday pairs fit several years; the fact base settles on 2022.
    assert_eq!(file["publication_date"], "2022-11-30");
    assert_eq!(file["publication_date_source"], "inferred");
}

#[test]
fn a_wrong_weekday_is_one_error_on_its_line() {
    let (code, found, _) = run(&edited("Monday (Nov. 28)", "Tuesday (Nov. 28)"), &[]);
    let errors: Vec<_> = found.iter().filter(|f| f.1 == "error").collect();
    assert_eq!(errors.len(), 1, "{found:?}");
    assert_eq!(errors[0].0, "date-weekday");
    assert_eq!(errors[0].2, 14);
    assert_eq!(code, 1);
}

#[test]
fn thirty_one_allies_disagrees_with_the_count_and_the_facts() {
    let (_, found, _) = run(&edited("the 30 NATO allies", "the 31 NATO allies"), &[]);
    assert!(
        rules_on_line(&found, 6).contains(&"fact-count"),
        "{found:?}"
    );
    // It disagrees with the other count, "all 30 existing allied countries"; the fact base
    // confirms 30 in the year the article's other facts settle on, so 31 is the one reported.
    assert!(
        found
            .iter()
            .any(|f| f.0 == "count-agreement" && f.2 == 6 && f.3.contains("31")),
        "{found:?}"
    );
}

#[test]
fn an_unattributed_quote_a_missing_credit_and_a_missing_byline_are_noticed() {
    let (_, found, _) = run(
        &edited("NATO,” said Secretary General Jens Stoltenberg.", "NATO.”"),
        &[],
    );
    assert!(
        rules_on_line(&found, 29).contains(&"quote-attribution"),
        "{found:?}"
    );
    let (_, found, _) = run(&edited(", Image Credit: NATO", ""), &[]);
    assert!(
        rules_on_line(&found, 2).contains(&"credit-image"),
        "{found:?}"
    );
    let (_, found, _) = run(&edited("With reporting by Reuters, Agerpres", ""), &[]);
    assert!(found.iter().any(|f| f.0 == "credit-byline"), "{found:?}");
}

#[test]
fn judged_in_december_2024_the_facts_have_moved_on() {
    let dated = format!("---\ndate: 2024-12-01\n---\n{}", seed());
    let (_, found, _) = run(&dated, &[]);
    let of = |rule: &str| -> Vec<String> {
        found
            .iter()
            .filter(|f| f.0 == rule)
            .map(|f| f.3.clone())
            .collect()
    };
    assert!(!of("fact-count").is_empty(), "{found:?}");
    let offices = of("fact-office").join(" | ");
    assert!(offices.contains("Stoltenberg"), "{offices}");
    assert!(offices.contains("Kuleba"), "{offices}");
}

#[test]
fn fix_changes_defense_to_defence_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nato-bucharest.md");
    std::fs::write(&path, seed()).unwrap();
    Command::cargo_bin("factlint")
        .unwrap()
        .args(["--fix"])
        .arg(&path)
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        seed().replace("investing in defense", "investing in defence")
    );
}
