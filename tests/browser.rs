//! The HTML report (`--format html`) in a real browser: headless Chromium opens the report of
//! the bundled example, of an article with a finding from every rule, and of an article full of
//! HTML and script, and the tests check what a reader gets: each finding marked at its words,
//! the explanation on hover, j/k from finding to finding, filters, and no article script run.
//!
//! Screenshots are kept under target/browser-tests/. With `FACTLINT_UPDATE_SCREENSHOT=1` the
//! example's screenshot is also written to docs/report.png (the README shows it).

mod cdp;
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use cdp::Browser;
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run factlint on `article` (relative to the repository) with `args`; the report's path.
fn html_report(article: &str, args: &[&str], out: &Path) -> PathBuf {
    let file = out.join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(root())
        .args(["--format", "html", article, "--output-file"])
        .arg(&file)
        .args(args)
        .status()
        .expect("run factlint");
    assert!(
        status.code() == Some(0) || status.code() == Some(1),
        "{status}"
    );
    file
}

/// The findings of `article` as JSON (the contract the report renders).
fn json_findings(article: &str, args: &[&str]) -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .current_dir(root())
        .args(["--format", "json", article])
        .args(args)
        .output()
        .expect("run factlint");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .clone()
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// What the reader sees of a finding's source text: Markdown syntax around it is rendered
/// away (a heading's `#`, an image's `![...](...)`).
fn rendered(source: &str) -> String {
    if let Some(rest) = source.strip_prefix("![") {
        return rest.split("](").next().unwrap_or("").to_string();
    }
    source.trim_start_matches('#').trim_start().to_string()
}

/// Every finding in the page: its list item and the text of its marks.
const FINDINGS_IN_PAGE: &str = r#"
    Array.from(document.querySelectorAll("li.finding")).map(li => {
        const id = li.getAttribute("data-f");
        const marks = Array.from(document.querySelectorAll('mark.f[data-f~="' + id + '"]'));
        return {
            rule: li.getAttribute("data-rule"),
            severity: li.getAttribute("data-sev"),
            message: li.querySelector(".msg").textContent,
            text: marks.map(m => m.textContent).join(""),
            titles: marks.map(m => m.getAttribute("title")),
            unmarked: !!li.querySelector(".unmarked"),
        };
    })
"#;

/// Each finding of the JSON report is in the page, marked at its words with its message in the
/// marks' hover text (or, outside the rendered text, listed as such).
fn assert_marked_in_place(browser: &mut Browser, article: &str, expected: &[Value]) {
    let source = std::fs::read_to_string(root().join(article)).unwrap();
    let page = browser.eval(FINDINGS_IN_PAGE);
    let page = page.as_array().expect("findings");
    assert_eq!(page.len(), expected.len(), "{page:#?}");
    for (found, want) in page.iter().zip(expected) {
        let start = want["start"]["offset"].as_u64().unwrap() as usize;
        let end = want["end"]["offset"].as_u64().unwrap() as usize;
        let words = &source[start..end];
        assert_eq!(found["rule"], want["rule"]);
        assert_eq!(found["message"], want["message"]);
        let in_front_matter = source.starts_with("---") && {
            let close = source[3..].find("\n---").unwrap() + 3;
            start < close
        };
        if in_front_matter {
            assert_eq!(found["unmarked"], json!(true), "{found}");
            continue;
        }
        assert_eq!(
            found["text"].as_str().unwrap(),
            rendered(words),
            "{} not marked at its words",
            want["rule"]
        );
        let message = want["message"].as_str().unwrap();
        for title in found["titles"].as_array().unwrap() {
            assert!(
                title.as_str().unwrap().contains(message),
                "hover text {title} lacks {message:?}"
            );
        }
    }
}

#[test]
fn the_bundled_example_shows_both_findings_in_place() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = "examples/nato-bucharest.md";
    let report = html_report(article, &[], dir.path());
    browser.open(&file_url(&report));
    let expected: Vec<Value> = json_findings(article, &[])
        .into_iter()
        .filter(|d| d["severity"] != "info")
        .collect();
    assert_eq!(expected.len(), 2, "{expected:#?}");
    assert_marked_in_place(&mut browser, article, &expected);

    // Hovering a mark shows the message, the help and the fix.
    browser.hover("mark.f");
    browser.wait_for(
        "!document.getElementById('fl-pop').hidden",
        "the popup on hover",
    );
    let popup = browser.eval("document.getElementById('fl-pop').innerText");
    let first = &expected[0];
    let popup = popup.as_str().unwrap();
    assert!(
        popup.contains(first["message"].as_str().unwrap()),
        "{popup}"
    );
    assert!(popup.contains(first["help"].as_str().unwrap()), "{popup}");
    assert!(popup.contains("Fix"), "{popup}");

    // j and k move from finding to finding; the focused mark is the finding's words.
    browser.eval("document.body.focus(); window.scrollTo(0, 0)");
    browser.key("j");
    let focused = browser.eval("document.activeElement.textContent");
    assert_eq!(focused, json!("Secretary-General"));
    browser.key("j");
    assert_eq!(
        browser.eval("document.activeElement.textContent"),
        json!("defense")
    );
    browser.key("k");
    assert_eq!(
        browser.eval("document.activeElement.textContent"),
        json!("Secretary-General")
    );
    browser.key("Escape");
    assert_eq!(
        browser.eval("document.getElementById('fl-pop').hidden"),
        json!(true)
    );

    // The screenshot: the first finding in view with its explanation open.
    browser.eval("window.scrollTo(0, 0); document.activeElement.blur()");
    browser.key("j");
    let png = browser.screenshot();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    std::fs::write(cdp::artifacts().join("nato-bucharest.png"), &png).unwrap();
    if std::env::var_os("FACTLINT_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/report.png"), &png).unwrap();
    }
}

#[test]
fn every_rule_is_marked_at_its_words() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let article = "tests/data/html/every-rule.md";
    // The frozen test fact base: it knows birth dates, for fact-age.
    let args = ["--verbose", "--facts", "tests/facts", "--no-default-facts"];
    let report = html_report(article, &args, dir.path());
    browser.open(&file_url(&report));
    let expected = json_findings(article, &args);
    assert_marked_in_place(&mut browser, article, &expected);

    // A finding from every rule.
    let rules = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let rules: Value = serde_json::from_slice(&rules.stdout).unwrap();
    let in_page = browser.eval(
        "Array.from(new Set(Array.from(document.querySelectorAll('li.finding')).map(li => li.dataset.rule)))",
    );
    for rule in rules.as_array().unwrap() {
        assert!(
            in_page.as_array().unwrap().contains(&rule["name"]),
            "no {} finding in {in_page}",
            rule["name"]
        );
    }

    // Filters: without errors, no error is listed or underlined; rules filter the same way.
    browser.eval("document.querySelector('[data-filter-sev=error]').click()");
    let state = browser.eval(
        "({ listed: document.querySelectorAll('li.finding.error:not(.hidden)').length,
            hidden: document.querySelectorAll('li.finding.error.hidden').length,
            lit: Array.from(document.querySelectorAll('mark.f:not(.off)')).filter(m =>
                m.dataset.f.split(' ').every(id => document.getElementById('d' + id).dataset.sev === 'error')).length })",
    );
    assert_eq!(state["listed"], json!(0), "{state}");
    assert!(state["hidden"].as_u64().unwrap() >= 5, "{state}");
    assert_eq!(state["lit"], json!(0), "{state}");
    browser.eval("document.querySelector('[data-filter-sev=error]').click()");
    browser.eval("document.querySelector('[data-filter-rule=\"quote-unbalanced\"]').click()");
    let hidden = browser.eval(
        "Array.from(document.querySelectorAll('li.finding.hidden')).map(li => li.dataset.rule)",
    );
    assert_eq!(hidden, json!(["quote-unbalanced"]));

    let png = browser.screenshot();
    std::fs::write(cdp::artifacts().join("every-rule.png"), png).unwrap();
}

#[test]
fn html_and_script_in_an_article_never_run() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = html_report("tests/data/html/hostile.md", &[], dir.path());
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.contains("Content-Security-Policy"), "no policy");
    browser.open(&file_url(&report));
    let state = browser.eval(
        r#"({
            ran: [window.pwned, window.pwnedImage, window.pwnedFrontMatter, window.pwnedLink,
                  window.pwnedFrame, window.pwnedCode].filter(v => v !== undefined).length,
            title: document.title,
            elements: document.querySelectorAll(
                ".text script, .text img, .text iframe, .text style, .text b, [onerror], [onmouseover], a[href^='javascript']"
            ).length,
            scripts: document.scripts.length,
            shown: document.querySelector(".text").textContent,
            frontMatter: document.querySelector(".front-matter").textContent,
            bodyDisplay: getComputedStyle(document.body).display,
        })"#,
    );
    assert_eq!(state["ran"], json!(0), "{state}");
    assert_eq!(state["title"], json!("factlint report"), "{state}");
    assert_eq!(state["elements"], json!(0), "{state}");
    assert_eq!(
        state["scripts"],
        json!(1),
        "only the report's own script: {state}"
    );
    assert_ne!(state["bodyDisplay"], json!("none"), "{state}");
    let shown = state["shown"].as_str().unwrap();
    // The markup is shown to the reader as text.
    assert!(shown.contains("<script>window.pwned = 1;"), "{shown}");
    assert!(
        shown.contains(r#"<img src="x" onerror="window.pwnedImage = 1">"#),
        "{shown}"
    );
    assert!(
        state["frontMatter"]
            .as_str()
            .unwrap()
            .contains("<script>window.pwnedFrontMatter = 1</script>"),
        "{state}"
    );
    // The count finding in the same article is still marked.
    assert_eq!(
        browser.eval("document.querySelectorAll('mark.f').length > 0"),
        json!(true)
    );
    let png = browser.screenshot();
    std::fs::write(cdp::artifacts().join("hostile.png"), png).unwrap();
}

#[test]
fn the_report_reads_without_scripts() {
    // Not a browser test: what a reader with scripts off (or a mail client) gets.
    let dir = tempfile::tempdir().unwrap();
    let report = html_report("examples/nato-bucharest.md", &[], dir.path());
    let html = std::fs::read_to_string(report).unwrap();
    for needle in [
        "<ol class=\"findings\">",
        "name-consistency",
        "spelling-consistency",
        "href=\"#f1\"",
        "<span class=\"anchor\" id=\"f1\"></span>",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    // Nothing is fetched: no external script, style, font or image.
    for needle in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(!html.contains(needle), "found {needle}");
    }
}
