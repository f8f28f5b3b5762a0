//! `--format gitlab`: a GitLab Code Quality report (a JSON array of Code Climate issues),
//! shown in merge requests. Each issue's fingerprint is the finding's baseline key, so the
//! same finding keeps its identity when lines above it move.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::{baseline, is_shown, positions, OutputOptions, RunReport};
use crate::diagnostic::Severity;
use crate::line_index::LineIndex;

pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut issues: Vec<Value> = Vec::new();
    for file in &report.files {
        let index = LineIndex::new(&file.source);
        let mut keys = baseline::Occurrences::default();
        for diagnostic in file.diagnostics.iter().filter(|d| is_shown(d, options)) {
            let (start, end) = positions(&index, &file.source, diagnostic.span);
            let key = keys.key(&file.path, &file.source, diagnostic);
            let severity = match diagnostic.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            };
            issues.push(json!({
                "type": "issue",
                "check_name": diagnostic.rule.name(),
                "description": format!("{} {}", diagnostic.rule.code(), diagnostic.message),
                "categories": ["Style"],
                "severity": severity,
                "fingerprint": key.fingerprint(),
                "location": {
                    "path": file.path,
                    "positions": {
                        "begin": {"line": start.line, "column": start.column},
                        "end": {"line": end.line, "column": end.column},
                    },
                },
            }));
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues).map_err(io::Error::from)?;
    out.write_all(b"\n")
}
