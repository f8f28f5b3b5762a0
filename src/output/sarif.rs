//! `--format sarif`: SARIF 2.1.0, for code scanning dashboards (GitHub, GitLab, IDE viewers).
//! Every rule is described from its metadata and documentation; results carry 1-based line and
//! column regions (columns in Unicode code points, as `columnKind` says) and their fixes.

use std::io::{self, Write};

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::{json, Value};

use super::{is_shown, positions, OutputOptions, RunReport};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::engine::FileReport;
use crate::line_index::LineIndex;
use crate::registry::{all_metas, RuleMeta};
use crate::span::Span;

const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_descriptor(meta: &RuleMeta) -> Value {
    let mut rule = json!({
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.doc_section("What it checks").unwrap_or(meta.summary)},
        "help": {"text": meta.doc, "markdown": meta.doc},
        "defaultConfiguration": {"level": level(meta.default_severity)},
        "properties": {"fixable": meta.fixable},
    });
    if let Some(url) = meta.doc_url() {
        rule["helpUri"] = json!(url);
    }
    rule
}

/// A path as a URI reference: relative paths stay relative (to the checkout root, as code
/// scanning expects), absolute ones become `file://` URIs; bytes outside the unreserved set
/// are percent-encoded.
fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut uri = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        uri.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

fn region(index: &LineIndex, text: &str, span: Span) -> Value {
    let (start, end) = positions(index, text, span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

fn physical_location(uri: &str, region: Value) -> Value {
    json!({"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}})
}

fn sarif_fix(index: &LineIndex, text: &str, uri: &str, fix: &Fix) -> Value {
    let replacements: Vec<Value> = fix
        .edits
        .iter()
        .map(|edit| {
            json!({
                "deletedRegion": region(index, text, edit.span),
                "insertedContent": {"text": edit.replacement},
            })
        })
        .collect();
    json!({
        "description": {"text": fix.shown_title()},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
        "properties": {"applicability": fix.applicability},
    })
}

fn result(file: &FileReport, index: &LineIndex, uri: &str, diagnostic: &Diagnostic) -> Value {
    let text = file.source.as_str();
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push('\n');
        message.push_str(help);
    }
    let mut result = json!({
        "ruleId": diagnostic.rule.code(),
        "ruleIndex": diagnostic.rule as usize,
        "level": level(diagnostic.severity),
        "message": {"text": message},
        "locations": [physical_location(uri, region(index, text, diagnostic.span))],
    });
    if !diagnostic.labels.is_empty() {
        let related: Vec<Value> = diagnostic
            .labels
            .iter()
            .enumerate()
            .map(|(id, label)| {
                let mut location = physical_location(uri, region(index, text, label.span));
                location["id"] = json!(id);
                location["message"] = json!({"text": &*label.message});
                location
            })
            .collect();
        result["relatedLocations"] = json!(related);
    }
    // SARIF wants at least one replacement per change: a fix without edits is left out.
    let fixes: Vec<Value> = diagnostic
        .fixes
        .iter()
        .filter(|fix| !fix.edits.is_empty())
        .map(|fix| sarif_fix(index, text, uri, fix))
        .collect();
    if !fixes.is_empty() {
        result["fixes"] = json!(fixes);
    }
    let mut properties = serde_json::Map::new();
    if let Some(source) = &diagnostic.source {
        properties.insert("source".into(), json!(&**source));
    }
    if let Some(publication) = &file.publication {
        if diagnostic.source.is_some() {
            properties.insert(
                "publicationDate".into(),
                json!(publication.date.format("%Y-%m-%d").to_string()),
            );
        }
    }
    if !properties.is_empty() {
        result["properties"] = Value::Object(properties);
    }
    result
}

/// Problems with inputs, as notifications of the tool's execution.
fn notifications(report: &RunReport) -> Vec<Value> {
    report
        .all_errors()
        .into_iter()
        .map(|error| {
            let mut notification = json!({
                "level": "error",
                "message": {"text": error.message},
            });
            let location = match (error.span, &error.text) {
                (Some(span), Some(text)) => {
                    let index = LineIndex::new(text);
                    physical_location(&artifact_uri(&error.path), region(&index, text, span))
                }
                _ => json!({"physicalLocation": {"artifactLocation": {"uri": artifact_uri(&error.path)}}}),
            };
            notification["locations"] = json!([location]);
            notification
        })
        .collect()
}

/// The log, serialized as the object `json!` would build (keys in sorted order, as
/// `serde_json` without `preserve_order` writes them), with the results converted one at a
/// time as they are written rather than all held as values first.
struct Log<'a> {
    report: &'a RunReport,
    options: &'a OutputOptions,
}

impl Serialize for Log<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("$schema", SCHEMA_URI)?;
        map.serialize_entry("runs", &[Run(self)])?;
        map.serialize_entry("version", "2.1.0")?;
        map.end()
    }
}

struct Run<'l, 'a>(&'l Log<'a>);

impl Serialize for Run<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let notifications = notifications(self.0.report);
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("columnKind", "unicodeCodePoints")?;
        map.serialize_entry(
            "invocations",
            &json!([{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }]),
        )?;
        map.serialize_entry("results", &Results(self.0))?;
        map.serialize_entry(
            "tool",
            &json!({"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": all_metas().iter().map(rule_descriptor).collect::<Vec<_>>(),
            }}),
        )?;
        map.end()
    }
}

struct Results<'l, 'a>(&'l Log<'a>);

impl Serialize for Results<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let options = self.0.options;
        let mut seq = serializer.serialize_seq(None)?;
        for file in self.0.report.files.iter().filter(|file| file.checked) {
            let index = LineIndex::new(&file.source);
            let uri = artifact_uri(&file.path);
            for diagnostic in file.diagnostics.iter().filter(|d| is_shown(d, options)) {
                seq.serialize_element(&result(file, &index, &uri, diagnostic))?;
            }
        }
        seq.end()
    }
}

/// Write the log to `out`, result by result: the same bytes as [`render`], without holding
/// every result in memory first.
pub fn write(report: &RunReport, options: &OutputOptions, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Log { report, options }).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// The SARIF 2.1.0 log as a string.
pub fn render(report: &RunReport, options: &OutputOptions) -> String {
    let mut out = Vec::new();
    write(report, options, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded_references() {
        assert_eq!(artifact_uri("articles/nato.md"), "articles/nato.md");
        assert_eq!(artifact_uri("a b/\u{219}tiri.md"), "a%20b/%C8%99tiri.md");
        assert_eq!(artifact_uri("/srv/x#1.md"), "file:///srv/x%231.md");
        assert_eq!(artifact_uri(r"news\today.md"), "news/today.md");
    }
}
