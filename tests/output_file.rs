//! `--output-file`: the report goes to the file, whole, in any format; a file that cannot be
//! written is trouble (exit 2) and leaves nothing half-written behind.

use std::process::Command;

fn factlint() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_factlint"));
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn the_file_holds_what_standard_output_would() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "sarif", "github", "human"] {
        let file = dir.path().join(format!("report.{format}"));
        std::fs::write(
            &file,
            "an older, longer report that must not survive\n".repeat(50),
        )
        .unwrap();
        let to_file = factlint()
            .args([
                "--format",
                format,
                "examples/nato-bucharest.md",
                "--output-file",
            ])
            .arg(&file)
            .output()
            .unwrap();
        let to_stdout = factlint()
            .args(["--format", format, "examples/nato-bucharest.md"])
            .output()
            .unwrap();
        assert_eq!(to_file.status.code(), to_stdout.status.code(), "{format}");
        assert!(to_file.stdout.is_empty(), "{format}: printed to stdout too");
        assert_eq!(std::fs::read(&file).unwrap(), to_stdout.stdout, "{format}");
    }
}

#[test]
fn an_unwritable_file_is_trouble_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("missing-folder/report.html");
    let output = factlint()
        .args(["--format", "html", "examples/nato-bucharest.md", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("missing-folder/report.html"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_html_report_names_a_file_that_could_not_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    let output = factlint()
        .args([
            "--format",
            "html",
            "examples/nato-bucharest.md",
            "no-such-article.md",
            "-o",
        ])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(
        html.contains(
            "<p class=\"input-error\" role=\"alert\"><strong>no-such-article.md</strong>"
        ),
        "{html}"
    );
    assert!(html.contains("<h2 class=\"path\">examples/nato-bucharest.md</h2>"));
}

#[test]
fn the_html_report_of_several_articles_links_each_with_findings() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.md");
    std::fs::write(&clean, "---\nauthor: Jane Doe\n---\nThe ministers met.\n").unwrap();
    let file = dir.path().join("report.html");
    let output = factlint()
        .args(["--format", "html", "examples/nato-bucharest.md", "-o"])
        .arg(&file)
        .arg(&clean)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let html = std::fs::read_to_string(&file).unwrap();
    // The article with findings is listed and linked to its section; the clean one is counted.
    let entry = ">examples/nato-bucharest.md</a>: 0 errors, 2 warnings</li>";
    let at = html.find(entry).unwrap_or_else(|| panic!("{html}"));
    let link = &html[..at];
    let marker = "<li><a href=\"#";
    let target = &link[link.rfind(marker).unwrap() + marker.len()..link.len() - 1];
    assert!(
        html.contains(&format!(
            "<div id=\"{target}\"><article class=\"file\" aria-label=\"examples/nato-bucharest.md\">"
        )),
        "{target}: {html}"
    );
    assert_eq!(html.matches("<li><a href=\"#file-").count(), 1, "{html}");
    assert!(
        html.contains("<p class=\"totals\">1 article without findings"),
        "{html}"
    );
}

#[test]
fn a_special_file_is_written_as_it_is() {
    // Not replaced by a rename: /dev/stdout stays a device, and the report arrives through it.
    let output = factlint()
        .args([
            "--format",
            "json",
            "examples/nato-bucharest.md",
            "-o",
            "/dev/stdout",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["version"], 1);
}
