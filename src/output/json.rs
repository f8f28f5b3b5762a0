//! `--format json`, version 1 (DESIGN §3; schema in `docs/json-output.schema.json`).

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
            json!({"start": start, "end": end, "message": label.message})
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
        "help": diagnostic.help,
        "source": diagnostic.source,
        "fix": fix,
    })
}

fn file_json(file: &FileReport, unsafe_fixes: bool) -> Value {
    let index = LineIndex::new(&file.source);
    json!({
        "path": file.path,
        "publication_date": file.publication.as_ref().map(|p| p.date.format("%Y-%m-%d").to_string()),
        "publication_date_source": file.publication.as_ref().map(|p| p.source.as_str()),
        "diagnostics": file.diagnostics.iter()
            .map(|d| diagnostic_json(&index, &file.source, d, unsafe_fixes))
            .collect::<Vec<_>>(),
    })
}

pub fn render(report: &RunReport, unsafe_fixes: bool) -> String {
    let summary = report.summary(unsafe_fixes);
    let files: Vec<Value> = report
        .files
        .iter()
        .filter(|file| file.checked)
        .map(|file| file_json(file, unsafe_fixes))
        .collect();
    let errors: Vec<Value> = report
        .all_errors()
        .into_iter()
        .map(|error| json!({"path": error.path, "message": error.located_message()}))
        .collect();
    let value = json!({
        "version": 1,
        "files": files,
        "errors": errors,
        "summary": {
            "files": summary.files,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "fixable": summary.fixable,
        },
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text
}
