//! Quotations end to end: the seed article and its edits (the rule docs' examples are tested
//! in `tests/rule_docs.rs`; the speakers the claims carry, in `src/claims/seed_speakers.rs`).

mod common;

use factlint::RuleId;

const QUOTE_RULES: &[RuleId] = &[RuleId::QuoteAttribution, RuleId::QuoteUnbalanced];

/// The seed article (shared/seed/nato-bucharest.md), copied into the fixtures.
fn seed() -> String {
    std::fs::read_to_string(common::test_file(
        "fixtures/quote-attribution/silent/nato-bucharest.md",
    ))
    .unwrap()
}

#[track_caller]
fn edited(from: &str, to: &str) -> String {
    let seed = seed();
    assert!(seed.contains(from), "the seed has no {from:?}");
    seed.replacen(from, to, 1)
}

#[test]
fn the_seed_has_no_quote_findings() {
    let report = common::lint(&seed());
    for &rule in QUOTE_RULES {
        assert_eq!(common::findings_of(&report, rule), vec![], "{rule}");
    }
}

#[test]
fn removing_the_speaker_leaves_the_quotation_unattributed() {
    let report = common::lint(&edited(" said Secretary General Jens Stoltenberg", ""));
    let found = common::findings_of(&report, RuleId::QuoteAttribution);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 29);
    assert!(found[0].1.starts_with("“NATO is an Alliance"), "{found:?}");
}

#[test]
fn unbalanced_marks_in_a_block_quote_are_only_info() {
    let report =
        common::lint("---\nauthor: Jane Doe\n---\nShe wrote:\n\n> A tweet as written :)))\"\n");
    assert_eq!(
        common::findings_of(&report, RuleId::QuoteUnbalanced),
        vec![]
    );
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.rule == RuleId::QuoteUnbalanced));
}

#[test]
fn a_block_quote_after_a_named_person_is_only_info() {
    let report = common::lint(
        "---\nauthor: Jane Doe\n---\nMaria has been standing there for hours.\n\n> I come to every protest, not for me but for my children.\n",
    );
    assert_eq!(
        common::findings_of(&report, RuleId::QuoteAttribution),
        vec![]
    );
    let info = report
        .diagnostics
        .iter()
        .find(|d| d.rule == RuleId::QuoteAttribution)
        .expect("an info finding");
    assert_eq!(info.labels[0].span.text(&report.source), "Maria");
}

/// Found by fuzzing (`check_bytes`): an unclosed quotation in a paragraph that ends with a
/// multi-byte character got a one-byte label inside that character.
#[test]
fn the_still_open_label_covers_the_paragraphs_whole_last_character() {
    let source = "She said: \u{201c}We will do it before winter, she added \u{901d}\n";
    let report = common::lint(source);
    let found = common::findings_of(&report, RuleId::QuoteUnbalanced);
    assert!(!found.is_empty(), "{found:?}");
    let label = report
        .diagnostics
        .iter()
        .flat_map(|d| &d.labels)
        .find(|label| label.message.contains("still open"))
        .expect("the paragraph-end label");
    assert_eq!(&source[label.span.start..label.span.end], "\u{901d}");
}

/// The fuzzed source reopens the quotation: the finding points at the reopening mark, and
/// every label still covers whole characters.
#[test]
fn a_reopened_quotation_points_at_the_reopening_mark() {
    let source = "She said: \u{201c}We will do it before winter,\u{901d} she added, \
                  \u{201c}whatever it costs.\u{201d}\n";
    let report = common::lint(source);
    let finding = report
        .diagnostics
        .iter()
        .find(|d| d.rule == RuleId::QuoteUnbalanced)
        .expect("a quote-unbalanced finding");
    assert_eq!(finding.span.text(source), "\u{201c}");
    assert_eq!(finding.span.start, source.rfind('\u{201c}').unwrap());
    for label in &finding.labels {
        let text = source.get(label.span.start..label.span.end);
        assert!(text.is_some_and(|t| !t.is_empty()), "{label:?}");
    }
}
