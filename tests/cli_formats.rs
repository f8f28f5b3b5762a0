//! The options and formats CI systems and editors use: concise, statistics, output files,
//! exit-zero, diffs and fix lists, JUnit and GitLab Code Quality (each validated against its
//! published schema, copied in tests/data), baselines, changed files and completion.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

mod common;

use common::{factlint, write};

/// One error (date-weekday) with two unsafe fixes, and one unused suppression (a warning with
/// a safe fix).
const ARTICLE: &str = "---\nauthor: Test Desk\n---\nThe vote was held on Sunday, 2023-10-16, the commission said.\n\n<!-- factlint-disable-next-line fact-office -->\nThey talked.\n";

fn run(command: &mut Command) -> (String, String, i32) {
    let output = command.output().unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
        output.status.code().unwrap(),
    )
}

#[test]
fn concise_is_one_line_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let (out, _, code) = run(factlint().args(["--format", "concise", &file]));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..2],
        [
            format!("{file}:4:22: FL101 date-weekday 2023-10-16 was a Monday, not a Sunday"),
            format!("{file}:6:1: FL901 unused-suppression this suppression of `fact-office` suppressed nothing [*]"),
        ]
    );
    assert!(
        lines[2].starts_with("Found 1 error and 1 warning in 1 file"),
        "{out}"
    );
}

#[test]
fn exit_zero_passes_with_findings_but_not_with_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    factlint().args(["--exit-zero", &file]).assert().code(0);
    factlint()
        .args(["--exit-zero", &file, "missing.md"])
        .assert()
        .code(2);
}

#[test]
fn output_file_takes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let report = dir.path().join("out/report.json");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    let (out, _, code) = run(factlint()
        .args(["--format", "json", "-o"])
        .arg(&report)
        .arg(&file));
    assert_eq!((out.as_str(), code), ("", 1));
    let value: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(value["summary"]["errors"], 1);
    let (_, err, code) = run(factlint().args(["-o", "/no/such/folder/r.txt", &file]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot write /no/such/folder/r.txt"), "{err}");
}

#[test]
fn statistics_count_findings_per_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "a.md",
        &ARTICLE.replace("They talked.", "They talked on Sunday, 2023-10-16."),
    );
    let (out, _, code) = run(factlint().args(["--statistics", &file]));
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "    2  FL101  date-weekday");
    assert_eq!(
        lines[1],
        "    1  FL901  unused-suppression      (1 fixable)"
    );
}

#[test]
fn statistics_in_json_are_one_object_per_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "a.md",
        &ARTICLE.replace("They talked.", "They talked on Sunday, 2023-10-16."),
    );
    let (out, _, code) = run(factlint().args(["--statistics", "--format", "json", &file]));
    assert_eq!(code, 1);
    let rows: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        rows,
        serde_json::json!([
            {"code": "FL101", "rule": "date-weekday", "count": 2, "fixable": 0},
            {"code": "FL901", "rule": "unused-suppression", "count": 1, "fixable": 1},
        ])
    );
}

#[test]
fn statistics_refuse_a_report_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let (out, err, code) = run(factlint().args(["--statistics", "--format", "sarif", &file]));
    assert_eq!((out.as_str(), code), ("", 2));
    assert!(
        err.contains("--statistics writes a table (human, concise) or JSON, not --format sarif"),
        "{err}"
    );
}

#[test]
fn diff_shows_fixes_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let (out, err, code) = run(factlint().args(["--diff", &file]));
    assert_eq!(code, 1);
    assert!(
        out.contains("-<!-- factlint-disable-next-line fact-office -->\n"),
        "{out}"
    );
    assert!(
        !out.contains("+The vote"),
        "unsafe fixes need --unsafe-fixes: {out}"
    );
    assert!(err.contains("Would fix 1 problem"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ARTICLE);
    let (out, _, _) = run(factlint().args(["--diff", "--unsafe-fixes", &file]));
    assert!(
        out.contains("+The vote was held on Monday, 2023-10-16"),
        "{out}"
    );
}

#[test]
fn fix_lists_what_it_changed_and_show_fixes_lists_what_it_could() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let (out, _, _) = run(factlint().args(["--show-fixes", "--format", "concise", &file]));
    assert!(out.contains(&format!("  {file}:4:22: FL101 date-weekday: Change the weekday to Monday [--fix --unsafe-fixes (unsafe)]")), "{out}");
    assert!(
        out.contains(&format!(
            "  {file}:6:1: FL901 unused-suppression: Remove the unused suppression [--fix]"
        )),
        "{out}"
    );
    let (out, err, code) = run(factlint().args(["--fix", &file]));
    assert_eq!(code, 1);
    assert!(out.contains("fixed 1 problem"), "{out}");
    assert!(
        err.contains(&format!(
            "Fixed:\n  {file}:6:1: FL901 unused-suppression: Remove the unused suppression\n"
        )),
        "{err}"
    );
}

#[test]
fn unsafe_fixes_alone_says_what_it_does() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let (out, err, _) = run(factlint().args(["--unsafe-fixes", &file]));
    assert!(
        err.contains("--unsafe-fixes changes nothing by itself"),
        "{err}"
    );
    assert!(
        out.contains("(1 fixable with --fix, 1 more with --fix --unsafe-fixes)"),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ARTICLE);
}

/// What the XSD allows for one element: child elements, attributes, required attributes.
#[derive(Debug, Default)]
struct Declared {
    children: HashSet<String>,
    attributes: HashSet<String>,
    required: HashSet<String>,
    text: bool,
}

/// The top-level element declarations of an XSD written, as junit-10.xsd is, with
/// `xs:element ref=` children, `xs:attribute` lists and `mixed` or `type="xs:string"` text.
fn read_xsd(xsd: &str) -> HashMap<String, Declared> {
    let doc = roxmltree::Document::parse(xsd).unwrap();
    let mut elements = HashMap::new();
    for element in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((XS, "element")))
    {
        let name = element.attribute("name").unwrap().to_string();
        let mut declared = Declared {
            text: element.attribute("type") == Some("xs:string"),
            ..Declared::default()
        };
        for node in element.descendants() {
            if node.has_tag_name((XS, "complexType")) && node.attribute("mixed") == Some("true") {
                declared.text = true;
            }
            if node.has_tag_name((XS, "element")) {
                if let Some(child) = node.attribute("ref") {
                    declared.children.insert(child.to_string());
                }
            }
            if node.has_tag_name((XS, "attribute")) {
                let attribute = node.attribute("name").unwrap().to_string();
                if node.attribute("use") == Some("required") {
                    declared.required.insert(attribute.clone());
                }
                declared.attributes.insert(attribute);
            }
        }
        elements.insert(name, declared);
    }
    elements
}

const XS: &str = "http://www.w3.org/2001/XMLSchema";

fn validate(node: roxmltree::Node, schema: &HashMap<String, Declared>) {
    let name = node.tag_name().name();
    let declared = schema
        .get(name)
        .unwrap_or_else(|| panic!("<{name}> is not declared by the schema"));
    for attribute in node.attributes() {
        assert!(
            declared.attributes.contains(attribute.name()),
            "<{name}> has attribute `{}` the schema does not allow",
            attribute.name()
        );
    }
    for required in &declared.required {
        assert!(
            node.attribute(required.as_str()).is_some(),
            "<{name}> lacks `{required}`"
        );
    }
    for child in node.children() {
        if child.is_element() {
            assert!(
                declared.children.contains(child.tag_name().name()),
                "<{name}> may not contain <{}>",
                child.tag_name().name()
            );
            validate(child, schema);
        } else if child.is_text() {
            assert!(
                declared.text || child.text().unwrap().trim().is_empty(),
                "<{name}> may not contain text"
            );
        }
    }
}

#[test]
fn junit_output_follows_the_junit_schema() {
    let schema = read_xsd(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/junit-10.xsd"
        ))
        .unwrap(),
    );
    assert!(
        schema["testsuite"].required.contains("tests"),
        "the schema was read"
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "a & b.md", ARTICLE);
    let good = write(
        dir.path(),
        "good.md",
        "---\nauthor: Test Desk\n---\nThe ministers met.\n",
    );
    let (out, _, code) = run(factlint().args(["--format", "junit", &bad, &good, "missing.md"]));
    assert_eq!(code, 2);
    let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    validate(root, &schema);
    // And the schema in full, by a validating XML parser.
    if common::outside_program("xmllint", "apt-get install libxml2-utils") {
        let report = dir.path().join("junit.xml");
        std::fs::write(&report, &out).unwrap();
        let xmllint = std::process::Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/data/junit-10.xsd"
            ))
            .arg(&report)
            .output()
            .unwrap();
        assert!(
            xmllint.status.success(),
            "{}\n{out}",
            String::from_utf8_lossy(&xmllint.stderr)
        );
    }
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 2);
    assert_eq!(failures[0].attribute("type"), Some("error"));
    assert!(failures[0]
        .text()
        .unwrap()
        .contains("a & b.md:4:22: FL101 date-weekday"));
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .count(),
        3
    );
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("error"))
            .count(),
        1
    );
    assert_eq!(root.attribute("tests"), Some("3"));
}

#[test]
fn gitlab_output_follows_gitlabs_schema() {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/gitlab-codeclimate.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("gitlab.json", schema).unwrap();
    let index = compiler.compile("gitlab.json", &mut schemas).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", ARTICLE);
    let (out, _, code) = run(factlint().args(["--format", "gitlab", &file]));
    assert_eq!(code, 1);
    let issues: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(issues.len(), 2);
    let mut fingerprints = HashSet::new();
    for issue in &issues {
        if let Err(error) = schemas.validate(issue, index) {
            panic!("{error:#}\n{issue:#}");
        }
        // What GitLab's documentation adds to the schema.
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["check_name"].is_string());
        assert_eq!(issue["location"]["path"], file.as_str());
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()));
    }
    assert_eq!(issues[0]["location"]["positions"]["begin"]["line"], 4);
    assert_eq!(issues[0]["severity"], "major");
}

#[test]
fn a_baseline_hides_known_findings_even_when_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "archive/a.md", ARTICLE);
    let baseline = dir.path().join("baseline.json");
    let (_, err, code) = run(factlint().arg("--write-baseline").arg(&baseline).arg(&file));
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("recorded 2 findings"), "{err}");
    // Text added above: the old findings have moved down, and a new one is added.
    let moved = ARTICLE.replace(
        "---\nThe vote",
        "---\nA new paragraph.\n\nIt closed on Friday, 2023-10-16.\n\nThe vote",
    );
    std::fs::write(&file, &moved).unwrap();
    let (out, _, code) = run(factlint()
        .arg("--baseline")
        .arg(&baseline)
        .args(["--format", "concise", &file]));
    assert_eq!(code, 1);
    let findings: Vec<&str> = out.lines().filter(|l| l.contains(": FL")).collect();
    assert_eq!(findings.len(), 1, "{out}");
    assert!(findings[0].contains(":6:14: FL101"), "{out}");
    assert!(
        out.contains("2 findings in the baseline not shown"),
        "{out}"
    );
    // With the new finding gone, the baseline makes the run pass.
    std::fs::write(&file, ARTICLE).unwrap();
    factlint()
        .arg("--baseline")
        .arg(&baseline)
        .arg(&file)
        .assert()
        .code(0);
    // A broken baseline is trouble, not a silent pass.
    std::fs::write(&baseline, "{}").unwrap();
    factlint()
        .arg("--baseline")
        .arg(&baseline)
        .arg(&file)
        .assert()
        .code(2);
}

#[test]
fn since_checks_only_files_changed_since_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args([
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    write(dir.path(), "old.md", ARTICLE);
    write(dir.path(), "edited.md", ARTICLE);
    git(&["add", "."]);
    git(&["commit", "-qm", "articles"]);
    write(
        dir.path(),
        "edited.md",
        &ARTICLE.replace("They talked.", "They talked at length."),
    );
    write(dir.path(), "new.md", ARTICLE);
    let (out, _, code) = run(factlint()
        .current_dir(dir.path())
        .args(["--since", "HEAD", "--format", "json", "."]));
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./edited.md", "./new.md"]);
    factlint()
        .current_dir(dir.path())
        .args(["--since", "no-such-revision", "."])
        .assert()
        .code(2);
}

#[test]
fn completions_offer_rule_names() {
    let (out, _, code) = run(factlint().args(["completions", "fish"]));
    assert_eq!(code, 0);
    let select = &out[out.find("-l select").unwrap()..];
    let select = &select[..select.find("\ncomplete ").unwrap_or(select.len())];
    assert!(
        select.contains("date-weekday") && select.contains("unused-suppression"),
        "{select}"
    );
    let (out, _, _) = run(factlint().args(["completions", "bash"]));
    assert!(out.contains("spelling-consistency"));
}

#[test]
fn config_excludes_paths_and_sets_rule_levels_per_path() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "factlint.toml",
        "extend-exclude = [\"drafts\", \"*.tmp.md\"]\n\n[[per-path]]\npaths = [\"archive/**\"]\nrules = { date-weekday = \"warning\", FL901 = \"off\" }\n",
    );
    let draft = write(dir.path(), "drafts/a.md", ARTICLE);
    write(dir.path(), "b.tmp.md", ARTICLE);
    write(dir.path(), "node_modules/pkg/readme.md", ARTICLE);
    write(dir.path(), "archive/b.md", ARTICLE);
    write(dir.path(), "c.md", ARTICLE);
    let (out, _, code) = run(factlint().args(["--format", "json"]).arg(dir.path()));
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&out).unwrap();
    let files: Vec<(String, Vec<(String, String)>)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|file| {
            let path = file["path"].as_str().unwrap();
            let name = path[dir.path().display().to_string().len() + 1..].to_string();
            let findings = file["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["severity"] != "info")
                .map(|d| {
                    (
                        d["rule"].as_str().unwrap().to_string(),
                        d["severity"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (name, findings)
        })
        .collect();
    let pair = |rule: &str, severity: &str| (rule.to_string(), severity.to_string());
    assert_eq!(
        files,
        [
            (
                "archive/b.md".to_string(),
                vec![pair("date-weekday", "warning")]
            ),
            (
                "c.md".to_string(),
                vec![
                    pair("date-weekday", "error"),
                    pair("unused-suppression", "warning")
                ]
            ),
        ]
    );
    // A file named on the command line is checked even when excluded.
    factlint().arg(&draft).assert().code(1);
    // A bad glob is a config error pointing at it.
    write(dir.path(), "factlint.toml", "exclude = [\"a/[b\"]\n");
    let (out, _, code) = run(factlint().args(["--format", "json"]).arg(dir.path()));
    assert_eq!(code, 2);
    assert!(out.contains("invalid glob"), "{out}");
    assert!(out.contains("(line 1, column 12)"), "{out}");
}

#[test]
fn the_readme_config_example_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = &readme[readme.find("## Configuration").unwrap()..];
    let start = section.find("```toml\n").unwrap() + "```toml\n".len();
    let text = &section[start..start + section[start..].find("```").unwrap()];
    let config = factlint::Config::parse_all(text, Path::new("/news/factlint.toml"))
        .unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(config.per_path.len(), 1);
    assert!(config.exclude.matches(Path::new("/news/drafts/a.md")));
    assert!(config
        .exclude
        .matches(Path::new("/news/x/node_modules/a.md")));
    assert!(!config.exclude.matches(Path::new("/news/a.md")));
}

#[test]
fn github_annotations_past_the_limit_go_to_the_log_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The vote was held on Sunday, 2023-10-16.\n\n".repeat(12);
    let file = write(
        dir.path(),
        "a.md",
        &format!("---\nauthor: Test Desk\n---\n{body}"),
    );
    let (out, _, code) = run(factlint().args(["--format", "github", &file]));
    assert_eq!(code, 1);
    let errors = out.lines().filter(|l| l.starts_with("::error ")).count();
    assert_eq!(errors, 10, "{out}");
    let logged: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": error: FL101"))
        .collect();
    assert_eq!(logged.len(), 2, "{out}");
    assert!(logged[1].starts_with(&format!("{file}:26:22: ")), "{out}");
    assert!(out.ends_with("::notice title=factlint::2 more findings are listed in the log only (GitHub shows 10 annotations of each kind per step)\n"), "{out}");
}
