//! `credit-image` (FL401): an image, or a paragraph that is a photo caption, with no credit
//! in its alt text, title, caption or the paragraph next to it. The pictures and whether
//! each is credited are claims (`claims::credit`); the rule words the findings.

use super::{RuleContext, RuleId};
use crate::claims::credit::Picture;
use crate::claims::CreditGroup;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::span::Span;

const HELP: &str = "credit the photographer or source next to the image: “Photo: Jane Doe”, \
                    “Image Credit: NATO”, “(Photo by Jane Doe)”, “Jane Doe/Reuters”, \
                    “AP Photo/Jane Doe”, “Courtesy of …”";

pub fn check(cx: &RuleContext<CreditGroup>, out: &mut Vec<Diagnostic>) {
    for picture in cx.claims.pictures {
        match *picture {
            Picture::Image {
                span,
                credited: false,
            } => out.push(
                Diagnostic::new(RuleId::CreditImage, span, "image has no credit").with_help(HELP),
            ),
            Picture::Caption {
                opens_at,
                credited: false,
            } => {
                let mut finding = Diagnostic::new(
                    RuleId::CreditImage,
                    source_line_at(cx.doc, opens_at),
                    "photo caption has no credit",
                )
                .with_help(HELP);
                if let Some(credit) = cx.claims.article_credit {
                    // The article credits an image elsewhere: maybe this one.
                    finding = finding
                        .with_severity(Severity::Info)
                        .with_label(credit, "the article credits an image here: is it this one?");
                }
                out.push(finding);
            }
            Picture::Image { .. } | Picture::Caption { .. } => {}
        }
    }
}

/// From `offset` to the end of its source line (a caption is often one line of a paragraph).
pub(super) fn source_line_at(doc: &Document, offset: usize) -> Span {
    let line = doc.line_index.line_of(offset);
    let end = doc
        .line_index
        .line_start(line + 1)
        .unwrap_or(doc.source.len());
    let line_text = &doc.source[offset.min(end)..end];
    Span::new(offset, offset + line_text.trim_end().len())
}
