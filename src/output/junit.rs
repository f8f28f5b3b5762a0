//! `--format junit`: JUnit XML, which most CI systems show as test results. One test suite for
//! the run, one test case per checked file (named by its path), one `<failure>` per finding
//! at warning or error level, one `<error>` per file that could not be checked.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{is_shown, positions, OutputOptions, RunReport};
use crate::diagnostic::Severity;
use crate::line_index::LineIndex;

/// Escape text for an XML attribute or element (and drop characters XML 1.0 forbids).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    let errors = report.all_errors();
    let mut cases = String::new();
    let mut tests = 0;
    let mut failures = 0;
    for file in report.files.iter().filter(|f| f.checked) {
        tests += 1;
        let index = LineIndex::new(&file.source);
        let shown: Vec<_> = file
            .diagnostics
            .iter()
            .filter(|d| is_shown(d, options) && d.severity > Severity::Info)
            .collect();
        if !shown.is_empty() {
            failures += 1;
        }
        let _ = write!(
            cases,
            "    <testcase name=\"{0}\" classname=\"factlint\" file=\"{0}\"",
            escape(&file.path)
        );
        if shown.is_empty() {
            cases.push_str("/>\n");
            continue;
        }
        cases.push_str(">\n");
        for diagnostic in shown {
            let (start, _) = positions(&index, &file.source, diagnostic.span);
            let mut body = format!(
                "{}:{}:{}: {} {} {}",
                file.path,
                start.line,
                start.column,
                diagnostic.rule.code(),
                diagnostic.rule.name(),
                diagnostic.message
            );
            if let Some(help) = &diagnostic.help {
                let _ = write!(body, "\nhelp: {help}");
            }
            let _ = writeln!(
                cases,
                "      <failure type=\"{}\" message=\"{}: {}\">{}</failure>",
                diagnostic.severity.as_str(),
                diagnostic.rule.name(),
                escape(&diagnostic.message),
                escape(&body)
            );
        }
        cases.push_str("    </testcase>\n");
    }
    for error in &errors {
        tests += 1;
        let _ = writeln!(
            cases,
            "    <testcase name=\"{0}\" classname=\"factlint\" file=\"{0}\">\n      <error type=\"input\" message=\"{1}\">{1}</error>\n    </testcase>",
            escape(&error.path),
            escape(&error.located_message())
        );
    }
    write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n  <testsuite name=\"factlint\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n{cases}  </testsuite>\n</testsuites>\n",
        errors = errors.len()
    )
}
