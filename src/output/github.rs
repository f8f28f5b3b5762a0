//! `--format github`: workflow commands that GitHub Actions shows as annotations.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{is_shown, positions, OutputOptions, RunReport};
use crate::diagnostic::Severity;
use crate::line_index::LineIndex;

/// Escape a command's message (`%`, CR, LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command's property value (the message escapes plus `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &RunReport, options: &OutputOptions) -> String {
    let mut out = Vec::new();
    write(report, options, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("workflow commands are UTF-8")
}

/// GitHub shows at most this many annotations of each kind (error, warning, notice) per step;
/// it drops the rest without a word.
pub const ANNOTATIONS_PER_KIND: usize = 10;

/// Write one workflow command per finding, then one per input error. Past GitHub's limit of
/// annotations per kind, findings are written as plain log lines, and a last notice says how
/// many were not annotated, so none is lost without a trace.
pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut annotated = [0usize; 3];
    let mut in_log = 0;
    for file in &report.files {
        let index = LineIndex::new(&file.source);
        for diagnostic in file.diagnostics.iter().filter(|d| is_shown(d, options)) {
            let (command, kind) = match diagnostic.severity {
                Severity::Error => ("error", 0),
                Severity::Warning => ("warning", 1),
                Severity::Info => ("notice", 2),
            };
            let (start, end) = positions(&index, &file.source, diagnostic.span);
            if annotated[kind] >= ANNOTATIONS_PER_KIND {
                in_log += 1;
                writeln!(
                    out,
                    "{}:{}:{}: {command}: {} {} {}",
                    file.path,
                    start.line,
                    start.column,
                    diagnostic.rule.code(),
                    diagnostic.rule.name(),
                    diagnostic.message
                )?;
                continue;
            }
            annotated[kind] += 1;
            let mut message = diagnostic.message.clone();
            if let Some(help) = &diagnostic.help {
                let _ = write!(message, "\n{help}");
            }
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!(
                    "factlint {} {}",
                    diagnostic.rule.code(),
                    diagnostic.rule.name()
                )),
                escape_data(&message),
            )?;
        }
    }
    if in_log > 0 {
        writeln!(
            out,
            "::notice title=factlint::{in_log} more findings are listed in the log only (GitHub shows {ANNOTATIONS_PER_KIND} annotations of each kind per step)"
        )?;
    }
    for error in report.all_errors() {
        let location = error
            .line_column()
            .map(|(line, column)| format!(",line={line},col={column}"))
            .unwrap_or_default();
        writeln!(
            out,
            "::error file={}{location},title=factlint::{}",
            escape_property(&error.path),
            escape_data(&error.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
