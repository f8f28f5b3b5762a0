//! The library's public API is what `src/lib.rs` re-exports, and only that: every module is
//! private except the two `#[doc(hidden)]` hatches (`fuzz` for the fuzz targets, `internals`
//! for the benchmarks). The first test fails when an item is exported or dropped without this
//! list (and `docs/architecture.md`) changing with it; the second uses each item the way a
//! program that lints articles would, so a change of signature fails here first.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use factlint::{
    all_metas, apply_fixes, check_bytes, check_source, render_html, render_human, render_json,
    render_sarif, Applicability, Config, DateSource, Diagnostic, Dialect, Edit, FactBase,
    FileReport, Fix, InputError, Label, OutputOptions, Overrides, PathGlobs, PublicationDate,
    RuleId, RuleLevel, RuleMeta, RuleSelection, RunReport, Settings, Severity, Span, StyleData,
    Summary, Workspace,
};

/// Every public name of the crate root.
const PUBLIC: &[&str] = &[
    "Applicability",
    "Config",
    "DateSource",
    "Diagnostic",
    "Dialect",
    "Edit",
    "FactBase",
    "FileReport",
    "Fix",
    "InputError",
    "Label",
    "OutputOptions",
    "Overrides",
    "PathGlobs",
    "PublicationDate",
    "RuleId",
    "RuleLevel",
    "RuleMeta",
    "RuleSelection",
    "RunReport",
    "Settings",
    "Severity",
    "Span",
    "StyleData",
    "Summary",
    "Workspace",
    "all_metas",
    "apply_fixes",
    "check_bytes",
    "check_source",
    "render_html",
    "render_human",
    "render_json",
    "render_sarif",
    "run_cli",
];

/// The public modules, each hidden from the documentation and not API.
const HATCHES: &[&str] = &["fuzz", "internals"];

/// The names a `pub use` line (or block) of `src/lib.rs` exports: the last segment of each
/// path, or the name after `as`.
fn exported_names(lib: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut names = BTreeSet::new();
    let mut modules = BTreeSet::new();
    let mut statement = String::new();
    for line in lib.lines().map(str::trim) {
        if let Some(module) = line
            .strip_prefix("pub mod ")
            .and_then(|rest| rest.strip_suffix(';'))
        {
            modules.insert(module.to_string());
            continue;
        }
        assert!(
            !line.starts_with("pub ") || line.starts_with("pub use "),
            "an item defined in the crate root: {line}"
        );
        assert!(
            !line.starts_with("pub(crate) mod"),
            "modules are private (plain `mod`): {line}"
        );
        if line.starts_with("pub use ") || !statement.is_empty() {
            statement.push_str(line);
            statement.push(' ');
            if !line.ends_with(';') {
                continue;
            }
            let paths = statement.trim_start_matches("pub use ").trim_end();
            let paths = paths.trim_end_matches(';');
            let (prefix, list) = match paths.find('{') {
                Some(open) => (&paths[..open], &paths[open + 1..paths.rfind('}').unwrap()]),
                None => ("", paths),
            };
            assert!(!prefix.contains('{'), "nested braces: {statement}");
            for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                let name = match item.split_once(" as ") {
                    Some((_, alias)) => alias.trim(),
                    None => item.rsplit("::").next().unwrap().trim(),
                };
                names.insert(name.to_string());
            }
            statement.clear();
        }
    }
    (names, modules)
}

#[test]
fn the_crate_root_exports_exactly_the_listed_items() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    let (names, modules) = exported_names(&lib);
    let expected: BTreeSet<String> = PUBLIC.iter().map(|s| s.to_string()).collect();
    assert_eq!(names, expected, "src/lib.rs exports");
    let hatches: BTreeSet<String> = HATCHES.iter().map(|s| s.to_string()).collect();
    assert_eq!(modules, hatches, "public modules of src/lib.rs");
    for hatch in HATCHES {
        assert!(
            lib.contains(&format!("#[doc(hidden)]\npub mod {hatch};")),
            "`{hatch}` is hidden from the documentation"
        );
    }
    assert!(lib.contains("#![deny(missing_docs)]"));
}

#[test]
fn the_scanner_reads_single_grouped_and_renamed_exports() {
    let (names, modules) = exported_names(
        "mod a;\n#[doc(hidden)]\npub mod b;\npub use a::One;\npub use a::{\n    Two, three as Four,\n};\npub use a::x::five as six;\n",
    );
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["Four", "One", "Two", "six"]
    );
    assert_eq!(modules.into_iter().collect::<Vec<_>>(), ["b"]);
}

const ARTICLE: &str = "---\nauthor: Test Desk\ndate: 2022-11-30\n---\n\
    The allies met on Tuesday, Nov. 28, 2022.\n";

/// A program that lints an article reads its findings, fixes it, and renders the report.
#[test]
fn a_program_checks_fixes_and_reports_through_the_public_api() {
    let config: Config = Config::parse_all(
        "dialect = \"en-US\"\nexclude = [\"drafts\"]\n[rules]\nfact-office = \"off\"\n",
        Path::new("factlint.toml"),
    )
    .expect("a valid config");
    assert_eq!(config.dialect, Some(Dialect::American));
    let level: Option<&RuleLevel> = config.rules.get(&RuleId::FactOffice);
    assert_eq!(level, Some(&RuleLevel::Off));
    let exclude: &PathGlobs = &config.exclude;
    assert_eq!(exclude.patterns, ["drafts"]);
    assert!(exclude.matches(Path::new("drafts/a.md")));
    assert!(!exclude.matches(Path::new("news/a.md")));
    let facts: Arc<FactBase> = FactBase::embedded();
    let style: Arc<StyleData> = StyleData::embedded();
    let mut settings = Settings::new(config, facts, style);
    settings.selection = RuleSelection::default();
    assert!(settings.is_enabled(RuleId::DateWeekday));

    let report: FileReport = check_source("article.md", ARTICLE, &settings);
    assert!(report.checked && report.errors.is_empty(), "{report:?}");
    let publication: &PublicationDate = report.publication.as_ref().unwrap();
    assert_eq!(publication.date.to_string(), "2022-11-30");
    assert!(matches!(publication.source, DateSource::FrontMatter(_)));
    let weekday: &Diagnostic = report
        .diagnostics
        .iter()
        .find(|d| d.rule == RuleId::DateWeekday)
        .expect("Nov. 28, 2022 was a Monday");
    assert_eq!(weekday.severity, Severity::Error);
    let span: Span = weekday.span;
    assert!(span.text(ARTICLE).contains("Tuesday"), "{span:?}");
    let labels: &[Label] = &weekday.labels;
    let fix: &Fix = weekday.applicable_fix(true).expect("a fix");
    let edit: &Edit = &fix.edits[0];
    assert!(matches!(
        fix.applicability,
        Applicability::Safe | Applicability::Unsafe
    ));
    assert!(edit.span.end <= ARTICLE.len(), "{labels:?}");
    let (fixed, applied) = apply_fixes(ARTICLE, &report.diagnostics, true);
    assert!(applied >= 1);
    assert!(fixed.contains("Monday, Nov. 28, 2022"), "{fixed}");

    let same = check_bytes("article.md", ARTICLE.as_bytes(), &settings);
    assert_eq!(same.diagnostics, report.diagnostics);
    let not_text = check_bytes("bad.md", b"\xff\xfe\xfd", &settings);
    let error: &InputError = &not_text.errors[0];
    assert!(!not_text.checked && error.path == "bad.md");

    let meta: &RuleMeta = RuleId::DateWeekday.meta();
    assert_eq!(meta.name, "date-weekday");
    assert_eq!(all_metas().len(), RuleId::ALL.len());

    let run = RunReport {
        files: vec![report],
        ..RunReport::default()
    };
    let summary: Summary = run.summary(false);
    assert_eq!(summary.files, 1);
    assert!(summary.errors >= 1);
    let options = OutputOptions::default();
    let json: serde_json::Value = serde_json::from_str(&render_json(&run, false)).unwrap();
    assert_eq!(json["files"][0]["path"], "article.md");
    let sarif: serde_json::Value = serde_json::from_str(&render_sarif(&run, &options)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let (out, _) = render_human(&run, &options);
    assert!(out.contains("date-weekday"), "{out}");
    assert!(render_html(&run, &options).contains("date-weekday"));
}

/// Settings found per article the way the command line finds them.
#[test]
fn a_workspace_finds_each_articles_settings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("factlint.toml"),
        "[rules]\ndate-weekday = \"off\"\n",
    )
    .unwrap();
    let article = dir.path().join("article.md");
    std::fs::write(&article, ARTICLE).unwrap();
    let workspace = Workspace::new(Overrides::default());
    let settings = workspace.settings_for(&article).expect("the config loads");
    assert!(!settings.is_enabled(RuleId::DateWeekday));
    let report = check_source("article.md", ARTICLE, &settings);
    assert!(report
        .diagnostics
        .iter()
        .all(|d| d.rule != RuleId::DateWeekday));
}

/// The binary is this one call.
#[test]
fn the_command_line_is_one_function() {
    let run: fn() -> std::process::ExitCode = factlint::run_cli;
    let _ = run;
}
