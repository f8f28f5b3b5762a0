//! Problems with inputs (articles, config and fact files) rather than findings in them. Each
//! names its file and, where it can, points into it.

use std::fmt;
use std::sync::Arc;

use miette::{LabeledSpan, SourceCode};

use crate::span::Span;

/// A file that could not be read or understood. Reported, never a panic; the run goes on.
#[derive(Clone, Debug)]
pub struct InputError {
    /// The file (or path argument) it is about.
    pub path: String,
    /// What went wrong.
    pub message: String,
    /// Where in the file, when the file is text.
    pub span: Option<Span>,
    /// The file's text, so the span can be shown.
    pub text: Option<Arc<String>>,
    /// What to do about it.
    pub help: Option<String>,
}

impl InputError {
    /// An error about `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
            span: None,
            text: None,
            help: None,
        }
    }

    /// Point into the file's text.
    pub fn at(mut self, span: Span, text: Arc<String>) -> Self {
        self.span = Some(span);
        self.text = Some(text);
        self
    }

    /// The same error with help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column of the span, if any.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let (span, text) = (self.span?, self.text.as_ref()?);
        let index = crate::line_index::LineIndex::new(text);
        let position = index.line_column(text, span.start);
        Some((position.line, position.column))
    }

    /// The message with the place in it, for one-line outputs.
    pub fn located_message(&self) -> String {
        match self.line_column() {
            Some((line, column)) => format!("{} (line {line}, column {column})", self.message),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

impl miette::Diagnostic for InputError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("factlint::input"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|help| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.text.as_ref().map(|text| text as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        self.text.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("here".to_string()),
            span,
        ))))
    }
}
