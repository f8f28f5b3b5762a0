//! Problems with inputs (articles, config and fact files) rather than findings in them. Each
//! names its file and, where it can, points into it.

use std::fmt;
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource, SourceCode};

use crate::span::Span;

/// A file that could not be read or understood. Reported, never a panic; the run goes on.
#[derive(Clone, Debug)]
pub struct InputError {
    pub path: String,
    pub message: String,
    /// Where in the file, when the file is text.
    pub span: Option<Span>,
    /// The file's text, so the span can be shown.
    pub text: Option<Arc<String>>,
    pub help: Option<String>,
}

impl InputError {
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

/// An [`InputError`] with its file attached as a named source, for miette rendering.
pub struct NamedInputError<'a> {
    pub error: &'a InputError,
    pub source: Option<NamedSource<Arc<String>>>,
}

impl<'a> NamedInputError<'a> {
    pub fn new(error: &'a InputError) -> Self {
        let source = error
            .text
            .as_ref()
            .map(|text| NamedSource::new(&error.path, Arc::clone(text)));
        Self { error, source }
    }
}

impl fmt::Debug for NamedInputError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.error, f)
    }
}

impl fmt::Display for NamedInputError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.error, f)
    }
}

impl std::error::Error for NamedInputError<'_> {}

impl miette::Diagnostic for NamedInputError<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.error.code()
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.error.help()
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.error.labels()
    }
}
