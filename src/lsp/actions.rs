//! Code actions: each fix of a finding as a quick fix (unsafe ones say so), and "disable for
//! this line", which inserts a suppression comment where it keeps the Markdown's rendering.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextDocumentIdentifier, TextEdit, Url,
    WorkspaceEdit,
};
use serde::Deserialize;

use super::convert::{self, Text};
use super::document::Checked;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::{BlockKind, Document};
use crate::registry::RuleId;
use crate::span::Span;

/// What a `textDocument/codeAction` request says that the server uses. The diagnostics the
/// client sends back are not read (the server knows its own findings), so clients that send
/// them incomplete still get their actions.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionParams {
    pub text_document: TextDocumentIdentifier,
    pub range: Range,
    #[serde(default)]
    pub context: ActionContext,
}

#[derive(Debug, Default, Deserialize)]
pub struct ActionContext {
    #[serde(default)]
    pub only: Option<Vec<CodeActionKind>>,
}

pub fn code_actions(
    uri: &Url,
    checked: &Checked,
    params: &ActionParams,
) -> Vec<CodeActionOrCommand> {
    if !wanted(params.context.only.as_deref(), &CodeActionKind::QUICKFIX) {
        return Vec::new();
    }
    let text = checked.text();
    let requested = text.span(params.range);
    let findings: Vec<&Diagnostic> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= requested.end && requested.start <= d.span.end)
        .collect();
    if findings.is_empty() {
        return Vec::new();
    }
    let doc = Document::parse(text.text);
    let mut actions = Vec::new();
    let mut disabled = HashSet::new();
    for finding in findings {
        let diagnostic = convert::diagnostic(uri, &text, finding);
        for (n, fix) in finding.fixes.iter().enumerate() {
            actions.push(fix_action(uri, &text, &diagnostic, fix, n == 0));
        }
        let line = text.index.line_of(finding.span.start);
        if !disabled.insert((finding.rule, line)) {
            continue;
        }
        if let Some(edit) = disable_edit(&doc, &text, finding.rule, line) {
            actions.push(quick_fix(
                format!("Disable {} for this line", finding.rule.name()),
                uri,
                vec![edit],
                &diagnostic,
                false,
            ));
        }
    }
    actions
}

/// Whether the client asked for actions of `kind` (a request for `quickfix` also wants
/// `quickfix.x`).
fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|asked| {
            kind.as_str() == asked.as_str()
                || kind
                    .as_str()
                    .strip_prefix(asked.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

fn fix_action(
    uri: &Url,
    text: &Text,
    diagnostic: &lsp_types::Diagnostic,
    fix: &Fix,
    first: bool,
) -> CodeActionOrCommand {
    let edits = fix
        .edits
        .iter()
        .map(|edit| TextEdit::new(text.range(edit.span), edit.replacement.clone()))
        .collect();
    let preferred = first && fix.applicability == Applicability::Safe;
    quick_fix(fix.shown_title(), uri, edits, diagnostic, preferred)
}

fn quick_fix(
    title: String,
    uri: &Url,
    edits: Vec<TextEdit>,
    diagnostic: &lsp_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// The edit that suppresses `rule` on 0-based `line`. Where the line continues a paragraph,
/// the comment goes inline at the end of the line before (an HTML block there would split the
/// paragraph); otherwise it goes on a line of its own, inside the same block quotes and
/// indentation. Nothing is offered inside front matter.
fn disable_edit(doc: &Document, text: &Text, rule: RuleId, line: usize) -> Option<TextEdit> {
    let line_start = text.index.line_start(line)?;
    if doc
        .front_matter
        .as_ref()
        .is_some_and(|fm| line_start < fm.span.end)
    {
        return None;
    }
    let comment = format!("<!-- factlint-disable-next-line {} -->", rule.name());
    let continues_block = doc.blocks.iter().any(|block| {
        matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && block.span().start < line_start
            && line_start < block.span().end
    });
    if continues_block && line > 0 {
        let previous_start = text.index.line_start(line - 1)?;
        let previous = text.text.get(previous_start..line_start)?;
        let content = previous.trim_end();
        // Keep a hard line break (a trailing backslash) after the comment.
        let content = content.strip_suffix('\\').unwrap_or(content);
        let at = previous_start + content.len();
        return Some(TextEdit::new(
            text.range(Span::new(at, at)),
            format!(" {comment}"),
        ));
    }
    let line_text = text.text.get(line_start..)?;
    let line_text = &line_text[..line_text.find(['\n', '\r']).unwrap_or(line_text.len())];
    let prefix_len = line_text
        .find(|c: char| !(c == '>' || c == ' ' || c == '\t'))
        .unwrap_or(line_text.len());
    let line_ending = if text.text[line_start + line_text.len()..].starts_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Some(TextEdit::new(
        text.range(Span::new(line_start, line_start)),
        format!("{}{comment}{line_ending}", &line_text[..prefix_len]),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line_index::LineIndex;

    /// The text after suppressing `rule` on the line holding `needle`.
    #[track_caller]
    fn disabled(source: &str, needle: &str) -> Option<String> {
        let doc = Document::parse(source);
        let index = LineIndex::new(source);
        let text = Text {
            text: source,
            index: &index,
        };
        let line = index.line_of(source.find(needle).unwrap());
        let edit = disable_edit(&doc, &text, RuleId::DateWeekday, line)?;
        let span = text.span(edit.range);
        let mut out = source.to_string();
        out.replace_range(span.start..span.end, &edit.new_text);
        Some(out)
    }

    const COMMENT: &str = "<!-- factlint-disable-next-line date-weekday -->";

    #[test]
    fn a_paragraph_start_gets_a_comment_line() {
        assert_eq!(
            disabled("Intro.\n\nOn Tuesday (Nov. 28).\n", "Tuesday").unwrap(),
            format!("Intro.\n\n{COMMENT}\nOn Tuesday (Nov. 28).\n")
        );
        assert_eq!(
            disabled("On Tuesday.\r\n", "Tuesday").unwrap(),
            format!("{COMMENT}\r\nOn Tuesday.\r\n")
        );
    }

    #[test]
    fn a_continuation_line_gets_an_inline_comment_on_the_line_before() {
        assert_eq!(
            disabled("First line\nOn Tuesday.\n", "Tuesday").unwrap(),
            format!("First line {COMMENT}\nOn Tuesday.\n")
        );
        assert_eq!(
            disabled("First line\\\nOn Tuesday.\n", "Tuesday").unwrap(),
            format!("First line {COMMENT}\\\nOn Tuesday.\n")
        );
    }

    #[test]
    fn block_quotes_and_indentation_are_kept() {
        assert_eq!(
            disabled("> Intro.\n>\n> On Tuesday.\n", "Tuesday").unwrap(),
            format!("> Intro.\n>\n> {COMMENT}\n> On Tuesday.\n")
        );
    }

    #[test]
    fn nothing_inside_front_matter() {
        assert_eq!(
            disabled("---\ntitle: Tuesday\n---\nBody.\n", "Tuesday"),
            None
        );
    }

    #[test]
    fn fixes_become_quick_fixes_and_unsafe_ones_say_so() {
        use crate::diagnostic::Edit;
        let source = "On Tuesday (Nov. 28) and Tuesday (Nov. 28).\n";
        let mut report = crate::check_source("a.md", source, &crate::Settings::embedded());
        let at = |n: usize| {
            let start = source.match_indices("Tuesday").nth(n).unwrap().0;
            Span::new(start, start + "Tuesday".len())
        };
        report.diagnostics = (0..2)
            .map(|n| {
                Diagnostic::new(RuleId::DateWeekday, at(n), "a Monday")
                    .with_fix(Fix::unsafe_edit(
                        "Write Monday",
                        vec![Edit::replace(at(n), "Monday")],
                    ))
                    .with_fix(Fix::safe("Keep it", vec![Edit::replace(at(n), "Tuesday")]))
            })
            .collect();
        let checked = Checked::new(report);
        let uri = Url::parse("file:///a.md").unwrap();
        let params = ActionParams {
            text_document: TextDocumentIdentifier::new(uri.clone()),
            range: Range::default(),
            context: ActionContext::default(),
        };
        let whole_line = ActionParams {
            range: Range::new(
                lsp_types::Position::new(0, 0),
                lsp_types::Position::new(0, 40),
            ),
            ..params
        };
        let actions: Vec<(String, Option<bool>)> = code_actions(&uri, &checked, &whole_line)
            .into_iter()
            .map(|action| match action {
                CodeActionOrCommand::CodeAction(action) => (action.title, action.is_preferred),
                CodeActionOrCommand::Command(command) => (command.title, None),
            })
            .collect();
        let unsafe_title = "Write Monday (unsafe: changes what the article says)".to_string();
        assert_eq!(
            actions,
            [
                (unsafe_title.clone(), Some(false)),
                ("Keep it".to_string(), Some(false)),
                (
                    "Disable date-weekday for this line".to_string(),
                    Some(false)
                ),
                // The second finding: its fixes, but one "disable" per rule and line.
                (unsafe_title, Some(false)),
                ("Keep it".to_string(), Some(false)),
            ]
        );
    }

    #[test]
    fn only_quick_fixes_are_offered() {
        let quickfix = CodeActionKind::QUICKFIX;
        assert!(wanted(None, &quickfix));
        assert!(wanted(Some(&[CodeActionKind::QUICKFIX]), &quickfix));
        assert!(!wanted(Some(&[CodeActionKind::REFACTOR]), &quickfix));
        assert!(!wanted(Some(&[CodeActionKind::new("quick")]), &quickfix));
    }
}
