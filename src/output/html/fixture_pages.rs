//! The HTML report over every fixture article: it renders without trouble, each finding is
//! marked in the text (or listed as outside it), and nothing from an article becomes markup.
//! A unit test because it reads one file's part of the page, which is not public.

use std::path::PathBuf;

use super::render_file;
use crate::output::OutputOptions;
use crate::settings::Settings;

fn fixtures() -> Vec<PathBuf> {
    let mut files = Vec::new();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for rule in std::fs::read_dir(&root).unwrap() {
        for kind in ["fire", "silent"] {
            let dir = rule.as_ref().unwrap().path().join(kind);
            if let Ok(entries) = std::fs::read_dir(&dir) {
                files.extend(entries.map(|e| e.unwrap().path()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_fixture_renders_with_each_finding_marked_or_listed() {
    let settings = Settings::embedded();
    let options = OutputOptions {
        verbose: true,
        ..OutputOptions::default()
    };
    let mut findings = 0;
    for path in fixtures() {
        let source = std::fs::read_to_string(&path).unwrap();
        let report = crate::check_source("article.md", &source, &settings);
        let mut next_id = 0;
        let page = render_file(&report, &options, &mut next_id);
        assert_eq!(next_id, report.diagnostics.len(), "{}", path.display());
        for id in 1..=next_id {
            findings += 1;
            let item_start = page
                .find(&format!("<li id=\"d{id}\""))
                .unwrap_or_else(|| panic!("{}: finding {id} not listed", path.display()));
            let item = &page[item_start..];
            let item = &item[..item.find("</li>").unwrap()];
            let anchored = page.contains(&format!("<span class=\"anchor\" id=\"f{id}\"></span>"));
            assert!(
                anchored || item.contains("class=\"unmarked\""),
                "{}: finding {id} neither marked nor listed as outside the text",
                path.display()
            );
        }
        // The only elements are the report's own.
        for tag in [
            "<script", "<img", "<iframe", "<style", "<object", "<embed", "<svg",
        ] {
            assert!(!page.contains(tag), "{}: {tag} in the page", path.display());
        }
    }
    assert!(findings > 30, "only {findings} findings in the fixtures");
}
