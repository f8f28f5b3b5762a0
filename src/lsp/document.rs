//! An open document: the editor's text (kept in step with incremental changes) and the last
//! check of it.

use lsp_types::TextDocumentContentChangeEvent;

use super::convert::Text;
use crate::engine::FileReport;
use crate::line_index::LineIndex;

/// A check of one version of the text. `report.source` is that text.
pub struct Checked {
    pub report: FileReport,
    pub index: LineIndex,
}

impl Checked {
    pub fn new(report: FileReport) -> Self {
        let index = LineIndex::new(&report.source);
        Self { report, index }
    }

    pub fn text(&self) -> Text<'_> {
        Text {
            text: &self.report.source,
            index: &self.index,
        }
    }
}

pub struct OpenDocument {
    pub text: String,
    pub version: i32,
    /// The check of the current text; `None` once the text has changed since.
    pub checked: Option<Checked>,
}

impl OpenDocument {
    pub fn new(text: String, version: i32) -> Self {
        Self {
            text,
            version,
            checked: None,
        }
    }

    /// Apply the changes in order: ranged ones are edits, the others replace the whole text.
    pub fn apply(&mut self, version: i32, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let index = LineIndex::new(&self.text);
                    let span = Text {
                        text: &self.text,
                        index: &index,
                    }
                    .span(range);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
            }
        }
        self.version = version;
        self.checked = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn edit(range: Option<((u32, u32), (u32, u32))>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_apply_in_order_in_utf16_units() {
        let mut document = OpenDocument::new("😀 one\ntwo\n".to_string(), 1);
        document.apply(
            2,
            vec![
                edit(Some(((0, 3), (0, 6))), "ONE"),
                edit(Some(((1, 0), (1, 0))), ">> "),
                edit(Some(((5, 0), (9, 9))), "end"),
            ],
        );
        assert_eq!(document.text, "😀 ONE\n>> two\nend");
        assert_eq!(document.version, 2);
        document.apply(
            3,
            vec![edit(None, "new"), edit(Some(((0, 3), (0, 0))), "!")],
        );
        // A reversed range is put in order.
        assert_eq!(document.text, "!");
    }
}
