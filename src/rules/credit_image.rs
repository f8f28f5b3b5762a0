//! `credit-image` (FL401): an image, or a paragraph that is a photo caption, with no credit
//! in its alt text, title, caption or the paragraph next to it. The credit forms live in
//! `rules/style/credits.toml` (and a newsroom's own style folder).

use super::{RuleContext, RuleId};
use crate::claims::NoClaims;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Image};
use crate::span::Span;
use crate::style::credits::CreditPatterns;
use crate::style::word_lists::List;
use crate::style::words::Words;

const HELP: &str = "credit the photographer or source next to the image: “Photo: Jane Doe”, \
                    “Image Credit: NATO”, “(Photo by Jane Doe)”, “Jane Doe/Reuters”, \
                    “AP Photo/Jane Doe”, “Courtesy of …”";

pub fn check(cx: &RuleContext<NoClaims>, out: &mut Vec<Diagnostic>) {
    if !cx.settings.config.require_image_credit {
        return;
    }
    let credits = &cx.settings.style.credits;
    // Looked for only once a caption lacks a credit: most articles never need it.
    let article_credit = std::cell::OnceCell::new();
    let article_credit = || {
        *article_credit.get_or_init(|| {
            cx.doc.blocks.iter().find(|block| {
                credits.article_credit.is_match(block.text())
                    && credits.image_credit.is_match(block.text())
            })
        })
    };
    // Blocks already judged as an image's caption are not judged again as captions.
    let mut judged = vec![false; cx.doc.blocks.len()];
    let mut block_credits = BlockCredits::new(cx.doc, credits);
    // The block right after each image: its caption, which credits that image and not the
    // next one.
    let captions: std::collections::HashSet<usize> = cx
        .doc
        .images
        .iter()
        .filter_map(|image| block_after(cx.doc, image))
        .collect();
    for image in &cx.doc.images {
        let neighbours = image_neighbours(cx.doc, image, &captions);
        for &index in &neighbours {
            if let Some(slot) = judged.get_mut(index) {
                *slot = true;
            }
        }
        if is_decorative(image, &cx.settings.style.words)
            || has_credit(credits, &[&image.alt, &image.title])
            || block_credits.any(&neighbours)
        {
            continue;
        }
        out.push(
            Diagnostic::new(RuleId::CreditImage, image.span, "image has no credit").with_help(HELP),
        );
    }
    for (index, block) in cx.doc.body_blocks() {
        if judged[index] {
            continue;
        }
        let Some(caption) = credits.caption.find(block.text()) else {
            continue;
        };
        let neighbours = [index.wrapping_sub(1), index, index + 1];
        if block_credits.any(&neighbours) {
            continue;
        }
        let start = block.span_of(caption).start;
        let mut finding = Diagnostic::new(
            RuleId::CreditImage,
            source_line_at(cx.doc, start),
            "photo caption has no credit",
        )
        .with_help(HELP);
        if let Some(credit) = article_credit() {
            // The article credits an image elsewhere: maybe this one.
            finding = finding.with_severity(Severity::Info).with_label(
                credit.span(),
                "the article credits an image here: is it this one?",
            );
        }
        out.push(finding);
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

/// The blocks where an image's caption or credit may sit: the paragraph holding it and the
/// ones right before and after it. The one before is left out when it is another image's
/// caption: one image's credit does not cover the next, uncredited image.
fn image_neighbours(
    doc: &Document,
    image: &Image,
    captions: &std::collections::HashSet<usize>,
) -> Vec<usize> {
    let blocks_before = doc
        .blocks
        .partition_point(|block| block.span().start < image.span.start);
    let mut neighbours = Vec::with_capacity(3);
    // The paragraph the image sits in (it started before the image and runs past it).
    let holder = blocks_before
        .checked_sub(1)
        .filter(|&index| doc.blocks[index].span().end > image.span.start);
    neighbours.extend(holder);
    neighbours.extend(block_after(doc, image));
    let before = holder.map_or(blocks_before, |index| index).checked_sub(1);
    if let Some(previous) = before {
        if !captions.contains(&previous) {
            neighbours.push(previous);
        }
    }
    neighbours
}

/// The first block after an image (its caption, when it has one).
fn block_after(doc: &Document, image: &Image) -> Option<usize> {
    let index = doc
        .blocks
        .partition_point(|block| block.span().start < image.span.end);
    (index < doc.blocks.len()).then_some(index)
}

fn has_credit(credits: &CreditPatterns, texts: &[&String]) -> bool {
    texts.iter().any(|text| credits.image_credit.is_match(text))
}

/// Whether each block credits an image, worked out once per block: a paragraph holding
/// thousands of images would otherwise be searched once per image.
struct BlockCredits<'a> {
    doc: &'a Document<'a>,
    credits: &'a CreditPatterns,
    known: Vec<Option<bool>>,
}

impl<'a> BlockCredits<'a> {
    fn new(doc: &'a Document<'a>, credits: &'a CreditPatterns) -> Self {
        BlockCredits {
            doc,
            credits,
            known: vec![None; doc.blocks.len()],
        }
    }

    /// Whether any of `blocks` (indexes out of range are ignored) holds a credit.
    fn any(&mut self, blocks: &[usize]) -> bool {
        blocks.iter().any(|&index| {
            let Some(block) = self.doc.blocks.get(index) else {
                return false;
            };
            *self.known[index]
                .get_or_insert_with(|| self.credits.image_credit.is_match(block.text()))
        })
    }
}

/// Logos, icons and badges need no photo credit: the parts of an address that say so are
/// `images.decorative` of the word lists.
fn is_decorative(image: &Image, words: &Words) -> bool {
    let url = image.url.to_ascii_lowercase();
    words
        .list(List::DecorativeImages)
        .iter()
        .any(|word| url.contains(word))
}
