//! Credits end to end: the seed article and its edits, the `[credits]` switches, and a
//! newsroom's own credit patterns in its style folder.

mod common;

use factlint::{Overrides, RuleId, Workspace};

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
fn the_seed_has_no_credit_findings() {
    let report = common::lint(&seed());
    assert_eq!(common::findings_of(&report, RuleId::CreditImage), vec![]);
    assert_eq!(common::findings_of(&report, RuleId::CreditByline), vec![]);
}

#[test]
fn removing_the_image_credit_leaves_the_caption_uncredited() {
    let report = common::lint(&edited(", Image Credit: NATO", ""));
    let found = common::findings_of(&report, RuleId::CreditImage);
    assert_eq!(
        found,
        vec![(
            2,
            "(Official photo of NATO Ministers of Foreign Affairs, Bucharest-Romania)".to_string()
        )]
    );
}

#[test]
fn removing_the_last_line_leaves_no_byline() {
    let report = common::lint(&edited("With reporting by Reuters, Agerpres", ""));
    let found = common::findings_of(&report, RuleId::CreditByline);
    assert_eq!(
        found,
        vec![(1, "NATO ministers of foreign affairs".to_string())]
    );
}

/// Lint `article` inside a temporary folder with `config` as its `factlint.toml` and the
/// given files beside it.
fn lint_with(config: &str, files: &[(&str, &str)], article: &str) -> factlint::FileReport {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factlint.toml"), config).unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let path = dir.path().join("article.md");
    std::fs::write(&path, article).unwrap();
    let settings = Workspace::new(Overrides::default())
        .settings_for(&path)
        .unwrap_or_else(|errors| panic!("{errors:?}"));
    factlint::check_source("article.md", article, &settings)
}

#[test]
fn the_credit_requirements_can_be_switched_off() {
    let article = "The ministers met.\n\n![Ministers](ministers.jpg)\n";
    let on = lint_with("", &[], article);
    assert_eq!(common::findings_of(&on, RuleId::CreditImage).len(), 1);
    assert_eq!(common::findings_of(&on, RuleId::CreditByline).len(), 1);
    let off = lint_with(
        "[credits]\nrequire-byline = false\nrequire-image-credit = false\n",
        &[],
        article,
    );
    assert_eq!(common::findings_of(&off, RuleId::CreditImage), vec![]);
    assert_eq!(common::findings_of(&off, RuleId::CreditByline), vec![]);
}

#[test]
fn a_newsroom_adds_its_own_credit_and_byline_forms() {
    let article = "Von Erika Mustermann\n\nDie Minister trafen sich.\n\n![Die Minister](minister.jpg)\n\nBild: Max Muster\n";
    let defaults = lint_with("", &[], article);
    assert_eq!(common::findings_of(&defaults, RuleId::CreditImage).len(), 1);
    assert_eq!(
        common::findings_of(&defaults, RuleId::CreditByline).len(),
        1
    );
    let own = lint_with(
        "style = [\"style\"]\n",
        &[(
            "style/credits.toml",
            "[image]\ncredits = ['Bild:\\s*\\S']\n[byline]\nbylines = ['^Von\\s+\\p{Lu}']\n",
        )],
        article,
    );
    assert_eq!(common::findings_of(&own, RuleId::CreditImage), vec![]);
    assert_eq!(common::findings_of(&own, RuleId::CreditByline), vec![]);
}

#[test]
fn a_bad_credit_pattern_is_a_settings_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("factlint.toml"), "style = [\"style\"]\n").unwrap();
    std::fs::create_dir_all(dir.path().join("style")).unwrap();
    std::fs::write(
        dir.path().join("style/credits.toml"),
        "[image]\ncredits = ['Photo(']\n",
    )
    .unwrap();
    let errors = Workspace::new(Overrides::default())
        .settings_for(&dir.path().join("article.md"))
        .unwrap_err();
    assert!(
        errors[0].message.starts_with("invalid pattern"),
        "{errors:?}"
    );
    assert!(errors[0].span.is_some());
}
