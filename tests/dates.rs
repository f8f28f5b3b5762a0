//! Dates end to end: the labelled weekday cases, the seed article and the publication date in
//! the JSON output (the rule docs' examples are tested in `tests/rule_docs.rs`; the dates the
//! cases resolve to, and the seed's inferred years, in `src/article/labelled_cases.rs`).

mod common;

use factlint::{render_json, RuleId, RunReport, Severity};

const CASES: &str = include_str!("data/weekday-cases.tsv");
const SEED: &str = include_str!("../examples/nato-bucharest.md");

fn article(publication_date: &str, body: &str) -> String {
    format!("---\nauthor: Test Desk\ndate: {publication_date}\n---\n{body}\n")
}

struct Case<'a> {
    sentence: &'a str,
    publication_date: &'a str,
    wrong: bool,
    true_weekdays: Vec<&'a str>,
}

fn cases() -> Vec<Case<'static>> {
    CASES
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 5, "{line}");
            Case {
                sentence: columns[0],
                publication_date: columns[1],
                wrong: match columns[2] {
                    "ok" => false,
                    "wrong" => true,
                    other => panic!("label {other}"),
                },
                true_weekdays: columns[3].split('-').collect(),
            }
        })
        .collect()
}

#[test]
fn every_labelled_weekday_case() {
    let cases = cases();
    assert_eq!(cases.len(), 20);
    for case in cases {
        let report = common::lint(&article(case.publication_date, case.sentence));
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == RuleId::DateWeekday && d.severity == Severity::Error)
            .collect();
        if case.wrong {
            assert!(!found.is_empty(), "should fire: {}", case.sentence);
        } else {
            assert!(
                found.is_empty(),
                "must stay silent: {}: {found:#?}",
                case.sentence
            );
        }
    }
}

#[test]
fn wrong_cases_name_the_true_weekday() {
    for case in cases().into_iter().filter(|c| c.wrong) {
        let report = common::lint(&article(case.publication_date, case.sentence));
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == RuleId::DateWeekday)
            .map(|d| d.message.as_str())
            .collect();
        for weekday in &case.true_weekdays {
            assert!(
                messages
                    .iter()
                    .any(|m| m.contains(&format!("a {weekday}, not"))),
                "{}: {messages:?}",
                case.sentence
            );
        }
    }
}

#[test]
fn the_seed_article_has_no_date_findings() {
    let report = common::lint(SEED);
    for rule in [
        RuleId::DateWeekday,
        RuleId::DateDuration,
        RuleId::DateInvalid,
        RuleId::DateTense,
    ] {
        assert_eq!(common::findings_of(&report, rule), vec![], "{rule}");
    }
}

#[test]
fn the_seed_article_with_a_wrong_weekday() {
    let edited = SEED.replace("Monday (Nov. 28)", "Tuesday (Nov. 28)");
    assert_ne!(edited, SEED);
    let report = common::lint(&edited);
    assert_eq!(
        common::findings_of(&report, RuleId::DateWeekday),
        vec![(14, "Tuesday".to_string())]
    );
    let finding = report
        .diagnostics
        .iter()
        .find(|d| d.rule == RuleId::DateWeekday)
        .unwrap();
    assert_eq!(finding.message, "Nov. 28 was a Monday, not a Tuesday");
    assert_eq!(finding.labels[0].span.text(&edited), "Nov. 28");
    let titles: Vec<&str> = finding.fixes.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Change the weekday to Monday",
            "Move the date to Nov. 29, the nearest Tuesday"
        ]
    );
}

#[test]
fn json_reports_the_publication_date_and_its_source() {
    let cases = [
        (article("2022-11-30", "Text."), "2022-11-30", "front-matter"),
        (
            "BUCHAREST, Nov. 30, 2022 — Text.\n".to_string(),
            "2022-11-30",
            "dateline",
        ),
        (
            "The launch on Thursday, Feb. 29 went well.\n".to_string(),
            "2024-02-29",
            "inferred",
        ),
    ];
    for (source, expected_date, expected_source) in cases {
        let run = RunReport {
            files: vec![common::lint(&source)],
            ..RunReport::default()
        };
        let value: serde_json::Value = serde_json::from_str(&render_json(&run, false)).unwrap();
        let file = &value["files"][0];
        assert_eq!(file["publication_date"], expected_date, "{source}");
        assert_eq!(file["publication_date_source"], expected_source, "{source}");
    }
    let run = RunReport {
        files: vec![common::lint("Nothing dated.\n")],
        ..RunReport::default()
    };
    let value: serde_json::Value = serde_json::from_str(&render_json(&run, false)).unwrap();
    assert!(value["files"][0]["publication_date"].is_null());
    assert!(value["files"][0]["publication_date_source"].is_null());
}

#[test]
fn the_info_findings_are_one_per_article() {
    let report = common::lint(
        "Monday (Nov. 28) was busy.\n\nSo was Monday (Nov. 29).\n\nAnd Monday (Nov. 30).\n",
    );
    let infos = |rule: RuleId| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.rule == rule && d.severity == Severity::Info)
            .count()
    };
    // Three Mondays on three days in a row: no year holds them all, so the one note on
    // the pairs is a warning (a defect whatever the year), not an info.
    let weekday_notes: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::DateWeekday)
        .collect();
    assert_eq!(weekday_notes.len(), 1);
    assert_eq!(weekday_notes[0].severity, Severity::Warning);
    assert_eq!(infos(RuleId::PublicationDate), 1);
    let unchecked = report
        .diagnostics
        .iter()
        .find(|d| d.rule == RuleId::DateWeekday)
        .unwrap();
    assert_eq!(unchecked.labels.len(), 3);
}
