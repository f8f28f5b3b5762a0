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

/// Write one workflow command per finding, then one per input error.
pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    for file in &report.files {
        let index = LineIndex::new(&file.source);
        for diagnostic in file.diagnostics.iter().filter(|d| is_shown(d, options)) {
            let command = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (start, end) = positions(&index, &file.source, diagnostic.span);
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
