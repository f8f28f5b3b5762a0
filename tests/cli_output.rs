//! What people and CI systems read: the human rendering of the bundled example (short, and
//! narrow enough for a terminal), long lines cut to a window, and columns that agree across
//! every format on a line with non-ASCII text before the finding.

use assert_cmd::Command;
use serde_json::Value;

fn factlint() -> Command {
    let mut command = Command::cargo_bin("factlint").unwrap();
    command
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn stdout(command: &mut Command) -> String {
    String::from_utf8(command.output().unwrap().stdout).unwrap()
}

#[test]
fn the_bundled_example_fits_a_terminal() {
    let out = stdout(factlint().args(["--color", "never", "examples/nato-bucharest.md"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() <= 25, "{} lines:\n{out}", lines.len());
    for line in &lines {
        assert!(line.chars().count() <= 120, "too wide: {line}");
    }
    insta::assert_snapshot!("example_human_100_columns", out);
}

#[test]
fn a_two_megabyte_line_prints_one_window() {
    let dir = tempfile::tempdir().unwrap();
    let filler = "The ministers talked about the harbour and the weather. ".repeat(36_000);
    let article = format!(
        "---\nauthor: Test Desk\n---\n{filler}The vote was held on Sunday, 2023-10-16, the commission said. {filler}\n"
    );
    assert!(article.len() > 4_000_000);
    let path = dir.path().join("long.md");
    std::fs::write(&path, &article).unwrap();
    let out = stdout(factlint().args(["--color", "never"]).arg(&path));
    assert!(out.len() < 2_000, "{} bytes of output", out.len());
    assert!(out.contains("held on Sunday, 2023-10-16"), "{out}");
    assert!(out.lines().all(|line| line.chars().count() <= 120), "{out}");
}

#[test]
fn columns_agree_across_formats_after_non_ascii_text() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        "---\nauthor: Zoë Ørsted\n---\nAt the café — Zoë’s “office” — the vote was held on Sunday, 2023-10-16.\n";
    let path = dir.path().join("a.md");
    std::fs::write(&path, article).unwrap();
    let line = article.lines().nth(3).unwrap();
    let byte = line.find("Sunday").unwrap();
    let column = line[..byte].chars().count() + 1;
    assert_ne!(
        column,
        byte + 1,
        "the test needs multi-byte text before the finding"
    );
    let expected = format!("4:{column}");

    let human = stdout(factlint().args(["--color", "never"]).arg(&path));
    assert!(
        human.contains(&format!("a.md:{expected} (date-weekday)")),
        "{human}"
    );

    let json: Value =
        serde_json::from_str(&stdout(factlint().args(["--format", "json"]).arg(&path))).unwrap();
    let finding = &json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "date-weekday")
        .unwrap()["start"];
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(4), Some(column as u64))
    );

    let github = stdout(factlint().args(["--format", "github"]).arg(&path));
    assert!(
        github.contains(&format!("line=4,col={column},")),
        "{github}"
    );

    let concise = stdout(factlint().args(["--format", "concise"]).arg(&path));
    assert!(
        concise.contains(&format!("a.md:{expected}: FL101 date-weekday ")),
        "{concise}"
    );

    let sarif: Value =
        serde_json::from_str(&stdout(factlint().args(["--format", "sarif"]).arg(&path))).unwrap();
    let region = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "FL101" || r["ruleId"] == "date-weekday")
        .unwrap()["locations"][0]["physicalLocation"]["region"]
        .clone();
    assert_eq!(
        region["startColumn"].as_u64(),
        Some(column as u64),
        "{region:#}"
    );
}

#[test]
fn one_block_lists_every_minority_spelling_while_each_finding_still_counts() {
    let dir = tempfile::tempdir().unwrap();
    let article = "---\nauthor: Test Desk\n---\nThe defence of the harbour and the colour of the flag. The organisation met.\n\nThe defense minister spoke about defense. The color guard waited.\n\nThe labour party and the centre favoured it.\n";
    let path = dir.path().join("a.md");
    std::fs::write(&path, article).unwrap();
    let human = stdout(factlint().args(["--color", "never"]).arg(&path));
    assert_eq!(human.matches("warning[FL601]").count(), 1, "{human}");
    let words = human.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("; also \"defense\", \"color\""), "{human}");
    assert!(
        human.contains("│     ^^^^^^^                      ^^^^^^^      ^^^^^\n"),
        "{human}"
    );
    assert!(
        human.contains("Found 3 warnings in 1 file (3 fixable with --fix)."),
        "{human}"
    );
    let concise = stdout(factlint().args(["--format", "concise"]).arg(&path));
    assert_eq!(concise.matches(": FL601 ").count(), 3, "{concise}");
}
