//! Hover over a finding: what its rule checks and, for fact findings, the fact's source and
//! the date the article was judged on.

use std::fmt::Write as _;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::document::Checked;
use crate::diagnostic::Diagnostic;
use crate::engine::FileReport;

pub fn hover(checked: &Checked, position: Position) -> Option<Hover> {
    let text = checked.text();
    let offset = text.offset(position);
    let findings: Vec<&Diagnostic> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= offset && offset <= d.span.end)
        .collect();
    let first = findings.first()?;
    let value = findings
        .iter()
        .map(|finding| describe(&checked.report, finding))
        .collect::<Vec<_>>()
        .join("\n\n---\n\n");
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(text.range(first.span)),
    })
}

fn describe(report: &FileReport, finding: &Diagnostic) -> String {
    let meta = finding.rule.meta();
    let mut out = format!(
        "**{}** ({}, {}): {}\n\n{}",
        meta.name, meta.code, finding.severity, meta.summary, finding.message
    );
    if let Some(help) = &finding.help {
        let _ = write!(out, "\n\n{help}");
    }
    if let Some(source) = &finding.source {
        let _ = write!(out, "\n\nFact source: {source}");
        match &report.publication {
            Some(publication) => {
                let _ = write!(
                    out,
                    "\n\nJudged as of {} ({}).",
                    publication.date.format("%Y-%m-%d"),
                    publication.reason
                );
            }
            None => out.push_str(
                "\n\nNo publication date is known: judged on every date the article could have \
                 been published.",
            ),
        }
    }
    match meta.doc_url() {
        Some(url) => {
            let _ = write!(
                out,
                "\n\n[Documentation]({url}) · `factlint explain {}`",
                meta.name
            );
        }
        None => {
            let _ = write!(out, "\n\nMore: `factlint explain {}`", meta.name);
        }
    }
    out
}
