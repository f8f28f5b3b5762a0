//! Precision on real prose: every warning and error on `tests/corpus/` needs a reviewed
//! verdict in `tests/accuracy/precision/verdicts.toml`. A new finding fails this test, which
//! prints the entries to review and paste.

#[path = "accuracy/precision/review.rs"]
mod review;

#[test]
fn every_corpus_finding_has_a_verdict() {
    let verdicts = review::load_verdicts();
    let findings = review::corpus_findings();
    let judged = review::judge(&findings, &verdicts);
    let unreviewed: Vec<String> = findings
        .iter()
        .zip(&judged)
        .filter(|(_, verdict)| verdict.is_none())
        .map(|(finding, _)| finding.paste_ready())
        .collect();
    assert!(
        unreviewed.is_empty(),
        "{} finding(s) on the corpus have no verdict in {}: read each in its article, then \
         add:\n\n{}",
        unreviewed.len(),
        review::VERDICTS,
        unreviewed.join("\n")
    );
}

#[test]
fn verdicts_are_complete() {
    for verdict in review::load_verdicts() {
        assert!(
            matches!(verdict.verdict.as_str(), "defect" | "false-alarm"),
            "verdict must be `defect` or `false-alarm`: {verdict:?}"
        );
        assert!(!verdict.reason.trim().is_empty(), "no reason: {verdict:?}");
        assert!(
            factlint::RuleId::from_name_or_code(&verdict.rule).is_some(),
            "no such rule: {verdict:?}"
        );
        let path = review::root().join("tests/corpus").join(&verdict.file);
        assert!(path.is_file(), "no such article: {verdict:?}");
        let text = std::fs::read_to_string(path).unwrap();
        let key = review::collapse(&verdict.key);
        assert!(
            text.lines()
                .any(|line| review::collapse(line).contains(&key)),
            "the key is on no line of the article: {verdict:?}"
        );
    }
}

#[test]
fn the_precision_section_is_replaced_in_place() {
    let before = "# Accuracy\n\nIntro.\n\n## Precision\n\nold\n\n## Recall\n\nkept\n";
    let after = review::with_precision_section(before, "## Precision\n\nnew\n");
    assert_eq!(
        after,
        "# Accuracy\n\nIntro.\n\n## Precision\n\nnew\n\n## Recall\n\nkept\n"
    );
    let added = review::with_precision_section(
        "# Accuracy\n\n## Recall\n\nkept\n",
        "## Precision\n\nnew\n",
    );
    assert_eq!(
        added,
        "# Accuracy\n\n## Recall\n\nkept\n\n## Precision\n\nnew\n"
    );
    let table = "## Precision\n\n| rule | findings | defects | false alarms | unreviewed | precision | previous run |\n|---|---:|---:|---:|---:|---:|---:|\n| `quote-attribution` | 3 | 3 | 0 | 0 | 100% | – |\n| all | 3 | 3 | 0 | 0 | 100% | – |\n";
    let previous = review::previous_precision(table);
    assert_eq!(
        previous.get("quote-attribution").map(String::as_str),
        Some("100%")
    );
    assert_eq!(previous.get("all").map(String::as_str), Some("100%"));
}
