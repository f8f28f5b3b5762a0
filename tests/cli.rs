//! The built binary, as users and CI scripts run it: exit codes, formats, standard input,
//! bad inputs among good ones, configuration errors, and `--fix`.

mod common;

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// An article with one unused suppression: a warning with a safe fix, on line 5.
const UNUSED: &str = "---\nauthor: Test Desk\n---\nThe ministers met.\n<!-- factlint-disable-next-line date-weekday -->\nThey talked.\n";

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command.env_remove("NO_COLOR").env("COLUMNS", "80");
    command
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn json_of(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "not JSON ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

/// The first finding of `rule` in a JSON file entry.
fn finding<'v>(file: &'v Value, rule: &str) -> &'v Value {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no `{rule}` in {file:#}"))
}

fn validate_against_schema(value: &Value) {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("docs/json-output.schema.json")).unwrap(),
    )
    .unwrap();
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("file:///json-output.schema.json", schema)
        .unwrap();
    let index = compiler
        .compile("file:///json-output.schema.json", &mut schemas)
        .unwrap();
    if let Err(error) = schemas.validate(value, index) {
        panic!("output does not match the schema: {error:#}\n{value:#}");
    }
}

#[test]
fn clean_article_exits_zero_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "ok.md",
        "---\nauthor: A\n---\nThe ministers met.\n",
    );
    factlint()
        .arg(&file)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
}

#[test]
fn warnings_exit_zero_unless_denied() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", UNUSED);
    factlint()
        .args(["--color", "never", &file])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("unused-suppression"))
        .stdout(predicate::str::contains(
            "Found 1 warning in 1 file (1 fixable with --fix).",
        ));
    factlint().args(["--deny-warnings", &file]).assert().code(1);
}

#[test]
fn errors_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "factlint.toml",
        "[rules]\nunused-suppression = \"error\"\n",
    );
    let file = write(dir.path(), "a.md", UNUSED);
    factlint().arg(&file).assert().code(1);
}

#[test]
fn a_bad_file_among_good_ones_is_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.md", UNUSED);
    write(
        dir.path(),
        "bad.md",
        b"# Title\n\nCaf\xe9 society.\n".as_slice(),
    );
    let output = factlint()
        .args(["--format", "json", &dir.path().display().to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json = json_of(&output);
    validate_against_schema(&json);
    let files: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 1);
    assert!(files[0].ends_with("good.md"));
    finding(&json["files"][0], "unused-suppression");
    let error = &json["errors"][0];
    assert!(error["path"].as_str().unwrap().ends_with("bad.md"));
    assert_eq!(
        error["message"],
        "not valid UTF-8 at byte 12 (line 3, column 4)"
    );
}

#[test]
fn missing_paths_are_errors_naming_the_path() {
    factlint()
        .arg("no/such/article.md")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/article.md"))
        .stderr(predicate::str::contains("no such file or folder"));
}

#[test]
fn json_output_matches_the_contract_field_for_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", UNUSED);
    let output = factlint()
        .args(["--format", "json", "--date", "2022-11-30", &file])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json = json_of(&output);
    validate_against_schema(&json);
    let file_json = &json["files"][0];
    assert_eq!(file_json["publication_date"], "2022-11-30");
    assert_eq!(file_json["publication_date_source"], "cli");
    let diagnostic = finding(file_json, "unused-suppression");
    let offset = UNUSED.find("<!--").unwrap();
    assert_eq!(diagnostic["code"], "FL901");
    assert_eq!(diagnostic["severity"], "warning");
    assert_eq!(diagnostic["start"]["offset"], offset);
    assert_eq!(diagnostic["start"]["line"], 5);
    assert_eq!(diagnostic["start"]["column"], 1);
    assert_eq!(diagnostic["fix"]["applicability"], "safe");
    assert_eq!(diagnostic["fix"]["edits"][0]["start"], offset);
    assert_eq!(diagnostic["fix"]["edits"][0]["replacement"], "");
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(json["summary"]["fixable"], 1);
    assert_eq!(json["summary"]["files"], 1);
}

/// JSON and SARIF are written as they are rendered, file by file and finding by finding; the
/// bytes are still exactly those of the whole document pretty-printed as one value (keys
/// sorted, two-space indent, a final newline), as they were when it was built in memory.
#[test]
fn json_and_sarif_are_streamed_as_one_pretty_printed_value() {
    let fixtures = common::test_file("fixtures").display().to_string();
    for format in ["json", "sarif"] {
        let output = factlint()
            .args(["--format", format, "--verbose", &fixtures, "no/such.md"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{format}");
        let text = String::from_utf8(output.stdout).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert!(text.len() > 100_000, "{format}: the fixtures' findings");
        assert_eq!(
            text,
            format!("{}\n", serde_json::to_string_pretty(&value).unwrap()),
            "{format}"
        );
    }
}

#[test]
fn front_matter_dates_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "a.md",
        "+++\npublished = 2012-05-03\nauthor = \"A\"\n+++\nText.\n",
    );
    let output = factlint()
        .args(["--format", "json", &file])
        .output()
        .unwrap();
    let json = json_of(&output);
    assert_eq!(json["files"][0]["publication_date"], "2012-05-03");
    assert_eq!(json["files"][0]["publication_date_source"], "front-matter");
}

#[test]
fn standard_input_uses_the_given_name() {
    factlint()
        .args(["--format", "json", "--stdin-filename", "desk/story.md", "-"])
        .write_stdin(UNUSED)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"path\": \"desk/story.md\""))
        .stdout(predicate::str::contains("unused-suppression"));
}

#[test]
fn github_annotations_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a,b.md", UNUSED);
    let output = factlint()
        .args(["--format", "github", &file])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let line = text.lines().next().unwrap();
    assert!(line.starts_with("::warning file="), "{line}");
    assert!(line.contains("a%2Cb.md,line=5,col=1,endLine=5,endColumn=49,title=factlint FL901 unused-suppression::"), "{line}");
    assert!(line.contains("%0Aremove the comment"), "{line}");
}

#[test]
fn select_and_ignore_choose_rules() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", UNUSED);
    factlint()
        .args(["--ignore", "FL901", "--deny-warnings", &file])
        .assert()
        .code(0);
    factlint()
        .args([
            "--select",
            "unused-suppression,date-weekday",
            "--deny-warnings",
            &file,
        ])
        .assert()
        .code(1);
    factlint()
        .args(["--select", "date-wekday", &file])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `date-weekday`?"));
}

#[test]
fn config_errors_point_into_the_file_and_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "factlint.toml",
        "[rules]\ndate-weekdy = \"off\"\n",
    );
    let file = write(dir.path(), "a.md", UNUSED);
    // The place is read from the JSON report, not from the rendered one, whose lines wrap
    // where the temporary folder's path is long.
    let output = factlint()
        .args(["--format", "json", &file])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let error = &report["errors"][0];
    assert!(error["path"].as_str().unwrap().ends_with("factlint.toml"));
    assert_eq!(
        error["message"],
        "unknown rule `date-weekdy`; did you mean `date-weekday`? (line 2, column 1)"
    );
}

#[test]
fn missing_style_and_fact_folders_are_config_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", UNUSED);
    for (config, message) in [
        (
            "dialect = \"en-GB\"\nstyle = [\"house-style\"]\n",
            "style folder `house-style` does not exist (line 2, column 10)",
        ),
        (
            "facts = [\"our-facts\"]\n",
            "fact folder `our-facts` does not exist (line 1, column 10)",
        ),
    ] {
        write(dir.path(), "factlint.toml", config);
        let output = factlint()
            .args(["--format", "json", &file])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2));
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["errors"][0]["message"], message);
    }
}

#[test]
fn explicit_config_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let config = write(dir.path(), "house.toml", "[rules]\nFL901 = \"off\"\n");
    let file = write(dir.path(), "a.md", UNUSED);
    factlint()
        .args(["--config", &config, "--deny-warnings", &file])
        .assert()
        .code(0);
    factlint()
        .args(["--config", "missing.toml", &file])
        .assert()
        .code(2);
}

#[test]
fn fix_applies_safe_fixes_once_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.md", UNUSED);
    factlint()
        .args(["--fix", &file])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("fixed 1 problem"));
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        fixed,
        "---\nauthor: Test Desk\n---\nThe ministers met.\nThey talked.\n"
    );
    factlint().args(["--fix", &file]).assert().code(0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text() {
    factlint()
        .args(["--fix", "-"])
        .write_stdin(UNUSED)
        .assert()
        .code(0)
        .stdout("---\nauthor: Test Desk\n---\nThe ministers met.\nThey talked.\n");
}

#[test]
fn crlf_and_byte_order_marks_keep_positions_right() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}{}", UNUSED.replace('\n', "\r\n"));
    let file = write(dir.path(), "a.md", &text);
    let output = factlint()
        .args(["--format", "json", &file])
        .output()
        .unwrap();
    let json = json_of(&output);
    let diagnostic = finding(&json["files"][0], "unused-suppression");
    assert_eq!(diagnostic["start"]["line"], 5);
    assert_eq!(diagnostic["start"]["column"], 1);
    assert_eq!(diagnostic["start"]["offset"], text.find("<!--").unwrap());
}

#[test]
fn broken_front_matter_is_an_error_but_the_body_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "a.md",
        "---\ntitle: [unclosed\nauthor: A\n---\nThe ministers met.\n<!-- factlint-disable-next-line date-weekday -->\nThey talked.\n",
    );
    let output = factlint()
        .args(["--format", "json", &file])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json = json_of(&output);
    validate_against_schema(&json);
    finding(&json["files"][0], "unused-suppression");
    let message = json["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("front matter is not valid YAML"),
        "{message}"
    );
    assert!(message.contains("(line "), "{message}");
}

#[test]
fn folder_loops_are_reported_and_the_walk_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sub/a.md", UNUSED);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let output = factlint()
        .args(["--format", "json", &dir.path().display().to_string()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let json = json_of(&output);
    assert_eq!(json["files"].as_array().unwrap().len(), 1);
    assert!(json["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("folder loop"));
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "image.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00".as_slice(),
    );
    factlint()
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("binary file"));
}

#[test]
fn globs_expand() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one.md", UNUSED);
    write(dir.path(), "two.md", UNUSED);
    write(dir.path(), "skip.txt", UNUSED);
    let pattern = format!("{}/*.md", dir.path().display());
    let output = factlint()
        .args(["--format", "json", &pattern])
        .output()
        .unwrap();
    assert_eq!(json_of(&output)["summary"]["files"], 2);
}

#[test]
fn rules_and_explain() {
    let output = factlint()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules = json_of(&output);
    let names: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"date-weekday") && names.contains(&"unused-suppression"));
    factlint()
        .args(["explain", "FL901"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("# unused-suppression (FL901)"))
        .stdout(predicate::str::contains("## Why it matters"));
    factlint()
        .args(["explain", "speling-consistency"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `spelling-consistency`?",
        ));
}

#[test]
fn the_readme_rule_table_matches_factlint_rules() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    for meta in factlint::all_metas() {
        let row = format!(
            "| {} | `{}` | {} | {} |",
            meta.code, meta.name, meta.default_severity, meta.summary
        );
        assert!(readme.contains(&row), "README.md lacks the row:\n{row}");
    }
    let rows = readme.lines().filter(|l| l.starts_with("| FL")).count();
    assert_eq!(
        rows,
        factlint::all_metas().len(),
        "README lists rules that do not exist"
    );
}
