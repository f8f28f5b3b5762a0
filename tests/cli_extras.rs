//! `factlint completions SHELL` and `factlint man` produce what shells and `man` read; the
//! pre-commit hooks and the example GitHub workflow run command lines factlint accepts; a
//! reader that goes away early (`| head -1`) ends the output without a panic.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use assert_cmd::Command;

fn factlint(args: &[&str]) -> (String, i32) {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(output.stdout).unwrap(),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn completions_cover_every_shell_and_know_the_subcommands() {
    // What each shell's script looks like at its start.
    let shells = [
        ("bash", "_factlint()"),
        ("zsh", "#compdef factlint"),
        ("fish", "complete -c factlint"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "set edit:completion:arg-completer[factlint]"),
    ];
    for (shell, marker) in shells {
        let (script, code) = factlint(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains(marker), "{shell}: {script}");
        for word in ["explain", "lsp", "format", "deny-warnings"] {
            assert!(script.contains(word), "{shell} completions lack `{word}`");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let (script, code) = factlint(&["completions", "nosh"]);
    assert_eq!(code, 2);
    assert!(script.is_empty());
}

#[test]
fn the_man_page_is_roff_with_every_section() {
    let (page, code) = factlint(&["man"]);
    assert_eq!(code, 0);
    assert!(page.contains(".TH factlint 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS"] {
        assert!(page.contains(section), "no `{section}`");
    }
    assert!(page.contains("fact\\-check"), "the description");
    assert!(page.contains("\\-\\-deny\\-warnings"), "the options");
    assert!(page.contains("Exit codes"), "the exit codes");
}

/// A file with one stale suppression (a warning with a safe fix) in a folder of its own.
fn stale_article() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(
        &path,
        "---\nauthor: Ana\n---\n<!-- factlint-disable-next-line date-weekday -->\nFine.\n",
    )
    .unwrap();
    (dir, path)
}

fn read_yaml(relative: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The arguments after `factlint` in a hook's entry or a workflow's command line.
fn factlint_args(command: &str) -> Vec<&str> {
    let mut words = command.split_whitespace();
    assert_eq!(words.next(), Some("factlint"), "{command}");
    words
        .take_while(|word| !matches!(*word, ">" | ">>" | "||"))
        .collect()
}

#[test]
fn pre_commit_hooks_run_factlint_on_the_files_they_are_given() {
    let hooks = read_yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["factlint", "factlint-fix"]);
    for hook in hooks {
        assert_eq!(hook["language"], "rust");
        assert_eq!(hook["types"], serde_json::json!(["markdown"]));
        let (_dir, path) = stale_article();
        let mut args = factlint_args(hook["entry"].as_str().unwrap());
        let file = path.to_str().unwrap();
        args.push(file);
        let (_, code) = factlint(&args);
        assert_eq!(code, 0, "{args:?}: a warning does not fail the hook");
        let fixed = !std::fs::read_to_string(&path)
            .unwrap()
            .contains("factlint-disable");
        assert_eq!(fixed, hook["id"] == "factlint-fix", "{args:?}");
    }
}

#[test]
fn the_example_workflow_annotates_and_uploads_sarif() {
    let workflow = read_yaml("docs/examples/factlint.yml");
    let job = &workflow["jobs"]["factlint"];
    assert_eq!(job["permissions"]["security-events"], "write");
    let steps = job["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    let commands: Vec<&str> = runs
        .iter()
        .flat_map(|run| run.lines())
        .map(str::trim)
        .filter(|line| line.starts_with("factlint "))
        .collect();
    assert!(commands.iter().any(|c| c.contains("--format github")));
    let sarif = commands
        .iter()
        .find(|c| c.contains("--format sarif"))
        .expect("a SARIF step");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .expect("an upload-sarif step");
    let report = upload["with"]["sarif_file"].as_str().unwrap();
    assert!(
        sarif.contains(&format!("--output-file {report} ")) && sarif.ends_with("|| status=$?"),
        "{sarif}"
    );
    // Every variable is quoted, and the list of articles is split into an array first.
    for run in &runs {
        for line in run.lines().filter(|l| l.trim().starts_with("factlint ")) {
            for word in line.split_whitespace() {
                assert!(
                    !word.starts_with('$') || word.starts_with("$("),
                    "unquoted variable in: {line}"
                );
            }
        }
    }
    // The command lines are ones factlint accepts (on a pull request and on main).
    let (dir, path) = stale_article();
    let sarif_path = dir.path().join("factlint.sarif");
    for since in [None, Some("HEAD")] {
        for command in &commands {
            let mut args: Vec<&str> = Vec::new();
            for word in factlint_args(command) {
                match word {
                    "\"${articles[@]}\"" => args.push(path.to_str().unwrap()),
                    "\"${since[@]}\"" => {
                        if let Some(since) = since {
                            args.extend(["--since", since]);
                        }
                    }
                    "factlint.sarif" => args.push(sarif_path.to_str().unwrap()),
                    other => args.push(other),
                }
            }
            let (_, code) = factlint(&args);
            assert_eq!(code, 0, "{command}");
        }
    }
    // Pull requests check only what they change; the binary is cached; cargo installs locked.
    let text = runs.join("\n");
    assert!(text.contains("FACTLINT_SINCE=origin/$GITHUB_BASE_REF"));
    assert!(text.contains("cargo install --locked"));
    assert!(steps.iter().any(|s| s["uses"]
        .as_str()
        .is_some_and(|u| u.starts_with("actions/cache@"))));
}

/// The write end of a pipe whose read end is already closed, so that the first write fails
/// with a broken pipe whatever the timing. (`std::io::pipe` is newer than the crate's minimum
/// Rust: the pipe to the standard input of a process that has exited without reading it
/// serves.)
fn closed_pipe() -> Stdio {
    let mut reader = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .arg("--version")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let write_end = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    Stdio::from(write_end)
}

fn examples() -> String {
    format!("{}/examples", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_closed_standard_output_ends_the_run_quietly_with_the_usual_exit_code() {
    let examples = examples();
    let commands: Vec<Vec<&str>> = vec![
        vec!["explain", "fact-count"],
        vec!["man"],
        vec!["rules"],
        vec!["rules", "--format", "json"],
        vec!["completions", "bash"],
        vec!["facts", "check"],
        vec![&examples, "--format", "json"],
        vec![&examples, "--format", "human"],
        vec![&examples, "--format", "sarif"],
        vec![&examples, "--format", "github"],
    ];
    for args in commands {
        let (_, usual) = factlint(&args);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args(&args)
            .stdout(closed_pipe())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(usual), "{args:?}: {stderr}");
    }
}

#[test]
fn a_reader_that_stops_after_one_line_does_not_make_factlint_panic() {
    // Far more than a pipe holds (64 KiB on Linux), so factlint is still writing when the
    // reader goes away, as with `factlint content/ | head -1`.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.md");
    let line =
        "The ministers met on Tuesday (Nov. 28, 2022) and again on Monday (Nov. 28, 2022).\n\n";
    std::fs::write(
        &path,
        format!("---\nauthor: Ana\n---\n{}", line.repeat(2_000)),
    )
    .unwrap();
    for format in ["human", "json"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
            .args([
                path.to_str().unwrap(),
                "--format",
                format,
                "--color",
                "never",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty(), "{format}");
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(output.status.code(), Some(1), "{format}: {stderr}");
    }
}
