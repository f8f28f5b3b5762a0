//! `--format concise`: one line per finding, `path:line:column: CODE name message`, as
//! compilers and ruff print them (editors and `grep` read it), then the summary line.
//! Columns are characters, as in every other format.

use std::io::{self, Write};

use super::{is_shown, positions, OutputOptions, RunReport};
use crate::line_index::LineIndex;

pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        let mut shown = file
            .diagnostics
            .iter()
            .filter(|d| is_shown(d, options))
            .peekable();
        if shown.peek().is_none() {
            continue;
        }
        let index = LineIndex::new(&file.source);
        for diagnostic in shown {
            let (start, _) = positions(&index, &file.source, diagnostic.span);
            let fixable = if diagnostic.applicable_fix(options.unsafe_fixes).is_some() {
                " [*]"
            } else {
                ""
            };
            writeln!(
                out,
                "{}:{}:{}: {} {} {}{fixable}",
                file.path,
                start.line,
                start.column,
                diagnostic.rule.code(),
                diagnostic.rule.name(),
                one_line(&diagnostic.message),
            )?;
        }
    }
    if !options.quiet {
        writeln!(out, "{}", super::human::summary_line(report, options))?;
    }
    Ok(())
}

/// Input errors, one line each (`path:line:column: error: message`), for standard error.
pub fn write_errors(report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    for error in report.all_errors() {
        match error.line_column() {
            Some((line, column)) => writeln!(
                out,
                "{}:{line}:{column}: error: {}",
                error.path,
                one_line(&error.message)
            )?,
            None => writeln!(out, "{}: error: {}", error.path, one_line(&error.message))?,
        }
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
