//! Pictures and their credits: each image and each paragraph that is a photo caption, with
//! whether a credit is given beside it. What `credit-image` judges, so the rule never scans
//! the text itself. The credit and caption forms live in `rules/style/credits.toml` (and a
//! newsroom's own style folder).
//!
//! Found only when `credit-image` will read them (the rule is on and image credits are
//! required): the caption patterns are asked of every paragraph.

use std::collections::HashSet;

use super::ExtractContext;
use crate::document::{Document, Image};
use crate::span::Span;
use crate::style::credits::CreditPatterns;
use crate::style::word_lists::List;
use crate::style::words::Words;

/// An image, or a paragraph that is a photo caption, that needs a credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// An image (Markdown or HTML), credited in its alt text, its title, the paragraph
    /// holding it or the one before or after it.
    Image { span: Span, credited: bool },
    /// A photo caption away from any image, credited in itself or the paragraph before or
    /// after it; `opens_at` is where the caption starts in the source.
    Caption { opens_at: usize, credited: bool },
}

impl Picture {
    pub fn credited(&self) -> bool {
        match *self {
            Picture::Image { credited, .. } | Picture::Caption { credited, .. } => credited,
        }
    }
}

/// The article's pictures, and its article-wide image credit.
#[derive(Debug, Default)]
pub struct PictureClaims {
    /// The images needing a credit (logos and icons need none), in order, then the
    /// captions.
    pub pictures: Vec<Picture>,
    /// A paragraph crediting images for the whole article ("The thumbnail image used in
    /// this post is by X"): it may cover an uncredited caption. Looked for only once a
    /// caption lacks a credit.
    pub article_credit: Option<Span>,
}

/// The pictures of `doc` (the pipeline asks only when `credit-image` will judge them).
pub fn extract(doc: &Document, cx: &ExtractContext) -> PictureClaims {
    let mut claims = PictureClaims::default();
    let credits = &cx.style.credits;
    // Blocks already taken as an image's caption are not taken again as captions.
    let mut beside_an_image = vec![false; doc.blocks.len()];
    let mut block_credits = BlockCredits::new(doc, credits);
    // The paragraph holding each image and the block right after it: its caption, which
    // credits that image and not the next one.
    let captions: HashSet<usize> = doc
        .images
        .iter()
        .flat_map(|image| [holder(doc, image), block_after(doc, image)])
        .flatten()
        .collect();
    for image in &doc.images {
        let neighbours = image_neighbours(doc, image, &captions);
        for &index in &neighbours {
            if let Some(slot) = beside_an_image.get_mut(index) {
                *slot = true;
            }
        }
        if is_decorative(image, &cx.style.words) {
            continue;
        }
        let credited =
            has_credit(credits, &[&image.alt, &image.title]) || block_credits.any(&neighbours);
        claims.pictures.push(Picture::Image {
            span: image.span,
            credited,
        });
    }
    let mut uncredited_caption = false;
    for (index, block) in doc.body_blocks() {
        if beside_an_image[index] {
            continue;
        }
        let Some(caption) = credits.caption.find(block.text()) else {
            continue;
        };
        let credited = block_credits.any(&[index.wrapping_sub(1), index, index + 1]);
        uncredited_caption |= !credited;
        claims.pictures.push(Picture::Caption {
            opens_at: block.span_of(caption).start,
            credited,
        });
    }
    if uncredited_caption {
        claims.article_credit = doc
            .blocks
            .iter()
            .find(|block| {
                credits.article_credit.is_match(block.text())
                    && credits.image_credit.is_match(block.text())
            })
            .map(|block| block.span());
    }
    claims
}

/// The blocks where an image's caption or credit may sit: the paragraph holding it and the
/// ones right before and after it. The one before is left out when it is another image's
/// caption: one image's credit does not cover the next, uncredited image.
fn image_neighbours(doc: &Document, image: &Image, captions: &HashSet<usize>) -> Vec<usize> {
    let mut neighbours = Vec::with_capacity(3);
    let holder = holder(doc, image);
    neighbours.extend(holder);
    neighbours.extend(block_after(doc, image));
    let before = holder
        .unwrap_or_else(|| blocks_up_to(doc, image))
        .checked_sub(1);
    if let Some(previous) = before {
        if !captions.contains(&previous) {
            neighbours.push(previous);
        }
    }
    neighbours
}

/// How many blocks start at or before the image.
fn blocks_up_to(doc: &Document, image: &Image) -> usize {
    doc.blocks
        .partition_point(|block| block.span().start <= image.span.start)
}

/// The paragraph the image sits in: it starts with the image or before it and runs past its
/// start (the credit line under an image, "![...](...)\nPhotograph: Jane Doe/Reuters", is
/// in the same paragraph).
fn holder(doc: &Document, image: &Image) -> Option<usize> {
    blocks_up_to(doc, image)
        .checked_sub(1)
        .filter(|&index| doc.blocks[index].span().end > image.span.start)
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

#[cfg(test)]
mod tests {
    use super::{extract, ExtractContext, Picture, PictureClaims};
    use crate::claims::{ClaimGroup, Claims};
    use crate::document::Document;
    use crate::registry::RuleId;
    use crate::settings::Settings;

    /// The pictures the claim pipeline finds with `settings` (none when no rule needs them).
    fn claims_of(doc: &Document, settings: &Settings) -> PictureClaims {
        let mut claims = Claims::default();
        claims.extract_group(ClaimGroup::Credits, doc, settings);
        claims.pictures
    }

    /// Each picture as (what, its text from where it starts, credited).
    fn pictures(source: &str, settings: &Settings) -> Vec<(&'static str, String, bool)> {
        let doc = Document::parse(source);
        claims_of(&doc, settings)
            .pictures
            .iter()
            .map(|picture| match *picture {
                Picture::Image { span, credited } => ("image", span.text(source).into(), credited),
                Picture::Caption { opens_at, credited } => {
                    let line = source[opens_at..].lines().next().unwrap_or_default();
                    ("caption", line.to_string(), credited)
                }
            })
            .collect()
    }

    #[test]
    fn images_and_captions_with_their_credits() {
        let source = "![Ministers](a.jpg)\n\nMinisters in Bucharest. Photo: Jane Doe\n\n\
                      ![The square](b.jpg)\n\n![Logo](logo.png)\n\nSome prose here.\n\n\
                      Pictured: the minister on Monday\n\nMore prose.\n\n\
                      Official photo of NATO Ministers\n\nImage Credit: NATO\n";
        assert_eq!(
            pictures(source, &Settings::embedded()),
            [
                ("image", "![Ministers](a.jpg)".to_string(), true),
                ("image", "![The square](b.jpg)".to_string(), false),
                (
                    "caption",
                    "Pictured: the minister on Monday".to_string(),
                    false
                ),
                (
                    "caption",
                    "Official photo of NATO Ministers".to_string(),
                    true
                ),
            ]
        );
    }

    #[test]
    fn a_credit_line_under_the_image_credits_it_and_not_the_next_one() {
        let source = "Prose.\n\n![Flood](a.jpg)\nPhotograph: Jane Doe/Reuters\n\n\
                      ![Boats](b.jpg) Source: the council\n\n\
                      ![Bridge](c.jpg)\nThe bridge on Tuesday.\n\n\
                      ![Square](d.jpg)\n";
        let credited: Vec<bool> = pictures(source, &Settings::embedded())
            .into_iter()
            .map(|(_, _, credited)| credited)
            .collect();
        // The last image follows an uncredited caption, not the credit of an image before.
        assert_eq!(credited, [true, true, false, false]);
    }

    #[test]
    fn prose_holds_no_pictures() {
        let source = "The ministers met in Bucharest (photo opportunity aside) on Monday.\n\n\
                      The photo of the minister went viral.\n";
        assert!(pictures(source, &Settings::embedded()).is_empty());
    }

    #[test]
    fn the_article_credit_is_looked_for_once_a_caption_lacks_one() {
        let source = "Pictured: the minister\n\nSome prose.\n\nThe thumbnail image used in \
                      this post is by Jane Doe.\n";
        let doc = Document::parse(source);
        let claims = claims_of(&doc, &Settings::embedded());
        assert_eq!(
            claims.article_credit.map(|span| span.start),
            Some(source.find("The thumbnail").unwrap())
        );
        let credited = "Pictured: the minister. Photo: Jane Doe\n\nSome prose.\n\nThe \
                        thumbnail image used in this post is by Jane Doe.\n";
        let doc = Document::parse(credited);
        let settings = Settings::embedded();
        assert_eq!(
            extract(&doc, &ExtractContext::of(&settings)).article_credit,
            None
        );
    }

    #[test]
    fn none_are_found_when_the_rule_is_off_or_credits_are_not_required() {
        let source = "![The square](b.jpg)\n\nSome prose.\n\nPictured: the minister\n";
        let mut settings = Settings::embedded();
        settings.selection.ignore.insert(RuleId::CreditImage);
        assert!(pictures(source, &settings).is_empty());
        let mut settings = Settings::embedded();
        settings.config.require_image_credit = false;
        assert!(pictures(source, &settings).is_empty());
        assert_eq!(pictures(source, &Settings::embedded()).len(), 2);
    }
}
