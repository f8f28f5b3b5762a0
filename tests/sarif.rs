//! `--format sarif`: the binary's real output, and a report with findings of several rules,
//! validated against the official SARIF 2.1.0 schema (`tests/data/sarif-2.1.0.json`, OASIS),
//! with regions checked on lines that hold multi-byte characters.

mod common;

use std::sync::Arc;

use assert_cmd::Command;
use serde_json::Value;

use factlint::{
    all_metas, render_sarif, Diagnostic, Edit, Fix, InputError, OutputOptions, RuleId, RunReport,
    Severity, Span,
};

const ARTICLE: &str = "tests/data/article-multibyte.md";

#[track_caller]
fn assert_valid_sarif(log: &Value) {
    let text = std::fs::read_to_string(common::test_file("data/sarif-2.1.0.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource("file:///sarif-2.1.0.json", schema)
        .unwrap();
    let index = compiler
        .compile("file:///sarif-2.1.0.json", &mut schemas)
        .unwrap();
    if let Err(error) = schemas.validate(log, index) {
        panic!("not valid SARIF 2.1.0: {error:#}\n{log:#}");
    }
}

fn run_binary(args: &[&str]) -> (Value, i32) {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(common::root())
        .args(["--format", "sarif"])
        .args(args)
        .output()
        .unwrap();
    let log = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "stdout is not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (log, output.status.code().unwrap_or(-1))
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().unwrap()
}

/// The region of a result's first location.
fn region(result: &Value) -> (u64, u64, u64, u64) {
    let region = &result["locations"][0]["physicalLocation"]["region"];
    let get = |key: &str| region[key].as_u64().unwrap();
    (
        get("startLine"),
        get("startColumn"),
        get("endLine"),
        get("endColumn"),
    )
}

/// 1-based line and char column of `needle` in `text`.
fn line_column(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() + 1;
    let column = text[line_start..at].chars().count() + 1;
    (line as u64, column as u64)
}

#[test]
fn binary_output_is_valid_sarif_with_char_columns_and_fixes() {
    let (log, code) = run_binary(&[ARTICLE, "examples/nato-bucharest.md"]);
    assert_eq!(
        code, 1,
        "the suppression naming the misspelt rule `date-wekday` is an error"
    );
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);

    let text = std::fs::read_to_string(common::root().join(ARTICLE)).unwrap();
    let comment = "<!-- factlint-disable-next-line date-weekday -->";
    let (line, column) = line_column(&text, comment);
    assert_eq!(line, 7);
    let ours: Vec<&Value> = results(&log)
        .iter()
        .filter(|r| r["ruleId"] == "FL901")
        .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == ARTICLE)
        .collect();
    assert_eq!(ours.len(), 3, "three stale suppressions: {ours:#?}");
    let inline = ours
        .iter()
        .find(|r| region(r).0 == 7)
        .expect("the inline suppression on line 7");
    // Columns count code points: the line holds 2-, 3- and 4-byte characters before the comment.
    assert_eq!(
        region(inline),
        (7, column, 7, column + comment.chars().count() as u64)
    );
    assert_eq!(inline["level"], "warning");
    let meta = RuleId::UnusedSuppression.meta();
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let index = inline["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], meta.code);
    assert_eq!(rules[index]["name"], meta.name);

    let fix = &inline["fixes"][0];
    assert_eq!(fix["description"]["text"], "Remove the unused suppression");
    assert_eq!(fix["properties"]["applicability"], "safe");
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "");
    assert_eq!(replacement["deletedRegion"]["startColumn"], column);

    // A suppression on its own line: the fix deletes the whole line, up to the next one.
    let standalone = ours.iter().find(|r| region(r).0 == 10).unwrap();
    let deleted = &standalone["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
    assert_eq!(
        (&deleted["startLine"], &deleted["startColumn"]),
        (&Value::from(10), &Value::from(1))
    );
    assert_eq!(
        (&deleted["endLine"], &deleted["endColumn"]),
        (&Value::from(11), &Value::from(1))
    );
    // An unknown rule name has no fix to offer.
    let unknown = ours.iter().find(|r| region(r).0 == 13).unwrap();
    assert!(unknown.get("fixes").is_none());
}

#[test]
fn every_rule_is_described_from_its_metadata() {
    let (log, _) = run_binary(&[ARTICLE]);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), all_metas().len());
    for (rule, meta) in rules.iter().zip(all_metas()) {
        assert_eq!(rule["id"], meta.code);
        assert_eq!(rule["name"], meta.name);
        assert_eq!(rule["shortDescription"]["text"], meta.summary);
        assert_eq!(rule["help"]["markdown"], meta.doc);
        let level = match meta.default_severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
        assert!(rule["fullDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
    }
}

#[test]
fn unreadable_inputs_are_execution_notifications() {
    let (log, code) = run_binary(&[ARTICLE, "tests/data/no-such-article.md"]);
    assert_eq!(code, 2);
    assert_valid_sarif(&log);
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tests/data/no-such-article.md"
    );
}

/// A report as the rules will produce it once they fire: several rules, labels, a fact's
/// source, alternative fixes (one unsafe), an info finding, an input error with a span.
fn synthetic_report() -> (RunReport, String) {
    let text =
        "---\nauthor: Ana\n---\nÎn Iași 😀 on Tuesday (Nov. 28) the Secretary-General spoke.\n";
    let mut file = common::lint(text);
    let find = |needle: &str| {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    };
    file.path = "news/ştiri azi.md".to_string();
    file.diagnostics = vec![
        Diagnostic::new(
            RuleId::DateWeekday,
            find("Tuesday"),
            "Nov. 28, 2022 was a Monday, not a Tuesday",
        )
        .with_label(find("Nov. 28"), "this date")
        .with_help("the other weekday-date pairs agree with 2022")
        .with_fix(Fix::unsafe_edit(
            "Replace with Monday",
            vec![Edit::replace(find("Tuesday"), "Monday")],
        )),
        Diagnostic::new(
            RuleId::FactOffice,
            find("Secretary-General"),
            "no Secretary-General is known here on 2022-11-30",
        )
        .with_source("https://www.nato.int/cps/en/natohq/who_is_who.htm"),
        Diagnostic::new(
            RuleId::NameConsistency,
            find("Secretary-General"),
            "`Secretary-General` is written `Secretary General` elsewhere",
        )
        .with_fix(Fix::safe(
            "Write `Secretary General`",
            vec![Edit::replace(
                find("Secretary-General"),
                "Secretary General",
            )],
        ))
        .with_fix(Fix::unsafe_edit(
            "Write `Secretary-General` everywhere",
            vec![Edit::replace(
                find("Secretary-General"),
                "Secretary-General",
            )],
        ))
        // Nothing to change: not a SARIF fix (which needs at least one replacement).
        .with_fix(Fix::safe("Nothing", vec![])),
        Diagnostic::new(
            RuleId::PublicationDate,
            find("Nov. 28"),
            "judged as of 2022-11-30",
        )
        .with_severity(Severity::Info),
    ];
    let bad = InputError::new(
        "news/broken.md",
        "front matter: mapping values are not allowed",
    )
    .at(
        Span::new(4, 10),
        Arc::new("---\nx: y: z\n---\n".to_string()),
    );
    let report = RunReport {
        files: vec![file],
        errors: vec![bad],
        ..RunReport::default()
    };
    (report, text.to_string())
}

#[test]
fn findings_of_several_rules_are_valid_sarif() {
    let (report, text) = synthetic_report();
    let verbose = OutputOptions {
        verbose: true,
        ..OutputOptions::default()
    };
    let log: Value = serde_json::from_str(&render_sarif(&report, &verbose)).unwrap();
    assert_valid_sarif(&log);
    let results = results(&log);
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["FL101", "FL501", "FL502", "FL103"]);
    for result in results {
        let uri = &result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
        assert_eq!(uri, "news/%C5%9Ftiri%20azi.md");
    }

    let weekday = &results[0];
    let (line, column) = line_column(&text, "Tuesday");
    assert_eq!(region(weekday), (line, column, line, column + 7));
    let label = &weekday["relatedLocations"][0];
    assert_eq!(label["message"]["text"], "this date");
    assert_eq!(
        label["physicalLocation"]["region"]["startColumn"],
        line_column(&text, "Nov. 28").1
    );
    assert!(weekday["message"]["text"]
        .as_str()
        .unwrap()
        .ends_with("\nthe other weekday-date pairs agree with 2022"));
    let fix = &weekday["fixes"][0];
    assert_eq!(fix["properties"]["applicability"], "unsafe");
    assert!(fix["description"]["text"]
        .as_str()
        .unwrap()
        .contains("unsafe"));

    assert_eq!(
        results[1]["properties"]["source"],
        "https://www.nato.int/cps/en/natohq/who_is_who.htm"
    );
    assert_eq!(results[2]["fixes"].as_array().unwrap().len(), 2);
    assert_eq!(results[3]["level"], "note");

    let notification = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["region"]["startLine"],
        2
    );
}

#[test]
fn info_findings_only_with_verbose() {
    let (report, _) = synthetic_report();
    let log: Value =
        serde_json::from_str(&render_sarif(&report, &OutputOptions::default())).unwrap();
    assert!(results(&log).iter().all(|r| r["level"] != "note"));
    assert_eq!(results(&log).len(), 3);
}
