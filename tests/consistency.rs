//! `spelling-consistency` and `name-consistency` end to end: the seed article's exact
//! findings, house dialects, users' style folders, fixes, and inputs that must never panic
//! (the rule docs' examples are tested in `tests/rule_docs.rs`).

mod common;

use factlint::{
    apply_fixes, check_source, Applicability, Config, Dialect, FileReport, RuleId, Settings,
    Severity, StyleData,
};

const RULES: [RuleId; 2] = [RuleId::SpellingConsistency, RuleId::NameConsistency];

fn seed() -> String {
    std::fs::read_to_string(common::root().join("examples/nato-bucharest.md")).unwrap()
}

fn line_of(report: &FileReport, offset: usize) -> usize {
    report.source[..offset].matches('\n').count() + 1
}

/// `(rule, line, text)` of every finding of the two rules, info included.
fn consistency_findings(report: &FileReport) -> Vec<(RuleId, usize, String)> {
    report
        .diagnostics
        .iter()
        .filter(|d| RULES.contains(&d.rule))
        .map(|d| {
            (
                d.rule,
                line_of(report, d.span.start),
                d.span.text(&report.source).to_string(),
            )
        })
        .collect()
}

fn with_dialect(dialect: Dialect) -> Settings {
    let mut settings = common::settings();
    settings.config.dialect = Some(dialect);
    settings
}

#[test]
fn seed_article_gives_exactly_the_two_expected_findings() {
    let report = common::lint(&seed());
    assert_eq!(
        consistency_findings(&report),
        vec![
            (RuleId::NameConsistency, 14, "Secretary-General".to_string()),
            (RuleId::SpellingConsistency, 14, "defense".to_string()),
        ]
    );
    for diagnostic in report
        .diagnostics
        .iter()
        .filter(|d| RULES.contains(&d.rule))
    {
        assert_eq!(diagnostic.severity, Severity::Warning);
        let fix = diagnostic.applicable_fix(true).expect("a fix");
        let expected = match diagnostic.rule {
            RuleId::SpellingConsistency => Applicability::Safe,
            _ => Applicability::Unsafe,
        };
        assert_eq!(fix.applicability, expected);
        let label_lines: Vec<usize> = diagnostic
            .labels
            .iter()
            .map(|label| line_of(&report, label.span.start))
            .collect();
        match diagnostic.rule {
            RuleId::SpellingConsistency => {
                assert_eq!(fix.edits[0].replacement, "defence");
                // "defence" on line 25 and "kilometres" on line 20; line 16's "defence" is
                // inside Stoltenberg's quotation, so it is neither flagged nor counted.
                assert_eq!(label_lines, vec![25, 20]);
            }
            _ => {
                assert_eq!(fix.edits[0].replacement, "Secretary General");
                assert_eq!(label_lines, vec![18, 29]);
                assert!(diagnostic.help.as_deref().unwrap().contains("NATO writes"));
            }
        }
    }
}

#[test]
fn fixing_the_seed_changes_only_the_two_words_and_settles() {
    let source = seed();
    let report = common::lint(&source);
    // Safe fixes alone change "defense" and nothing else.
    let (safe_only, applied) = apply_fixes(&source, &report.diagnostics, false);
    assert_eq!(applied, 1);
    assert_eq!(
        safe_only,
        source.replace("investing in defense", "investing in defence")
    );
    let (fixed, applied) = apply_fixes(&source, &report.diagnostics, true);
    assert_eq!(applied, 2);
    assert_eq!(
        fixed,
        source
            .replace("investing in defense", "investing in defence")
            .replace("NATO Secretary-General", "NATO Secretary General")
    );
    assert!(consistency_findings(&common::lint(&fixed)).is_empty());
}

#[test]
fn a_house_dialect_flags_every_spelling_of_the_other() {
    let source = "The color of the center. Their behaviour changed.\n";
    let flagged = |dialect| {
        common::findings_of(
            &check_source("a.md", source, &with_dialect(dialect)),
            RuleId::SpellingConsistency,
        )
    };
    assert_eq!(
        flagged(Dialect::British),
        vec![(1, "color".to_string()), (1, "center".to_string())]
    );
    assert_eq!(
        flagged(Dialect::American),
        vec![(1, "behaviour".to_string())]
    );
}

#[test]
fn a_house_dialect_in_factlint_toml_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factlint.toml"), "dialect = \"en-US\"\n").unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        "---\nauthor: A. Writer\n---\nThe colour of the centre.\n",
    )
    .unwrap();
    let found = common::findings_of(&common::lint_path(&article), RuleId::SpellingConsistency);
    assert_eq!(
        found,
        vec![(4, "colour".to_string()), (4, "centre".to_string())]
    );
}

#[test]
fn users_style_folders_add_spellings_and_titles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("spelling.toml"),
        "[[group]]\nname = \"house words\"\nendings = [[\"\", \"\"]]\nwords = [\"whilst while\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("titles.toml"),
        "[[title]]\nwords = \"Chief Whip\"\npreferred = \"Chief Whip\"\n",
    )
    .unwrap();
    let style = StyleData::load(&[dir.path().to_path_buf()]).unwrap();
    let mut config = Config::zero();
    config.dialect = Some(Dialect::American);
    let settings = Settings::new(config, factlint::FactBase::embedded(), style.into());
    let report = check_source(
        "a.md",
        "Whilst the Chief-Whip spoke, the Chief Whip left.\n",
        &settings,
    );
    assert_eq!(
        consistency_findings(&report),
        vec![
            (RuleId::SpellingConsistency, 1, "Whilst".to_string()),
            (RuleId::NameConsistency, 1, "Chief-Whip".to_string()),
        ]
    );
}

#[test]
fn a_bad_style_file_is_an_error_that_points_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[[group]]\nname = \"x\"\nendings = [[\"our\", \"or\"]]\nwords = [\"grey gray\"]\n";
    std::fs::write(dir.path().join("spelling.toml"), text).unwrap();
    let error = StyleData::load(&[dir.path().to_path_buf()]).unwrap_err();
    assert!(error.path.ends_with("spelling.toml"), "{}", error.path);
    assert_eq!(error.span.unwrap().text(text), "\"grey gray\"");
}

#[test]
fn quoted_words_are_neither_flagged_nor_counted() {
    // A British article quoting an American source at length: the quote stays as spoken
    // and does not turn the article's majority American.
    let source = "---\nauthor: A. Writer\n---\nOur defence correspondent reports from the \
                  centre of town. “Our defense posture, our color, our center and our labor \
                  are strong,” the American general said.\n";
    assert!(common::findings_of(&common::lint(source), RuleId::SpellingConsistency).is_empty());
    let titles = "---\nauthor: A. Writer\n---\nThe Prime Minister spoke. “The Prime-Minister \
                  is wrong,” a rival said.\n";
    assert!(common::findings_of(&common::lint(titles), RuleId::NameConsistency).is_empty());
}

#[test]
fn awkward_input_never_panics() {
    let awkward = [
        "",
        "\u{feff}",
        "Secretary-",
        "-General",
        "Secretary-General-",
        "NATO’s Secretary-General of the",
        "Défense défense DEFENSE défense.",
        "Stoltenberg\u{a0}Stoltenburg Stoltenbérg Ştoltenberg",
        "colour\r\ncolor\r\n\r\n> color\r\n",
        "# Colour\n\n`color` [color](http://color.example) <span>color</span> &amp;color;\n",
        "Prime\u{2011}Minister Prime\u{a0}Minister Prime Minister’s",
        "Ünïcödé Ünïcödé Ünïcödë Jens Ünïcödé, colour; COLOR.",
    ];
    for source in awkward {
        let report = common::lint(source);
        for diagnostic in &report.diagnostics {
            assert!(diagnostic.span.end <= source.len());
            assert!(source.is_char_boundary(diagnostic.span.start));
            assert!(source.is_char_boundary(diagnostic.span.end));
        }
        let _ = apply_fixes(source, &report.diagnostics, true);
    }
}

#[test]
fn a_long_article_full_of_names_stays_bounded() {
    // Thousands of distinct capitalised words one edit apart: the comparison is bucketed
    // and capped, so this finishes quickly and flags only what has evidence.
    let mut source = String::from("---\nauthor: A. Writer\n---\n");
    for index in 0..6000 {
        let letter = char::from(b'a' + (index % 26) as u8);
        let other = char::from(b'a' + (index / 26 % 26) as u8);
        source.push_str(&format!(
            "Then Kalinow{letter}{other}ski met Kalinow{other}{letter}ski. The colour, the color.\n\n"
        ));
    }
    let started = std::time::Instant::now();
    let report = common::lint(&source);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert!(common::findings_of(&report, RuleId::NameConsistency).is_empty());
}
