//! A real editor: headless Neovim opens the example article with `factlint lsp` as its
//! language server (`tests/neovim/init.lua`), reads back the diagnostics it displays, and
//! applies a quick fix. `.ci/run` installs Neovim. Without `nvim` on the `PATH` the test
//! fails in CI and says it is skipped elsewhere (`common::outside_program`);
//! `FACTLINT_SKIP_NEOVIM=1` skips it on purpose.

mod common;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Neovim's own waits are bounded by this; the process as a whole by twice as much.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The stale suppression the test adds to the article (nothing on the line after it is a
/// quotation).
const STALE: &str = "<!-- factlint-disable-next-line quote-attribution -->";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn neovim_shows_factlint_diagnostics_and_applies_a_fix() {
    if std::env::var_os("FACTLINT_SKIP_NEOVIM").is_some_and(|v| v == "1") {
        eprintln!("note: FACTLINT_SKIP_NEOVIM=1: the Neovim test is skipped");
        return;
    }
    if !common::outside_program("nvim", "Neovim 0.7 or later: apt-get install neovim") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string(root().join("examples/nato-bucharest.md")).unwrap();
    // The example article with a stale suppression above its last line.
    let last_line_start = example.trim_end().rfind('\n').unwrap() + 1;
    let article = format!(
        "{}{STALE}\n{}",
        &example[..last_line_start],
        &example[last_line_start..]
    );
    let stale_line = article[..article.find(STALE).unwrap()]
        .matches('\n')
        .count()
        + 1;
    let path = dir.path().join("nato-bucharest.md");
    std::fs::write(&path, &article).unwrap();
    let out = dir.path().join("diagnostics.txt");

    let mut nvim = Command::new("nvim")
        .args(["--headless", "--noplugin", "-n", "-i", "NONE", "-u"])
        .arg(root().join("tests/neovim/init.lua"))
        .arg(&path)
        .current_dir(dir.path())
        .env("FACTLINT_BIN", env!("CARGO_BIN_EXE_factlint"))
        .env("FACTLINT_OUT", &out)
        .env("FACTLINT_TIMEOUT_MS", TIMEOUT.as_millis().to_string())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + 2 * TIMEOUT;
    loop {
        if nvim.try_wait().unwrap().is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = nvim.kill();
            let _ = nvim.wait();
            panic!("Neovim did not finish within {:?}", 2 * TIMEOUT);
        }
        thread::sleep(Duration::from_millis(50));
    }
    let report = std::fs::read_to_string(&out)
        .unwrap_or_else(|error| panic!("Neovim wrote no report ({error})"));
    println!("{report}");
    assert!(report.ends_with("STATUS\tok\n"), "{report}");

    let shown: Vec<Vec<&str>> = report
        .lines()
        .skip_while(|line| *line != "DIAGNOSTICS")
        .skip(1)
        .take_while(|line| line.starts_with(|c: char| c.is_ascii_digit()))
        .map(|line| line.split('\t').collect())
        .collect();
    let expected_line = stale_line.to_string();
    assert!(
        shown.contains(&vec![
            expected_line.as_str(),
            "unused-suppression",
            "warning",
            "this suppression of `quote-attribution` suppressed nothing",
        ]),
        "{report}"
    );
    assert!(
        report.contains("ACTION\tRemove the unused suppression\n"),
        "{report}"
    );
    assert!(
        report.contains("ACTION\tDisable unused-suppression for this line\n"),
        "{report}"
    );
    let after_fix = report.split("AFTER FIX\n").nth(1).unwrap();
    assert!(!after_fix.contains("unused-suppression"), "{report}");
}
