//! `--format json`, version 1 (DESIGN §3; schema in `docs/json-output.schema.json`).

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

use super::{positions, RunReport};
use crate::diagnostic::Diagnostic;
use crate::engine::FileReport;
use crate::line_index::LineIndex;
use crate::span::Span;

#[derive(Serialize)]
struct Position {
    offset: usize,
    line: usize,
    column: usize,
}

fn position_pair(index: &LineIndex, text: &str, span: Span) -> (Position, Position) {
    let (start, end) = positions(index, text, span);
    (
        Position {
            offset: span.start,
            line: start.line,
            column: start.column,
        },
        Position {
            offset: span.end,
            line: end.line,
            column: end.column,
        },
    )
}

fn diagnostic_json(
    index: &LineIndex,
    text: &str,
    diagnostic: &Diagnostic,
    unsafe_fixes: bool,
) -> Value {
    let (start, end) = position_pair(index, text, diagnostic.span);
    let labels: Vec<Value> = diagnostic
        .labels
        .iter()
        .map(|label| {
            let (start, end) = position_pair(index, text, label.span);
            json!({"start": start, "end": end, "message": &*label.message})
        })
        .collect();
    let fix = diagnostic
        .applicable_fix(unsafe_fixes)
        .or_else(|| diagnostic.fixes.first())
        .map(|fix| {
            json!({
                "title": fix.title,
                "applicability": fix.applicability,
                "edits": fix.edits.iter().map(|edit| json!({
                    "start": edit.span.start,
                    "end": edit.span.end,
                    "replacement": edit.replacement,
                })).collect::<Vec<_>>(),
            })
        });
    json!({
        "rule": diagnostic.rule.name(),
        "code": diagnostic.rule.code(),
        "severity": diagnostic.severity,
        "message": diagnostic.message,
        "start": start,
        "end": end,
        "labels": labels,
        "help": diagnostic.help.as_deref(),
        "source": diagnostic.source.as_deref(),
        "fix": fix,
    })
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
