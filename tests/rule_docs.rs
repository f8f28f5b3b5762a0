//! Every rule's documentation: its sections in order, and its examples tested on the rule
//! test kit (the frozen test fact base, a fixed today): the bad example fires the rule, the
//! good one leaves it silent, and a snapshot shows what a user sees on the bad one and the
//! text each of its fixes writes.

mod common;

use factlint::{all_metas, check_source, RuleMeta, Severity};

const SECTIONS: [&str; 5] = [
    "## What it checks",
    "## Why it matters",
    "## Example",
    "## Fix",
    "## Fact base",
];

#[test]
fn every_rule_doc_has_its_sections_in_order() {
    for meta in all_metas() {
        let mut at = 0;
        for section in SECTIONS {
            let found = meta.doc[at..]
                .find(section)
                .unwrap_or_else(|| panic!("{}: no {section} (or out of order)", meta.name));
            at += found + section.len();
        }
    }
}

/// The rule's findings in `source` (as `example.md`): `(severity, spanned text, message)`.
fn findings(meta: &RuleMeta, source: &str, published: Option<&str>) -> Vec<(Severity, String)> {
    let report = check_source("example.md", source, &common::frozen_settings(published));
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == meta.id)
        .map(|d| (d.severity, d.span.text(source).to_string()))
        .collect()
}

#[test]
fn every_rule_doc_example_behaves_as_documented() {
    let mut wrong = Vec::new();
    for meta in all_metas() {
        let examples = common::doc_examples(meta);
        let published = examples.published.as_deref();
        let bad = findings(meta, &examples.bad, published);
        let good = findings(meta, &examples.good, published);
        if meta.default_severity == Severity::Info {
            // A rule that speaks on every article (publication-date): its two examples must
            // read differently; the snapshot pins what each says.
            let messages = |source: &str| {
                check_source("example.md", source, &common::frozen_settings(published))
                    .diagnostics
                    .into_iter()
                    .filter(|d| d.rule == meta.id)
                    .map(|d| d.message)
                    .collect::<Vec<_>>()
            };
            if messages(&examples.bad) == messages(&examples.good) {
                wrong.push(format!("{}: both examples say the same", meta.name));
            }
            continue;
        }
        if !bad.iter().any(|(severity, _)| *severity > Severity::Info) {
            wrong.push(format!("{}: the bad example is silent: {bad:?}", meta.name));
        }
        let loud: Vec<_> = good
            .iter()
            .filter(|(severity, _)| *severity > Severity::Info)
            .collect();
        if !loud.is_empty() {
            wrong.push(format!("{}: the good example fires: {loud:?}", meta.name));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_rule_doc_example_is_snapshotted_with_its_fixed_text() {
    for meta in all_metas() {
        let examples = common::doc_examples(meta);
        let settings = common::frozen_settings(examples.published.as_deref());
        let mut shown = String::new();
        for (kind, source) in [("bad", &examples.bad), ("good", &examples.good)] {
            let mut report = check_source("example.md", source, &settings);
            report.diagnostics.retain(|d| d.rule == meta.id);
            shown.push_str(&format!("── {kind} example ──\n"));
            let fixes = common::render_fixes(&report);
            // A rule that speaks at info level only is shown as `--verbose` shows it.
            let verbose = meta.default_severity == Severity::Info;
            shown.push_str(&common::render_human(report, verbose));
            if !fixes.is_empty() {
                shown.push_str(&format!("── fixed text ──\n{fixes}"));
            }
        }
        insta::assert_snapshot!(format!("doc_example__{}", meta.name), shown);
    }
}
