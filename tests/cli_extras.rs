//! `factlint completions SHELL` and `factlint man` produce what shells and `man` read.

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
