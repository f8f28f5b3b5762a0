//! Quotations and their speakers.

use std::ops::Range;

use crate::document::Document;
use crate::settings::Settings;
use crate::span::Span;

/// A direct quotation. Other rules read `span` (e.g. to leave quoted words alone).
#[derive(Clone, Debug)]
pub struct Quotation {
    /// Index into `Document::blocks` of the block where the quotation opens.
    pub block: usize,
    /// Range of the block's text, marks included (in the opening block).
    pub range: Range<usize>,
    /// Source span, marks included (may run over several paragraphs).
    pub span: Span,
    /// Who said it, when found.
    pub speaker: Option<Speaker>,
}

/// The person or body a quotation is attributed to.
#[derive(Clone, Debug)]
pub struct Speaker {
    pub name: String,
    pub span: Span,
}

pub fn extract(_doc: &Document, _settings: &Settings) -> Vec<Quotation> {
    Vec::new()
}
