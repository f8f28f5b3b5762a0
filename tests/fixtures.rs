//! Every rule's fixtures: `tests/fixtures/<rule-name>/fire/*.md` must produce at least one
//! finding of that rule (and its rendering is snapshotted, with the text each fix writes),
//! `silent/*.md` must produce none.
//! A `factlint.toml` in a rule's folder configures its fixtures (e.g. the frozen test facts).

mod common;

use std::path::PathBuf;

use factlint::RuleId;

fn fixture_files(rule_dir: &std::path::Path, kind: &str) -> Vec<PathBuf> {
    let dir = rule_dir.join(kind);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
}

fn rule_dirs() -> Vec<(RuleId, PathBuf)> {
    let mut dirs: Vec<(RuleId, PathBuf)> = std::fs::read_dir(common::test_file("fixtures"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            let rule = RuleId::from_name_or_code(&name)
                .unwrap_or_else(|| panic!("fixture folder `{name}` names no rule"));
            (rule, p)
        })
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn fire_fixtures_fire_and_are_snapshotted() {
    for (rule, dir) in rule_dirs() {
        for file in fixture_files(&dir, "fire") {
            let report = common::lint_path(&file);
            let found = common::findings_of(&report, rule);
            assert!(
                !found.is_empty(),
                "{} should produce `{rule}`; got {:?}",
                file.display(),
                common::findings(&report)
            );
            let name = format!(
                "{}__{}",
                rule.name(),
                file.file_stem().unwrap().to_string_lossy()
            );
            let fixes = common::render_fixes(&report);
            let mut shown = common::render_human(report, false);
            if !fixes.is_empty() {
                shown.push_str(&format!("── fixed text ──\n{fixes}"));
            }
            insta::assert_snapshot!(name, shown);
        }
    }
}

#[test]
fn silent_fixtures_stay_silent() {
    for (rule, dir) in rule_dirs() {
        for file in fixture_files(&dir, "silent") {
            let report = common::lint_path(&file);
            let found = common::findings_of(&report, rule);
            assert!(
                found.is_empty(),
                "{} must not produce `{rule}`; got {found:?}",
                file.display()
            );
        }
    }
}

#[test]
fn every_fixture_folder_has_both_kinds() {
    // Every rule has fixtures, but `publication-date`: it reports which date was assumed
    // (an info note on every article), and `tests/dates.rs` covers it.
    let with_folders: Vec<RuleId> = rule_dirs().into_iter().map(|(rule, _)| rule).collect();
    for rule in RuleId::ALL {
        if rule.name() != "publication-date" {
            assert!(
                with_folders.contains(rule),
                "`{rule}` has no fixture folder"
            );
        }
    }
    for (rule, dir) in rule_dirs() {
        assert!(
            !fixture_files(&dir, "fire").is_empty(),
            "`{rule}` has no fire fixtures"
        );
        assert!(
            !fixture_files(&dir, "silent").is_empty(),
            "`{rule}` has no silent fixtures"
        );
    }
}
