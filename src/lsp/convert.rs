//! Between factlint's byte spans and LSP's UTF-16 ranges, and from findings to LSP diagnostics.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, Location,
    NumberOrString, Position, Range, Url,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::line_index::LineIndex;
use crate::registry::RuleId;
use crate::span::Span;

/// A text with its line index, as positions are converted against it.
pub struct Text<'t> {
    pub text: &'t str,
    pub index: &'t LineIndex,
}

impl Text<'_> {
    pub fn position(&self, offset: usize) -> Position {
        let (line, character) = self.index.utf16_position(self.text, offset);
        Position::new(line, character)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; positions past a line's end or the text's end clamp.
    pub fn offset(&self, position: Position) -> usize {
        self.index
            .offset_of_utf16(self.text, position.line, position.character)
    }

    /// The byte span of a range, its ends put in order.
    pub fn span(&self, range: Range) -> Span {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        Span::new(a.min(b), a.max(b))
    }
}

/// Info findings are hints: shown faintly, as `--verbose` would show them.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::HINT,
    }
}

const SOURCE: &str = "factlint";

pub fn code_description(rule: RuleId) -> Option<CodeDescription> {
    let href = Url::parse(&rule.meta().doc_url()?).ok()?;
    Some(CodeDescription { href })
}

pub fn diagnostic(uri: &Url, text: &Text, finding: &Diagnostic) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = finding
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), text.range(label.span)),
            message: label.message.to_string(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: text.range(finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule.name().to_string())),
        code_description: code_description(finding.rule),
        source: Some(SOURCE.to_string()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        // A stale suppression is dead text: editors fade it out.
        tags: (finding.rule == RuleId::UnusedSuppression).then(|| vec![DiagnosticTag::UNNECESSARY]),
        data: None,
    }
}

/// A problem with the document or its configuration: at its place when it is in this
/// document, otherwise at the document's start, pointing to the file it is in.
pub fn input_error(path: &str, text: &Text, error: &InputError) -> lsp_types::Diagnostic {
    let mut message = error.message.clone();
    if let Some(help) = &error.help {
        message = format!("{message}\n{help}");
    }
    let mut diagnostic = lsp_types::Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message,
        ..lsp_types::Diagnostic::default()
    };
    if error.path == path {
        if let Some(span) = error.span {
            diagnostic.range = text.range(span);
        }
        return diagnostic;
    }
    diagnostic.message = format!("{}: {}", error.path, diagnostic.message);
    let Ok(uri) = Url::from_file_path(std::path::absolute(&error.path).unwrap_or_default()) else {
        return diagnostic;
    };
    let range = match (error.span, &error.text) {
        (Some(span), Some(source)) => Text {
            text: source,
            index: &LineIndex::new(source),
        }
        .range(span),
        _ => Range::default(),
    };
    diagnostic.related_information = Some(vec![DiagnosticRelatedInformation {
        location: Location::new(uri, range),
        message: error.message.clone(),
    }]);
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_count_utf16_units_and_round_trip() {
        let source = "é😀 x\nab";
        let index = LineIndex::new(source);
        let text = Text {
            text: source,
            index: &index,
        };
        let x = source.find('x').unwrap();
        assert_eq!(text.position(x), Position::new(0, 4));
        assert_eq!(text.offset(Position::new(0, 4)), x);
        assert_eq!(
            text.span(Range::new(Position::new(1, 1), Position::new(0, 4))),
            Span::new(x, source.len() - 1)
        );
        // Out of range: clamped, never a panic.
        assert_eq!(text.offset(Position::new(0, 99)), x + 1);
        assert_eq!(text.offset(Position::new(99, 0)), source.len());
        // Inside the surrogate pair of 😀: a character boundary all the same.
        assert!(source.is_char_boundary(text.offset(Position::new(0, 2))));
    }
}
