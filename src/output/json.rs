//! `--format json`, version 1 (DESIGN §3; schema in `docs/json-output.schema.json`).

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

use super::{positions, RunReport};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::engine::FileReport;
use crate::line_index::LineIndex;
use crate::span::Span;

/// A place in the file. The JSON types below declare their fields in sorted order: the
/// report's keys have been written sorted since version 1, and a struct is written in the
/// order of its fields, with no map built for each finding.
#[derive(Serialize)]
struct Position {
    column: usize,
    line: usize,
    offset: usize,
}

fn position_pair(index: &LineIndex, text: &str, span: Span) -> (Position, Position) {
    let (start, end) = positions(index, text, span);
    (
        Position {
            column: start.column,
            line: start.line,
            offset: span.start,
        },
        Position {
            column: end.column,
            line: end.line,
            offset: span.end,
        },
    )
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    code: &'static str,
    end: Position,
    fix: Option<FixJson<'a>>,
    help: Option<&'a str>,
    labels: Vec<LabelJson<'a>>,
    message: &'a str,
    rule: &'static str,
    severity: Severity,
    source: Option<&'a str>,
    start: Position,
}

#[derive(Serialize)]
struct LabelJson<'a> {
    end: Position,
    message: &'a str,
    start: Position,
}

#[derive(Serialize)]
struct FixJson<'a> {
    applicability: Applicability,
    edits: Vec<EditJson<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
struct EditJson<'a> {
    end: usize,
    replacement: &'a str,
    start: usize,
}

fn diagnostic_json<'a>(
    index: &LineIndex,
    text: &str,
    diagnostic: &'a Diagnostic,
    unsafe_fixes: bool,
) -> DiagnosticJson<'a> {
    let (start, end) = position_pair(index, text, diagnostic.span);
    let labels = diagnostic
        .labels
        .iter()
        .map(|label| {
            let (start, end) = position_pair(index, text, label.span);
            LabelJson {
                end,
                message: &label.message,
                start,
            }
        })
        .collect();
    let fix = diagnostic
        .applicable_fix(unsafe_fixes)
        .or_else(|| diagnostic.fixes.first())
        .map(|fix| FixJson {
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .map(|edit| EditJson {
                    end: edit.span.end,
                    replacement: &edit.replacement,
                    start: edit.span.start,
                })
                .collect(),
            title: &fix.title,
        });
    DiagnosticJson {
        code: diagnostic.rule.code(),
        end,
        fix,
        help: diagnostic.help.as_deref(),
        labels,
        message: &diagnostic.message,
        rule: diagnostic.rule.name(),
        severity: diagnostic.severity,
        source: diagnostic.source.as_deref(),
        start,
    }
}

/// One checked file, serialized as the object `json!` would build (keys in sorted order, as
/// `serde_json` without `preserve_order` writes them), with its findings converted one at a
/// time as they are written rather than all held as values first.
struct FileJson<'a> {
    file: &'a FileReport,
    unsafe_fixes: bool,
}

impl Serialize for FileJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let file = self.file;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry(
            "diagnostics",
            &Diagnostics {
                file,
                unsafe_fixes: self.unsafe_fixes,
            },
        )?;
        map.serialize_entry("path", &file.path)?;
        map.serialize_entry(
            "publication_date",
            &file
                .publication
                .as_ref()
                .map(|p| p.date.format("%Y-%m-%d").to_string()),
        )?;
        map.serialize_entry(
            "publication_date_source",
            &file.publication.as_ref().map(|p| p.source.as_str()),
        )?;
        map.end()
    }
}

struct Diagnostics<'a> {
    file: &'a FileReport,
    unsafe_fixes: bool,
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let file = self.file;
        let index = LineIndex::new(&file.source);
        serializer.collect_seq(
            file.diagnostics
                .iter()
                .map(|d| diagnostic_json(&index, &file.source, d, self.unsafe_fixes)),
        )
    }
}

/// The whole report; `files` is written file by file.
struct ReportJson<'a> {
    report: &'a RunReport,
    unsafe_fixes: bool,
}

impl Serialize for ReportJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.report;
        let summary = report.summary(self.unsafe_fixes);
        let errors: Vec<Value> = report
            .all_errors()
            .into_iter()
            .map(|error| json!({"path": error.path, "message": error.located_message()}))
            .collect();
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("errors", &errors)?;
        map.serialize_entry(
            "files",
            &Files {
                report,
                unsafe_fixes: self.unsafe_fixes,
            },
        )?;
        map.serialize_entry(
            "summary",
            &json!({
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
                "fixable": summary.fixable,
            }),
        )?;
        map.serialize_entry("version", &1)?;
        map.end()
    }
}

/// The checked files, each written as it is converted.
struct Files<'a> {
    report: &'a RunReport,
    unsafe_fixes: bool,
}

impl Serialize for Files<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.report
                .files
                .iter()
                .filter(|file| file.checked)
                .map(|file| FileJson {
                    file,
                    unsafe_fixes: self.unsafe_fixes,
                }),
        )
    }
}

/// Write the report to `out`, file by file: the same bytes as [`render`], without holding
/// the whole document (a 20 MB article's findings) in memory first.
pub fn write(report: &RunReport, unsafe_fixes: bool, out: &mut dyn Write) -> io::Result<()> {
    let value = ReportJson {
        report,
        unsafe_fixes,
    };
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The JSON report (`docs/json-output.schema.json`) as a string.
pub fn render(report: &RunReport, unsafe_fixes: bool) -> String {
    let mut out = Vec::new();
    write(report, unsafe_fixes, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Fix};
    use crate::registry::RuleId;

    /// A finding with every part filled in: a label, a fix with an edit, help and a source.
    fn report() -> RunReport {
        let source = "The vote is on Monday (Nov. 29).\n";
        let diagnostic = Diagnostic::new(
            RuleId::DateWeekday,
            Span::new(15, 21),
            "Monday is not Nov. 29",
        )
        .with_label(Span::new(23, 30), "the date")
        .with_help("write Tuesday")
        .with_source("fact base")
        .with_fix(Fix::safe(
            "Replace with Tuesday",
            vec![Edit {
                span: Span::new(15, 21),
                replacement: "Tuesday".to_string(),
            }],
        ));
        RunReport {
            files: vec![FileReport {
                path: "a.md".to_string(),
                source: std::sync::Arc::new(source.to_string()),
                diagnostics: vec![diagnostic],
                publication: None,
                errors: Vec::new(),
                checked: true,
            }],
            errors: Vec::new(),
            fixed: 0,
            baselined: 0,
        }
    }

    /// The report's keys are sorted at every level, as version 1 has always written them:
    /// the typed findings write what a sorted map of the same values would.
    #[test]
    fn keys_are_written_in_sorted_order() {
        let written = render(&report(), false);
        let value: Value = serde_json::from_str(&written).expect("valid JSON");
        let resorted = serde_json::to_string_pretty(&value).expect("serializable") + "\n";
        assert_eq!(written, resorted);
        let finding = &value["files"][0]["diagnostics"][0];
        assert_eq!(finding["fix"]["edits"][0]["replacement"], "Tuesday");
        assert_eq!(finding["labels"][0]["message"], "the date");
        assert_eq!(finding["start"]["column"], 16);
    }
}
