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
        .flat_map(|image| [doc.block_holding(image), doc.block_after(image)])
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
        let credited = has_credit(credits, &[&image.alt, &image.title])
            || block_credits.any(&neighbours)
            || html_caption_credits(doc, image, credits);
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
    let holder = doc.block_holding(image);
    neighbours.extend(holder);
    neighbours.extend(doc.block_after(image));
    let before = holder
        .unwrap_or_else(|| doc.blocks_up_to(image))
        .checked_sub(1);
    if let Some(previous) = before {
        if !captions.contains(&previous) {
            neighbours.push(previous);
        }
    }
    neighbours
}

/// Whether the HTML right after an image credits it. HTML is no prose, so its words never
/// reach a block: an `<img>` line runs on as one HTML block to the next blank line, taking the
/// credit line under it (`<img ...>` then `Photograph: Jane Doe/Reuters`), and a figure's
/// caption (`<figcaption>Photo: Jane Doe</figcaption>`) is HTML too, in the image's own block
/// or, after a Markdown image, in the HTML block right under its paragraph. The words of that
/// one block after the image, tags left out, are read; images in a row with no words between
/// them share the caption after the last.
fn html_caption_credits(doc: &Document, image: &Image, credits: &CreditPatterns) -> bool {
    let next_block = doc
        .block_after(image)
        .map_or(doc.source.len(), |index| doc.blocks[index].span().start);
    let holder = doc.block_holding(image);
    let html_image = doc.source[image.span.start..].starts_with('<');
    let from = if html_image && holder.is_none() {
        // An HTML image outside prose: the rest of its HTML block.
        image.span.end
    } else {
        // A Markdown image or one inside prose: an HTML block right under its paragraph.
        let after = holder.map_or(image.span.end, |holder| {
            doc.blocks[holder].span().end.max(image.span.end)
        });
        let gap = doc.source.get(after..next_block).unwrap_or("");
        let html_at = gap.len() - gap.trim_start().len();
        if !gap[html_at..].starts_with('<') || !gap[..html_at].contains('\n') {
            return false;
        }
        after + html_at
    };
    let mut end = next_block.clamp(from, from + CAPTION_HTML_BYTES);
    while !doc.source.is_char_boundary(end) {
        end -= 1;
    }
    let Some(rest) = doc.source.get(from..end) else {
        return false;
    };
    let html_block = &rest[..blank_line_in(rest).unwrap_or(rest.len())];
    let caption = html_words(html_block);
    !caption.is_empty() && credits.image_credit.is_match(&caption)
}

/// How much HTML after an image is read for its caption: a figure's caption sits within a few
/// hundred bytes of its image (a long `srcset` included), and a gallery of thousands of
/// images is not read to its end once per image.
const CAPTION_HTML_BYTES: usize = 4096;

/// Where the first blank line in `text` starts (an HTML block ends there).
fn blank_line_in(text: &str) -> Option<usize> {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if line_start > 0 && line.trim().is_empty() {
            return Some(line_start);
        }
        line_start += line.len();
    }
    None
}

/// The words of an HTML fragment up to the next image with words before it: tags and
/// comments left out, the entities a credit uses (`&copy;`, `&nbsp;`, `&amp;`) read, white
/// space collapsed.
fn html_words(html: &str) -> String {
    let mut words = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(tag) = rest.find('<') else {
            push_text(&mut words, rest);
            break;
        };
        push_text(&mut words, &rest[..tag]);
        let markup = &rest[tag..];
        if markup.len() >= 4 && markup[..4].eq_ignore_ascii_case("<img") && !words.is_empty() {
            break;
        }
        let end = if markup.starts_with("<!--") {
            markup.find("-->").map_or(markup.len(), |at| at + 3)
        } else {
            markup.find('>').map_or(markup.len(), |at| at + 1)
        };
        rest = &markup[end..];
        // A tag parts words: "<br>" and "</p><p>" are spaces.
        push_text(&mut words, " ");
    }
    words.trim().to_string()
}

/// Appends HTML text to `words`: entities read, runs of white space as one space.
fn push_text(words: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let (piece, skip) = match rest.find('&') {
            Some(0) => {
                let entity = ENTITIES.iter().find(|(name, _)| rest.starts_with(name));
                match entity {
                    Some((name, read)) => (*read, name.len()),
                    None => ("&", 1),
                }
            }
            Some(at) => (&rest[..at], at),
            None => (rest, rest.len()),
        };
        for c in piece.chars() {
            if c.is_whitespace() {
                if !words.is_empty() && !words.ends_with(' ') {
                    words.push(' ');
                }
            } else {
                words.push(c);
            }
        }
        rest = &rest[skip..];
    }
}

/// The HTML entities a caption's credit is written with.
const ENTITIES: &[(&str, &str)] = &[
    ("&copy;", "©"),
    ("&#169;", "©"),
    ("&#xa9;", "©"),
    ("&#xA9;", "©"),
    ("&nbsp;", " "),
    ("&#160;", " "),
    ("&amp;", "&"),
];

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
    fn a_credit_in_the_html_under_an_image_credits_it() {
        let credited = |source: &str| -> Vec<bool> {
            pictures(source, &Settings::embedded())
                .into_iter()
                .map(|(_, _, credited)| credited)
                .collect()
        };
        for source in [
            // The line under an <img> line is part of its HTML block.
            "Prose.\n\n<img src=\"a.jpg\" alt=\"Flood\">\nPhotograph: Jane Doe/Reuters\n\nProse.\n",
            "Prose.\n\n<img src=\"a.jpg\">\n*Picture: PA Wire*\n",
            // A figure's caption, on its lines or all on one.
            "Prose.\n\n<figure>\n<img src=\"a.jpg\">\n<figcaption>The square on Monday. \
             Photo: Jane Doe</figcaption>\n</figure>\n\nProse.\n",
            "<figure><img src=\"a.jpg\"><figcaption>Rescuers on Monday. &copy; AFP\
             </figcaption></figure>\n",
            "<p><img src=\"a.jpg\"></p>\n<p>The road on Tuesday. (Getty Images)</p>\n",
            // An HTML caption under a Markdown image (Medium's export).
            "![](a.jpg)\n\n<figcaption>Photo by <a href=\"https://unsplash.com/@jd\">Jane \
             Doe</a> on&nbsp;Unsplash</figcaption>\n\nProse.\n",
        ] {
            assert_eq!(credited(source), [true], "{source:?}");
        }
        for source in [
            // Nothing in the HTML block credits it; prose after a blank line is its own.
            "<img src=\"a.jpg\">\n<p>The bridge on Tuesday.</p>\n\nProse.\n",
            // The credit is in a comment, or past the blank line that ends the HTML block
            // and a paragraph that is the caption.
            "<img src=\"a.jpg\">\n<!-- Photo: Jane Doe -->\n",
            "<div>\n<img src=\"a.jpg\">\n\nThe bridge.\n\n<p>Photo: Jane Doe</p>\n</div>\n",
            // Prose between a Markdown image and the HTML.
            "![](a.jpg)\n\nThe bridge.\n\n<p>Photo: Jane Doe</p>\n",
        ] {
            assert_eq!(credited(source), [false], "{source:?}");
        }
        // One figure's caption credits its own image, not the one before with its own
        // caption; images in a row with no words between share the caption after them.
        let gallery = "<div>\n<img src=\"a.jpg\"><p>The bridge.</p>\n<img src=\"b.jpg\">\
                       <p>Photo: Jane Doe</p>\n</div>\n\n<div>\n<img src=\"c.jpg\">\n\
                       <img src=\"d.jpg\">\n<p>Photos: Jane Doe</p>\n</div>\n";
        assert_eq!(credited(gallery), [false, true, true, true]);
    }

    #[test]
    fn html_words_leave_tags_out_and_read_credit_entities() {
        assert_eq!(
            super::html_words(
                "<figcaption>The  road.<br>&copy;&nbsp;AFP &amp; Reuters</figcaption>"
            ),
            "The road. © AFP & Reuters"
        );
        assert_eq!(
            super::html_words("<p>A</p><!-- b > c --><img src=x><p>D</p>"),
            "A"
        );
        assert_eq!(
            super::html_words("<img src=x>\n<img src=y> <p>D &x</p>"),
            "D &x"
        );
        assert_eq!(super::html_words("</div>"), "");
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
